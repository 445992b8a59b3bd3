import { z } from 'zod';
import { assertNotRestricted } from '../../core/actor';
import { errors } from '../../core/errors';
import { fields } from '../../core/fields';
import { defineResource, rolePolicy } from '../../core/resource';
import { tableModel } from '../../core/table-model';
import type { Links } from '../../auth/links';
import type { Mailer } from '../../mail/mailer';
import { ticketScope } from './tickets.resource';

/** Messages in a ticket's thread; a reply notifies the other side by email. */
export function ticketMessagesResource(deps: { mailer: Mailer; links: Links; portalUrl: string; backofficeUrl: string }) {
  return defineResource({
    name: 'ticket_messages',
    model: tableModel('ticket_messages', ['links']),
    policy: rolePolicy(
      { admin: ['list', 'read', 'create'], sre: ['list', 'read', 'create'], mentor: ['list', 'read', 'create'], student: ['list', 'read', 'create'] },
      (actor, query) => {
        query.join('tickets', 'tickets.id', 'ticket_messages.ticket_id');
        ticketScope(actor, query);
      },
    ),
    sortable: ['created_at'],
    searchable: ['body'],
    filterable: { ticket_id: ['eq', 'in'], author_id: ['eq'], created_at: ['gte', 'lte'] },
    writable: { any: ['ticket_id', 'body', 'links'] },
    schema: z.object({
      ticket_id: fields.id,
      body: z.string().trim().min(1, 'Write your message.').max(20000, 'The message is too long.'),
      links: z.array(z.string().url('Attachments are links.').regex(/^https?:\/\//, 'Attachments must be http(s) links.')).max(10, 'At most 10 links.').optional(),
    }),
    columns: { author_name: 'authors.name', author_role: 'authors.role' },
    joins: (query) => query.join('users as authors', 'authors.id', 'ticket_messages.author_id'),
    defaultSort: ['created_at', 'ASC'],
    async validate(data, _existing, ctx) {
      const query = ctx.trx('tickets').where('tickets.id', data.ticket_id as number);
      ticketScope(ctx.actor, query as never);
      const ticket = await query.first('tickets.recipient', 'tickets.status');
      if (!ticket) throw errors.notFound('ticket');
      if (ctx.actor.role === 'student' && ticket.recipient === 'mentor') assertNotRestricted(ctx.actor, 'writing to your mentor');
    },
    async insert(data, ctx) {
      const fromStudent = ctx.actor.role === 'student';
      const [row] = await ctx.trx('ticket_messages')
        .insert({ ticket_id: data.ticket_id, body: data.body, links: JSON.stringify(data.links ?? []), author_id: ctx.actor.id })
        .returning('id');
      const [ticket] = await ctx.trx('tickets')
        .where({ id: data.ticket_id })
        .update(
          fromStudent
            ? { last_message_at: ctx.trx.fn.now(), last_student_message_at: ctx.trx.fn.now(), status: 'open' }
            : { last_message_at: ctx.trx.fn.now(), last_staff_reply_at: ctx.trx.fn.now(), status: 'waiting' },
        )
        .returning(['id', 'student_id', 'mission_id', 'recipient', 'subject']);
      const recipients = fromStudent
        ? ticket.recipient === 'mentor'
          ? await ctx.trx('mentor_pairings as p').join('users as u', 'u.id', 'p.mentor_id').where({ 'p.student_id': ticket.student_id, 'p.mission_id': ticket.mission_id }).pluck('u.email')
          : []
        : await ctx.trx('users').where({ id: ticket.student_id }).pluck('email');
      const link = fromStudent ? `${deps.backofficeUrl}/#/tickets/${ticket.id}/show` : `${deps.portalUrl}/tickets/${ticket.id}`;
      for (const to of recipients) {
        await deps.mailer.send(ctx.trx, { to, subject: `New reply: ${ticket.subject}`, text: `${ctx.actor.name} wrote on the ticket “${ticket.subject}”:\n\n${data.body}\n\nReply here: ${link}\n` });
      }
      return Number(row.id);
    },
    constraintMessages: { ticket_messages_ticket_id_fkey: 'That ticket does not exist.' },
  });
}
