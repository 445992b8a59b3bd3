import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { contextOf, requireActor } from '../core/actor';
import { errors } from '../core/errors';
import { parseInput } from '../core/input';
import type { Jobs } from './jobs';
import { cancelJob, jobOverview, retryJob } from './monitor';

const JOB_MONITOR_ROLES = new Set(['admin', 'developer']);
const overviewQuery = z.object({ queue: z.string().max(100).optional() }).strict();

/**
 * The job monitor's API, for developers and admins: GET /ops/jobs (queues, counts by state, recent failures with
 * their error), POST /ops/jobs/:queue/:id/retry and …/cancel (audited as resource `jobs`).
 */
export function jobMonitorRouter(knex: Knex, jobs: Pick<Jobs, 'queues'>): Router {
  const router = Router();
  const allowed = (req: Request) => {
    const actor = requireActor(req);
    if (!JOB_MONITOR_ROLES.has(actor.role)) throw errors.forbidden(`The job monitor is for developers and admins; your role is ${actor.role}.`);
  };
  router.get('/ops/jobs', async (req: Request, res: Response) => {
    allowed(req);
    const query = parseInput(overviewQuery, req.query);
    res.json(await jobOverview(knex, jobs.queues, { queue: query.queue }));
  });
  router.post('/ops/jobs/:queue/:id/retry', async (req: Request, res: Response) => {
    allowed(req);
    await retryJob(knex, jobs.queues, contextOf(req), String(req.params.queue), String(req.params.id));
    res.json({ id: req.params.id, queue: req.params.queue, state: 'retry' });
  });
  router.post('/ops/jobs/:queue/:id/cancel', async (req: Request, res: Response) => {
    allowed(req);
    await cancelJob(knex, jobs.queues, contextOf(req), String(req.params.queue), String(req.params.id));
    res.json({ id: req.params.id, queue: req.params.queue, state: 'cancelled' });
  });
  return router;
}
