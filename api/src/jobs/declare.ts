import type { Knex } from 'knex';
import type PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { TotpSecretBox } from '../auth/totp-secret';
import type { Config } from '../config';
import type { Mailer } from '../mail/mailer';

/** What a job's handler gets: the database, the log, the configuration, the mailer, the box for sealed inputs. */
export interface JobContext {
  knex: Knex;
  logger: Logger;
  config: Config;
  mailer: Mailer;
  box: TotpSecretBox;
}

export type QueueOptions = Pick<PgBoss.Queue, 'retryLimit' | 'retryDelay' | 'retryBackoff' | 'expireInSeconds' | 'policy' | 'retentionMinutes'>;

export interface QueueDeclaration<Data extends object = Record<string, never>> {
  name: string;
  /** Retries, backoff, how long one run may take before it counts as crashed (then it is retried). */
  options: QueueOptions | ((config: Config) => QueueOptions);
  /** A cron expression (UTC): pg-boss sends this queue one job per tick, once across all API nodes. */
  cron?: string;
  /** Jobs this node works on at once. */
  concurrency?: number;
  /** Throws to fail the attempt (retried as the options say); `job.retryCount`/`retryLimit` tell if it was the last. */
  handle(data: Data, context: JobContext, job: PgBoss.JobWithMetadata<Data>): Promise<unknown>;
  /** When someone cancels a job in the monitor: close what it was doing (in the cancelling transaction). */
  onCancel?(data: Data, trx: Knex.Transaction): Promise<unknown>;
}

export type AnyQueue = QueueDeclaration<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const defineQueue = <Data extends object>(declaration: QueueDeclaration<Data>): QueueDeclaration<Data> => declaration;

/**
 * Scheduled work: `run` once per cron tick across all nodes (a tick missed while every node was down is not
 * caught up). Not retried: the next tick is the retry. Add it to JOB_QUEUES in ./queues.ts.
 */
export const defineSchedule = (name: string, cron: string, run: (context: JobContext) => Promise<unknown>, options: QueueOptions = {}): AnyQueue =>
  defineQueue<Record<string, never>>({ name, cron, options: { retryLimit: 0, expireInSeconds: 300, ...options }, handle: (_data, context) => run(context) });
