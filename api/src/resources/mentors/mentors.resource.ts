import { z } from 'zod';
import { defineResource, rolePolicy } from '../../core/resource';
import { User } from '../users/user.model';

const PUBLIC = ['id', 'name', 'email', 'phone', 'status', 'avatar_url', 'mission_count', 'pairing_count'];

/** Mentor accounts, read-only, for the staff who assign them (managers, SREs): a directory, not user admin. */
export const mentorsResource = defineResource({
  name: 'mentors',
  model: User,
  policy: rolePolicy({ admin: ['list', 'read'], manager: ['list', 'read'], sre: ['list', 'read'], developer: ['list', 'read'] }, (_actor, query) => {
    query.where('users.role', 'mentor');
  }),
  sortable: ['name', 'email', 'status', 'mission_count', 'pairing_count'],
  searchable: ['name', 'email'],
  filterable: {
    status: ['eq', 'in'],
    mission_id: { ops: ['eq', 'in'], apply: (query, _op, value) => query.whereRaw('users.id IN (SELECT mentor_id FROM mission_mentors WHERE mission_id = ANY(?::bigint[]))', [[value].flat()]) },
  },
  writable: {},
  schema: z.object({}),
  visible: () => PUBLIC,
  columns: { mission_count: 'mentor_stats.mission_count', pairing_count: 'mentor_stats.pairing_count' },
  joins: (query) =>
    query.joinRaw(
      `LEFT JOIN LATERAL (SELECT (SELECT count(*) FROM mission_mentors mm WHERE mm.mentor_id = users.id)::int AS mission_count,
                                 (SELECT count(*) FROM mentor_pairings mp WHERE mp.mentor_id = users.id)::int AS pairing_count) mentor_stats ON true`,
    ),
  defaultSort: ['name', 'ASC'],
});
