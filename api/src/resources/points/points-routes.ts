import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { contextOf, requireActor, type Actor } from '../../core/actor';
import { writeAudit } from '../../core/audit';
import { errors } from '../../core/errors';
import { parseListParams } from '../../core/list-query';
import type { ResourceDefinition } from '../../core/resource';
import { findVisible } from '../../core/resource-router';
import { missionsResource } from '../missions/missions.resource';
import { previewRecompute, recomputeLedger } from './recompute';

const missions = missionsResource as unknown as ResourceDefinition;
const RULE_EDITORS = new Set(['admin', 'manager']);

/** Leaderboard per mission, and the explicit, audited rebuild of a mission's ledger after a rule change. */
export function pointsRouter(knex: Knex): Router {
  const router = Router();

  const visibleMission = async (actor: Actor, rawId: unknown, db: Knex | Knex.Transaction = knex) =>
    (await findVisible<{ id: number }>(missions, actor, db, rawId)).id;

  router.get('/missions/:id/leaderboard', async (req: Request, res: Response) => {
    const actor = requireActor(req);
    if (actor.role === 'student') throw errors.forbidden('Students see their own rank on their dashboard.');
    const id = await visibleMission(actor, req.params.id);
    const { range } = parseListParams({ range: req.query.range }, { name: 'leaderboard', sortable: [], filterable: {}, searchable: [] } as unknown as ResourceDefinition);
    const { rows } = await knex.raw(
      `WITH totals AS (
         SELECT me.student_id, coalesce(sum(l.points), 0)::int AS points
         FROM mission_enrolments me LEFT JOIN points_ledger l ON l.mission_id = me.mission_id AND l.student_id = me.student_id
         WHERE me.mission_id = ? GROUP BY me.student_id
       ), ranked AS (
         SELECT student_id, points, rank() OVER (ORDER BY points DESC)::int AS rank, count(*) OVER ()::int AS total FROM totals
       )
       SELECT r.rank, r.student_id AS id, r.student_id, u.name, r.points, r.total FROM ranked r JOIN users u ON u.id = r.student_id
       WHERE (? <> 'mentor' OR r.student_id IN (SELECT student_id FROM mentor_pairings WHERE mentor_id = ? AND mission_id = ?))
       ORDER BY r.rank, u.name OFFSET ? LIMIT ?`,
      [id, actor.role, actor.id, id, range[0], range[1] - range[0] + 1],
    );
    const total = rows[0]?.total ?? 0;
    res.setHeader('Content-Range', `leaderboard ${range[0]}-${range[0] + Math.max(rows.length - 1, 0)}/${actor.role === 'mentor' ? rows.length : total}`);
    res.json(rows.map(({ total: _total, ...row }: { total: number }) => row));
  });

  router.get('/missions/:id/points/recompute', async (req: Request, res: Response) => {
    const actor = requireActor(req);
    if (!RULE_EDITORS.has(actor.role)) throw errors.forbidden('Only managers and admins change point rules.');
    res.json(await previewRecompute(knex, await visibleMission(actor, req.params.id)));
  });

  router.post('/missions/:id/points/recompute', async (req: Request, res: Response) => {
    const actor = requireActor(req);
    if (!RULE_EDITORS.has(actor.role)) throw errors.forbidden('Only managers and admins change point rules.');
    const result = await knex.transaction(async (trx) => {
      const id = await visibleMission(actor, req.params.id, trx);
      // New awards wait for the rebuild (a moment, once in a while), so none is lost or doubled.
      await trx.raw('LOCK TABLE points_ledger IN SHARE ROW EXCLUSIVE MODE');
      const preview = await previewRecompute(trx, id);
      await recomputeLedger(trx, id);
      await writeAudit(trx, contextOf(req), {
        action: 'recompute_points',
        resource: 'missions',
        recordId: id,
        before: { total: preview.total_before },
        after: { total: preview.total_after, students_changed: preview.students_changed },
      });
      return preview;
    });
    res.json({ ...result, applied: true });
  });

  return router;
}
