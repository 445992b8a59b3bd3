import { z } from 'zod';
import { errors } from '../../core/errors';
import { fields } from '../../core/fields';
import { defineResource, rolePolicy } from '../../core/resource';
import { tableModel } from '../../core/table-model';
import type { Mailer } from '../../mail/mailer';

/**
 * Actions on a case: warning, restrict, ban, delist, each with an optional end. The database moves the
 * student's status with them and ends a banned student's sessions. An action is never edited, only lifted
 * (with a reason), which is itself audited.
 */
export function integrityActionsResource(deps: { mailer: Mailer; portalUrl: string }) {
  return defineResource({
    name: 'integrity_actions',
    model: tableModel('integrity_actions'),
    policy: rolePolicy(
      {
        admin: ['list', 'read', 'create', 'update'],
        sre: ['list', 'read', 'create', 'update'],
        manager: ['list', 'read'],
        developer: ['list', 'read'],
        mentor: ['list', 'read'],
        student: ['list', 'read'],
      },
      (actor, query) => {
        if (actor.role === 'mentor') query.whereRaw('integrity_actions.student_id IN (SELECT student_id FROM mentor_pairings WHERE mentor_id = ?)', [actor.id]);
        if (actor.role === 'student') query.where('integrity_actions.student_id', actor.id);
      },
    ),
    sortable: ['taken_at', 'action', 'ends_at', 'lifted_at'],
    searchable: [],
    filterable: { case_id: ['eq', 'in'], student_id: ['eq', 'in'], action: ['eq', 'in'], taken_at: ['gte', 'lte'], lifted_at: ['eq'] },
    writable: { admin: ['case_id', 'action', 'reason', 'ends_at', 'lift_reason'], sre: ['case_id', 'action', 'reason', 'ends_at', 'lift_reason'] },
    schema: z.object({
      case_id: fields.id,
      action: z.enum(['warning', 'restrict', 'ban', 'delist'], { error: 'Action must be warning, restrict, ban or delist.' }),
      reason: z.string().trim().min(1, 'Give the reason the student will read.').max(5000, 'The reason is too long.'),
      ends_at: z.string().datetime({ offset: true, message: 'Give the end as a date and time with its zone.' }).nullable().optional(),
      lift_reason: z.string().trim().min(1, 'Say why the action is lifted.').max(5000, 'The reason is too long.').optional(),
    }),
    columns: { taken_by_name: 'takers.name', lifted_by_name: 'lifters.name', student_name: 'students_u.name' },
    joins: (query) =>
      query
        .join('users as takers', 'takers.id', 'integrity_actions.taken_by')
        .leftJoin('users as lifters', 'lifters.id', 'integrity_actions.lifted_by')
        .join('users as students_u', 'students_u.id', 'integrity_actions.student_id'),
    defaultSort: ['taken_at', 'DESC'],
    validate(data, existing) {
      if (!existing && 'lift_reason' in data) throw errors.validation('Take the action first; lift it afterwards.', { lift_reason: 'only when lifting' });
      if (existing) {
        const edits = Object.keys(data).filter((key) => key !== 'lift_reason');
        if (edits.length) throw errors.validation("An action can't be edited. Lift it with a reason and take a new one.", Object.fromEntries(edits.map((k) => [k, 'cannot change'])));
        if (existing.lifted_at) throw errors.conflict('This action is already lifted.');
      }
    },
    async insert(data, ctx) {
      const kase = await ctx.trx('integrity_cases').where({ id: data.case_id }).forUpdate().first('student_id', 'status');
      if (!kase) throw errors.validation('That case does not exist.', { case_id: 'does not exist' });
      const [row] = await ctx.trx('integrity_actions').insert({ ...data, student_id: kase.student_id, taken_by: ctx.actor.id }).returning(['id', 'action', 'reason', 'ends_at']);
      await ctx.trx('integrity_cases').where({ id: data.case_id }).update({ status: 'open' });
      const student = await ctx.trx('users').where({ id: kase.student_id }).first('email', 'name');
      await deps.mailer.send(ctx.trx, {
        to: student.email,
        subject: `Academic integrity: ${row.action}`,
        text: `Hello ${student.name},\n\nThe school has taken this action on your account: ${row.action}${row.ends_at ? ` until ${new Date(row.ends_at).toISOString()}` : ''}.\nReason: ${row.reason}\n\nYou can read the case and appeal in the student portal: ${deps.portalUrl}/standing\n`,
      });
      return Number(row.id);
    },
    async patch(ids, data, ctx) {
      if (data.lift_reason) {
        await ctx.trx('integrity_actions').whereIn('id', ids).whereNull('lifted_at').update({ lifted_at: ctx.trx.fn.now(), lifted_by: ctx.actor.id, lift_reason: data.lift_reason });
      }
    },
    constraintMessages: {
      integrity_actions_ends_after_start: 'The end must be in the future.',
      integrity_actions_case_id_fkey: 'That case does not exist.',
    },
  });
}
