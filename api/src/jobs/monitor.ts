import type { Knex } from 'knex';
import type { RequestContext } from '../core/actor';
import { writeAudit } from '../core/audit';
import { errors } from '../core/errors';
import type { AnyQueue } from './declare';
import { JOBS_SCHEMA } from './jobs';

const STATES = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface QueueSummary {
  name: string;
  policy: string | null;
  retry_limit: number | null;
  cron: string | null;
  counts: Record<(typeof STATES)[number], number>;
}

export interface JobFailure {
  id: string;
  queue: string;
  /** `retry`: an attempt failed and the next one waits (cancellable); `failed`: no attempt left (retryable). */
  state: 'failed' | 'retry';
  attempts: number;
  error: string | null;
  data: unknown;
  created_at: Date;
  /** When the last attempt failed (for a job waiting to retry: when it started). */
  failed_at: Date | null;
  /** A job waiting to retry: when the next attempt runs. */
  next_attempt_at: Date | null;
}

/**
 * What the job monitor shows: each declared queue with its jobs counted by state (pg-boss keeps finished jobs in
 * `pgboss.job` for 12 hours before archiving them) and its cron, and the latest failures with their error: jobs
 * that failed for good, and jobs whose last attempt failed and that wait for the next (so they can be cancelled).
 * Job data holds ids only (never a mail body or an import's file), so it is shown as is.
 */
export async function jobOverview(knex: Knex, queues: readonly AnyQueue[], options: { queue?: string; limit?: number } = {}): Promise<{ queues: QueueSummary[]; failures: JobFailure[] }> {
  const names = queues.map((queue) => queue.name);
  const { rows: counted } = await knex.raw(
    `SELECT q.name, q.policy, q.retry_limit, s.cron, j.state::text AS state, count(j.id)::int AS n
     FROM ${JOBS_SCHEMA}.queue q
     LEFT JOIN ${JOBS_SCHEMA}.schedule s ON s.name = q.name
     LEFT JOIN ${JOBS_SCHEMA}.job j ON j.name = q.name
     WHERE q.name = ANY(?::text[])
     GROUP BY q.name, q.policy, q.retry_limit, s.cron, j.state`,
    [names],
  );
  const byName = new Map<string, QueueSummary>();
  for (const name of names) byName.set(name, { name, policy: null, retry_limit: null, cron: null, counts: Object.fromEntries(STATES.map((state) => [state, 0])) as QueueSummary['counts'] });
  for (const row of counted as { name: string; policy: string; retry_limit: number; cron: string | null; state: string | null; n: number }[]) {
    const summary = byName.get(row.name)!;
    Object.assign(summary, { policy: row.policy, retry_limit: row.retry_limit, cron: row.cron });
    if (row.state) summary.counts[row.state as (typeof STATES)[number]] = row.n;
  }
  const { rows: failures } = await knex.raw(
    `SELECT id::text, name AS queue, state::text AS state, retry_count + 1 AS attempts, coalesce(output->>'message', output->'value'->>'message') AS error,
            data, created_on AS created_at, coalesce(completed_on, started_on) AS failed_at,
            CASE WHEN state = 'retry' THEN start_after END AS next_attempt_at
     FROM ${JOBS_SCHEMA}.job WHERE (state = 'failed' OR (state = 'retry' AND output IS NOT NULL)) AND name = ANY(?::text[])
     ORDER BY coalesce(completed_on, started_on) DESC NULLS LAST LIMIT ?`,
    [options.queue ? [options.queue] : names, options.limit ?? 50],
  );
  return { queues: [...byName.values()], failures: failures as JobFailure[] };
}

function declared(queues: readonly AnyQueue[], name: string, id: string): AnyQueue {
  const queue = queues.find((candidate) => candidate.name === name);
  if (!queue || !UUID.test(id)) throw errors.notFound(`job ${id} in queue ${name}`);
  return queue;
}

/** Runs a failed job again (one more attempt), audited. */
export async function retryJob(knex: Knex, queues: readonly AnyQueue[], context: RequestContext, name: string, id: string): Promise<void> {
  declared(queues, name, id);
  await knex.transaction(async (trx) => {
    const job = await trx(`${JOBS_SCHEMA}.job`).where({ name, id }).forUpdate().first('state');
    if (!job) throw errors.notFound(`job ${id} in queue ${name}`);
    if (job.state !== 'failed') throw errors.conflict(`Only a failed job can be retried; this one is ${job.state}.`);
    await trx.raw(`UPDATE ${JOBS_SCHEMA}.job SET state = 'retry', retry_limit = retry_limit + 1, start_after = now(), completed_on = NULL WHERE name = ? AND id = ?`, [name, id]);
    await writeAudit(trx, context, { action: 'retry', resource: 'jobs', recordId: id, after: { queue: name, id } });
  });
}

/** Cancels a job that has not finished (waiting, retrying or running), audited; its queue closes what it was for. */
export async function cancelJob(knex: Knex, queues: readonly AnyQueue[], context: RequestContext, name: string, id: string): Promise<void> {
  const queue = declared(queues, name, id);
  await knex.transaction(async (trx) => {
    const job = await trx(`${JOBS_SCHEMA}.job`).where({ name, id }).forUpdate().first('state', 'data');
    if (!job) throw errors.notFound(`job ${id} in queue ${name}`);
    if (!['created', 'retry', 'active'].includes(job.state)) throw errors.conflict(`Only a waiting, retrying or running job can be cancelled; this one is ${job.state}.`);
    await trx.raw(`UPDATE ${JOBS_SCHEMA}.job SET state = 'cancelled', completed_on = now() WHERE name = ? AND id = ?`, [name, id]);
    await queue.onCancel?.(job.data ?? {}, trx);
    await writeAudit(trx, context, { action: 'cancel', resource: 'jobs', recordId: id, after: { queue: name, id } });
  });
}
