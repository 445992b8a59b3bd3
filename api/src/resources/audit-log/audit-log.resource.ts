import { Model } from 'objection';
import { z } from 'zod';
import { defineResource, rolePolicy } from '../../core/resource';

export class AuditEntry extends Model {
  static override tableName = 'audit_log';
}

/** The append-only history of every change; read-only for admins and developers. */
export const auditLogResource = defineResource({
  name: 'audit_log',
  model: AuditEntry,
  policy: rolePolicy({ admin: ['list', 'read'], developer: ['list', 'read'] }),
  sortable: ['at', 'action', 'resource', 'actor_user_id'],
  searchable: ['resource', 'action', 'record_id'],
  filterable: {
    resource: ['eq', 'in'],
    action: ['eq', 'in'],
    record_id: ['eq'],
    actor_user_id: ['eq', 'in'],
    actor_role: ['eq', 'in'],
    request_id: ['eq'],
    at: ['gte', 'lte', 'gt', 'lt'],
  },
  writable: {},
  schema: z.object({}),
  defaultSort: ['at', 'DESC'],
  columns: { actor_name: 'actors.name', actor_email: 'actors.email' },
  joins: (query) => query.leftJoin('users as actors', 'actors.id', 'audit_log.actor_user_id'),
});
