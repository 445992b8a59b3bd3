import type { Knex } from 'knex';

/**
 * The counters of every rate limit (sign-in, reset, sign-up, two-factor and check-in codes, writes), shared by every
 * API node: rate-limiter-flexible's Postgres store, one row per limiter and key ("login_email:a@b.test"). Created
 * here rather than by the library at run time. UNLOGGED: counters are written on every limited request and need no
 * WAL or flush at commit (a crash or a fail-over to a replica empties them, which only forgives recent failures).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE UNLOGGED TABLE rate_limits (
      key varchar(255) PRIMARY KEY,
      points integer NOT NULL DEFAULT 0,
      expire bigint
    );
    CREATE INDEX rate_limits_expire ON rate_limits (expire);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE rate_limits');
}
