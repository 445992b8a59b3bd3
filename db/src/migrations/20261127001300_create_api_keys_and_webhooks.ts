import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    -- Keys for integrations: each acts as its (staff) user; only the hash is kept, the prefix identifies it.
    CREATE TABLE api_keys (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      name text NOT NULL,
      prefix text NOT NULL,
      token_hash bytea NOT NULL,
      created_by bigint NOT NULL REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz,
      last_used_at timestamptz,
      CONSTRAINT api_keys_token_hash_key UNIQUE (token_hash),
      CONSTRAINT api_keys_name_present CHECK (length(btrim(name)) BETWEEN 1 AND 100),
      CONSTRAINT api_keys_expiry_after_creation CHECK (expires_at IS NULL OR expires_at > created_at)
    );
    CREATE INDEX api_keys_user_idx ON api_keys (user_id);

    -- Webhooks: every audited change matching a hook's resources and actions becomes a delivery, in the same
    -- transaction as the change (so none is skipped or sent for a change that rolled back).
    CREATE TABLE webhooks (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      url text NOT NULL,
      description text NOT NULL DEFAULT '',
      secret text NOT NULL,
      resources text[] NOT NULL DEFAULT '{}',
      actions text[] NOT NULL DEFAULT '{}',
      active boolean NOT NULL DEFAULT true,
      created_by bigint NOT NULL REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT webhooks_url_http CHECK (url ~ '^https\\?://' AND length(url) <= 2000),
      CONSTRAINT webhooks_description_length CHECK (length(description) <= 500),
      CONSTRAINT webhooks_secret_length CHECK (length(secret) >= 32)
    );
    CREATE INDEX webhooks_active_idx ON webhooks (active);
    CREATE TRIGGER webhooks_touch_updated_at BEFORE UPDATE ON webhooks FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

    CREATE TABLE webhook_deliveries (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      webhook_id bigint NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
      audit_id bigint NOT NULL,
      event text NOT NULL,
      status text NOT NULL DEFAULT 'pending',
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      response_status integer,
      last_error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      delivered_at timestamptz,
      CONSTRAINT webhook_deliveries_once UNIQUE (webhook_id, audit_id),
      CONSTRAINT webhook_deliveries_status_valid CHECK (status IN ('pending', 'delivered', 'failed'))
    );
    CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
    CREATE INDEX webhook_deliveries_webhook_idx ON webhook_deliveries (webhook_id, created_at);

    CREATE FUNCTION audit_log_queue_webhooks() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO webhook_deliveries (webhook_id, audit_id, event)
      SELECT w.id, n.id, n.resource || '.' || n.action
      FROM new_rows n JOIN webhooks w ON w.active
        AND (cardinality(w.resources) = 0 OR n.resource = ANY (w.resources))
        AND (cardinality(w.actions) = 0 OR n.action = ANY (w.actions));
      RETURN NULL;
    END $$;
    CREATE TRIGGER audit_log_queue_webhooks AFTER INSERT ON audit_log REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_queue_webhooks();
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TRIGGER audit_log_queue_webhooks ON audit_log;
    DROP FUNCTION audit_log_queue_webhooks();
    DROP TABLE webhook_deliveries;
    DROP TABLE webhooks;
    DROP TABLE api_keys;
  `);
}
