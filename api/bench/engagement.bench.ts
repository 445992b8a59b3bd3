/* eslint-disable @typescript-eslint/no-explicit-any */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { insertDemoAccounts } from '@sms/db/seeds/demo-accounts';
import { generateAttendanceHistory, generateCohorts } from '@sms/db/seeds/cohorts';
import { freePort } from '@sms/db/launcher/port';
import { createTestDatabase, type TestDatabase } from '@sms/db/testing/test-database';
import { insertSessions } from '../src/testing/bulk-sessions';

// Benchmark (npm run bench, after npm run build): attendance submissions at 256 connections on the full data set
// (10 batches × 3,000 students with a week of attendance history), and a pasted list of 3,000 emails. The API runs as its own process from the
// build; the load generator shares this 2-core machine. Each result is also printed as a ratio to a trivial
// authenticated GET (/auth/me) measured the same way in the same run.
const CONNECTIONS = 256;
const SECONDS = 10;

let db: TestDatabase;
let api: ChildProcess;
let url: string;

beforeAll(async () => {
  db = await createTestDatabase();
  const started = performance.now();
  await db.knex.transaction(async (trx) => {
    await insertDemoAccounts(trx);
    await generateCohorts(trx, { prefix: 'BENCH', batches: 10, studentsPerBatch: 3000, missionsPerBatch: 6, mentorsPerBatch: 30, passwordHash: null });
    await generateAttendanceHistory(trx, { prefix: 'BENCH', days: 7 });
    // A third and a fourth mission open today, so the run has 120,000 fresh submissions to make (a fast machine
    // makes over 90,000 in the warm-up and the measured run together).
    await trx.raw(`UPDATE missions SET status = 'active' WHERE code IN ('M3', 'M4') AND batch_id IN (SELECT id FROM batches WHERE code LIKE 'BENCH-B%')`);
  });
  // A running school's database has been vacuumed, analysed and checkpointed; otherwise autovacuum and the
  // checkpoint of the bulk load itself would run in the middle of the measurement.
  await db.knex.raw('VACUUM ANALYZE');
  await db.knex.raw('CHECKPOINT');
  console.log(`full data set generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  api = spawn(process.execPath, [...profile, path.resolve(__dirname, '../dist/server.js')], {
    // Two workers, one per core, unless API_WORKERS says otherwise: the deployment this machine would run. The load
    // generator is one address, so the per-address write limit is lifted (the per-user one still holds).
    env: { ...process.env, DATABASE_URL: db.url, API_PORT: String(port), LOG_LEVEL: 'warn', NODE_ENV: 'production', DB_POOL_MAX: '20', API_WORKERS: process.env.API_WORKERS ?? '2', WRITE_LIMIT_PER_ADDRESS: '100000000' },
    stdio: 'inherit',
  });
  for (let i = 0; i < 100; i += 1) {
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      /* starting */
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('API did not start');
});

afterAll(async () => {
  api?.kill('SIGTERM');
  await db?.destroy();
});

async function sessions(userIds: number[]): Promise<string[]> {
  const tokens = await insertSessions(db.knex, userIds);
  // As in a running school, the table has been vacuumed and the planner knows how many sessions there are.
  await db.knex.raw('VACUUM ANALYZE sessions');
  return tokens;
}

function run(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => autocannon(options, (error, result) => (error ? reject(error) : resolve(result))));
}

let baseline: autocannon.Result;
let singleRequestMs = 1;

it('baseline: a trivial authenticated GET at 256 connections', async () => {
  const [admin] = await db.knex('users').where({ email: 'admin@example.com' }).pluck('id');
  const [adminToken] = await sessions([admin]);
  baseline = await run({ url: `${url}/auth/me`, connections: CONNECTIONS, duration: 5, headers: { authorization: `Bearer ${adminToken}` } });
  const samples: number[] = [];
  for (let i = 0; i < 200; i += 1) {
    const started = performance.now();
    await (await fetch(`${url}/auth/me`, { headers: { authorization: `Bearer ${adminToken}` } })).arrayBuffer();
    samples.push(performance.now() - started);
  }
  singleRequestMs = samples.sort((a, b) => a - b)[100];
  console.log(`baseline GET /auth/me: ${baseline.requests.average.toFixed(0)} req/s, p99 ${baseline.latency.p99} ms at ${CONNECTIONS} connections; ${singleRequestMs.toFixed(2)} ms alone`);
});

it('paste of 3,000 emails', async () => {
  const { rows } = await db.knex.raw(`SELECT m.id AS mission_id FROM missions m WHERE m.code = 'M1' AND m.status = 'active' ORDER BY m.id LIMIT 1`);
  // Paste 3,000 emails of one mission's students.
  const mission = rows[0].mission_id;
  const emails: string[] = await db.knex('users as u').join('mission_enrolments as me', 'me.student_id', 'u.id').where('me.mission_id', mission).pluck('u.email');
  const [sre] = await db.knex('users').where({ email: 'sre@example.com' }).pluck('id');
  const [sreToken] = await sessions([sre]);
  const [assignment] = await db.knex('assignments').insert({ mission_id: mission, number: 1, title: 'Bench', deadline: '2030-01-01T00:00:00Z' }).returning('id');
  const pasteStarted = performance.now();
  const response = await fetch(`${url}/assignments/${assignment.id}/paste`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sreToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ text: emails.join('\n'), dry_run: false }),
  });
  const pasteMs = performance.now() - pasteStarted;
  const pasted: any = await response.json();
  console.log(`paste of ${emails.length} emails: ${(pasteMs / 1000).toFixed(2)} s (target ≤ 1 s), recorded ${pasted.recorded}; ${(pasteMs / singleRequestMs).toFixed(0)}× a lone baseline request`);
  expect(pasted.recorded).toBe(emails.length);

  expect(pasteMs).toBeLessThan(1000);
});

it('attendance throughput and p99 at 256 connections', async () => {

  // Every student of every batch in each of its four active missions (120,000 submissions to make, so neither
  // the warm-up nor the measured run runs out of fresh ones), in random order, each with their own session.
  const { rows } = await db.knex.raw(
    `SELECT me.student_id, me.mission_id FROM mission_enrolments me JOIN missions m ON m.id = me.mission_id
     WHERE m.code IN ('M1', 'M2', 'M3', 'M4') AND m.status = 'active' ORDER BY random()`,
  );
  const studentIds: number[] = [...new Set<number>(rows.map((r: any) => r.student_id))];
  const sessionTokens = await sessions(studentIds);
  const tokenOf = new Map(studentIds.map((id, i) => [id, sessionTokens[i]]));
  // Built before the clock starts, so the load generator (sharing the machine) spends its time sending.
  const prepared = rows.map((r: any) => ({
    method: 'POST',
    path: '/attendance',
    headers: { authorization: `Bearer ${tokenOf.get(r.student_id)}`, 'content-type': 'application/json' },
    body: JSON.stringify({ mission_id: r.mission_id, note: 'bench' }),
  }));
  let next = 0;
  let statuses: Record<string, number> = {};
  const load = (duration: number) => run({
    url,
    connections: CONNECTIONS,
    duration,
    requests: [
      {
        method: 'POST',
        path: '/attendance',
        setupRequest: () => {
          return prepared[next++ % prepared.length];
        },
        onResponse: (status: number) => {
          statuses[status] = (statuses[status] ?? 0) + 1;
        },
      } as any,
    ],
  });
  // A short warm-up (JIT, caches, pools) with other students, then the measured run.
  await load(3);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const { rows: warm } = await db.knex.raw('SELECT count(*)::int AS n FROM daily_attendance');
  statuses = {};
  const result = await load(SECONDS);
  // Let the requests still in flight when the clock stopped finish, then count rows and awards together.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const { rows: counts } = await db.knex.raw(
    `SELECT (SELECT count(*) FROM daily_attendance)::int AS created, (SELECT count(*) FROM points_ledger WHERE reason = 'attendance')::int AS ledger`,
  );
  const created = counts[0].created - warm[0].n;
  const ledger = counts[0].ledger - warm[0].n;
  const perSecond = result.requests.average;
  console.log(
    `attendance submissions (${process.env.API_WORKERS ?? '2'} API workers): ${perSecond.toFixed(0)}/s (target ≥ 600), p99 ${result.latency.p99} ms (target < 150), ` +
      `latency p50 ${result.latency.p50} / p90 ${result.latency.p90} / p99 ${result.latency.p99} / max ${result.latency.max} ms, ` +
      `statuses ${JSON.stringify(statuses)}, rows ${created}, ledger ${ledger}; ` +
      `${(perSecond / baseline.requests.average).toFixed(2)}× the baseline's throughput, p99 ${(result.latency.p99 / Math.max(baseline.latency.p99, 1)).toFixed(2)}× its p99`,
  );
  // Every request is a fresh submission (no student runs out of missions to submit for), and none fails.
  if (next > prepared.length) throw new Error(`the data set ran out of fresh submissions (${next} sent, ${prepared.length} prepared): open another mission in beforeAll`);
  expect(Object.keys(statuses)).toEqual(['201']);
  // Responses still in flight when the clock stops are not counted by autocannon, but their rows exist.
  expect(created).toBeGreaterThanOrEqual(statuses['201']);
  expect(created - statuses['201']).toBeLessThanOrEqual(CONNECTIONS);
  expect(ledger).toBe(created);

  expect(perSecond).toBeGreaterThanOrEqual(600);
  expect(result.latency.p99).toBeLessThan(150);
});
