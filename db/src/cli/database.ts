import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { ensureDatabase, withDatabase } from '../index';
import { BackupError } from '../backup/format';
import { startEmbeddedPostgres, type RunningPostgres } from '../launcher/embedded-postgres';
import { REPO_ROOT } from '../launcher/services';

export interface CommandDatabase {
  url: string;
  /** Where the command works, for its output (no password). */
  label: string;
  /** Stops the embedded PostgreSQL if this command started it. */
  close(): Promise<void>;
}

/**
 * The database a command-line tool works on, chosen as `npm start` chooses it: DATABASE_URL when set; otherwise
 * the embedded PostgreSQL under DATA_DIR — the one `npm start` is running if it is, else started for the duration
 * of the command (and created, for a restore onto a fresh machine).
 */
export async function openCommandDatabase(purpose: 'backup' | 'restore'): Promise<CommandDatabase> {
  const database = await chooseDatabase(purpose);
  const client = new pg.Client({ connectionString: database.url });
  try {
    await client.connect();
  } catch (error) {
    await database.close();
    throw new BackupError(`Could not connect to ${database.label}: ${(error as Error).message}.`);
  } finally {
    await client.end().catch(() => {});
  }
  return database;
}

async function chooseDatabase(purpose: 'backup' | 'restore'): Promise<CommandDatabase> {
  if (process.env.DATABASE_URL) {
    const url = process.env.DATABASE_URL;
    const parsed = new URL(url);
    return { url, label: `DATABASE_URL (${parsed.host}${parsed.pathname})`, close: async () => {} };
  }
  const dataDir = path.resolve(REPO_ROOT, process.env.DATA_DIR || '.data', 'postgres');
  const running = runningPort(dataDir);
  if (running !== null) {
    return {
      url: `postgres://postgres:postgres@127.0.0.1:${running}/sms`,
      label: `the embedded PostgreSQL already running on port ${running} (data in ${displayPath(dataDir)})`,
      close: async () => {},
    };
  }
  if (purpose === 'backup' && !fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    throw new BackupError(`There is no embedded database in ${dataDir} yet (npm start creates it). Set DATABASE_URL to back up another server.`);
  }
  const port = Number(process.env.PG_PORT || 5433);
  const postgres: RunningPostgres = await startEmbeddedPostgres(dataDir, port);
  const url = withDatabase(postgres.adminUrl, 'sms');
  try {
    if (purpose === 'restore') await ensureDatabase(url);
  } catch (error) {
    await postgres.stop();
    throw error;
  }
  return {
    url,
    label: `the embedded PostgreSQL in ${displayPath(dataDir)} (started for this command on port ${port}, now stopped)`,
    close: () => postgres.stop(),
  };
}

/** The port of a PostgreSQL running on `dataDir` (read from its postmaster.pid), or null when none is. */
function runningPort(dataDir: string): number | null {
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return null;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: alive but someone else's process; ESRCH: a stale file left by a crash.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return null;
  }
  return port;
}

/** Paths given on the command line are relative to where the person ran `npm run`, not to the repository root. */
export function resolveFromInvocation(file: string): string {
  return path.resolve(process.env.INIT_CWD || process.cwd(), file);
}

export function displayPath(file: string): string {
  const relative = path.relative(process.env.INIT_CWD || process.cwd(), file);
  return relative.startsWith('..') ? file : relative;
}

export const formatCount = (n: number) => n.toLocaleString('en-US');

/** Runs a command's main function: a BackupError (or any error) is one line on stderr and exit code 1. */
export function runCommand(main: () => Promise<void>): void {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
