import { z } from 'zod';
import { errors } from '../../core/errors';
import { fields } from '../../core/fields';
import { defineResource, rolePolicy } from '../../core/resource';
import { tableModel } from '../../core/table-model';
import { CALL_OUTCOMES } from '@sms/db/migrations/20261127000800_create_outreach';
import { whereStudentPairedWith } from '../scopes';

/**
 * Every call made to a student: outcome, notes and when to try again. Append-only for callers (a correction is
 * a new log). Logging a listed call moves the call on (the database's call_logs_advance_call trigger).
 * Mentors read the calls about their own students, so they know what the SRE team heard.
 */
export const callLogsResource = defineResource({
  name: 'call_logs',
  model: tableModel('call_logs'),
  policy: rolePolicy(
    {
      admin: ['list', 'read', 'create', 'delete'],
      sre: ['list', 'read', 'create'],
      manager: ['list', 'read'],
      developer: ['list', 'read'],
      mentor: ['list', 'read'],
    },
    (actor, query) => {
      if (actor.role === 'mentor') whereStudentPairedWith(query, 'call_logs.student_id', actor.id);
    },
  ),
  sortable: ['called_at', 'follow_up_on', 'outcome'],
  searchable: ['notes'],
  filterable: {
    student_id: ['eq', 'in'],
    call_id: ['eq', 'in'],
    caller_id: ['eq', 'in'],
    outcome: ['eq', 'in'],
    called_at: ['gte', 'lte'],
    follow_up_on: ['gte', 'lte', 'neq'],
  },
  writable: { any: ['call_id', 'student_id', 'outcome', 'notes', 'follow_up_on'] },
  schema: z
    .object({
      call_id: fields.id.nullable().optional(),
      student_id: fields.id.optional(),
      outcome: z.enum(CALL_OUTCOMES, { error: `Choose what happened: ${CALL_OUTCOMES.join(', ').replace(/_/g, ' ')}.` }),
      notes: z.string().trim().max(5000, 'Notes are too long (5,000 characters at most).').default(''),
      follow_up_on: fields.date.nullable().optional(),
    })
    .superRefine((data, ctx) => {
      if (data.outcome === 'reschedule' && !data.follow_up_on) {
        ctx.addIssue({ code: 'custom', path: ['follow_up_on'], message: 'Pick the follow-up date the student asked for.' });
      }
      if (!data.call_id && !data.student_id) {
        ctx.addIssue({ code: 'custom', path: ['student_id'], message: 'Choose the student you called.' });
      }
    }) as unknown as z.ZodObject<z.ZodRawShape>,
  columns: { caller_name: 'callers.name', student_name: 'log_students.name' },
  joins: (query) => query.join('users as callers', 'callers.id', 'call_logs.caller_id').join('users as log_students', 'log_students.id', 'call_logs.student_id'),
  defaultSort: ['called_at', 'DESC'],
  async beforeCreate(data, ctx) {
    if (data.follow_up_on) {
      const { rows } = await ctx.trx.raw(`SELECT ?::date < (now() AT TIME ZONE timezone)::date AS past FROM users WHERE id = ?`, [String(data.follow_up_on), ctx.actor.id]);
      if (rows[0]?.past) throw errors.validation('The follow-up date is in the past; pick today or a later day.', { follow_up_on: 'in the past' });
    }
    if (!data.call_id) return data;
    const call = await ctx.trx('calls').where({ id: data.call_id }).first('student_id');
    if (!call) throw errors.validation('That call does not exist.', { call_id: 'not found' });
    if (data.student_id && Number(data.student_id) !== Number(call.student_id)) {
      throw errors.validation('That call is about another student.', { student_id: 'not the student of this call' });
    }
    return { ...data, student_id: call.student_id };
  },
  stamp: (ctx) => ({ caller_id: ctx.actor.id }),
  constraintMessages: {
    call_logs_reschedule_dated: 'Pick the follow-up date the student asked for.',
    call_logs_student_id_fkey: 'That student does not exist.',
    call_logs_call_fkey: 'That call is about another student.',
  },
});
