import { z } from 'zod';
import { fields } from '../../core/fields';
import { defineResource, rolePolicy } from '../../core/resource';
import { tableModel } from '../../core/table-model';
import { ENROLMENT_STATUSES } from '../batch-enrolments/batch-enrolments.resource';
import { wherePairedOn } from '../scopes';

/** A student's enrolment in a mission (of a batch they belong to). */
export const missionEnrolmentsResource = defineResource({
  name: 'mission_enrolments',
  model: tableModel('mission_enrolments'),
  policy: rolePolicy(
    { admin: '*', sre: '*', manager: ['list', 'read'], developer: ['list', 'read'], mentor: ['list', 'read'], student: ['list', 'read'] },
    (actor, query) => {
      if (actor.role === 'mentor') wherePairedOn(query, 'mission_enrolments', actor.id);
      if (actor.role === 'student') query.where('mission_enrolments.student_id', actor.id);
    },
  ),
  sortable: ['mission_id', 'student_id', 'status', 'created_at', 'student_name', 'mission_code'],
  searchable: ['student_name', 'student_email'],
  filterable: { mission_id: ['eq', 'in'], batch_id: ['eq', 'in'], student_id: ['eq', 'in'], status: ['eq', 'in'], created_at: ['gte', 'lte'] },
  writable: { admin: ['mission_id', 'student_id', 'status'], sre: ['mission_id', 'student_id', 'status'] },
  schema: z.object({
    mission_id: fields.id,
    student_id: fields.id,
    status: z.enum(ENROLMENT_STATUSES, { error: 'Status must be active, withdrawn or completed.' }).optional(),
  }),
  columns: {
    student_name: 'users.name',
    student_email: 'users.email',
    mission_code: 'missions.code',
    mission_title: 'missions.title',
    mission_status: 'missions.status',
  },
  joins: (query) => query.join('users', 'users.id', 'mission_enrolments.student_id').join('missions', 'missions.id', 'mission_enrolments.mission_id'),
  defaultSort: ['created_at', 'DESC'],
  constraintMessages: {
    mission_enrolments_student_mission_key: 'This student is already enrolled in this mission.',
    mission_enrolments_batch_member_fkey: "This student is not in the mission's batch. Add them to the batch first.",
    mission_enrolments_mission_fkey: 'That mission does not exist.',
  },
});
