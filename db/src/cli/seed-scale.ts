import path from 'node:path';
import { parseArgs } from 'node:util';
import { createKnex, ensureDatabase, migrateLatest, withDatabase } from '../index';
import { startEmbeddedPostgres, type RunningPostgres } from '../launcher/embedded-postgres';
import { freePort } from '../launcher/port';
import { REPO_ROOT } from '../launcher/services';
import { DEMO_PASSWORD, demoPasswordHash } from '../seeds/demo-accounts';
import { generateCohorts } from '../seeds/cohorts';
import { generateYearOfHistory } from '../seeds/year-of-history';

/** Days a mission runs in the year-long data set; six in sequence make a batch of a year. */
const YEAR_MISSION_DAYS = 62;

/**
 * The full-scale data set for benchmarks: 10 batches × 3,000 students, 6 missions each, 30 mentors per batch,
 * every student enrolled and paired. With `--year`, the missions run in sequence over the past year (every batch
 * now in its last mission) and a year of history is generated: attendance, meetings, assignments and submissions,
 * points, notices, calls. Into DATABASE_URL, or an embedded PostgreSQL: under SCALE_DB_DIR when set (a data
 * directory kept for benchmarks, which find it there instead of regenerating), else under DATA_DIR.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { year: { type: 'boolean', default: false }, students: { type: 'string' }, batches: { type: 'string' } },
  });
  const batches = Number(values.batches ?? process.env.SCALE_BATCHES ?? 10);
  const students = Number(values.students ?? process.env.SCALE_STUDENTS ?? 3000);
  if (!Number.isInteger(batches) || batches < 1 || !Number.isInteger(students) || students < 1) throw new Error('--batches and --students take whole numbers from 1.');
  let postgres: RunningPostgres | undefined;
  let url = process.env.DATABASE_URL;
  if (!url) {
    const dataDir = process.env.SCALE_DB_DIR ? path.resolve(process.env.SCALE_DB_DIR) : path.resolve(REPO_ROOT, process.env.DATA_DIR || '.data', 'postgres');
    postgres = await startEmbeddedPostgres(dataDir, process.env.SCALE_DB_DIR ? await freePort() : Number(process.env.PG_PORT || 5433));
    url = withDatabase(postgres.adminUrl, 'sms');
    await ensureDatabase(url);
    console.log(`Embedded PostgreSQL in ${dataDir}.`);
  }
  const knex = createKnex(url, 2);
  const started = Date.now();
  const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
  try {
    await migrateLatest(knex);
    const prefix = `SCALE${Date.now().toString(36).toUpperCase()}`;
    const year = values.year
      ? {
          startsOn: new Date(Date.now() - 350 * 86_400_000).toISOString().slice(0, 10),
          missionDays: YEAR_MISSION_DAYS,
          missionSpacingDays: YEAR_MISSION_DAYS,
          batchStaggerDays: 2,
        }
      : {};
    await knex.transaction(async (trx) =>
      generateCohorts(trx, {
        prefix,
        batches,
        studentsPerBatch: students,
        missionsPerBatch: 6,
        mentorsPerBatch: 30,
        passwordHash: await demoPasswordHash(DEMO_PASSWORD),
        ...year,
      }),
    );
    console.log(`Generated ${batches} batches × ${students} students (prefix ${prefix}) in ${seconds()} s.`);
    if (values.year) {
      console.log('A year of history:');
      await generateYearOfHistory(knex, { prefix, log: (line) => console.log(line) });
      const vacuumStarted = Date.now();
      await knex.raw('VACUUM ANALYZE');
      console.log(`  VACUUM ANALYZE in ${((Date.now() - vacuumStarted) / 1000).toFixed(1)} s`);
    }
    const { rows } = await knex.raw(`SELECT pg_size_pretty(pg_database_size(current_database())) AS size`);
    console.log(`Done in ${seconds()} s; the database is ${rows[0].size}.`);
  } finally {
    await knex.destroy();
    await postgres?.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
