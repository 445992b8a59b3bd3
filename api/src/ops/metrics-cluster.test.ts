import { spawn } from 'node:child_process';
import path from 'node:path';
import { freePort } from '@sms/db/launcher/port';
import { createTestDatabase, type TestDatabase } from '@sms/db/testing/test-database';

// The built server (npm test builds first), run as two cluster workers: /metrics sums both.
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.destroy());

const METRICS_TOKEN = 'cluster-scraper-token-0123456789';

it('answers /metrics from any worker with every worker’s requests, summed by the primary', async () => {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const api = spawn(process.execPath, [path.resolve(__dirname, '../../dist/server.js')], {
    env: { ...process.env, DATABASE_URL: db.url, API_PORT: String(port), API_WORKERS: '2', LOG_LEVEL: 'silent', NODE_ENV: 'production', METRICS_TOKEN },
    stdio: 'ignore',
  });
  try {
    for (let i = 0; i < 100; i += 1) {
      if (await fetch(`${url}/health`, { headers: { connection: 'close' } }).then((r) => r.ok, () => false)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // Fresh connections land on both workers.
    for (let i = 0; i < 20; i += 1) expect((await fetch(`${url}/nowhere-${i}`, { headers: { connection: 'close' } })).status).toBe(404);
    const scrapes = [];
    for (let i = 0; i < 4; i += 1) {
      const response = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}`, connection: 'close' } });
      expect(response.status).toBe(200);
      scrapes.push(await response.text());
    }
    for (const text of scrapes) {
      const line = text.split('\n').find((l) => l.startsWith('http_request_duration_seconds_count{') && l.includes('route="unmatched"'));
      expect(line && Number(line.split(' ').at(-1))).toBe(20);
      expect(text).toContain('process_cpu_user_seconds_total');
    }
    expect((await fetch(`${url}/metrics`, { headers: { connection: 'close' } })).status).toBe(401);
  } finally {
    const exited = new Promise((resolve) => api.once('exit', resolve));
    api.kill('SIGTERM');
    await exited;
  }
});
