import { Model } from 'objection';
import { z } from 'zod';
import { defineResource, rolePolicy } from '../../core/resource';

export class OutboxMessage extends Model {
  static override tableName = 'outbox_messages';
}

/**
 * Mail the system recorded (and sent, with SMTP), bodies with their links redacted (mail/redact.ts): admins read it
 * all; developers see that mail flows (when, which subject, how), not to whom nor what it said.
 */
export const outboxMessagesResource = defineResource({
  name: 'outbox_messages',
  model: OutboxMessage,
  policy: rolePolicy({ admin: ['list', 'read'], developer: ['list', 'read'] }),
  sortable: ['created_at', 'to', 'subject'],
  searchable: ['to', 'subject'],
  filterable: { to: ['eq'], transport: ['eq'], created_at: ['gte', 'lte'] },
  writable: {},
  schema: z.object({}),
  contactFields: ['to'],
  visible: (actor) => (actor.role === 'admin' ? '*' : ['id', 'created_at', 'subject', 'transport']),
  defaultSort: ['created_at', 'DESC'],
});
