import { z } from 'zod';
import { fields } from '../../core/fields';
import { defineResource, rolePolicy } from '../../core/resource';
import { tableModel } from '../../core/table-model';
import { wherePairedOn } from '../scopes';

/** Recorded submissions: on time or late is decided by the database against the deadline. */
export const submissionsResource = defineResource({
  name: 'submissions',
  model: tableModel('submissions'),
  policy: rolePolicy(
    { admin: '*', sre: '*', manager: ['list', 'read', 'update'], mentor: ['list', 'read', 'update'], developer: ['list', 'read'], student: ['list', 'read'] },
    (actor, query) => {
      if (actor.role === 'mentor') wherePairedOn(query, 'submissions', actor.id);
      if (actor.role === 'student') query.where('submissions.student_id', actor.id);
    },
  ),
  sortable: ['submitted_at', 'status', 'grade', 'student_id', 'assignment_id', 'student_name'],
  searchable: ['student_name', 'student_email'],
  filterable: { assignment_id: ['eq', 'in'], mission_id: ['eq', 'in'], student_id: ['eq', 'in'], status: ['eq', 'in'], submitted_at: ['gte', 'lte'], paste_id: ['eq'] },
  writable: {
    admin: ['assignment_id', 'student_id', 'submitted_at', 'grade'],
    sre: ['assignment_id', 'student_id', 'submitted_at', 'grade'],
    manager: ['grade'],
    mentor: ['grade'],
  },
  schema: z.object({
    assignment_id: fields.id,
    student_id: fields.id,
    submitted_at: z.string().datetime({ offset: true, message: 'Give the time as a date and time with its zone.' }).optional(),
    grade: z.number({ error: 'Grade must be a number from 0 to 100.' }).min(0, 'Grade must be from 0 to 100.').max(100, 'Grade must be from 0 to 100.').nullable().optional(),
  }),
  columns: {
    student_name: 'users.name',
    student_email: 'users.email',
    assignment_number: 'assignments.number',
    assignment_title: 'assignments.title',
    deadline: 'assignments.deadline',
    points: 'points_ledger.points',
  },
  joins: (query) =>
    query
      .join('users', 'users.id', 'submissions.student_id')
      .join('assignments', 'assignments.id', 'submissions.assignment_id')
      .leftJoin('points_ledger', 'points_ledger.submission_id', 'submissions.id'),
  defaultSort: ['submitted_at', 'DESC'],
  // The mission is the assignment's (set by the database); a hand-recorded submission defaults to now.
  stamp: (ctx) => ({ recorded_by: ctx.actor.id, mission_id: 0, submitted_at: ctx.trx.fn.now() }),
  constraintMessages: {
    submissions_once: 'This student already has a submission recorded for this assignment.',
    submissions_enrolment_fkey: "This student is not enrolled in the assignment's mission.",
    submissions_assignment_fkey: 'That assignment does not exist.',
    submissions_grade_range: 'Grade must be from 0 to 100.',
    submissions_enrolment_not_withdrawn: "This student's enrolment in the mission was withdrawn, so no submission is recorded for them.",
  },
});
