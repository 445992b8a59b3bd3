import { z } from 'zod';
import { fields } from '../../core/fields';
import { defineResource, rolePolicy } from '../../core/resource';
import { tableModel } from '../../core/table-model';

/** A mentor paired with a student on a mission (by an SRE). */
export const mentorPairingsResource = defineResource({
  name: 'mentor_pairings',
  model: tableModel('mentor_pairings'),
  policy: rolePolicy(
    { admin: '*', sre: '*', manager: ['list', 'read'], developer: ['list', 'read'], mentor: ['list', 'read'], student: ['list', 'read'] },
    (actor, query) => {
      if (actor.role === 'mentor') query.where('mentor_pairings.mentor_id', actor.id);
      if (actor.role === 'student') query.where('mentor_pairings.student_id', actor.id);
    },
  ),
  sortable: ['mission_id', 'student_id', 'mentor_id', 'created_at', 'student_name', 'mentor_name'],
  searchable: ['student_name', 'mentor_name'],
  filterable: { mission_id: ['eq', 'in'], student_id: ['eq', 'in'], mentor_id: ['eq', 'in'], created_at: ['gte', 'lte'] },
  writable: { admin: ['mission_id', 'student_id', 'mentor_id'], sre: ['mission_id', 'student_id', 'mentor_id'] },
  schema: z.object({ mission_id: fields.id, student_id: fields.id, mentor_id: fields.id }),
  columns: {
    student_name: 'students_u.name',
    student_email: 'students_u.email',
    mentor_name: 'mentors_u.name',
    mentor_email: 'mentors_u.email',
    mission_code: 'missions.code',
    mission_title: 'missions.title',
  },
  joins: (query) =>
    query
      .join('users as students_u', 'students_u.id', 'mentor_pairings.student_id')
      .join('users as mentors_u', 'mentors_u.id', 'mentor_pairings.mentor_id')
      .join('missions', 'missions.id', 'mentor_pairings.mission_id'),
  defaultSort: ['created_at', 'DESC'],
  constraintMessages: {
    mentor_pairings_key: 'This student is already paired with this mentor on this mission.',
    mentor_pairings_mentor_fkey: 'That mentor is not assigned to this mission. A manager must add them to the mission first.',
    mentor_pairings_enrolment_fkey: 'That student is not enrolled in this mission.',
    mentor_pairings_mentor_active: 'That mentor no longer mentors on this mission. Choose another mentor, or ask a manager to make them active again.',
    mentor_pairings_capacity: 'This mentor is at capacity on this mission. Raise their capacity or choose another mentor.',
  },
});
