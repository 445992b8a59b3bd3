import { z } from 'zod';
import { errors } from '../../core/errors';
import { fields } from '../../core/fields';
import { defineResource, rolePolicy } from '../../core/resource';
import { tableModel } from '../../core/table-model';
import { wherePairedOn } from '../scopes';

/**
 * A mentor's private notes on a student, each about one mission. Mentors read the notes of the missions they
 * mentor that student on (whoever wrote them) and change only their own; SREs, managers and admins read all;
 * students have no access at all.
 */
export const mentorNotesResource = defineResource({
  name: 'mentor_notes',
  model: tableModel('mentor_notes'),
  policy: rolePolicy(
    { mentor: ['list', 'read', 'create', 'update', 'delete'], admin: ['list', 'read', 'delete'], sre: ['list', 'read'], manager: ['list', 'read'] },
    (actor, query) => {
      if (actor.role === 'mentor') wherePairedOn(query, 'mentor_notes', actor.id);
    },
    (actor, query) => {
      if (actor.role === 'mentor') query.where('mentor_notes.author_id', actor.id);
    },
  ),
  sortable: ['created_at', 'updated_at'],
  searchable: ['body'],
  filterable: { student_id: ['eq', 'in'], mission_id: ['eq', 'in'], author_id: ['eq'], created_at: ['gte', 'lte'] },
  writable: { mentor: ['student_id', 'mission_id', 'body'] },
  schema: z.object({
    student_id: fields.id,
    mission_id: fields.id,
    body: z.string().trim().min(1, 'Write the note.').max(20000, 'The note is too long.'),
  }),
  columns: { author_name: 'authors.name', student_name: 'students_u.name', mission_code: 'notes_missions.code' },
  joins: (query) =>
    query
      .join('users as authors', 'authors.id', 'mentor_notes.author_id')
      .join('users as students_u', 'students_u.id', 'mentor_notes.student_id')
      .leftJoin('missions as notes_missions', 'notes_missions.id', 'mentor_notes.mission_id'),
  defaultSort: ['created_at', 'DESC'],
  async validate(data, existing, ctx) {
    if (existing && !('student_id' in data) && !('mission_id' in data)) return;
    const studentId = data.student_id ?? existing?.student_id;
    const missionId = data.mission_id ?? existing?.mission_id;
    const paired = await ctx.trx('mentor_pairings').where({ mentor_id: ctx.actor.id, student_id: studentId, mission_id: missionId }).first('id');
    if (!paired) throw errors.notFound('student on that mission');
  },
  constraintMessages: { mentor_notes_mission_given: 'Choose the mission the note is about.' },
  stamp: (ctx) => ({ author_id: ctx.actor.id }),
});
