import { z } from 'zod';
import { fields } from '../../core/fields';
import { defineResource, rolePolicy } from '../../core/resource';
import { tableModel } from '../../core/table-model';

const STUDENT_IDENTITY = ['student_id', 'student_name'];

/**
 * Students rate a meeting they attended (1–5, with an optional comment), once, for the mentor who held it.
 * Mentors read the ratings of their own meetings without knowing who gave them, so students can be frank;
 * managers, SREs and admins see everything. Ratings feed the mentor_load report.
 */
export const mentorFeedbackResource = defineResource({
  name: 'mentor_feedback',
  model: tableModel('mentor_feedback'),
  policy: rolePolicy(
    {
      student: ['list', 'read', 'create'],
      mentor: ['list', 'read'],
      manager: ['list', 'read'],
      sre: ['list', 'read'],
      admin: ['list', 'read', 'delete'],
      developer: ['list', 'read'],
    },
    (actor, query) => {
      if (actor.role === 'student') query.where('mentor_feedback.student_id', actor.id);
      if (actor.role === 'mentor') query.where('mentor_feedback.mentor_id', actor.id);
    },
  ),
  sortable: ['created_at', 'rating'],
  searchable: ['comment'],
  filterable: { meeting_id: ['eq', 'in'], mentor_id: ['eq', 'in'], mission_id: ['eq', 'in'], rating: ['eq', 'lte', 'gte'], created_at: ['gte', 'lte'] },
  writable: { student: ['meeting_id', 'rating', 'comment'] },
  schema: z.object({
    meeting_id: fields.id,
    rating: z.number({ error: 'Choose 1 to 5 stars.' }).int('Choose 1 to 5 stars.').min(1, 'Choose 1 to 5 stars.').max(5, 'Choose 1 to 5 stars.'),
    comment: z.string().trim().max(1000, 'Keep the comment under 1,000 characters.').default(''),
  }),
  visible: (actor, row) => (actor.role === 'mentor' ? Object.keys(row).filter((key) => !STUDENT_IDENTITY.includes(key)) : '*'),
  columns: {
    mission_id: 'feedback_meetings.mission_id',
    mission_code: 'feedback_missions.code',
    mission_title: 'feedback_missions.title',
    batch_code: 'feedback_batches.code',
    meeting_title: 'feedback_meetings.title', mentor_name: 'feedback_mentors.name', student_name: 'feedback_students.name' },
  joins: (query) =>
    query
      .join('meetings as feedback_meetings', 'feedback_meetings.id', 'mentor_feedback.meeting_id')
      .join('missions as feedback_missions', 'feedback_missions.id', 'feedback_meetings.mission_id')
      .join('batches as feedback_batches', 'feedback_batches.id', 'feedback_missions.batch_id')
      .join('users as feedback_mentors', 'feedback_mentors.id', 'mentor_feedback.mentor_id')
      .join('users as feedback_students', 'feedback_students.id', 'mentor_feedback.student_id'),
  defaultSort: ['created_at', 'DESC'],
  stamp: (ctx) => ({ student_id: ctx.actor.id }),
  constraintMessages: {
    mentor_feedback_once: 'You already rated this meeting.',
    mentor_feedback_attended_fkey: 'You can rate a meeting you checked in to.',
    mentor_feedback_after_start: 'You can rate a meeting once it has begun.',
    mentor_feedback_meeting_id_fkey: 'That meeting does not exist.',
  },
});
