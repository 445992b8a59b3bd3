import { z } from 'zod';
import { errors } from '../../core/errors';
import { fields } from '../../core/fields';
import { defineResource, rolePolicy } from '../../core/resource';
import { tableModel } from '../../core/table-model';
import { SHOUTOUT_BADGES } from '@sms/db/migrations/20261127001500_create_recognition';
import { wherePairedOn, whereStudentPairedWith } from '../scopes';

const STAFF_READ = { manager: ['list', 'read'], sre: ['list', 'read'], developer: ['list', 'read'] } as const;

/** Shout-outs: staff recognise a student with a small badge and a line; mentors for the students paired with them. */
export const shoutoutsResource = defineResource({
  name: 'shoutouts',
  model: tableModel('shoutouts'),
  policy: rolePolicy(
    {
      ...STAFF_READ,
      admin: ['list', 'read', 'create', 'delete'],
      manager: ['list', 'read', 'create'],
      sre: ['list', 'read', 'create'],
      mentor: ['list', 'read', 'create', 'delete'],
      student: ['list', 'read'],
    },
    (actor, query) => {
      if (actor.role === 'student') query.where('shoutouts.student_id', actor.id);
      if (actor.role === 'mentor') whereStudentPairedWith(query, 'shoutouts.student_id', actor.id);
    },
    (actor, query) => {
      if (actor.role === 'mentor') query.where('shoutouts.given_by', actor.id);
    },
  ),
  sortable: ['created_at', 'badge'],
  searchable: ['message'],
  filterable: { student_id: ['eq', 'in'], mission_id: ['eq', 'in'], badge: ['eq', 'in'], given_by: ['eq'], created_at: ['gte', 'lte'] },
  writable: { any: ['student_id', 'mission_id', 'badge', 'message'] },
  schema: z.object({
    student_id: fields.id,
    mission_id: fields.id.nullable().optional(),
    badge: z.enum(SHOUTOUT_BADGES, { error: `Choose a badge: ${SHOUTOUT_BADGES.join(', ').replace(/_/g, ' ')}.` }),
    message: z.string().trim().max(500, 'Keep the message under 500 characters.').default(''),
  }),
  columns: { student_name: 'shoutout_students.name', giver_name: 'shoutout_givers.name', mission_code: 'shoutout_missions.code', mission_title: 'shoutout_missions.title' },
  joins: (query) =>
    query
      .join('users as shoutout_students', 'shoutout_students.id', 'shoutouts.student_id')
      .join('users as shoutout_givers', 'shoutout_givers.id', 'shoutouts.given_by')
      .leftJoin('missions as shoutout_missions', 'shoutout_missions.id', 'shoutouts.mission_id'),
  defaultSort: ['created_at', 'DESC'],
  async validate(data, _existing, ctx) {
    if (ctx.actor.role !== 'mentor') return;
    const paired = ctx.trx('mentor_pairings').where({ mentor_id: ctx.actor.id, student_id: data.student_id });
    if (data.mission_id) paired.where({ mission_id: data.mission_id });
    if (!(await paired.first('id'))) throw errors.notFound('student');
  },
  stamp: (ctx) => ({ given_by: ctx.actor.id }),
  constraintMessages: { shoutouts_student_id_fkey: 'That student does not exist.', shoutouts_mission_id_fkey: 'That mission does not exist.' },
});

/** Completion certificates (issued with POST /certificates/issue): students their own, mentors their students', staff all. */
export const certificatesResource = defineResource({
  name: 'certificates',
  model: tableModel('certificates'),
  policy: rolePolicy({ ...STAFF_READ, admin: ['list', 'read', 'delete'], mentor: ['list', 'read'], student: ['list', 'read'] }, (actor, query) => {
    if (actor.role === 'student') query.where('certificates.student_id', actor.id);
    if (actor.role === 'mentor') wherePairedOn(query, 'certificates', actor.id);
  }),
  sortable: ['issued_at', 'student_name', 'points'],
  searchable: ['student_name', 'code'],
  columns: { mission_code: 'certificate_missions.code' },
  joins: (query) => query.join('missions as certificate_missions', 'certificate_missions.id', 'certificates.mission_id'),
  filterable: { student_id: ['eq', 'in'], mission_id: ['eq', 'in'], code: ['eq'], issued_at: ['gte', 'lte'] },
  writable: {},
  schema: z.object({}),
  defaultSort: ['issued_at', 'DESC'],
});

/** Badges the record earns by itself (streaks, every deadline on time), per mission enrolment. */
export const studentAchievementsResource = defineResource({
  name: 'student_achievements',
  model: tableModel('student_achievements'),
  policy: rolePolicy({ ...STAFF_READ, admin: ['list', 'read'], mentor: ['list', 'read'], student: ['list', 'read'] }, (actor, query) => {
    if (actor.role === 'student') query.where('student_achievements.student_id', actor.id);
    if (actor.role === 'mentor') wherePairedOn(query, 'student_achievements', actor.id);
  }),
  sortable: ['longest_streak', 'mission_code'],
  searchable: [],
  filterable: { student_id: ['eq', 'in'], mission_id: ['eq', 'in'], streak_7: ['eq'], streak_30: ['eq'], all_on_time: ['eq'] },
  writable: {},
  schema: z.object({}),
  defaultSort: ['mission_code', 'ASC'],
});
