import { createHmac } from 'node:crypto';
import type { Knex } from 'knex';
import type { Actor } from '../../core/actor';
import { withoutContacts } from '../../core/contacts';

export const MAX_ATTEMPTS = 10;
const LEASE = "interval '2 minutes'";

interface DueDelivery {
  id: number;
  attempts: number;
  event: string;
  url: string;
  secret: string;
  owner_id: number;
  owner_role: string;
  audit: { id: number; at: Date; actor_user_id: number | null; actor_role: string | null; action: string; resource: string; record_id: string | null; before: unknown; after: unknown; request_id: string | null };
}

export const signature = (secret: string, body: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** 30 s, 1 min, 2 min … capped at 6 h. */
export const backoffSeconds = (attempts: number) => Math.min(30 * 2 ** Math.max(0, attempts - 1), 6 * 3600);

/**
 * Sends the deliveries that are due: takes up to `limit` under a short lease (so two API processes never send
 * the same one at once), POSTs each signed, then records the outcome: delivered on a 2xx, otherwise retried
 * with backoff, and failed after MAX_ATTEMPTS. Returns how many were attempted.
 */
export async function deliverDueWebhooks(knex: Knex, options: { limit?: number; timeoutMs?: number } = {}): Promise<number> {
  const due: DueDelivery[] = await knex.transaction(async (trx) => {
    const { rows } = await trx.raw(
      `WITH picked AS (
         SELECT d.id FROM webhook_deliveries d
         WHERE d.status = 'pending' AND d.next_attempt_at <= now()
         ORDER BY d.next_attempt_at, d.id LIMIT ? FOR UPDATE SKIP LOCKED
       ), leased AS (
         UPDATE webhook_deliveries d SET next_attempt_at = now() + ${LEASE} FROM picked WHERE d.id = picked.id RETURNING d.*
       )
       SELECT l.id, l.attempts, l.event, w.url, w.secret, to_jsonb(a) AS audit, w.created_by AS owner_id, owner.role AS owner_role
       FROM leased l JOIN webhooks w ON w.id = l.webhook_id JOIN audit_log a ON a.id = l.audit_id JOIN users owner ON owner.id = w.created_by
       ORDER BY l.id`,
      [options.limit ?? 50],
    );
    return rows;
  });
  await Promise.all(
    due.map(async (delivery) => {
      // A hook sends what its owner may read: a developer's hook carries no student's email or phone.
      const owner = { id: Number(delivery.owner_id), role: delivery.owner_role } as Actor;
      const body = JSON.stringify({
        delivery_id: Number(delivery.id),
        event: delivery.event,
        occurred_at: delivery.audit.at,
        resource: delivery.audit.resource,
        action: delivery.audit.action,
        record_id: delivery.audit.record_id,
        actor: delivery.audit.actor_user_id ? { id: Number(delivery.audit.actor_user_id), role: delivery.audit.actor_role } : null,
        before: withoutContacts(owner, delivery.audit.before),
        after: withoutContacts(owner, delivery.audit.after),
        request_id: delivery.audit.request_id,
      });
      let status: number | null = null;
      let error: string | null = null;
      try {
        const response = await fetch(delivery.url, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'User-Agent': 'sms-webhooks',
            'X-SMS-Event': delivery.event,
            'X-SMS-Delivery': String(delivery.id),
            'X-SMS-Signature': signature(delivery.secret, body),
          },
          body,
          redirect: 'manual',
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        });
        status = response.status;
        await response.arrayBuffer().catch(() => undefined);
        if (!response.ok) error = `answered ${response.status}`;
      } catch (thrown) {
        error = thrown instanceof Error ? thrown.message : String(thrown);
      }
      const attempts = delivery.attempts + 1;
      if (!error) {
        await knex('webhook_deliveries').where({ id: delivery.id }).update({ status: 'delivered', attempts, response_status: status, last_error: null, delivered_at: knex.fn.now() });
      } else {
        await knex('webhook_deliveries')
          .where({ id: delivery.id })
          .update({
            status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
            attempts,
            response_status: status,
            last_error: error.slice(0, 500),
            next_attempt_at: knex.raw('now() + make_interval(secs => ?)', [backoffSeconds(attempts)]),
          });
      }
    }),
  );
  return due.length;
}
