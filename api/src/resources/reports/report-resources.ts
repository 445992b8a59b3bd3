import { z } from 'zod';
import { defineResource, rolePolicy } from '../../core/resource';
import { tableModel } from '../../core/table-model';

// Read-only reports over the views of migration 20261127000900: listed, filtered, sorted, paged and exported
// through the generic resource path like everything else. Whole-mission figures are for the roles that run
// missions; mentors see their own load (and their students through student_progress).
const readOnly = { writable: {}, schema: z.object({}) };
const STAFF_READERS = { admin: ['list', 'read'], manager: ['list', 'read'], sre: ['list', 'read'], developer: ['list', 'read'] } as const;

export const missionAttendanceDaysResource = defineResource({
  name: 'mission_attendance_days',
  model: tableModel('mission_attendance_days'),
  policy: rolePolicy(STAFF_READERS),
  sortable: ['day', 'rate', 'attended', 'mission_code', 'batch_code'],
  searchable: [],
  filterable: {
    mission_id: ['eq', 'in'],
    batch_id: ['eq', 'in'],
    mission_status: ['eq', 'in'],
    day: ['eq', 'gte', 'lte'],
    is_today: ['eq'],
    rate: ['lt', 'lte', 'gte'],
  },
  defaultSort: ['day', 'DESC'],
  ...readOnly,
});

export const assignmentReportResource = defineResource({
  name: 'assignment_report',
  model: tableModel('assignment_report'),
  policy: rolePolicy(STAFF_READERS),
  sortable: ['deadline', 'number', 'submission_rate', 'missing', 'late', 'average_grade', 'mission_code', 'batch_code'],
  searchable: ['title'],
  filterable: {
    mission_id: ['eq', 'in'],
    batch_id: ['eq', 'in'],
    deadline: ['gte', 'lte'],
    deadline_passed: ['eq'],
    submission_rate: ['lt', 'lte', 'gte'],
  },
  defaultSort: ['deadline', 'DESC'],
  ...readOnly,
});

export const mentorLoadResource = defineResource({
  name: 'mentor_load',
  model: tableModel('mentor_load'),
  policy: rolePolicy({ ...STAFF_READERS, mentor: ['list', 'read'] }, (actor, query) => {
    if (actor.role === 'mentor') query.where('mentor_load.mentor_id', actor.id);
  }),
  sortable: ['mentor_name', 'mission_code', 'batch_code', 'mentees', 'load', 'meetings_held', 'tickets_received', 'tickets_unanswered', 'first_response_hours', 'notes_written', 'average_rating'],
  searchable: ['mentor_name', 'mentor_email'],
  filterable: {
    mentor_id: ['eq', 'in'],
    mission_id: ['eq', 'in'],
    batch_id: ['eq', 'in'],
    mission_status: ['eq', 'in'],
    tickets_unanswered: ['gte'],
    load: ['gte', 'lte'],
  },
  defaultSort: ['mentees', 'DESC'],
  ...readOnly,
});
