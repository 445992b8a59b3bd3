import { z } from 'zod';
import { assertNotRestricted } from '../../core/actor';
import { errors } from '../../core/errors';
import { fields } from '../../core/fields';
import { defineResource, rolePolicy } from '../../core/resource';
import { tableModel } from '../../core/table-model';
import type { Model, QueryBuilder } from 'objection';
import type { Actor } from '../../core/actor';

/** Which tickets an actor may see: the student's own; a mentor's students' mentor tickets; the SRE inbox. */
export function ticketScope(actor: Actor, query: QueryBuilder<Model>, table = 'tickets'): void {
  if (actor.role === 'student') query.where(`${table}.student_id`, actor.id);
  if (actor.role === 'mentor') {
    query.whereRaw(
      `${table}.recipient = 'mentor' AND EXISTS (SELECT 1 FROM mentor_pairings p WHERE p.mentor_id = ? AND p.student_id = ${table}.student_id AND p.mission_id = ${table}.mission_id)`,
      [actor.id],
    );
  }
  if (actor.role === 'sre') query.where(`${table}.recipient`, 'sre');
}

const linkList = z.array(z.string().url('Attachments are links.').regex(/^https?:\/\//, 'Attachments must be http(s) links.')).max(10, 'At most 10 links.').optional();

/** Private tickets from a student to their mentor (for a mission) or to the SRE team, as threads. */
export const ticketsResource = defineResource({
  name: 'tickets',
  model: tableModel('tickets'),
  policy: rolePolicy(
    { admin: ['list', 'read', 'update'], sre: ['list', 'read', 'update'], mentor: ['list', 'read', 'update'], student: ['list', 'read', 'create', 'update'] },
    ticketScope,
  ),
  sortable: ['last_message_at', 'created_at', 'status', 'waiting_since'],
  searchable: ['subject', 'student_name'],
  filterable: { status: ['eq', 'in', 'neq'], recipient: ['eq'], mission_id: ['eq', 'in'], student_id: ['eq'], created_at: ['gte', 'lte'] },
  writable: { student: ['recipient', 'mission_id', 'subject', 'body', 'links', 'status'], admin: ['status'], sre: ['status'], mentor: ['status'] },
  schema: z.object({
    recipient: z.enum(['mentor', 'sre'], { error: 'Send the ticket to your mentor or to the SRE team.' }),
    mission_id: fields.id.nullable().optional(),
    subject: z.string().trim().min(1, 'Write a subject.').max(200, 'Keep the subject under 200 characters.'),
    body: z.string().trim().min(1, 'Write your message.').max(20000, 'The message is too long.'),
    links: linkList,
    status: z.enum(['open', 'waiting', 'closed'], { error: 'Status must be open, waiting or closed.' }).optional(),
  }),
  columns: {
    student_name: 'students_u.name',
    mission_code: 'missions.code',
    message_count: 'ticket_state.message_count',
    mentor_names: 'ticket_state.mentor_names',
    waiting_since: 'ticket_state.waiting_since',
  },
  joins: (query) =>
    query
      .join('users as students_u', 'students_u.id', 'tickets.student_id')
      .leftJoin('missions', 'missions.id', 'tickets.mission_id')
      .joinRaw(
        `LEFT JOIN LATERAL (SELECT (SELECT count(*) FROM ticket_messages m WHERE m.ticket_id = tickets.id)::int AS message_count,
                                   (SELECT string_agg(u.name, ', ' ORDER BY u.name) FROM mentor_pairings p JOIN users u ON u.id = p.mentor_id
                                     WHERE tickets.recipient = 'mentor' AND p.student_id = tickets.student_id AND p.mission_id = tickets.mission_id) AS mentor_names,
                                   CASE WHEN tickets.status <> 'closed' AND (tickets.last_staff_reply_at IS NULL OR tickets.last_staff_reply_at < tickets.last_student_message_at)
                                        THEN tickets.last_student_message_at END AS waiting_since) ticket_state ON true`,
      ),
  defaultSort: ['last_message_at', 'DESC'],
  async validate(data, existing, ctx) {
    if (existing) {
      const edits = Object.keys(data).filter((key) => key !== 'status');
      if (edits.length) throw errors.validation('Only the status of a ticket changes; add a message to say more.', Object.fromEntries(edits.map((k) => [k, 'cannot change'])));
      if (ctx.actor.role === 'student' && data.status !== 'closed') throw errors.validation('You can close your ticket; writing a new message reopens it.', { status: 'students can only close' });
      return;
    }
    if (data.recipient === 'mentor') {
      assertNotRestricted(ctx.actor, 'writing to your mentor');
      if (!data.mission_id) throw errors.validation('Choose the mission your mentor is on.', { mission_id: 'is required for a mentor ticket' });
      const paired = await ctx.trx('mentor_pairings').where({ student_id: ctx.actor.id, mission_id: data.mission_id }).first('id');
      if (!paired) throw errors.validation('You have no mentor on this mission yet. Write to the SRE team instead.', { mission_id: 'no mentor yet' });
    }
  },
  async insert(data, ctx) {
    const { body, links, ...ticket } = data as Record<string, unknown> & { body: string; links?: string[] };
    const [row] = await ctx.trx('tickets').insert({ ...ticket, status: 'open', student_id: ctx.actor.id }).returning('id');
    await ctx.trx('ticket_messages').insert({ ticket_id: row.id, author_id: ctx.actor.id, body, links: JSON.stringify(links ?? []) });
    return Number(row.id);
  },
  constraintMessages: { tickets_mentor_needs_mission: 'Choose the mission your mentor is on.' },
});
