import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import type { Jobs } from '../../jobs/jobs';
import { z } from 'zod';
import { contextOf, requireActor } from '../../core/actor';
import { insertAudited, writeAudit } from '../../core/audit';
import { errors } from '../../core/errors';
import { fields } from '../../core/fields';
import { parseInput } from '../../core/input';
import type { ResourceDefinition } from '../../core/resource';
import { findVisible } from '../../core/resource-router';
import { newApiKey } from '../../auth/api-keys';
import { hashToken } from '../../auth/sessions';
import { webhookDeliveriesResource } from './webhooks.resource';

const newKeyInput = z.object({
  name: z.string({ error: 'Name the key after what will use it.' }).trim().min(1, 'Name the key after what will use it.').max(100, 'The name is too long (100 characters at most).'),
  user_id: fields.id.optional(),
  expires_in_days: z.number({ error: 'Expiry is a number of days.' }).int('Expiry is a whole number of days.').min(1, 'A key lasts at least a day.').max(3650, 'A key lasts at most ten years.').optional(),
});

/**
 * POST /api_keys: a new key acting as a staff user (admins: anyone on staff; developers: themselves); the key is
 * in this answer only. POST /webhook_deliveries/:id/retry: send a failed or pending delivery again now.
 */
export function integrationRouter(knex: Knex, jobs: Pick<Jobs, 'send'>): Router {
  const router = Router();

  router.post('/api_keys', async (req: Request, res: Response) => {
    const actor = requireActor(req);
    if (actor.role !== 'admin' && actor.role !== 'developer') throw errors.forbidden(`Your role (${actor.role}) can't create API keys.`);
    const input = parseInput(newKeyInput, req.body);
    const userId = input.user_id ?? actor.id;
    if (actor.role === 'developer' && userId !== actor.id) throw errors.forbidden('Developers make keys for themselves; an admin makes keys for others.');
    const user = await knex('users').where({ id: userId }).first('role', 'status');
    if (!user) throw errors.validation('That user does not exist.', { user_id: 'not found' });
    if (user.role === 'student') throw errors.validation('API keys are for staff accounts, not students.', { user_id: 'a student' });
    if (user.status !== 'active') throw errors.validation('That account is disabled.', { user_id: 'disabled' });
    const { token, prefix } = newApiKey();
    const [row] = await knex.transaction((trx) =>
      insertAudited<Record<string, unknown>>(
        trx,
        contextOf(req),
        'api_keys',
        `INSERT INTO api_keys (user_id, name, prefix, token_hash, created_by, expires_at)
         VALUES (?, ?, ?, ?, ?, CASE WHEN ?::int IS NULL THEN NULL ELSE now() + make_interval(days => ?::int) END)
         RETURNING id, user_id, name, prefix, created_by, created_at, expires_at, last_used_at`,
        [userId, input.name, prefix, hashToken(token), actor.id, input.expires_in_days ?? null, input.expires_in_days ?? null],
      ),
    );
    res.status(201).json({ ...row, token, message: 'Copy the key now: it is not shown again.' });
  });

  router.post('/webhook_deliveries/:id/retry', async (req: Request, res: Response) => {
    const actor = requireActor(req);
    const delivery = await findVisible<{ id: number; status: string }>(webhookDeliveriesResource as unknown as ResourceDefinition, actor, knex, req.params.id);
    if (delivery.status === 'delivered') throw errors.conflict('This delivery already went through.');
    await knex.transaction(async (trx) => {
      await trx('webhook_deliveries').where({ id: delivery.id }).update({ status: 'pending', next_attempt_at: trx.fn.now() });
      await writeAudit(trx, contextOf(req), { action: 'retry', resource: 'webhook_deliveries', recordId: delivery.id });
      // Sent now, not at the next minute's tick.
      await jobs.send(trx, 'webhooks', {});
    });
    res.json({ id: delivery.id, status: 'pending' });
  });

  return router;
}

