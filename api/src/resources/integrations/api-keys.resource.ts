import { z } from 'zod';
import { defineResource, rolePolicy } from '../../core/resource';
import { tableModel } from '../../core/table-model';

/**
 * Integration keys (made with POST /api_keys, which shows the key once): admins see and revoke every key,
 * developers their own. Revoking is deleting; the audit log keeps the history.
 */
export const apiKeysResource = defineResource({
  name: 'api_keys',
  model: tableModel('api_keys'),
  policy: rolePolicy({ admin: ['list', 'read', 'delete'], developer: ['list', 'read', 'delete'] }, (actor, query) => {
    if (actor.role === 'developer') query.where('api_keys.user_id', actor.id);
  }),
  sortable: ['name', 'created_at', 'last_used_at', 'expires_at'],
  searchable: ['name'],
  filterable: { user_id: ['eq', 'in'] },
  writable: {},
  schema: z.object({}),
  hidden: ['token_hash'],
  columns: { user_name: 'key_users.name', user_email: 'key_users.email', user_role: 'key_users.role' },
  joins: (query) => query.join('users as key_users', 'key_users.id', 'api_keys.user_id'),
  defaultSort: ['created_at', 'DESC'],
});
