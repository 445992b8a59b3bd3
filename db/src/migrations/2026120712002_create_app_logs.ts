import type { Knex } from 'knex';

/**
 * The log lines developers read (answers 4xx/5xx, unexpected errors with their message), from every API node, in
 * one table: any node's errors are visible from any node. Written in batches (api/src/ops/app-logs.ts), pruned
 * by age (`pruneAppLogs`). An index for every filter the log viewer offers.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE app_logs (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      level text NOT NULL,
      message text NOT NULL,
      request_id text,
      method text,
      route text,
      status smallint,
      duration_ms real,
      user_id bigint REFERENCES users (id) ON DELETE SET NULL,
      db_code text,
      node text NOT NULL,
      CONSTRAINT app_logs_level_valid CHECK (level IN ('debug', 'info', 'warn', 'error', 'fatal')),
      CONSTRAINT app_logs_message_length CHECK (length(message) <= 2000),
      CONSTRAINT app_logs_route_length CHECK (route IS NULL OR length(route) <= 500),
      CONSTRAINT app_logs_status_range CHECK (status IS NULL OR status BETWEEN 100 AND 599)
    );
    CREATE INDEX app_logs_at_idx ON app_logs (at);
    CREATE INDEX app_logs_level_at_idx ON app_logs (level, at);
    CREATE INDEX app_logs_request_id_idx ON app_logs (request_id);
    CREATE INDEX app_logs_route_at_idx ON app_logs (route, at);
    CREATE INDEX app_logs_user_at_idx ON app_logs (user_id, at);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE IF EXISTS app_logs');
}
