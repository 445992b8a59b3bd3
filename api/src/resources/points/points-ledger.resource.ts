import { z } from 'zod';
import { defineResource, rolePolicy } from '../../core/resource';
import { tableModel } from '../../core/table-model';
import { wherePairedOn } from '../scopes';

/** The ledger, read-only: every award with its source, so "why do I have 57 points?" has an answer. */
export const pointsLedgerResource = defineResource({
  name: 'points_ledger',
  model: tableModel('points_ledger'),
  policy: rolePolicy(
    { admin: ['list', 'read'], manager: ['list', 'read'], sre: ['list', 'read'], developer: ['list', 'read'], mentor: ['list', 'read'], student: ['list', 'read'] },
    (actor, query) => {
      if (actor.role === 'mentor') wherePairedOn(query, 'points_ledger', actor.id);
      if (actor.role === 'student') query.where('points_ledger.student_id', actor.id);
    },
  ),
  sortable: ['awarded_at', 'points', 'reason', 'student_id', 'mission_id'],
  searchable: [],
  filterable: { mission_id: ['eq', 'in'], student_id: ['eq', 'in'], reason: ['eq', 'in'], awarded_at: ['gte', 'lte'] },
  writable: {},
  schema: z.object({}),
  columns: {
    mission_code: 'missions.code',
    attendance_date: 'ledger_source.attendance_date',
    meeting_title: 'ledger_source.meeting_title',
    assignment_number: 'ledger_source.assignment_number',
    assignment_title: 'ledger_source.assignment_title',
    description: 'ledger_source.description',
  },
  joins: (query) =>
    query.join('missions', 'missions.id', 'points_ledger.mission_id').joinRaw(
      `LEFT JOIN LATERAL (
         SELECT to_char(da.local_date, 'YYYY-MM-DD') AS attendance_date, mt.title AS meeting_title, a.number AS assignment_number, a.title AS assignment_title,
                CASE points_ledger.reason
                  WHEN 'attendance' THEN 'Daily attendance on ' || to_char(da.local_date, 'YYYY-MM-DD')
                  WHEN 'meeting' THEN 'Attended meeting “' || mt.title || '”'
                  WHEN 'submission_on_time' THEN 'Assignment ' || a.number || ' (' || a.title || ') on time'
                  ELSE 'Assignment ' || a.number || ' (' || a.title || ') late'
                END AS description
         FROM (SELECT 1) one
         LEFT JOIN daily_attendance da ON da.id = points_ledger.attendance_id
         LEFT JOIN meeting_attendance ma ON ma.id = points_ledger.meeting_attendance_id
         LEFT JOIN meetings mt ON mt.id = ma.meeting_id
         LEFT JOIN submissions s ON s.id = points_ledger.submission_id
         LEFT JOIN assignments a ON a.id = s.assignment_id) ledger_source ON true`,
    ),
  defaultSort: ['awarded_at', 'DESC'],
});
