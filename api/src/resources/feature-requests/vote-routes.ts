import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { contextOf, requireActor } from '../../core/actor';
import { writeAudit } from '../../core/audit';
import { errors } from '../../core/errors';
import type { ResourceDefinition } from '../../core/resource';
import { findVisible } from '../../core/resource-router';
import { idParam } from '../../core/input';
import { featureRequestsResource } from './feature-requests.resource';

const requests = featureRequestsResource as unknown as ResourceDefinition;

/** A student upvotes an idea once (the primary key says so) and may take the vote back. */
export function voteRouter(knex: Knex): Router {
  const router = Router();

  async function vote(req: Request, res: Response, on: boolean) {
    const actor = requireActor(req);
    if (actor.role !== 'student') throw errors.forbidden('Students vote on feature requests.');
    const id = idParam(req.params.id);
    const count = await knex.transaction(async (trx) => {
      await findVisible(requests, actor, trx, id);
      const changed = on
        ? (await trx.raw('INSERT INTO feature_request_votes (feature_request_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING RETURNING 1', [id, actor.id])).rows.length
        : await trx('feature_request_votes').where({ feature_request_id: id, user_id: actor.id }).delete();
      if (changed) await writeAudit(trx, contextOf(req), { action: on ? 'vote' : 'unvote', resource: 'feature_requests', recordId: id });
      const [{ n }] = await trx('feature_request_votes').where({ feature_request_id: id }).count({ n: '*' });
      return Number(n);
    });
    res.json({ feature_request_id: id, voted: on, vote_count: count });
  }

  router.post('/feature_requests/:id/vote', (req, res) => vote(req, res, true));
  router.delete('/feature_requests/:id/vote', (req, res) => vote(req, res, false));
  router.get('/me/feature_request_votes', async (req: Request, res: Response) => {
    const actor = requireActor(req);
    res.json(await knex('feature_request_votes').where({ user_id: actor.id }).pluck('feature_request_id'));
  });
  return router;
}
