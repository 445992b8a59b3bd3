import path from 'node:path';
import { createKnex, ensureDatabase, migrateLatest, withDatabase } from '../index';
import { startEmbeddedPostgres, type RunningPostgres } from '../launcher/embedded-postgres';
import { REPO_ROOT } from '../launcher/services';
import { DEMO_PASSWORD, demoPasswordHash } from '../seeds/demo-accounts';
import { generateCohorts } from '../seeds/cohorts';

/**
 * The full-scale data set for benchmarks: 10 batches × 3,000 students, 6 missions each, 30 mentors per batch,
 * every student enrolled and paired. Into DATABASE_URL, or the embedded PostgreSQL under DATA_DIR.
 */
async function main(): Promise<void> {
  const batches = Number(process.env.SCALE_BATCHES ?? 10);
  const students = Number(process.env.SCALE_STUDENTS ?? 3000);
  let postgres: RunningPostgres | undefined;
  let url = process.env.DATABASE_URL;
  if (!url) {
    postgres = await startEmbeddedPostgres(path.resolve(REPO_ROOT, process.env.DATA_DIR || '.data', 'postgres'), Number(process.env.PG_PORT || 5433));
    url = withDatabase(postgres.adminUrl, 'sms');
    await ensureDatabase(url);
  }
  const knex = createKnex(url, 2);
  const started = Date.now();
  try {
    await migrateLatest(knex);
    const prefix = `SCALE${Date.now().toString(36).toUpperCase()}`;
    await knex.transaction(async (trx) =>
      generateCohorts(trx, { prefix, batches, studentsPerBatch: students, missionsPerBatch: 6, mentorsPerBatch: 30, passwordHash: await demoPasswordHash(DEMO_PASSWORD) }),
    );
    console.log(`Generated ${batches} batches × ${students} students (prefix ${prefix}) in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await knex.destroy();
    await postgres?.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
