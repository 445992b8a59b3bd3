import { z } from 'zod';
import { defineResource, rolePolicy } from '../../core/resource';
import { User } from '../users/user.model';

const PUBLIC = ['id', 'name', 'email', 'phone', 'status', 'timezone', 'open_calls', 'due_calls'];

/** SRE accounts, read-only, for whoever splits or reassigns calls: a directory with each SRE's open and due calls. */
export const sresResource = defineResource({
  name: 'sres',
  model: User,
  policy: rolePolicy({ admin: ['list', 'read'], manager: ['list', 'read'], sre: ['list', 'read'], developer: ['list', 'read'] }, (_actor, query) => {
    query.where('users.role', 'sre');
  }),
  sortable: ['name', 'email', 'status', 'open_calls', 'due_calls'],
  searchable: ['name', 'email'],
  filterable: { status: ['eq', 'in'] },
  writable: {},
  schema: z.object({}),
  visible: () => PUBLIC,
  columns: { open_calls: 'sre_stats.open_calls', due_calls: 'sre_stats.due_calls' },
  joins: (query) =>
    query.joinRaw(
      `LEFT JOIN LATERAL (
         SELECT count(*)::int AS open_calls,
                count(*) FILTER (WHERE c.due_on <= (now() AT TIME ZONE users.timezone)::date)::int AS due_calls
         FROM calls c WHERE c.assigned_to = users.id AND c.status = 'open'
       ) sre_stats ON true`,
    ),
  defaultSort: ['name', 'ASC'],
});
