import { Model } from 'objection';
import { z } from 'zod';
import { defineResource, rolePolicy } from '../../core/resource';

export class AppLog extends Model {
  static override tableName = 'app_logs';
}

/** Every API node's log lines that developers read (4xx/5xx answers, errors with their message); read-only. */
export const appLogsResource = defineResource({
  name: 'app_logs',
  model: AppLog,
  policy: rolePolicy({ admin: ['list', 'read'], developer: ['list', 'read'] }),
  sortable: ['at', 'level', 'status', 'route', 'duration_ms'],
  searchable: ['message', 'route'],
  filterable: {
    level: ['eq', 'in'],
    route: ['eq', 'in'],
    request_id: ['eq'],
    user_id: ['eq', 'in'],
    status: ['eq', 'gte', 'lte'],
    node: ['eq'],
    at: ['gte', 'lte', 'gt', 'lt'],
  },
  writable: {},
  schema: z.object({}),
  defaultSort: ['at', 'DESC'],
  columns: { user_name: 'log_users.name' },
  joins: (query) => query.leftJoin('users as log_users', 'log_users.id', 'app_logs.user_id'),
});
