import { createKnex, ensureDatabase, migrateLatest } from '../index';
import { seedDemoIfEmpty } from '../seeds/seed-demo';

/**
 * Applies pending migrations to DATABASE_URL (and seeds the demo data into an empty database unless
 * SEED_DEMO=false), then exits: run once per deploy, before the API nodes, e.g. docker compose's `migrate` service.
 * API nodes report not ready (/health/ready) until it has run.
 */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required.');
  await ensureDatabase(url);
  const knex = createKnex(url, 2);
  try {
    const applied = await migrateLatest(knex);
    console.log(applied.length ? `Applied ${applied.length} migration(s).` : 'Database schema is up to date.');
    if (process.env.SEED_DEMO !== 'false') console.log((await seedDemoIfEmpty(knex)) ? 'Seeded the demo data.' : 'Database already has users: demo data not seeded.');
  } finally {
    await knex.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
