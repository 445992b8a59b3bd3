import { z } from 'zod';
import type { Knex } from 'knex';
import { assertNotRestricted, type Actor } from '../../core/actor';
import { errors } from '../../core/errors';
import { fields } from '../../core/fields';
import { defineResource, rolePolicy } from '../../core/resource';
import { tableModel } from '../../core/table-model';
import type { FileStorage } from '../../storage/storage';
import { whereMissionOfMentor, whereMissionOfStudent } from '../scopes';

const EDITORS = ['mission_id', 'title', 'description', 'url', 'position'] as const;

/** A mentor adds resources only to the missions they are assigned to. */
export async function assertMayAddTo(db: Knex | Knex.Transaction, actor: Actor, missionId: unknown): Promise<void> {
  if (actor.role !== 'mentor') return;
  const assigned = await db('mission_mentors').where({ mission_id: missionId, mentor_id: actor.id }).first('id');
  if (!assigned) throw errors.notFound('mission');
}

/**
 * Links and files for a mission's students. Students see their missions' resources unless an integrity case has
 * restricted them; mentors see and add to their missions' (and change what they added); managers and admins all.
 * Files are uploaded and downloaded through mission-resource-files; deleting a row deletes its file.
 */
export function missionResourcesResource(storage: FileStorage) {
  return defineResource({
    name: 'mission_resources',
    model: tableModel('mission_resources'),
    policy: rolePolicy(
      {
        admin: '*',
        manager: '*',
        mentor: '*',
        sre: ['list', 'read'],
        developer: ['list', 'read'],
        student: ['list', 'read'],
      },
      (actor, query) => {
        if (actor.role === 'mentor') whereMissionOfMentor(query, 'mission_resources.mission_id', actor.id);
        if (actor.role === 'student') {
          assertNotRestricted(actor, 'mission resources');
          whereMissionOfStudent(query, 'mission_resources.mission_id', actor.id);
        }
      },
      (actor, query) => {
        if (actor.role === 'mentor') query.where('mission_resources.created_by', actor.id);
      },
    ),
    sortable: ['position', 'title', 'created_at'],
    searchable: ['title', 'description'],
    filterable: { mission_id: ['eq', 'in'], kind: ['eq'], created_by: ['eq'] },
    writable: { admin: EDITORS, manager: EDITORS, mentor: EDITORS },
    hidden: ['file_key'],
    schema: z.object({
      mission_id: fields.id,
      title: fields.title,
      description: z.string().trim().max(2000, 'The description is too long (2,000 characters at most).').default(''),
      url: z.string().trim().regex(/^https?:\/\/\S+$/i, 'A link starts with https:// (or http://).').max(2000, 'The link is too long.').nullable().optional(),
      position: z.number({ error: 'Position must be a whole number.' }).int('Position must be a whole number.').min(0).max(10000).optional(),
    }),
    columns: { mission_code: 'resource_missions.code', creator_name: 'resource_creators.name' },
    joins: (query) =>
      query.join('missions as resource_missions', 'resource_missions.id', 'mission_resources.mission_id').join('users as resource_creators', 'resource_creators.id', 'mission_resources.created_by'),
    defaultSort: ['position', 'ASC'],
    async validate(data, existing, ctx) {
      if (data.mission_id !== undefined) await assertMayAddTo(ctx.trx, ctx.actor, data.mission_id);
      const kind = existing?.kind ?? 'link';
      if (kind === 'link' && !existing && !data.url) throw errors.validation('Give the link (https://…), or upload a file instead.', { url: 'required' });
      if (kind === 'link' && existing && 'url' in data && !data.url) throw errors.validation("A link resource needs its link.", { url: 'required' });
      if (kind === 'file' && data.url) throw errors.validation('This resource is a file; upload a new file instead of giving a link.', { url: 'not for a file' });
    },
    stamp: (ctx) => ({ created_by: ctx.actor.id, kind: 'link' }),
    async afterDelete(row) {
      if (row.file_key) await storage.remove(String(row.file_key));
    },
    constraintMessages: {
      mission_resources_mission_id_fkey: 'That mission does not exist.',
      mission_resources_url_http: 'A link starts with https:// (or http://).',
    },
  });
}
