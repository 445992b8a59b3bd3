import { spawn } from 'node:child_process';
import path from 'node:path';
import { insertDemoAccounts, DEMO_PASSWORD } from '@sms/db/seeds/demo-accounts';
import { freePort } from '@sms/db/launcher/port';
import { createTestDatabase, type TestDatabase } from '@sms/db/testing/test-database';

// The built server (npm test builds first), run as two cluster workers (the sign-in counts live in the database).
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await db.knex.transaction((trx) => insertDemoAccounts(trx));
});
afterAll(() => db.destroy());

it('runs as several workers that share the sign-in lock-out, and stops on SIGTERM', async () => {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const api = spawn(process.execPath, [path.resolve(__dirname, '../dist/server.js')], {
    env: { ...process.env, DATABASE_URL: db.url, API_PORT: String(port), API_WORKERS: '2', LOG_LEVEL: 'silent', NODE_ENV: 'production' },
    stdio: 'ignore',
  });
  try {
    // Two workers starting on a busy 2-core machine can take more than 10 s.
    for (let i = 0; i < 300; i += 1) {
      if (await fetch(`${url}/health`).then((r) => r.ok, () => false)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const login = (password: string) =>
      fetch(`${url}/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json', connection: 'close' }, body: JSON.stringify({ email: 'sre@example.com', password }) });
    // Fresh connections land on both workers; the count is shared, so the sixth try is refused whichever answers.
    for (let i = 0; i < 5; i += 1) expect((await login(`wrong-password-${i}`)).status).toBe(401);
    const locked = await login(DEMO_PASSWORD);
    expect(locked.status).toBe(429);
  } finally {
    const exited = new Promise((resolve) => api.once('exit', resolve));
    api.kill('SIGTERM');
    await exited;
  }
  expect(api.exitCode === 0 || api.signalCode === 'SIGTERM').toBe(true);
});
