import { cancelQueuedMail, deliverQueuedMail } from '../mail/deliver';
import { pruneAppLogs } from '../ops/app-logs';
import { cancelImport, reapInterruptedImports, runImportJob } from '../resources/imports/import-job';
import { deliverDueWebhooks } from '../resources/integrations/webhook-dispatcher';
import { expireIntegrityActions } from '../resources/integrity-actions/expire-actions';
import { defineQueue, defineSchedule, type AnyQueue } from './declare';

/**
 * Every queue and schedule of the API, in one list: each node works on all of them (api/src/server.ts), and the job
 * monitor shows them. To add scheduled work: `defineSchedule('name', '*\/5 * * * *', async ({ knex }) => …)` here.
 */
export const JOB_QUEUES: readonly AnyQueue[] = [
  // One outgoing email (its outbox row), queued in the transaction that wrote it; retried with backoff.
  defineQueue<{ outbox_id: number }>({
    name: 'mail',
    options: (config) => ({ retryLimit: config.MAIL_RETRY_LIMIT, retryDelay: config.MAIL_RETRY_DELAY_SECONDS, retryBackoff: true, expireInSeconds: 120 }),
    concurrency: 4,
    handle: (data, context, job) => deliverQueuedMail(context, data.outbox_id, job.retryCount >= job.retryLimit),
    onCancel: (data, trx) => cancelQueuedMail(trx, data.outbox_id),
  }),
  // A CSV import, queued with its record. A run cut off by a crash expires and runs again on any node (the import is
  // one transaction, so a rerun starts clean); one that cannot run again is marked failed by `stuck-imports`.
  defineQueue<{ import_id: number }>({
    name: 'imports',
    options: (config) => ({ retryLimit: 1, retryDelay: 0, expireInSeconds: config.IMPORT_TIMEOUT_SECONDS }),
    handle: (data, context) => runImportJob(context, data.import_id),
    onCancel: (data, trx) => cancelImport(trx, data.import_id),
  }),
  // Woken in the transaction of each audited change that makes deliveries (the trigger on audit_log), and every
  // minute for deliveries whose backoff is over. Each delivery's attempts are kept in webhook_deliveries.
  defineQueue<Record<string, never>>({
    name: 'webhooks',
    cron: '* * * * *',
    options: { policy: 'short', retryLimit: 2, retryDelay: 5, retryBackoff: true, expireInSeconds: 300 },
    handle: async (_data, { knex }) => {
      while ((await deliverDueWebhooks(knex)) > 0);
    },
  }),
  defineSchedule('integrity-actions-expiry', '* * * * *', ({ knex }) => expireIntegrityActions(knex)),
  // Statuses follow the dates: bring them in line as each batch's day turns over.
  defineSchedule('cohort-statuses', '* * * * *', ({ knex }) => knex.raw('SELECT refresh_cohort_statuses()')),
  defineSchedule('stuck-imports', '* * * * *', ({ knex }) => reapInterruptedImports(knex)),
  // Request and error lines older than LOG_RETENTION_DAYS, nightly.
  defineSchedule('app-logs-retention', '17 3 * * *', ({ knex, config }) => pruneAppLogs(knex, config.LOG_RETENTION_DAYS)),
];
