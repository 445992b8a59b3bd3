import { z } from 'zod';
import { defineResource, rolePolicy } from '../../core/resource';
import { tableModel } from '../../core/table-model';
import { wherePairedOn } from '../scopes';


/**
 * Each student's standing in each mission they are enrolled in (the `student_progress` view): attendance rate,
 * assignments missed, points against points possible, and the risk label those give against the mission's
 * thresholds. The low-performer report is this list filtered to risk high/medium; it filters, sorts, pages and
 * exports like every resource.
 */
export const studentProgressResource = defineResource({
  name: 'student_progress',
  model: tableModel('student_progress'),
  policy: rolePolicy(
    { admin: ['list', 'read'], developer: ['list', 'read'], manager: ['list', 'read'], sre: ['list', 'read'], mentor: ['list', 'read'] },
    (actor, query) => {
      if (actor.role === 'mentor') wherePairedOn(query, 'student_progress', actor.id);
    },
  ),
  sortable: [
    'student_name',
    'batch_code',
    'mission_code',
    'attendance_rate',
    'days_attended',
    'last_attended_on',
    'assignments_missed',
    'points',
    'progress',
    'risk',
  ],
  searchable: ['student_name', 'student_email', 'student_phone'],
  filterable: {
    batch_id: ['eq', 'in'],
    mission_id: ['eq', 'in'],
    student_id: ['eq', 'in'],
    risk: ['eq', 'in', 'neq'],
    mission_status: ['eq', 'in'],
    enrolment_status: ['eq', 'in'],
    student_status: ['eq', 'in'],
    attendance_rate: ['lt', 'lte', 'gte'],
    progress: ['lt', 'lte', 'gte'],
    assignments_missed: ['gte', 'lte'],
    points: ['gte', 'lte'],
    last_attended_on: ['lt', 'lte', 'gte'],
    // Checked in on the batch's local day today (decided by PostgreSQL in the batch's zone, not by the client).
    checked_in_today: {
      ops: ['eq'],
      apply: (query, _op, value) =>
        query.whereRaw(
          `${value === false || value === 'false' ? 'NOT ' : ''}coalesce(student_progress.last_attended_on = (SELECT (now() AT TIME ZONE b.timezone)::date FROM batches b WHERE b.id = student_progress.batch_id), false)`,
        ),
    },
  },
  writable: {},
  schema: z.object({}),
  defaultSort: ['attendance_rate', 'ASC'],
});
