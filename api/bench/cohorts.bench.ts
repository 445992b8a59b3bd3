import { performance } from 'node:perf_hooks';
import { createTestApp, type TestApp } from '../src/testing/test-app';

/* eslint-disable @typescript-eslint/no-explicit-any */
// Benchmark (npm run bench): a 3,000-row student import and auto-pairing 3,000 students, against targets of
// 5 s and 2 s on this 2-core machine, each also printed as a ratio to a trivial authenticated GET measured here.
let t: TestApp;
let server: { url: string; close(): Promise<void> };
let token: string;

beforeAll(async () => {
  t = await createTestApp({}, { cohorts: true });
  server = await t.listen();
  token = await t.tokenFor('sre');
});
afterAll(async () => {
  await server.close();
  await t.close();
});

const call = (path: string, init: RequestInit = {}): Promise<{ json(): Promise<any> }> =>
  fetch(`${server.url}${path}`, { ...init, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...(init.headers ?? {}) } });

async function baselineMs(): Promise<number> {
  for (let i = 0; i < 50; i += 1) await call('/auth/me');
  const samples: number[] = [];
  for (let i = 0; i < 300; i += 1) {
    const started = performance.now();
    await (await call('/auth/me')).json();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

function report(name: string, ms: number, targetMs: number, baseline: number) {
  console.log(`${name}: ${(ms / 1000).toFixed(2)} s (target ≤ ${targetMs / 1000} s) = ${Math.round(ms / baseline)}× a trivial authenticated GET (${baseline.toFixed(2)} ms)`);
}

it('imports 3,000 students and auto-pairs 3,000 students within target', async () => {
  const baseline = await baselineMs();

  const lines = ['email,name,phone,batch_code,mission_codes'];
  for (let i = 0; i < 3000; i += 1) lines.push(`bench${i}@bench.test,Bench Student ${i},+88017${String(i).padStart(8, '0')},DEMO-B02,M3`);
  const importStarted = performance.now();
  const started = await (await call('/imports', { method: 'POST', body: JSON.stringify({ kind: 'students', csv: lines.join('\n'), dry_run: false }) })).json();
  let record = started;
  while (record.status === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 20));
    record = await (await call(`/imports/${started.id}`)).json();
  }
  const importMs = performance.now() - importStarted;
  expect(record).toMatchObject({ status: 'succeeded', created_count: 3000 });
  report('import 3,000 students (parse, validate, write, audit)', importMs, 5000, baseline);

  const mission = (await t.db.knex('missions').join('batches', 'batches.id', 'missions.batch_id').where({ 'batches.code': 'DEMO-B02', 'missions.code': 'M3' }).first('missions.id')).id;
  const unpaired = await t.db.knex.raw('select count(*)::int as n from mission_enrolments me where me.mission_id = ? and not exists (select 1 from mentor_pairings mp where mp.mission_id = me.mission_id and mp.student_id = me.student_id)', [mission]);
  expect(unpaired.rows[0].n).toBe(3000);
  const pairStarted = performance.now();
  const paired = await (await call(`/missions/${mission}/auto-pair`, { method: 'POST' })).json();
  const pairMs = performance.now() - pairStarted;
  expect(paired.paired).toBe(3000);
  report('auto-pair 3,000 students (plan, lock, write, audit)', pairMs, 2000, baseline);

  expect(importMs).toBeLessThan(5000);
  expect(pairMs).toBeLessThan(2000);
});
