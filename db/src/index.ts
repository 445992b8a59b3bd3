import knexFactory, { type Knex } from 'knex';
import pg from 'pg';
import { migrationSource } from './migrations';

export { migrationSource };

/** Opening a connection (TCP and PostgreSQL's start-up). */
export const CONNECT_TIMEOUT_MS = 2500;
/** Waiting for a connection from the pool, opening it included. */
export const ACQUIRE_TIMEOUT_MS = 4000;

function quietWhenUnreachable(message: unknown): void {
  if (/^(Acquire connection error|Connection Error)/.test(String(message))) return;
  console.warn(message);
}

export function createKnex(databaseUrl: string, poolMax = 10): Knex {
  pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));
  // A date is a calendar day, not an instant: keep 'YYYY-MM-DD' rather than a local-midnight Date.
  pg.types.setTypeParser(1082, (value) => value);
  return knexFactory({
    client: 'pg',
    // A database that is down or out of reach answers within seconds (the API says 503), never after a minute.
    connection: { connectionString: databaseUrl, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, keepAlive: true },
    acquireConnectionTimeout: ACQUIRE_TIMEOUT_MS,
    // While the database is down knex would print each failed connection; the API answers 503 and logs it once per request.
    log: { warn: quietWhenUnreachable, error: quietWhenUnreachable, deprecate: (method: string, alternative: string) => console.warn(`knex: ${method} is deprecated, use ${alternative}`), debug: () => {} },
    pool: { min: 0, max: poolMax },
    migrations: { migrationSource, tableName: 'knex_migrations' },
  });
}

export async function migrateLatest(knex: Knex): Promise<string[]> {
  const [, applied] = (await knex.migrate.latest()) as [number, string[]];
  return applied;
}

/** Replaces the database name in a postgres:// URL. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Creates the database named in `url` if it does not exist yet, connecting to the `postgres` maintenance DB. */
export async function ensureDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = createKnex(withDatabase(url, 'postgres'), 1);
  try {
    const { rows } = await admin.raw('SELECT 1 FROM pg_database WHERE datname = ?', [name]);
    if (rows.length === 0) await admin.raw('CREATE DATABASE ??', [name]);
  } finally {
    await admin.destroy();
  }
}
