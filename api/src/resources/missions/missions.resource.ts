import { z } from 'zod';
import { assertDatesOrdered, fields, riskThresholds } from '../../core/fields';
import { renderMarkdown } from '../../core/markdown';
import { defineResource, rolePolicy } from '../../core/resource';
import { tableModel } from '../../core/table-model';
import { whereMissionOfMentor, whereMissionOfStudent } from '../scopes';

const MISSION_FIELDS = ['batch_id', 'code', 'title', 'description', 'status', 'starts_on', 'ends_on', 'position', 'points_attendance', 'points_meeting', 'points_on_time', 'points_late', 'risk_attendance_rate', 'risk_missed_assignments', 'risk_progress', 'guidelines_md'] as const;

/** The guidelines' HTML is made here, sanitised, whenever their markdown is written. */
const withGuidelinesHtml = (data: Record<string, unknown>) =>
  'guidelines_md' in data ? { ...data, guidelines_html: renderMarkdown(String(data.guidelines_md ?? '')) } : data;

export const missionsResource = defineResource({
  name: 'missions',
  model: tableModel('missions'),
  policy: rolePolicy(
    { admin: '*', manager: '*', sre: ['list', 'read'], developer: ['list', 'read'], mentor: ['list', 'read'], student: ['list', 'read'] },
    (actor, query) => {
      if (actor.role === 'mentor') whereMissionOfMentor(query, 'missions.id', actor.id);
      if (actor.role === 'student') whereMissionOfStudent(query, 'missions.id', actor.id);
    },
  ),
  sortable: ['code', 'title', 'status', 'starts_on', 'ends_on', 'position', 'batch_id', 'created_at', 'enrolled_count', 'mentor_count', 'paired_count'],
  searchable: ['code', 'title'],
  filterable: { batch_id: ['eq', 'in'], status: ['eq', 'in', 'neq'], code: ['eq'], starts_on: ['gte', 'lte'], ends_on: ['gte', 'lte'] },
  writable: { admin: MISSION_FIELDS, manager: MISSION_FIELDS },
  defaultSort: ['position', 'ASC'],
  schema: z.object({
    batch_id: fields.id,
    code: fields.code,
    title: fields.title,
    description: z.string().max(20000, 'Description is too long.').optional(),
    // upcoming / active / completed follow from the dates (the database decides); archived and cancelled are kept.
    status: z.enum(['upcoming', 'active', 'completed', 'archived', 'cancelled'], { error: 'Status must be archived or cancelled, or follow the dates (upcoming, active, completed).' }).optional(),
    starts_on: fields.date,
    ends_on: fields.date,
    position: fields.count('Order').optional(),
    points_attendance: fields.count('Points').optional(),
    points_meeting: fields.count('Points').optional(),
    points_on_time: fields.count('Points').optional(),
    points_late: fields.count('Points').optional(),
    risk_attendance_rate: riskThresholds.risk_attendance_rate.optional(),
    risk_missed_assignments: riskThresholds.risk_missed_assignments.optional(),
    risk_progress: riskThresholds.risk_progress.optional(),
    guidelines_md: z.string().max(20000, 'The guidelines are too long (20,000 characters at most).').optional(),
  }),
  columns: {
    batch_code: 'batches.code',
    batch_title: 'batches.title',
    timezone: 'batches.timezone',
    // The status as the dates say today in the batch's zone (the stored one can be a minute behind at midnight).
    status: 'mission_counts.status',
    enrolled_count: 'mission_counts.enrolled_count',
    mentor_count: 'mission_counts.mentor_count',
    paired_count: 'mission_counts.paired_count',
  },
  joins: (query) =>
    query.join('batches', 'batches.id', 'missions.batch_id').joinRaw(
      `LEFT JOIN LATERAL (SELECT mission_status_on(missions.status, missions.starts_on, missions.ends_on, (now() AT TIME ZONE batches.timezone)::date) AS status,
                                 (SELECT count(*) FROM mission_enrolments me WHERE me.mission_id = missions.id)::int AS enrolled_count,
                                 (SELECT count(*) FROM mission_mentors mm WHERE mm.mission_id = missions.id)::int AS mentor_count,
                                 (SELECT count(DISTINCT mp.student_id) FROM mentor_pairings mp WHERE mp.mission_id = missions.id)::int AS paired_count) mission_counts ON true`,
    ),
  validate: assertDatesOrdered,
  beforeCreate: (data) => withGuidelinesHtml(data),
  patch: async (ids, data, ctx) => {
    await ctx.trx('missions').whereIn('id', ids).update(withGuidelinesHtml(data));
  },
  constraintMessages: {
    missions_batch_code_key: 'This batch already has a mission with this code. Choose another code.',
    missions_batch_id_fkey: 'That batch does not exist.',
    missions_dates_ordered: 'The end date must be on or after the start date.',
    missions_within_batch: "A mission runs within its batch's dates: choose a start and end inside the batch's.",
    missions_assignments_within: 'An assignment of this mission is due outside these dates. Move its deadline first.',
    missions_points_valid: "Points can't be negative.",
    missions_risk_thresholds_valid: 'Risk thresholds are shares between 0 and 1, and at least 1 missed assignment.',
    mission_enrolments_mission_fkey: 'That mission does not exist, or students are enrolled in it so it cannot move or be deleted.',
  },
});
