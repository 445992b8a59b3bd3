import { z } from 'zod';
import { assertDatesOrdered, fields } from '../../core/fields';
import { defineResource, rolePolicy } from '../../core/resource';
import { tableModel } from '../../core/table-model';
import { whereBatchOfMentor, whereBatchOfStudent } from '../scopes';

const BATCH_FIELDS = ['code', 'title', 'status', 'starts_on', 'ends_on', 'timezone', 'capacity'] as const;

export const batchesResource = defineResource({
  name: 'batches',
  model: tableModel('batches'),
  policy: rolePolicy(
    { admin: '*', manager: '*', sre: ['list', 'read'], developer: ['list', 'read'], mentor: ['list', 'read'], student: ['list', 'read'] },
    (actor, query) => {
      if (actor.role === 'mentor') whereBatchOfMentor(query, 'batches.id', actor.id);
      if (actor.role === 'student') whereBatchOfStudent(query, 'batches.id', actor.id);
    },
  ),
  sortable: ['code', 'title', 'status', 'starts_on', 'ends_on', 'capacity', 'created_at', 'student_count', 'mission_count'],
  searchable: ['code', 'title'],
  filterable: { status: ['eq', 'in', 'neq'], code: ['eq', 'in'], starts_on: ['gte', 'lte'], ends_on: ['gte', 'lte'] },
  writable: { admin: BATCH_FIELDS, manager: BATCH_FIELDS },
  defaultSort: ['starts_on', 'DESC'],
  schema: z.object({
    code: fields.code,
    title: fields.title,
    // planned / active / completed follow from the dates (the database decides); archived and cancelled are kept.
    status: z.enum(['planned', 'active', 'completed', 'archived', 'cancelled'], { error: 'Status must be archived or cancelled, or follow the dates (planned, active, completed).' }).optional(),
    starts_on: fields.date,
    ends_on: fields.date,
    timezone: fields.timezone.optional(),
    capacity: z.number({ error: 'Capacity must be a whole number.' }).int('Capacity must be a whole number.').min(1, 'Capacity must be at least 1.').max(100000, 'Capacity is too large.').optional(),
  }),
  // The status as the dates say today in the batch's zone (the stored one can be a minute behind at midnight).
  columns: { status: 'batch_counts.status', student_count: 'batch_counts.student_count', mission_count: 'batch_counts.mission_count' },
  joins: (query) =>
    query.joinRaw(
      `LEFT JOIN LATERAL (SELECT batch_status_on(batches.status, batches.starts_on, batches.ends_on, (now() AT TIME ZONE batches.timezone)::date) AS status,
                                 (SELECT count(*) FROM batch_enrolments be WHERE be.batch_id = batches.id)::int AS student_count,
                                 (SELECT count(*) FROM missions m WHERE m.batch_id = batches.id)::int AS mission_count) batch_counts ON true`,
    ),
  validate: assertDatesOrdered,
  constraintMessages: {
    batches_code_key: 'A batch with this code already exists. Choose another code.',
    batches_dates_ordered: 'The end date must be on or after the start date.',
    batches_capacity_positive: 'Capacity must be at least 1.',
    batches_missions_within: 'A mission of this batch would fall outside these dates. Move the mission first, or keep the batch around its missions.',
    missions_batch_id_fkey: 'This batch still has missions, so it cannot be deleted. Archive it instead.',
    batch_enrolments_batch_id_fkey: 'This batch still has students, so it cannot be deleted. Archive it instead.',
  },
});
