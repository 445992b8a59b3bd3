import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE audit_log (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      actor_user_id bigint REFERENCES users (id),
      actor_role text,
      action text NOT NULL,
      resource text NOT NULL,
      record_id text,
      before jsonb,
      after jsonb,
      ip text,
      user_agent text,
      request_id text,
      CONSTRAINT audit_log_action_present CHECK (length(action) > 0)
    );
    CREATE INDEX audit_log_at_idx ON audit_log (at);
    CREATE INDEX audit_log_resource_record_idx ON audit_log (resource, record_id);
    CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id);
    CREATE INDEX audit_log_action_idx ON audit_log (action);

    -- Append-only: the database itself refuses to rewrite history.
    CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
    END $$;
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
    CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

    CREATE TABLE outbox_messages (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      created_at timestamptz NOT NULL DEFAULT now(),
      "to" text NOT NULL,
      subject text NOT NULL,
      text text NOT NULL,
      html text,
      transport text NOT NULL DEFAULT 'outbox',
      error text,
      CONSTRAINT outbox_messages_transport_valid CHECK (transport IN ('outbox', 'smtp'))
    );
    CREATE INDEX outbox_messages_created_at_idx ON outbox_messages (created_at);
    CREATE INDEX outbox_messages_to_idx ON outbox_messages ("to");
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TABLE IF EXISTS outbox_messages;
    DROP TABLE IF EXISTS audit_log;
    DROP FUNCTION IF EXISTS audit_log_append_only();
  `);
}
