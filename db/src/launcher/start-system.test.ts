import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, isPortFree } from './port';
import { REPO_ROOT } from './services';

// `npm start`'s launcher from its build (npm run build), with its embedded PostgreSQL: real processes, real signals.
jest.setTimeout(240_000);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sms-launcher-'));
fs.chmodSync(dataDir, 0o755);
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

interface Launcher {
  child: ChildProcess;
  output: () => string;
  ports: number[];
  waitFor(text: string | RegExp, ms: number): Promise<number>;
  exited: Promise<{ code: number | null; at: number }>;
}

async function launch(pgPort: number): Promise<Launcher> {
  const ports = [await freePort(), await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PG_PORT: String(pgPort), API_PORT: String(ports[0]), BACKOFFICE_PORT: String(ports[1]), PORTAL_PORT: String(ports[2]), SEED_DEMO: 'false', LOG_LEVEL: 'warn' };
  for (const name of ['DATABASE_URL', 'API_PUBLIC_URL', 'BACKOFFICE_URL', 'PORTAL_URL']) delete env[name];
  // Its own process group, as in a terminal: Ctrl-C there signals the whole group.
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'db/dist/launcher/start-system.js')], { env, cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; at: number }>((resolve) => child.once('exit', (code) => resolve({ code, at: Date.now() })));
  const launcher: Launcher = {
    child,
    output: () => output,
    ports: [...ports, pgPort],
    async waitFor(text, ms) {
      const started = Date.now();
      while (!(typeof text === 'string' ? output.includes(text) : text.test(output))) {
        if (Date.now() - started > ms) throw new Error(`no "${text}" within ${ms} ms; output:\n${output}`);
        if (child.exitCode !== null) throw new Error(`the launcher exited (${child.exitCode}) before "${text}"; output:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return Date.now() - started;
    },
    exited,
  };
  await launcher.waitFor('SMS is running.', 120_000);
  return launcher;
}

const postmasterPid = () => Number(fs.readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const health = async (port: number) => fetch(`http://127.0.0.1:${port}/health`).then((r) => r.status, () => 0);

async function expectAllStopped(launcher: Launcher, pids: number[]) {
  for (const port of launcher.ports) expect({ port, free: await isPortFree(port) }).toEqual({ port, free: true });
  for (const pid of pids) expect({ pid, alive: alive(pid) }).toEqual({ pid, alive: false });
}

it('restarts its PostgreSQL when it is killed, and Ctrl-C stops everything within seconds even with the database already gone', async () => {
  const launcher = await launch(await freePort());
  try {
    const first = postmasterPid();
    expect(await health(launcher.ports[0])).toBe(200);
    process.kill(first, 'SIGKILL');
    expect(await launcher.waitFor('PostgreSQL stopped unexpectedly (killed by SIGKILL)', 5000)).toBeLessThan(3000);
    await launcher.waitFor(/PostgreSQL is running again on port \d+/, 30_000);
    const second = postmasterPid();
    expect(second).not.toBe(first);
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i += 1) {
      status = await health(launcher.ports[0]);
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(status).toBe(200);

    // The database dies, and before it is back the user presses Ctrl-C (the whole group gets SIGINT).
    process.kill(second, 'SIGKILL');
    await launcher.waitFor(/restarting it[\s\S]*restarting it/, 5000);
    const pressed = Date.now();
    process.kill(-launcher.child.pid!, 'SIGINT');
    const { code, at } = await launcher.exited;
    expect(at - pressed).toBeLessThan(8000);
    expect(code).toBe(0);
    expect(launcher.output()).toContain('Stopped.');
    await expectAllStopped(launcher, [first, second]);
  } finally {
    if (launcher.child.exitCode === null) process.kill(-launcher.child.pid!, 'SIGKILL');
  }
});

it('SIGINT to the launcher alone stops the apps and the database it runs', async () => {
  const launcher = await launch(await freePort());
  const pid = postmasterPid();
  const pressed = Date.now();
  launcher.child.kill('SIGINT');
  const { code, at } = await launcher.exited;
  expect(at - pressed).toBeLessThan(8000);
  expect(code).toBe(0);
  await expectAllStopped(launcher, [pid]);
});
