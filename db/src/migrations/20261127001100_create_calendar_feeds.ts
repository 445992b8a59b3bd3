import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    -- A private iCal feed per user: the URL's secret is kept only as its hash; a new one replaces the old.
    CREATE TABLE calendar_feeds (
      user_id bigint PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
      token_hash bytea NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_fetched_at timestamptz,
      CONSTRAINT calendar_feeds_token_hash_key UNIQUE (token_hash)
    );
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE calendar_feeds');
}
