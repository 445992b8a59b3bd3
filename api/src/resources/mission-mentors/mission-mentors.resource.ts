import { z } from 'zod';
import { fields } from '../../core/fields';
import { defineResource, rolePolicy } from '../../core/resource';
import { tableModel } from '../../core/table-model';

/** A mentor assigned to a mission by a manager, with an optional capacity. */
export const missionMentorsResource = defineResource({
  name: 'mission_mentors',
  model: tableModel('mission_mentors'),
  policy: rolePolicy(
    { admin: '*', manager: '*', sre: ['list', 'read'], developer: ['list', 'read'], mentor: ['list', 'read'] },
    (actor, query) => {
      if (actor.role === 'mentor') query.where('mission_mentors.mentor_id', actor.id);
    },
  ),
  sortable: ['mission_id', 'mentor_id', 'capacity', 'created_at', 'mentor_name', 'load'],
  searchable: ['mentor_name', 'mentor_email'],
  filterable: { mission_id: ['eq', 'in'], mentor_id: ['eq', 'in'], batch_id: ['eq', 'in'] },
  writable: { admin: ['mission_id', 'mentor_id', 'capacity', 'active'], manager: ['mission_id', 'mentor_id', 'capacity', 'active'] },
  schema: z.object({
    mission_id: fields.id,
    mentor_id: fields.id,
    capacity: z.number({ error: 'Capacity must be a whole number.' }).int('Capacity must be a whole number.').min(1, 'Capacity must be at least 1.').nullable().optional(),
    active: z.boolean({ error: 'Active is true or false.' }).optional(),
  }),
  columns: {
    mentor_name: 'users.name',
    mentor_email: 'users.email',
    mission_code: 'missions.code',
    mission_title: 'missions.title',
    batch_id: 'missions.batch_id',
    load: 'mentor_load.load',
  },
  joins: (query) =>
    query
      .join('users', 'users.id', 'mission_mentors.mentor_id')
      .join('missions', 'missions.id', 'mission_mentors.mission_id')
      .joinRaw(
        'LEFT JOIN LATERAL (SELECT count(*)::int AS load FROM mentor_pairings mp WHERE mp.mission_id = mission_mentors.mission_id AND mp.mentor_id = mission_mentors.mentor_id) mentor_load ON true',
      ),
  defaultSort: ['created_at', 'DESC'],
  constraintMessages: {
    mission_mentors_mission_mentor_key: 'This mentor is already assigned to this mission.',
    mission_mentors_mentor_fkey: 'Only an account with the mentor role can be assigned to a mission.',
    mission_mentors_mission_id_fkey: 'That mission does not exist.',
    mission_mentors_capacity_positive: 'Capacity must be at least 1.',
  },
});
