import type { Knex } from 'knex';
import PgBoss from 'pg-boss';

/**
 * Durable jobs on PostgreSQL (pg-boss, schema `pgboss`), installed here so every database the migrations reach has
 * it before any API node starts, and so the webhook trigger below can queue work in the writing transaction.
 * - The pg-boss tables as pg-boss 10.4.2 builds them (schema version 24), without its own BEGIN/COMMIT: the
 *   migration's transaction is the one. pg-boss checks the version on start and migrates later versions itself.
 * - The outbox records each mail's delivery: queued → sent, or failed with the reason, and every attempt. The real
 *   body (links included) waits for the worker sealed with AES-256-GCM in `outbox_sealed_bodies`, deleted once
 *   sent or given up; the outbox row keeps only the redacted text.
 * - An import's CSV (and who asked, for the audit) waits for its job sealed in `import_sources`, deleted when the import ends; `job_id` links the
 *   import to its job, so one whose job died can be marked failed.
 * - Each audited change that makes webhook deliveries also wakes the `webhooks` queue in the same transaction
 *   (policy short: one waiting wake-up at most, however many changes).
 */
const SCHEMA = 'pgboss';

export async function up(knex: Knex): Promise<void> {
  const plans = PgBoss.getConstructionPlans(SCHEMA).replace(/^\s*BEGIN;/, '').replace(/COMMIT;\s*$/, '');
  await knex.raw(plans);
  await knex.raw(`SELECT ${SCHEMA}.create_queue('webhooks', '{"policy":"short","retryLimit":2,"retryDelay":5,"retryBackoff":true,"expireInSeconds":300}'::json)`);
  await knex.raw(`
    ALTER TABLE outbox_messages
      ADD COLUMN status text NOT NULL DEFAULT 'sent',
      ADD COLUMN attempts jsonb NOT NULL DEFAULT '[]'::jsonb,
      ADD COLUMN sent_at timestamptz,
      ADD CONSTRAINT outbox_messages_status_valid CHECK (status IN ('queued', 'sent', 'failed', 'recorded')),
      ADD CONSTRAINT outbox_messages_attempts_array CHECK (jsonb_typeof(attempts) = 'array');
    UPDATE outbox_messages SET status = CASE WHEN transport = 'smtp' THEN 'sent' ELSE 'recorded' END;
    ALTER TABLE outbox_messages ALTER COLUMN status SET DEFAULT 'queued';
    CREATE INDEX outbox_messages_status_idx ON outbox_messages (status, created_at);

    CREATE TABLE outbox_sealed_bodies (
      outbox_message_id bigint PRIMARY KEY REFERENCES outbox_messages (id) ON DELETE CASCADE,
      sealed text NOT NULL
    );

    ALTER TABLE imports ADD COLUMN job_id uuid;
    CREATE TABLE import_sources (
      import_id bigint PRIMARY KEY REFERENCES imports (id) ON DELETE CASCADE,
      sealed text NOT NULL
    );

    CREATE OR REPLACE FUNCTION audit_log_queue_webhooks() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO webhook_deliveries (webhook_id, audit_id, event)
      SELECT w.id, n.id, n.resource || '.' || n.action
      FROM new_rows n JOIN webhooks w ON w.active
        AND (cardinality(w.resources) = 0 OR n.resource = ANY (w.resources))
        AND (cardinality(w.actions) = 0 OR n.action = ANY (w.actions));
      IF FOUND THEN
        INSERT INTO ${SCHEMA}.job (name, data, retry_limit, retry_delay, retry_backoff, expire_in, policy)
        SELECT q.name, '{}'::jsonb, q.retry_limit, q.retry_delay, q.retry_backoff, make_interval(secs => coalesce(q.expire_seconds, 900)), q.policy
        FROM ${SCHEMA}.queue q WHERE q.name = 'webhooks'
        ON CONFLICT DO NOTHING;
      END IF;
      RETURN NULL;
    END $$;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE OR REPLACE FUNCTION audit_log_queue_webhooks() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO webhook_deliveries (webhook_id, audit_id, event)
      SELECT w.id, n.id, n.resource || '.' || n.action
      FROM new_rows n JOIN webhooks w ON w.active
        AND (cardinality(w.resources) = 0 OR n.resource = ANY (w.resources))
        AND (cardinality(w.actions) = 0 OR n.action = ANY (w.actions));
      RETURN NULL;
    END $$;
    DROP TABLE import_sources;
    ALTER TABLE imports DROP COLUMN job_id;
    DROP TABLE outbox_sealed_bodies;
    DROP INDEX outbox_messages_status_idx;
    ALTER TABLE outbox_messages DROP COLUMN status, DROP COLUMN attempts, DROP COLUMN sent_at;
    DROP SCHEMA ${SCHEMA} CASCADE;
  `);
}
