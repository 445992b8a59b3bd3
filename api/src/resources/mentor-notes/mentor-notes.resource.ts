import { z } from 'zod';
import { errors } from '../../core/errors';
import { fields } from '../../core/fields';
import { defineResource, rolePolicy } from '../../core/resource';
import { tableModel } from '../../core/table-model';
import { whereStudentPairedWith } from '../scopes';

/** A mentor's private notes on a student. Students have no access at all; other staff with access to the student read them. */
export const mentorNotesResource = defineResource({
  name: 'mentor_notes',
  model: tableModel('mentor_notes'),
  policy: rolePolicy(
    { mentor: ['list', 'read', 'create', 'update', 'delete'], admin: ['list', 'read', 'delete'], sre: ['list', 'read'], manager: ['list', 'read'] },
    (actor, query) => {
      if (actor.role === 'mentor') whereStudentPairedWith(query, 'mentor_notes.student_id', actor.id);
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
    mission_id: fields.id.nullable().optional(),
    body: z.string().trim().min(1, 'Write the note.').max(20000, 'The note is too long.'),
  }),
  columns: { author_name: 'authors.name', student_name: 'students_u.name' },
  joins: (query) => query.join('users as authors', 'authors.id', 'mentor_notes.author_id').join('users as students_u', 'students_u.id', 'mentor_notes.student_id'),
  defaultSort: ['created_at', 'DESC'],
  async validate(data, existing, ctx) {
    if (!existing) {
      const paired = await ctx.trx('mentor_pairings').where({ mentor_id: ctx.actor.id, student_id: data.student_id }).first('id');
      if (!paired) throw errors.notFound('student');
    }
  },
  stamp: (ctx) => ({ author_id: ctx.actor.id }),
});
