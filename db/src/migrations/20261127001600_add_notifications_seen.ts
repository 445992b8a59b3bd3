import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  // When the user last went through their alerts; newer ones count as new (never: all of them).
  await knex.raw(`ALTER TABLE users ADD COLUMN notifications_seen_at timestamptz`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE users DROP COLUMN notifications_seen_at');
}
