import { Model } from 'objection';
import { z } from 'zod';
import { defineResource, rolePolicy } from '../../core/resource';

export class OutboxMessage extends Model {
  static override tableName = 'outbox_messages';
}

/**
 * Mail the system recorded (and sent, with SMTP), bodies with their links redacted (mail/redact.ts): admins read it
 * all; developers see that mail flows (when, which subject, how, its delivery status and attempts), not to whom nor
 * what it said. Status: queued (a `mail` job will try, again after a failure), sent, failed (after the last
 * attempt; `error` says why), recorded (no SMTP configured). `attempts`: [{at, outcome, error}] per attempt.
 */
export const outboxMessagesResource = defineResource({
  name: 'outbox_messages',
  model: OutboxMessage,
  policy: rolePolicy({ admin: ['list', 'read'], developer: ['list', 'read'] }),
  sortable: ['created_at', 'to', 'subject', 'status'],
  searchable: ['to', 'subject'],
  filterable: { to: ['eq'], transport: ['eq'], status: ['eq', 'in'], created_at: ['gte', 'lte'] },
  writable: {},
  schema: z.object({}),
  contactFields: ['to'],
  visible: (actor) => (actor.role === 'admin' ? '*' : ['id', 'created_at', 'subject', 'transport', 'status', 'sent_at', 'error', 'attempts']),
  defaultSort: ['created_at', 'DESC'],
});
