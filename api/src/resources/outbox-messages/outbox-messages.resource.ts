import { Model } from 'objection';
import { z } from 'zod';
import { defineResource, rolePolicy } from '../../core/resource';

export class OutboxMessage extends Model {
  static override tableName = 'outbox_messages';
}

/** Mail the system sent: full bodies only in the dev outbox (no SMTP configured). */
export const outboxMessagesResource = defineResource({
  name: 'outbox_messages',
  model: OutboxMessage,
  policy: rolePolicy({ admin: ['list', 'read'], developer: ['list', 'read'] }),
  sortable: ['created_at', 'to', 'subject'],
  searchable: ['to', 'subject'],
  filterable: { to: ['eq'], transport: ['eq'], created_at: ['gte', 'lte'] },
  writable: {},
  schema: z.object({}),
  defaultSort: ['created_at', 'DESC'],
});
