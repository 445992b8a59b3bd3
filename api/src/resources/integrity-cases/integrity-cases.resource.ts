import { z } from 'zod';
import { errors } from '../../core/errors';
import { fields } from '../../core/fields';
import { defineResource, rolePolicy } from '../../core/resource';
import { tableModel } from '../../core/table-model';

const CASE_FIELDS = ['student_id', 'mission_id', 'kind', 'description', 'evidence_links'] as const;

/** An academic integrity case on a student. Mentors may raise one for their students; SREs and admins decide. */
export const integrityCasesResource = defineResource({
  name: 'integrity_cases',
  model: tableModel('integrity_cases', ['evidence_links']),
  policy: rolePolicy(
    {
      admin: ['list', 'read', 'create', 'update'],
      sre: ['list', 'read', 'create', 'update'],
      mentor: ['list', 'read', 'create'],
      manager: ['list', 'read'],
      developer: ['list', 'read'],
      student: ['list', 'read'],
    },
    (actor, query) => {
      if (actor.role === 'mentor') {
        query.whereRaw('(integrity_cases.opened_by = ? OR integrity_cases.student_id IN (SELECT student_id FROM mentor_pairings WHERE mentor_id = ?))', [actor.id, actor.id]);
      }
      if (actor.role === 'student') query.where('integrity_cases.student_id', actor.id);
    },
  ),
  sortable: ['created_at', 'updated_at', 'kind', 'status', 'student_name'],
  searchable: ['student_name', 'student_email', 'description'],
  filterable: {
    student_id: ['eq', 'in'],
    mission_id: ['eq', 'in'],
    kind: ['eq', 'in'],
    status: ['eq', 'in'],
    opened_by: ['eq'],
    created_at: ['gte', 'lte'],
    live_action: ['eq', 'in'],
    open_appeal_id: ['eq', 'neq'],
  },
  writable: { admin: [...CASE_FIELDS, 'status'], sre: [...CASE_FIELDS, 'status'], mentor: CASE_FIELDS },
  schema: z.object({
    student_id: fields.id,
    mission_id: fields.id.nullable().optional(),
    kind: z.enum(['cheating', 'plagiarism', 'other'], { error: 'Kind must be cheating, plagiarism or other.' }),
    description: z.string().trim().min(1, 'Describe what happened.').max(10000, 'The description is too long.'),
    evidence_links: z.array(z.string().url('Evidence must be links.').regex(/^https?:\/\//, 'Evidence must be http(s) links.')).max(20, 'At most 20 evidence links.').optional(),
    status: z.enum(['open', 'closed'], { error: 'Status must be open or closed.' }).optional(),
  }),
  columns: {
    student_name: 'students_u.name',
    student_email: 'students_u.email',
    opened_by_name: 'openers.name',
    mission_code: 'missions.code',
    live_action: 'case_state.live_action',
    live_action_ends_at: 'case_state.live_action_ends_at',
    open_appeal_id: 'case_state.open_appeal_id',
  },
  joins: (query) =>
    query
      .join('users as students_u', 'students_u.id', 'integrity_cases.student_id')
      .join('users as openers', 'openers.id', 'integrity_cases.opened_by')
      .leftJoin('missions', 'missions.id', 'integrity_cases.mission_id')
      .joinRaw(
        `LEFT JOIN LATERAL (
           SELECT (SELECT ia.action FROM integrity_actions ia WHERE ia.case_id = integrity_cases.id AND ia.lifted_at IS NULL AND (ia.ends_at IS NULL OR ia.ends_at > now()) ORDER BY ia.taken_at DESC LIMIT 1) AS live_action,
                  (SELECT ia.ends_at FROM integrity_actions ia WHERE ia.case_id = integrity_cases.id AND ia.lifted_at IS NULL AND (ia.ends_at IS NULL OR ia.ends_at > now()) ORDER BY ia.taken_at DESC LIMIT 1) AS live_action_ends_at,
                  (SELECT a.id FROM appeals a WHERE a.case_id = integrity_cases.id AND a.status = 'open') AS open_appeal_id) case_state ON true`,
      ),
  defaultSort: ['created_at', 'DESC'],
  async validate(data, existing, ctx) {
    if (ctx.actor.role !== 'mentor' || existing) return;
    const paired = await ctx.trx('mentor_pairings').where({ mentor_id: ctx.actor.id, student_id: data.student_id }).first('id');
    if (!paired) throw errors.notFound('student');
  },
  stamp: (ctx) => ({ opened_by: ctx.actor.id }),
  constraintMessages: {
    integrity_cases_student_id_fkey: 'That student does not exist.',
    integrity_cases_mission_id_fkey: 'That mission does not exist.',
  },
});
