import { z } from 'zod';
import { fields } from '../../core/fields';
import { defineResource, rolePolicy } from '../../core/resource';
import { tableModel } from '../../core/table-model';
import { wherePairedOn } from '../scopes';

/**
 * Recorded submissions: pasted by an SRE or handed in by the student (own-submission-routes), one row per student and
 * assignment either way; on time or late is decided by the database against the deadline. Mentors review their
 * mentees' work: a grade and feedback, stamped with who and when (the review queue is `awaiting_review`).
 */
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
  sortable: ['submitted_at', 'work_submitted_at', 'reviewed_at', 'status', 'grade', 'student_id', 'assignment_id', 'student_name'],
  searchable: ['student_name', 'student_email'],
  filterable: { assignment_id: ['eq', 'in'], mission_id: ['eq', 'in'], student_id: ['eq', 'in'], status: ['eq', 'in'], submitted_at: ['gte', 'lte'], paste_id: ['eq'], awaiting_review: ['eq'], reviewed_by: ['eq'], work_submitted_at: ['gte', 'lte'] },
  hidden: ['file_key'],
  writable: {
    admin: ['assignment_id', 'student_id', 'submitted_at', 'grade', 'feedback'],
    sre: ['assignment_id', 'student_id', 'submitted_at', 'grade'],
    manager: ['grade', 'feedback'],
    mentor: ['grade', 'feedback'],
  },
  schema: z.object({
    assignment_id: fields.id,
    student_id: fields.id,
    submitted_at: z.string().datetime({ offset: true, message: 'Give the time as a date and time with its zone.' }).optional(),
    grade: z.number({ error: 'Grade must be a number from 0 to 100.' }).min(0, 'Grade must be from 0 to 100.').max(100, 'Grade must be from 0 to 100.').nullable().optional(),
    feedback: z.string().trim().max(10000, 'Keep the feedback under 10,000 characters.').nullable().optional(),
  }),
  columns: {
    student_name: 'users.name',
    student_email: 'users.email',
    assignment_number: 'assignments.number',
    assignment_title: 'assignments.title',
    deadline: 'assignments.deadline',
    points: 'points_ledger.points',
    mission_code: 'submission_missions.code',
    reviewer_name: 'reviewers.name',
  },
  joins: (query) =>
    query
      .join('users', 'users.id', 'submissions.student_id')
      .join('assignments', 'assignments.id', 'submissions.assignment_id')
      .join('missions as submission_missions', 'submission_missions.id', 'submissions.mission_id')
      .leftJoin('points_ledger', 'points_ledger.submission_id', 'submissions.id')
      .leftJoin('users as reviewers', 'reviewers.id', 'submissions.reviewed_by'),
  defaultSort: ['submitted_at', 'DESC'],
  // The mission is the assignment's (set by the database); a hand-recorded submission defaults to now.
  stamp: (ctx) => ({ recorded_by: ctx.actor.id, mission_id: 0, submitted_at: ctx.trx.fn.now() }),
  // A grade or feedback is a review: who gave it and when are stamped with it (the work leaves the review queue).
  async patch(ids, data, ctx) {
    const review = 'grade' in data || 'feedback' in data ? { reviewed_by: ctx.actor.id, reviewed_at: ctx.trx.fn.now() } : {};
    await ctx.trx('submissions').whereIn('id', ids).update({ ...data, ...review });
  },
  constraintMessages: {
    submissions_resubmit_before_deadline: 'The deadline has passed, so your submission stands as you handed it in.',
    submissions_link_http: 'A link starts with https:// (or http://).',
    submissions_feedback_length: 'Keep the feedback under 10,000 characters.',
    submissions_work_present: 'Hand in a link or a file.',
    submissions_once: 'This student already has a submission recorded for this assignment.',
    submissions_enrolment_fkey: "This student is not enrolled in the assignment's mission.",
    submissions_assignment_fkey: 'That assignment does not exist.',
    submissions_grade_range: 'Grade must be from 0 to 100.',
    submissions_enrolment_not_withdrawn: "This student's enrolment in the mission was withdrawn, so no submission is recorded for them.",
  },
});
