import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE imports (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      kind text NOT NULL,
      filename text,
      created_by bigint NOT NULL REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz,
      status text NOT NULL DEFAULT 'running',
      total_rows integer NOT NULL DEFAULT 0,
      processed_rows integer NOT NULL DEFAULT 0,
      created_count integer NOT NULL DEFAULT 0,
      updated_count integer NOT NULL DEFAULT 0,
      skipped_count integer NOT NULL DEFAULT 0,
      error_count integer NOT NULL DEFAULT 0,
      errors jsonb NOT NULL DEFAULT '[]'::jsonb,
      message text,
      CONSTRAINT imports_kind_valid CHECK (kind IN ('students', 'enrolments', 'pairings')),
      CONSTRAINT imports_status_valid CHECK (status IN ('running', 'succeeded', 'failed')),
      CONSTRAINT imports_progress_valid CHECK (processed_rows BETWEEN 0 AND total_rows),
      CONSTRAINT imports_finished_when_done CHECK ((status = 'running') = (finished_at IS NULL))
    );
    CREATE INDEX imports_created_at_idx ON imports (created_at);
    CREATE INDEX imports_created_by_idx ON imports (created_by);
    CREATE INDEX imports_kind_status_idx ON imports (kind, status);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE IF EXISTS imports');
}
