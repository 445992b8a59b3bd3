import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { contextOf, requireActor } from '../../core/actor';
import { insertAudited } from '../../core/audit';
import { errors } from '../../core/errors';
import { parseInput } from '../../core/input';
import type { ResourceDefinition } from '../../core/resource';
import { assertCan } from '../../core/resource-router';
import { generateInput, planCallList } from './call-list-generator';
import { callListsResource } from './call-lists.resource';
import { callsResource } from './calls.resource';

/**
 * POST /call_lists/generate: the low-performer report turned into a call list split among SREs.
 * `dry_run` (the default) answers the plan; `dry_run: false` writes the list and its calls in one transaction,
 * audited, planned again under lock so two SREs generating at once can't give a student two calls.
 */
export function callListRouter(knex: Knex): Router {
  const router = Router();
  router.post('/call_lists/generate', async (req: Request, res: Response) => {
    const actor = requireActor(req);
    assertCan(callListsResource as unknown as ResourceDefinition, actor, 'create');
    assertCan(callsResource as unknown as ResourceDefinition, actor, 'create');
    const input = parseInput(generateInput, req.body);
    if (input.dry_run) {
      res.json({ ...(await planCallList(knex, actor, input)), dry_run: true });
      return;
    }
    const result = await knex.transaction(async (trx) => {
      // One generation at a time: the open-call check and the inserts must see each other.
      await trx.raw(`SELECT pg_advisory_xact_lock(hashtext('call_lists/generate'))`);
      const plan = await planCallList(trx, actor, input);
      if (plan.students === 0) {
        throw errors.validation(
          plan.skipped_open
            ? `Every student at that risk already has an open call (${plan.skipped_open}). Include them with "include_open" to call them again.`
            : 'No student at that risk level right now, so there is nobody to call.',
          { risk: 'nobody matches' },
        );
      }
      const context = contextOf(req);
      const [list] = await insertAudited<{ id: number }>(
        trx,
        context,
        'call_lists',
        `INSERT INTO call_lists (title, batch_id, mission_id, criteria, created_by) VALUES (?, ?, ?, ?::jsonb, ?) RETURNING *`,
        [plan.title, plan.batch_id, plan.mission_id, JSON.stringify({ risk: input.risk, sre_ids: input.sre_ids ?? null, include_open: input.include_open }), actor.id],
      );
      await insertAudited(
        trx,
        context,
        'calls',
        `INSERT INTO calls (call_list_id, student_id, assigned_to, reasons)
         SELECT ?, s, a, string_to_array(r, ',') FROM unnest(?::bigint[], ?::bigint[], ?::text[]) AS t(s, a, r) RETURNING *`,
        [list.id, plan.calls.map((c) => c.student_id), plan.calls.map((c) => c.assigned_to), plan.calls.map((c) => c.reasons.join(','))],
        { generated: true },
      );
      return { ...plan, call_list_id: Number(list.id), dry_run: false };
    });
    res.status(201).json(result);
  });
  return router;
}
