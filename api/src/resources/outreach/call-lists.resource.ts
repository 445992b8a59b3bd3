import { z } from 'zod';
import { errors } from '../../core/errors';
import { fields } from '../../core/fields';
import { defineResource, rolePolicy } from '../../core/resource';
import { tableModel } from '../../core/table-model';

/** A list of students to phone, generated from the low-performer report (see call-list-routes) or made by hand. */
export const callListsResource = defineResource({
  name: 'call_lists',
  model: tableModel('call_lists', ['criteria']),
  policy: rolePolicy({
    admin: ['list', 'read', 'create', 'update', 'delete'],
    sre: ['list', 'read', 'create', 'update', 'delete'],
    manager: ['list', 'read'],
    developer: ['list', 'read'],
  }),
  sortable: ['title', 'created_at'],
  searchable: ['title'],
  filterable: { batch_id: ['eq', 'in'], mission_id: ['eq', 'in'], created_by: ['eq'], created_at: ['gte', 'lte'] },
  writable: { any: ['title', 'batch_id', 'mission_id'] },
  schema: z.object({
    title: fields.title,
    batch_id: fields.id.nullable().optional(),
    mission_id: fields.id.nullable().optional(),
  }),
  columns: {
    creator_name: 'creators.name',
    batch_code: 'list_batches.code',
    mission_code: 'list_missions.code',
  },
  joins: (query) =>
    query
      .join('users as creators', 'creators.id', 'call_lists.created_by')
      .leftJoin('batches as list_batches', 'list_batches.id', 'call_lists.batch_id')
      .leftJoin('missions as list_missions', 'list_missions.id', 'call_lists.mission_id'),
  defaultSort: ['created_at', 'DESC'],
  async validate(data, existing, ctx) {
    const missionId = data.mission_id ?? existing?.mission_id;
    const batchId = data.batch_id ?? existing?.batch_id;
    if (missionId && batchId) {
      const mission = await ctx.trx('missions').where({ id: missionId }).first('batch_id');
      if (mission && Number(mission.batch_id) !== Number(batchId)) {
        throw errors.validation('That mission is not in that batch.', { mission_id: 'not in the chosen batch' });
      }
    }
  },
  stamp: (ctx) => ({ created_by: ctx.actor.id }),
  constraintMessages: {
    call_lists_batch_id_fkey: 'That batch does not exist.',
    call_lists_mission_id_fkey: 'That mission does not exist.',
  },
});
