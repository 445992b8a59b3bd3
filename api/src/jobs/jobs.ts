import type { Knex } from 'knex';
import PgBoss from 'pg-boss';
import type { JobContext, AnyQueue, QueueOptions } from './declare';
import { knexDb } from './knex-db';
import { JOB_QUEUES } from './queues';

export const JOBS_SCHEMA = 'pgboss';

/**
 * The API's durable jobs (pg-boss on the API's own PostgreSQL). `send` queues a job in the caller's transaction;
 * `start` makes this process a worker for every declared queue and registers the schedules (pg-boss runs each
 * cron tick once across all nodes). Sending works without `start`: another node works the job.
 */
export class Jobs {
  private readonly producer: PgBoss;
  private worker: PgBoss | null = null;
  private queuesReady: Promise<void> | null = null;
  private readonly workerIds = new Map<string, string>();
  private readonly running = new Set<{ queue: string; done: Promise<unknown> }>();

  constructor(
    private readonly context: JobContext,
    readonly queues: readonly AnyQueue[] = JOB_QUEUES,
  ) {
    this.producer = new PgBoss({ db: knexDb(context.knex), schema: JOBS_SCHEMA });
  }

  private optionsOf(queue: AnyQueue): QueueOptions {
    return typeof queue.options === 'function' ? queue.options(this.context.config) : queue.options;
  }

  /** Creates the declared queues that do not exist yet and brings their options up to date (idempotent). */
  private ensureQueues(): Promise<void> {
    this.queuesReady ??= (async () => {
      const existing = new Set((await this.producer.getQueues()).map((queue) => queue.name));
      for (const queue of this.queues) {
        const options = { name: queue.name, ...this.optionsOf(queue) };
        if (existing.has(queue.name)) await this.producer.updateQueue(queue.name, options);
        else await this.producer.createQueue(queue.name, options);
      }
    })().catch((error) => {
      this.queuesReady = null;
      throw error;
    });
    return this.queuesReady;
  }

  /** Queues a job in `db` (a transaction: it exists once that commits). Wakes this node's worker after the commit. */
  async send(db: Knex | Knex.Transaction, queue: string, data: object, options: PgBoss.SendOptions = {}): Promise<string | null> {
    await this.ensureQueues();
    const id = await this.producer.send(queue, data, { ...options, db: knexDb(db) });
    const declared = this.queues.find((candidate) => candidate.name === queue);
    // A queue with a one-waiting-job policy refuses a second: the one already waiting does the work.
    const policy = declared && this.optionsOf(declared).policy;
    if (!id && policy !== 'short' && policy !== 'singleton' && policy !== 'stately') throw new Error(`queue ${queue} refused a job`);
    const wake = () => {
      const workerId = this.workerIds.get(queue);
      if (workerId && this.worker) this.worker.notifyWorker(workerId);
    };
    const trx = db as Knex.Transaction;
    // Only a hint to start at once rather than at the next poll: the job is in the database either way.
    if (typeof trx.executionPromise?.then === 'function') trx.executionPromise.then(wake, () => {});
    else wake();
    return id;
  }

  get started(): boolean {
    return this.worker !== null;
  }

  /** Works every declared queue in this process; with `schedules` (the default) also keeps their cron ticks. */
  async start(options: { schedules?: boolean } = {}): Promise<void> {
    if (this.worker) return;
    const { config, logger } = this.context;
    await this.ensureQueues();
    const worker = new PgBoss({
      connectionString: config.DATABASE_URL,
      schema: JOBS_SCHEMA,
      // A connection for each polling runner and two to spare: a runner queued for a connection when pg-boss stops
      // would wait forever (pg's pool neither serves nor refuses waiters once it is ending), so its loop never ends.
      max: Math.max(config.JOBS_POOL_MAX, this.queues.reduce((sum, queue) => sum + Math.max(1, queue.concurrency ?? 1), 0) + 2),
      application_name: 'sms-jobs',
      schedule: options.schedules !== false,
      maintenanceIntervalSeconds: config.JOBS_MAINTENANCE_SECONDS,
    });
    worker.on('error', (error) => logger.error({ err: error }, 'job queue error'));
    await worker.start();
    this.worker = worker;
    for (const queue of this.queues) {
      const handler = async ([job]: PgBoss.JobWithMetadata<object>[]) => {
        const done = queue.handle(job.data, this.context, job);
        const entry = { queue: queue.name, done };
        this.running.add(entry);
        try {
          return await done;
        } catch (error) {
          logger.warn({ err: error, queue: queue.name, jobId: job.id, attempt: job.retryCount + 1 }, 'job attempt failed');
          throw error;
        } finally {
          this.running.delete(entry);
        }
      };
      const runners = Math.max(1, queue.concurrency ?? 1);
      for (let i = 0; i < runners; i += 1) {
        const id = await worker.work(queue.name, { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: config.JOBS_POLL_SECONDS }, handler);
        if (i === 0) this.workerIds.set(queue.name, id);
      }
      if (queue.cron && options.schedules !== false) await worker.schedule(queue.name, queue.cron, {}, { tz: 'UTC' });
    }
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.workerIds.clear();
    if (!worker) return;
    await worker.stop({ graceful: true, timeout: 5000, wait: true });
    // pg-boss waits 5 s for running handlers, then closes its pool: wait for any still running ourselves, so none of
    // this process's jobs outlives stop().
    const left = [...this.running].map((entry) => entry.done);
    if (left.length) await Promise.race([Promise.allSettled(left), new Promise((resolve) => setTimeout(resolve, 15_000).unref())]);
  }
}
