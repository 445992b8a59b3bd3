import type { Knex } from 'knex';

/**
 * Indexes for the filters and sorts of the Logs screen (status, node, slowest first) and of a mentor's review queue
 * (waiting for review, newest work, latest reviews), checked by api/src/core/list-indexes.test.ts.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE INDEX IF NOT EXISTS app_logs_status_at_idx ON app_logs (status, at);
    CREATE INDEX IF NOT EXISTS app_logs_node_at_idx ON app_logs (node, at);
    CREATE INDEX IF NOT EXISTS app_logs_duration_ms_idx ON app_logs (duration_ms);
    CREATE INDEX IF NOT EXISTS submissions_awaiting_review_idx ON submissions (awaiting_review, work_submitted_at);
    CREATE INDEX IF NOT EXISTS submissions_work_submitted_at_idx ON submissions (work_submitted_at);
    CREATE INDEX IF NOT EXISTS submissions_reviewed_at_idx ON submissions (reviewed_at);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP INDEX IF EXISTS app_logs_status_at_idx, app_logs_node_at_idx, app_logs_duration_ms_idx,
      submissions_awaiting_review_idx, submissions_work_submitted_at_idx, submissions_reviewed_at_idx;
  `);
}
