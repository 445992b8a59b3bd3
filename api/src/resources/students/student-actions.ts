import type { Knex } from 'knex';
import { z } from 'zod';
import { insertAudited, writeAudit } from '../../core/audit';
import { errors } from '../../core/errors';
import type { ResourceDefinition, WriteContext } from '../../core/resource';
import { assertCan, collectionAction, findVisible } from '../../core/resource-router';
import { parseInput } from '../../core/input';
import { batchEnrolmentsResource } from '../batch-enrolments/batch-enrolments.resource';
import { missionEnrolmentsResource } from '../mission-enrolments/mission-enrolments.resource';
import { mentorPairingsResource } from '../mentor-pairings/mentor-pairings.resource';
import { missionsResource } from '../missions/missions.resource';
import { batchesResource } from '../batches/batches.resource';

type Row = Record<string, unknown>;
const asResource = (resource: unknown) => resource as ResourceDefinition;

const idField = (label: string) => z.number({ error: `Choose a ${label}.` }).int().positive(`Choose a ${label}.`);

const visibleMission = (ctx: WriteContext, missionId: number) =>
  findVisible<{ id: number; batch_id: number; code: string }>(asResource(missionsResource), ctx.actor, ctx.trx, missionId);

async function auditRows(ctx: WriteContext, action: 'create' | 'delete', resource: string, rows: Row[]): Promise<void> {
  await writeAudit(
    ctx.trx,
    ctx.context,
    rows.map((row) => ({ action, resource, recordId: row.id as number, ...(action === 'create' ? { after: row } : { before: row }) })),
  );
}

async function notIn(trx: Knex.Transaction, table: string, column: string, value: number, ids: number[]): Promise<number> {
  const { rows } = await trx.raw(
    `SELECT count(*)::int AS n FROM unnest(?::bigint[]) AS s(id) WHERE NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.${column} = ? AND t.student_id = s.id)`,
    [ids, value],
  );
  return rows[0].n;
}

/** Bulk actions from the students list: each over the selected (or all matching) students, all or nothing. */
export function studentActions(students: ResourceDefinition, knex: Knex) {
  const enrol = collectionAction(students, knex, 'enrol', async (ctx, ids, body) => {
    assertCan(asResource(missionEnrolmentsResource), ctx.actor, 'create');
    const input = parseInput(z.object({ mission_id: idField('mission'), add_to_batch: z.boolean().default(true) }), body);
    const mission = await visibleMission(ctx, input.mission_id);
    let addedToBatch: unknown[] = [];
    if (input.add_to_batch) {
      assertCan(asResource(batchEnrolmentsResource), ctx.actor, 'create');
      addedToBatch = await insertAudited(
        ctx.trx,
        ctx.context,
        'batch_enrolments',
        `INSERT INTO batch_enrolments (batch_id, student_id) SELECT ?, unnest(?::bigint[]) ON CONFLICT (batch_id, student_id) DO NOTHING RETURNING *`,
        [mission.batch_id, ids],
      );
    } else {
      const outside = await notIn(ctx.trx, 'batch_enrolments', 'batch_id', mission.batch_id, ids);
      if (outside) throw errors.validation(`${outside} of the ${ids.length} students in this change are not in this mission's batch. Add them to the batch first.`);
    }
    const enrolled = await insertAudited(
      ctx.trx,
      ctx.context,
      'mission_enrolments',
      `INSERT INTO mission_enrolments (mission_id, student_id) SELECT ?, unnest(?::bigint[]) ON CONFLICT (student_id, mission_id) DO NOTHING RETURNING *`,
      [mission.id, ids],
    );
    return { matched: ids.length, enrolled: enrolled.length, already_enrolled: ids.length - enrolled.length, added_to_batch: addedToBatch.length };
  });

  const pair = collectionAction(students, knex, 'pair', async (ctx, ids, body) => {
    assertCan(asResource(mentorPairingsResource), ctx.actor, 'create');
    const input = parseInput(z.object({ mission_id: idField('mission'), mentor_id: idField('mentor') }), body);
    const mission = await visibleMission(ctx, input.mission_id);
    const onMission = await ctx.trx('mission_mentors').where({ mission_id: mission.id, mentor_id: input.mentor_id }).first('id');
    if (!onMission) throw errors.validation('That mentor is not assigned to this mission. A manager must add them to the mission first.', { mentor_id: 'not on this mission' });
    const outside = await notIn(ctx.trx, 'mission_enrolments', 'mission_id', mission.id, ids);
    if (outside) throw errors.validation(`${outside} of the ${ids.length} students in this change are not enrolled in this mission. Enrol them first.`);
    const paired = await insertAudited(
      ctx.trx,
      ctx.context,
      'mentor_pairings',
      `INSERT INTO mentor_pairings (mission_id, student_id, mentor_id) SELECT ?, unnest(?::bigint[]), ?
       ON CONFLICT (mission_id, student_id, mentor_id) DO NOTHING RETURNING *`,
      [mission.id, ids, input.mentor_id],
    );
    return { matched: ids.length, paired: paired.length, already_paired: ids.length - paired.length };
  });

  const moveBatch = collectionAction(students, knex, 'move-batch', async (ctx, ids, body) => {
    assertCan(asResource(batchEnrolmentsResource), ctx.actor, 'create');
    assertCan(asResource(batchEnrolmentsResource), ctx.actor, 'delete');
    const input = parseInput(z.object({ from_batch_id: idField('batch to move from'), to_batch_id: idField('batch to move to') }), body);
    if (input.from_batch_id === input.to_batch_id) throw errors.validation('Choose two different batches.', { to_batch_id: 'same as the current batch' });
    for (const id of [input.from_batch_id, input.to_batch_id]) await findVisible(asResource(batchesResource), ctx.actor, ctx.trx, id);
    const outside = await notIn(ctx.trx, 'batch_enrolments', 'batch_id', input.from_batch_id, ids);
    if (outside) throw errors.validation(`${outside} of the ${ids.length} students in this change are not in the batch you are moving them from.`);
    // Their missions and mentors in the old batch end with the move; each removal is audited, not cascaded silently.
    const pairings = await ctx.trx('mentor_pairings').whereIn('student_id', ids).whereIn('mission_id', ctx.trx('missions').select('id').where({ batch_id: input.from_batch_id })).delete().returning('*');
    const missions = await ctx.trx('mission_enrolments').whereIn('student_id', ids).where({ batch_id: input.from_batch_id }).delete().returning('*');
    const left = await ctx.trx('batch_enrolments').whereIn('student_id', ids).where({ batch_id: input.from_batch_id }).delete().returning('*');
    const joined = await insertAudited(
      ctx.trx,
      ctx.context,
      'batch_enrolments',
      `INSERT INTO batch_enrolments (batch_id, student_id) SELECT ?, unnest(?::bigint[]) ON CONFLICT (batch_id, student_id) DO NOTHING RETURNING *`,
      [input.to_batch_id, ids],
    );
    await auditRows(ctx, 'delete', 'mentor_pairings', pairings);
    await auditRows(ctx, 'delete', 'mission_enrolments', missions);
    await auditRows(ctx, 'delete', 'batch_enrolments', left);
    return { matched: ids.length, moved: left.length, mission_enrolments_ended: missions.length, pairings_ended: pairings.length };
  });

  return [enrol, pair, moveBatch];
}
