import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Knex } from 'knex';
import { createKnex } from '@sms/db';
import { freePort } from '@sms/db/launcher/port';
import { generateCohorts } from '@sms/db/seeds/cohorts';
import { insertDemoAccounts } from '@sms/db/seeds/demo-accounts';
import { startPrivatePostgres, type PrivatePostgres } from '@sms/db/testing/private-postgres';
import { insertSessions } from './testing/bulk-sessions';

// The built server (npm run build) against a PostgreSQL of this test's own, stopped for 10 s under load.
jest.setTimeout(120_000);
let pg: PrivatePostgres;
let knex: Knex;
let api: ChildProcess;
let output = '';

beforeAll(async () => {
  pg = await startPrivatePostgres();
  knex = createKnex(pg.url, 2);
  await knex.transaction(async (trx) => {
    await insertDemoAccounts(trx);
    await generateCohorts(trx, { prefix: 'OUT', batches: 1, studentsPerBatch: 400, missionsPerBatch: 2, mentorsPerBatch: 4, passwordHash: null });
  });
});

afterAll(async () => {
  if (api && api.exitCode === null) {
    const exited = new Promise((resolve) => api.once('exit', resolve));
    api.kill('SIGTERM');
    await exited;
  }
  await knex?.destroy();
  await pg?.destroy();
});

interface Answer {
  at: number;
  ms: number;
  status: number;
  message?: string;
  retryAfter?: string | null;
  id?: number;
}

it('stopping PostgreSQL for 10 s under load: 503 with a clear message within 5 s, no hang, recovery by itself, every 2xx attendance a row', async () => {
  const { rows: pairs } = await knex.raw(
    `SELECT me.student_id, me.mission_id FROM mission_enrolments me JOIN missions m ON m.id = me.mission_id WHERE m.status = 'active' ORDER BY random()`,
  );
  expect(pairs.length).toBeGreaterThan(300);
  const students: number[] = [...new Set<number>(pairs.map((pair: { student_id: number }) => pair.student_id))];
  const tokens = new Map(students.map((id, i) => [id, '']));
  (await insertSessions(knex, students)).forEach((token, i) => tokens.set(students[i], token));

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  api = spawn(process.execPath, [path.resolve(__dirname, '../dist/server.js')], {
    env: { ...process.env, DATABASE_URL: pg.url, API_PORT: String(port), LOG_LEVEL: 'warn', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  api.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  api.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  for (let i = 0; i < 100 && !(await fetch(`${url}/health`).then((r) => r.ok, () => false)); i += 1) await new Promise((resolve) => setTimeout(resolve, 100));

  const started = performance.now();
  const answers: Answer[] = [];
  const hung: string[] = [];
  let next = 0;
  let running = true;
  const client = async () => {
    while (running) {
      const pair = pairs[next++ % pairs.length];
      const at = performance.now() - started;
      try {
        const response = await fetch(`${url}/attendance`, {
          method: 'POST',
          headers: { authorization: `Bearer ${tokens.get(pair.student_id)}`, 'content-type': 'application/json' },
          body: JSON.stringify({ mission_id: pair.mission_id }),
          signal: AbortSignal.timeout(8000),
        });
        const body = (await response.json()) as { message?: string; id?: number };
        answers.push({ at, ms: performance.now() - started - at, status: response.status, message: body.message, retryAfter: response.headers.get('retry-after'), id: body.id });
      } catch (error) {
        hung.push(`${(error as Error).name} after ${(performance.now() - started - at).toFixed(0)} ms`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const clients = Array.from({ length: 6 }, client);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const stoppedAt = performance.now() - started;
  await pg.stop();
  await new Promise((resolve) => setTimeout(resolve, 10_000));
  const restartedAt = performance.now() - started;
  await pg.start();
  await new Promise((resolve) => setTimeout(resolve, 5000));
  running = false;
  await Promise.all(clients);

  expect(hung).toEqual([]);
  const slowest = Math.max(...answers.map((answer) => answer.ms));
  expect(slowest).toBeLessThan(5000);
  expect(answers.filter((answer) => answer.status >= 500 && answer.status !== 503)).toEqual([]);
  const during = answers.filter((answer) => answer.at > stoppedAt + 500 && answer.at + answer.ms < restartedAt);
  expect(during.length).toBeGreaterThan(20);
  for (const answer of during) {
    expect(answer).toMatchObject({ status: 503, retryAfter: '5', message: expect.stringMatching(/^The database is not reachable right now, so nothing was saved or read\. Try again in 5 seconds/) });
  }
  const ok = answers.filter((answer) => answer.status === 201);
  expect(ok.filter((answer) => answer.at < stoppedAt).length).toBeGreaterThan(10);
  // It recovers by itself: 201s again within a few seconds of the database's return.
  const recovered = ok.filter((answer) => answer.at > restartedAt);
  expect(recovered.length).toBeGreaterThan(10);
  expect(Math.min(...recovered.map((answer) => answer.at)) - restartedAt).toBeLessThan(3000);
  const ids = ok.map((answer) => answer.id!);
  const [{ n }] = await knex('daily_attendance').whereIn('id', ids).count({ n: '*' });
  expect(Number(n)).toBe(ids.length);
  // No application error was logged for the outage.
  expect(output).not.toMatch(/unhandled error/);
  console.log(
    `outage: ${answers.length} answers (${ok.length} created, ${answers.filter((a) => a.status === 503).length} 503), slowest ${slowest.toFixed(0)} ms, ` +
      `first 201 ${(Math.min(...recovered.map((answer) => answer.at)) - restartedAt).toFixed(0)} ms after the database was back`,
  );
});
