import { z } from 'zod';
import type { Actor } from '../../core/actor';
import { errors } from '../../core/errors';
import { fields } from '../../core/fields';
import { defineResource, rolePolicy, type WriteContext } from '../../core/resource';
import { tableModel } from '../../core/table-model';
import type { Links } from '../../auth/links';
import { issueToken } from '../../auth/tokens';
import type { Mailer } from '../../mail/mailer';
import { mailTemplates } from '../../mail/templates';
import { whereStudentPairedWith } from '../scopes';
import { NOT_ACKNOWLEDGED_SQL } from '../notices/audience';

export const STUDENT_STATUSES = ['active', 'banned', 'delisted'] as const;
const USER_FIELDS = ['name', 'email', 'phone'] as const;
const STUDENT_FIELDS = ['address', 'status', 'status_reason'] as const;

type Row = Record<string, unknown>;

const pick = (data: Row, keys: readonly string[]) => Object.fromEntries(Object.entries(data).filter(([key]) => keys.includes(key)));

/** Status changes record who and when; going back to active clears the reason. */
function studentPatch(data: Row, actor: Actor): Row {
  const patch = pick(data, STUDENT_FIELDS);
  if ('status' in patch) {
    patch.status_changed_at = new Date();
    patch.status_changed_by = actor.id;
    if (patch.status === 'active') patch.status_reason = null;
  }
  return patch;
}

export function studentsResource(deps: { mailer: Mailer; links: Links }) {
  return defineResource({
    name: 'students',
    model: tableModel('students'),
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
        if (actor.role === 'mentor') whereStudentPairedWith(query, 'students.id', actor.id);
        if (actor.role === 'student') query.where('students.id', actor.id);
      },
    ),
    sortable: ['name', 'email', 'status', 'created_at', 'status_changed_at', 'last_sign_in_at'],
    // Contact fields are searched only for roles that may see them (core/contacts.ts).
    searchable: ['name', 'email', 'phone'],
    filterable: {
      status: ['eq', 'in', 'neq'],
      created_at: ['gte', 'lte'],
      batch_id: {
        ops: ['eq', 'in'],
        apply: (query, _op, value) =>
          query.whereRaw('students.id IN (SELECT student_id FROM batch_enrolments WHERE batch_id = ANY(?::bigint[]))', [[value].flat()]),
      },
      mission_id: {
        ops: ['eq', 'in'],
        apply: (query, _op, value) =>
          query.whereRaw('students.id IN (SELECT student_id FROM mission_enrolments WHERE mission_id = ANY(?::bigint[]))', [[value].flat()]),
      },
      mentor_id: {
        ops: ['eq', 'in'],
        apply: (query, _op, value) =>
          query.whereRaw('students.id IN (SELECT student_id FROM mentor_pairings WHERE mentor_id = ANY(?::bigint[]))', [[value].flat()]),
      },
      missing_assignment_id: {
        ops: ['eq'],
        apply: (query, _op, value) =>
          query.whereRaw(
            `students.id IN (SELECT me.student_id FROM mission_enrolments me JOIN assignments a ON a.mission_id = me.mission_id
              WHERE a.id = ?::bigint AND me.status = 'active'
                AND NOT EXISTS (SELECT 1 FROM submissions s WHERE s.assignment_id = a.id AND s.student_id = me.student_id))`,
            [value],
          ),
      },
      not_acknowledged_notice_id: {
        ops: ['eq'],
        apply: (query, _op, value) => query.whereRaw(`students.id IN (${NOT_ACKNOWLEDGED_SQL})`, [value, value]),
      },
      unpaired_in_mission_id: {
        ops: ['eq'],
        apply: (query, _op, value) =>
          query.whereRaw(
            'students.id IN (SELECT me.student_id FROM mission_enrolments me WHERE me.mission_id = ?::bigint AND NOT EXISTS (SELECT 1 FROM mentor_pairings mp WHERE mp.mission_id = me.mission_id AND mp.student_id = me.student_id))',
            [value],
          ),
      },
    },
    writable: { admin: [...USER_FIELDS, ...STUDENT_FIELDS], sre: [...USER_FIELDS, ...STUDENT_FIELDS] },
    defaultSort: ['name', 'ASC'],
    schema: z.object({
      name: fields.name,
      email: fields.email,
      phone: fields.phone,
      address: fields.optionalText(500),
      status: z.enum(STUDENT_STATUSES, { error: 'Status must be active, banned or delisted.' }).optional(),
      status_reason: fields.optionalText(2000),
    }),
    columns: {
      name: 'users.name',
      email: 'users.email',
      phone: 'users.phone',
      account_status: 'users.status',
      email_verified_at: 'users.email_verified_at',
      last_sign_in_at: 'users.last_sign_in_at',
    },
    joins: (query) => query.join('users', 'users.id', 'students.id'),
    hidden: ['role'],
    validate(data, existing) {
      const status = (data.status ?? existing?.status ?? 'active') as string;
      const reason = ('status_reason' in data ? data.status_reason : existing?.status_reason) as string | null | undefined;
      if (status !== 'active' && (!reason || !String(reason).trim())) {
        throw errors.validation(`Give a reason when a student is ${status}.`, { status_reason: 'is required for this status' });
      }
    },
    async insert(data, ctx: WriteContext) {
      const [user] = await ctx.trx('users').insert({ ...pick(data, USER_FIELDS), role: 'student' }).returning(['id', 'name', 'email']);
      const patch = studentPatch(data, ctx.actor);
      if (Object.keys(patch).length) await ctx.trx('students').where({ id: user.id }).update(patch);
      const token = await issueToken(ctx.trx, user.id, 'invite');
      await deps.mailer.send(ctx.trx, mailTemplates.invite(user.email, user.name, 'student', deps.links.invite('student', token)));
      return Number(user.id);
    },
    async patch(ids, data, ctx) {
      const userPatch = pick(data, USER_FIELDS);
      if (Object.keys(userPatch).length) await ctx.trx('users').whereIn('id', ids).update(userPatch);
      const patch = studentPatch(data, ctx.actor);
      if (Object.keys(patch).length) await ctx.trx('students').whereIn('id', ids).update(patch);
    },
    constraintMessages: {
      students_status_reason_given: 'Give a reason when a student is banned or delisted.',
    },
  });
}
