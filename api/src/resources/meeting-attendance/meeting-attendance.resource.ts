import { z } from 'zod';
import { errors } from '../../core/errors';
import { fields } from '../../core/fields';
import { defineResource, rolePolicy } from '../../core/resource';
import { tableModel } from '../../core/table-model';

/**
 * Who attended a meeting. Students check in through POST /meetings/:id/check-in; staff correct the sheet by
 * hand (method "manual", audited) for a student who was there but could not check in, or remove a wrong row.
 */
export const meetingAttendanceResource = defineResource({
  name: 'meeting_attendance',
  model: tableModel('meeting_attendance'),
  policy: rolePolicy(
    {
      admin: ['list', 'read', 'create', 'delete'],
      sre: ['list', 'read', 'create', 'delete'],
      manager: ['list', 'read', 'create', 'delete'],
      mentor: ['list', 'read', 'create', 'delete'],
      developer: ['list', 'read'],
      student: ['list', 'read'],
    },
    (actor, query) => {
      if (actor.role === 'mentor') {
        query.whereRaw(
          `EXISTS (SELECT 1 FROM mentor_pairings p WHERE p.mentor_id = ? AND p.student_id = meeting_attendance.student_id AND p.mission_id = meetings.mission_id)`,
          [actor.id],
        );
      }
      if (actor.role === 'student') query.where('meeting_attendance.student_id', actor.id);
    },
  ),
  sortable: ['checked_in_at', 'student_id', 'meeting_id', 'student_name', 'method'],
  searchable: ['student_name', 'student_email'],
  filterable: { meeting_id: ['eq', 'in'], student_id: ['eq', 'in'], method: ['eq', 'in'], mission_id: ['eq', 'in'], checked_in_at: ['gte', 'lte'] },
  writable: {
    admin: ['meeting_id', 'student_id', 'note'],
    sre: ['meeting_id', 'student_id', 'note'],
    manager: ['meeting_id', 'student_id', 'note'],
    mentor: ['meeting_id', 'student_id', 'note'],
  },
  schema: z.object({ meeting_id: fields.id, student_id: fields.id, note: fields.optionalText(500) }),
  columns: {
    student_name: 'users.name',
    student_email: 'users.email',
    mission_id: 'meetings.mission_id',
    meeting_title: 'meetings.title',
    meeting_starts_at: 'meetings.starts_at',
  },
  joins: (query) => query.join('users', 'users.id', 'meeting_attendance.student_id').join('meetings', 'meetings.id', 'meeting_attendance.meeting_id'),
  defaultSort: ['checked_in_at', 'DESC'],
  async validate(data, _existing, ctx) {
    if (ctx.actor.role !== 'mentor' || data.student_id === undefined) return;
    const paired = await ctx.trx('mentor_pairings as p')
      .join('meetings as m', 'm.mission_id', 'p.mission_id')
      .where({ 'p.mentor_id': ctx.actor.id, 'p.student_id': data.student_id, 'm.id': data.meeting_id })
      .first('p.id');
    if (!paired) throw errors.notFound('student');
  },
  stamp: (ctx) => ({ method: 'manual', marked_by: ctx.actor.id }),
  constraintMessages: {
    meeting_attendance_once: 'This student is already marked present at this meeting.',
    meeting_attendance_window: 'The meeting is not open for check-in: check in from 10 minutes before it starts until it ends.',
    meeting_attendance_enrolled: "This student is not enrolled in the meeting's mission.",
    meeting_attendance_invited: 'This meeting is for invited students only, and this student is not invited.',
    meeting_attendance_meeting_id_fkey: 'That meeting does not exist.',
  },
});
