import { z } from 'zod';
import { errors } from '../../core/errors';
import { fields } from '../../core/fields';
import { defineResource, rolePolicy } from '../../core/resource';
import { tableModel } from '../../core/table-model';
import { whereMissionOfMentor } from '../scopes';
import { newCodeSecret } from './check-in-code';

const MEETING_FIELDS = ['mission_id', 'title', 'starts_at', 'duration_minutes', 'requires_code', 'invitee_ids'] as const;

/** Weekly meetings of a mission; a student sees those of their missions they are invited to. */
export const meetingsResource = defineResource({
  name: 'meetings',
  model: tableModel('meetings'),
  policy: rolePolicy(
    { admin: '*', sre: '*', manager: '*', mentor: '*', developer: ['list', 'read'], student: ['list', 'read'] },
    (actor, query) => {
      if (actor.role === 'mentor') whereMissionOfMentor(query, 'meetings.mission_id', actor.id);
      if (actor.role === 'student') {
        query.whereRaw(
          `meetings.mission_id IN (SELECT mission_id FROM mission_enrolments WHERE student_id = ?)
           AND (NOT EXISTS (SELECT 1 FROM meeting_invitees i WHERE i.meeting_id = meetings.id)
                OR EXISTS (SELECT 1 FROM meeting_invitees i WHERE i.meeting_id = meetings.id AND i.student_id = ?))`,
          [actor.id, actor.id],
        );
      }
    },
  ),
  sortable: ['starts_at', 'title', 'mission_id', 'created_at', 'attendance_count'],
  searchable: ['title'],
  filterable: { mission_id: ['eq', 'in'], starts_at: ['gte', 'lte', 'gt', 'lt'], created_by: ['eq'], batch_id: ['eq', 'in'] },
  writable: { admin: MEETING_FIELDS, sre: MEETING_FIELDS, manager: MEETING_FIELDS, mentor: MEETING_FIELDS },
  hidden: ['code_secret'],
  schema: z.object({
    mission_id: fields.id,
    title: fields.title,
    starts_at: z.string().datetime({ offset: true, message: 'Give the start as a date and time with its zone, e.g. 2026-12-01T18:00:00+06:00.' }),
    duration_minutes: z.number({ error: 'The length is a number of minutes.' }).int('The length is a whole number of minutes.').min(5, 'A meeting lasts at least 5 minutes.').max(600, 'A meeting lasts at most 10 hours.').optional(),
    requires_code: z.boolean().optional(),
    invitee_ids: z.array(fields.id).max(5000).optional(),
  }),
  columns: {
    mission_code: 'missions.code',
    mission_title: 'missions.title',
    batch_id: 'missions.batch_id',
    created_by_name: 'creators.name',
    ends_at: 'meeting_stats.ends_at',
    attendance_count: 'meeting_stats.attendance_count',
    invitee_count: 'meeting_stats.invitee_count',
  },
  joins: (query) =>
    query
      .join('missions', 'missions.id', 'meetings.mission_id')
      .join('users as creators', 'creators.id', 'meetings.created_by')
      .joinRaw(
        `LEFT JOIN LATERAL (SELECT meetings.starts_at + make_interval(mins => meetings.duration_minutes) AS ends_at,
                                   (SELECT count(*) FROM meeting_attendance a WHERE a.meeting_id = meetings.id)::int AS attendance_count,
                                   (SELECT count(*) FROM meeting_invitees i WHERE i.meeting_id = meetings.id)::int AS invitee_count) meeting_stats ON true`,
      ),
  defaultSort: ['starts_at', 'DESC'],
  async validate(data, existing, ctx) {
    const missionId = (data.mission_id ?? existing?.mission_id) as number | undefined;
    if (ctx.actor.role === 'mentor' && missionId !== undefined) {
      const assigned = await ctx.trx('mission_mentors').where({ mission_id: missionId, mentor_id: ctx.actor.id }).first('id');
      if (!assigned) throw errors.validation('You can only schedule meetings for missions you mentor.', { mission_id: 'not one of your missions' });
    }
  },
  async insert(data, ctx) {
    const { invitee_ids: invitees, ...meeting } = data as Record<string, unknown> & { invitee_ids?: number[] };
    const [row] = await ctx.trx('meetings').insert({ ...meeting, code_secret: newCodeSecret(), created_by: ctx.actor.id }).returning('id');
    if (invitees?.length) await ctx.trx('meeting_invitees').insert([...new Set(invitees)].map((studentId) => ({ meeting_id: row.id, student_id: studentId })));
    return Number(row.id);
  },
  async patch(ids, data, ctx) {
    const { invitee_ids: invitees, ...meeting } = data as Record<string, unknown> & { invitee_ids?: number[] };
    if (Object.keys(meeting).length) await ctx.trx('meetings').whereIn('id', ids).update(meeting);
    if (invitees) {
      await ctx.trx('meeting_invitees').whereIn('meeting_id', ids).delete();
      const rows = ids.flatMap((id) => [...new Set(invitees)].map((studentId) => ({ meeting_id: id, student_id: studentId })));
      if (rows.length) await ctx.trx('meeting_invitees').insert(rows);
    }
  },
  constraintMessages: {
    meetings_mission_id_fkey: 'That mission does not exist.',
    meetings_duration_valid: 'A meeting lasts between 5 minutes and 10 hours.',
    meeting_invitees_student_id_fkey: 'One of the invited students does not exist.',
  },
});
