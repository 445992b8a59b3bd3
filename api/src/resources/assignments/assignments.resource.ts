import { z } from 'zod';
import { errors } from '../../core/errors';
import { fields } from '../../core/fields';
import { defineResource, rolePolicy, type WriteContext } from '../../core/resource';
import { tableModel } from '../../core/table-model';
import { whereMissionOfMentor, whereMissionOfStudent } from '../scopes';

const FIELDS = ['mission_id', 'number', 'title', 'deadline', 'deadline_local', 'points_on_time', 'points_late'] as const;

/** A deadline typed as the batch's local wall time becomes an instant here, in PostgreSQL. */
async function resolveDeadline(data: Record<string, unknown>, missionId: unknown, ctx: WriteContext): Promise<Record<string, unknown>> {
  const { deadline_local: local, ...rest } = data;
  if (local === undefined) return rest;
  const row = await ctx.trx('missions as m').join('batches as b', 'b.id', 'm.batch_id').where('m.id', missionId as number).first(ctx.trx.raw('(?::timestamp AT TIME ZONE b.timezone) AS deadline', [String(local)]));
  if (!row) throw errors.validation('Choose the mission first.', { mission_id: 'is required' });
  return { ...rest, deadline: row.deadline };
}

/** Assignments of a mission: number, title, deadline in the batch's time zone, points on time and late. */
export const assignmentsResource = defineResource({
  name: 'assignments',
  model: tableModel('assignments'),
  policy: rolePolicy(
    { admin: '*', manager: '*', sre: '*', developer: ['list', 'read'], mentor: ['list', 'read'], student: ['list', 'read'] },
    (actor, query) => {
      if (actor.role === 'mentor') whereMissionOfMentor(query, 'assignments.mission_id', actor.id);
      if (actor.role === 'student') whereMissionOfStudent(query, 'assignments.mission_id', actor.id);
    },
  ),
  sortable: ['number', 'title', 'deadline', 'mission_id', 'created_at', 'submitted_count'],
  searchable: ['title'],
  filterable: { mission_id: ['eq', 'in'], deadline: ['gte', 'lte', 'gt', 'lt'], number: ['eq'], batch_id: ['eq', 'in'] },
  writable: { admin: FIELDS, manager: FIELDS, sre: FIELDS },
  schema: z.object({
    mission_id: fields.id,
    number: z.number({ error: 'Number must be a whole number.' }).int('Number must be a whole number.').min(1, 'Number starts at 1.'),
    title: fields.title,
    deadline: z.string().datetime({ offset: true, message: 'Give the deadline as a date and time with its zone.' }).optional(),
    deadline_local: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, "Give the deadline as the batch's local date and time, e.g. 2026-12-01T23:59.").optional(),
    points_on_time: fields.count('Points').nullable().optional(),
    points_late: fields.count('Points').nullable().optional(),
  }),
  columns: {
    mission_code: 'missions.code',
    mission_title: 'missions.title',
    batch_id: 'missions.batch_id',
    timezone: 'batches.timezone',
    deadline_local: 'assignment_stats.deadline_local',
    submitted_count: 'assignment_stats.submitted_count',
    on_time_count: 'assignment_stats.on_time_count',
    late_count: 'assignment_stats.late_count',
    enrolled_count: 'assignment_stats.enrolled_count',
  },
  joins: (query) =>
    query
      .join('missions', 'missions.id', 'assignments.mission_id')
      .join('batches', 'batches.id', 'missions.batch_id')
      .joinRaw(
        `LEFT JOIN LATERAL (SELECT to_char(assignments.deadline AT TIME ZONE batches.timezone, 'YYYY-MM-DD"T"HH24:MI') AS deadline_local,
                                   count(s.id)::int AS submitted_count,
                                   count(s.id) FILTER (WHERE s.status = 'on_time')::int AS on_time_count,
                                   count(s.id) FILTER (WHERE s.status = 'late')::int AS late_count,
                                   (SELECT count(*) FROM mission_enrolments me WHERE me.mission_id = assignments.mission_id AND me.status = 'active')::int AS enrolled_count
                            FROM submissions s WHERE s.assignment_id = assignments.id) assignment_stats ON true`,
      ),
  defaultSort: ['deadline', 'ASC'],
  validate(data, existing) {
    if (!existing && data.deadline === undefined && data.deadline_local === undefined) {
      throw errors.validation('Give the deadline.', { deadline_local: 'is required' });
    }
  },
  async insert(data, ctx) {
    const row = await resolveDeadline(data, data.mission_id, ctx);
    const [created] = await ctx.trx('assignments').insert(row).returning('id');
    return Number(created.id);
  },
  async patch(ids, data, ctx) {
    for (const id of ids) {
      const current = await ctx.trx('assignments').where({ id }).first('mission_id');
      const row = await resolveDeadline(data, data.mission_id ?? current.mission_id, ctx);
      if (Object.keys(row).length) await ctx.trx('assignments').where({ id }).update(row);
    }
    // A moved deadline re-decides on time / late for what was already recorded (and their points, by trigger).
    if ('deadline' in data || 'deadline_local' in data) {
      await ctx.trx.raw('UPDATE submissions SET submitted_at = submitted_at WHERE assignment_id = ANY(?::bigint[])', [ids]);
    }
  },
  constraintMessages: {
    assignments_mission_number_key: 'This mission already has an assignment with that number.',
    assignments_mission_id_fkey: 'That mission does not exist.',
    assignments_points_valid: "Points can't be negative.",
    assignments_due_within_mission: "The deadline must fall within the mission's dates (in the batch's time zone).",
  },
});
