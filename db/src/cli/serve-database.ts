import path from 'node:path';
import { withDatabase } from '../index';
import { startEmbeddedPostgres } from '../launcher/embedded-postgres';
import { freePort } from '../launcher/port';

/**
 * Serves an existing embedded-PostgreSQL data directory (argv[2], e.g. SCALE_DB_DIR) on a free port until stopped
 * (SIGTERM, SIGINT or stdin closing), printing `ready <url>` once it accepts connections. Benchmarks run under
 * Jest, which cannot load the ESM-only embedded-postgres itself, and use this as a child process.
 */
async function main(): Promise<void> {
  const dataDir = path.resolve(process.argv[2] ?? '');
  const postgres = await startEmbeddedPostgres(dataDir, await freePort());
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await postgres.stop();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.stdin.on('end', stop);
  process.stdin.resume();
  console.log(`ready ${withDatabase(postgres.adminUrl, 'sms')}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
