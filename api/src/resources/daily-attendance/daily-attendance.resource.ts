import { z } from 'zod';
import { defineResource, rolePolicy } from '../../core/resource';
import { tableModel } from '../../core/table-model';
import { wherePairedOn } from '../scopes';

/** Daily attendance history; students submit through POST /attendance, staff read and may undo. */
export const dailyAttendanceResource = defineResource({
  name: 'daily_attendance',
  model: tableModel('daily_attendance'),
  policy: rolePolicy(
    { admin: ['list', 'read', 'delete'], sre: ['list', 'read', 'delete'], manager: ['list', 'read'], developer: ['list', 'read'], mentor: ['list', 'read'], student: ['list', 'read'] },
    (actor, query) => {
      if (actor.role === 'mentor') wherePairedOn(query, 'daily_attendance', actor.id);
      if (actor.role === 'student') query.where('daily_attendance.student_id', actor.id);
    },
  ),
  sortable: ['local_date', 'submitted_at', 'student_id', 'mission_id', 'student_name'],
  searchable: ['student_name', 'student_email'],
  filterable: {
    mission_id: ['eq', 'in'],
    student_id: ['eq', 'in'],
    local_date: ['eq', 'gte', 'lte'],
    submitted_at: ['gte', 'lte'],
    batch_id: ['eq', 'in'],
  },
  writable: {},
  schema: z.object({}),
  columns: { student_name: 'users.name', student_email: 'users.email', mission_code: 'missions.code', batch_id: 'missions.batch_id' },
  joins: (query) => query.join('users', 'users.id', 'daily_attendance.student_id').join('missions', 'missions.id', 'daily_attendance.mission_id'),
  defaultSort: ['submitted_at', 'DESC'],
  constraintMessages: {
    daily_attendance_once_a_day: 'Attendance for this mission is already submitted today.',
    daily_attendance_mission_active: 'This mission is not active, so attendance is closed.',
    daily_attendance_enrolment_active: 'Your enrolment in this mission is not active, so you cannot submit attendance.',
    daily_attendance_student_active: 'Your account is not active, so you cannot submit attendance.',
    daily_attendance_enrolment_fkey: 'You are not enrolled in this mission.',
    daily_attendance_note_length: 'Keep the note under 2,000 characters.',
  },
});
