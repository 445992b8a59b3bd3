import { z } from 'zod';
import { defineResource, rolePolicy } from '../../core/resource';
import { tableModel } from '../../core/table-model';

/** Every pasted list of submitters, kept with its counts and the emails that matched no one. */
export const submissionPastesResource = defineResource({
  name: 'submission_pastes',
  model: tableModel('submission_pastes', ['unknown_emails', 'not_enrolled_emails']),
  policy: rolePolicy({ admin: ['list', 'read'], sre: ['list', 'read'], manager: ['list', 'read'], developer: ['list', 'read'] }),
  sortable: ['pasted_at', 'taken_at', 'assignment_id', 'recorded_count'],
  searchable: [],
  filterable: { assignment_id: ['eq', 'in'], pasted_by: ['eq'], pasted_at: ['gte', 'lte'] },
  writable: {},
  schema: z.object({}),
  columns: { pasted_by_name: 'users.name', assignment_number: 'assignments.number', assignment_title: 'assignments.title', mission_id: 'assignments.mission_id' },
  joins: (query) => query.join('users', 'users.id', 'submission_pastes.pasted_by').join('assignments', 'assignments.id', 'submission_pastes.assignment_id'),
  defaultSort: ['pasted_at', 'DESC'],
});
