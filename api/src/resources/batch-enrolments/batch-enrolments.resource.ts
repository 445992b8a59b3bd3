import { z } from 'zod';
import { fields } from '../../core/fields';
import { defineResource, rolePolicy } from '../../core/resource';
import { tableModel } from '../../core/table-model';
import { whereBatchOfMentor, whereStudentPairedWith } from '../scopes';

export const ENROLMENT_STATUSES = ['active', 'withdrawn', 'completed'] as const;

/** A student's membership of a batch. */
export const batchEnrolmentsResource = defineResource({
  name: 'batch_enrolments',
  model: tableModel('batch_enrolments'),
  policy: rolePolicy(
    { admin: '*', sre: '*', manager: ['list', 'read'], developer: ['list', 'read'], mentor: ['list', 'read'], student: ['list', 'read'] },
    (actor, query) => {
      if (actor.role === 'mentor') {
        whereStudentPairedWith(query, 'batch_enrolments.student_id', actor.id);
        whereBatchOfMentor(query, 'batch_enrolments.batch_id', actor.id);
      }
      if (actor.role === 'student') query.where('batch_enrolments.student_id', actor.id);
    },
  ),
  sortable: ['batch_id', 'student_id', 'status', 'created_at', 'student_name', 'batch_code'],
  searchable: ['student_name', 'student_email'],
  filterable: { batch_id: ['eq', 'in'], student_id: ['eq', 'in'], status: ['eq', 'in'], created_at: ['gte', 'lte'] },
  writable: { admin: ['batch_id', 'student_id', 'status'], sre: ['batch_id', 'student_id', 'status'] },
  schema: z.object({
    batch_id: fields.id,
    student_id: fields.id,
    status: z.enum(ENROLMENT_STATUSES, { error: 'Status must be active, withdrawn or completed.' }).optional(),
  }),
  columns: { student_name: 'users.name', student_email: 'users.email', batch_code: 'batches.code', batch_title: 'batches.title' },
  joins: (query) => query.join('users', 'users.id', 'batch_enrolments.student_id').join('batches', 'batches.id', 'batch_enrolments.batch_id'),
  defaultSort: ['created_at', 'DESC'],
  constraintMessages: {
    batch_enrolments_batch_student_key: 'This student is already in this batch.',
    batch_enrolments_batch_id_fkey: 'That batch does not exist.',
    batch_enrolments_student_id_fkey: 'That student does not exist.',
  },
});
