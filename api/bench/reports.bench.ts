import { performance } from 'node:perf_hooks';
import { generateAttendanceHistory, generateCohorts } from '@sms/db/seeds/cohorts';
import { createTestApp, type TestApp } from '../src/testing/test-app';

/* eslint-disable @typescript-eslint/no-explicit-any */
// Benchmark (npm run bench): the low-performer report, a call list and the reports (attendance per day,
// assignments, mentor load) over a 3,000-student batch six weeks in
// (two active missions, ~150,000 attendance rows with their points and audit entries), against targets on this
// 2-core machine, each also printed as a ratio to a trivial authenticated GET measured here.
let t: TestApp;
let server: { url: string; close(): Promise<void> };
let token: string;
let mission: number;
let batch: number;

beforeAll(async () => {
  t = await createTestApp();
  const started = performance.now();
  const startsOn = new Date(Date.now() - 44 * 86_400_000).toISOString().slice(0, 10);
  await t.db.knex.transaction(async (trx) => {
    await generateCohorts(trx, { prefix: 'OUT', batches: 1, studentsPerBatch: 3000, missionsPerBatch: 6, mentorsPerBatch: 30, passwordHash: null, startsOn });
    await generateAttendanceHistory(trx, { prefix: 'OUT', days: 44 });
    // Five passed assignments per active mission, submitted by about four students in five.
    await trx.raw(
      `INSERT INTO assignments (mission_id, number, title, deadline)
       SELECT m.id, n, 'Assignment ' || n, now() - make_interval(days => 6 * n) FROM missions m CROSS JOIN generate_series(1, 5) n WHERE m.status = 'active'`,
    );
    await trx.raw(
      `INSERT INTO submissions (assignment_id, student_id, submitted_at)
       SELECT a.id, me.student_id, a.deadline - interval '1 hour' FROM assignments a JOIN mission_enrolments me ON me.mission_id = a.mission_id
       WHERE (me.student_id + a.number) % 5 <> 0`,
    );
  });
  await t.db.knex.raw('VACUUM ANALYZE');
  console.log(`batch with six weeks of attendance generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  ({ id: mission, batch_id: batch } = await t.db.knex('missions').where({ code: 'M1' }).first('id', 'batch_id'));
  server = await t.listen();
  token = await t.tokenFor('sre');
});
afterAll(async () => {
  await server.close();
  await t.close();
});

const call = (path: string, init: RequestInit = {}) =>
  fetch(`${server.url}${path}`, { ...init, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...(init.headers ?? {}) } });

async function medianMs(times: number, work: () => Promise<unknown>): Promise<number> {
  await work();
  const samples: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)];
}

const report = (name: string, ms: number, targetMs: number, baseline: number) =>
  console.log(`${name}: ${ms.toFixed(0)} ms (target ≤ ${targetMs} ms) = ${Math.round(ms / baseline)}× a trivial authenticated GET (${baseline.toFixed(2)} ms)`);

it('low-performer report, its export, a call list and the reports for a 3,000-student batch within target', async () => {
  const baseline = await medianMs(300, async () => (await call('/auth/me')).json());
  const query = (filter: object, sort: [string, string], range = '[0,24]') =>
    `filter=${encodeURIComponent(JSON.stringify(filter))}&sort=${encodeURIComponent(JSON.stringify(sort))}&range=${encodeURIComponent(range)}`;

  let atRisk = 0;
  const pageMs = await medianMs(9, async () => {
    const res = await call(`/student_progress?${query({ mission_id: mission, risk: ['high', 'medium'] }, ['attendance_rate', 'ASC'])}`);
    atRisk = Number(res.headers.get('content-range')?.split('/')[1]);
    return res.json();
  });
  expect(atRisk).toBeGreaterThan(200);
  report(`low-performer report, first page of ${atRisk} at risk among 3,000 (sorted by attendance)`, pageMs, 500, baseline);

  const batchMs = await medianMs(5, async () => (await call(`/student_progress?${query({ batch_id: batch, mission_status: 'active', risk: 'high' }, ['risk', 'ASC'])}`)).json());
  report('the same over the whole batch (two active missions)', batchMs, 1000, baseline);

  let lines = 0;
  const exportMs = await medianMs(3, async () => {
    lines = (await (await call(`/student_progress/export.csv?${query({ mission_id: mission }, ['student_name', 'ASC'])}`)).text()).trim().split('\n').length;
  });
  expect(lines).toBe(3001);
  report('CSV export of the mission (3,000 rows)', exportMs, 1500, baseline);

  let days = 0;
  const attendanceMs = await medianMs(5, async () => {
    days = (await (await call(`/mission_attendance_days?${query({ mission_id: mission }, ['day', 'ASC'], '[0,99]')}`)).json() as any[]).length;
  });
  expect(days).toBeGreaterThan(40);
  report(`attendance per day of a 3,000-student mission (${days} days)`, attendanceMs, 500, baseline);
  const assignmentsMs = await medianMs(5, async () => (await call(`/assignment_report?${query({ batch_id: batch }, ['deadline', 'DESC'])}`)).json());
  report('assignment report of the batch (10 assignments, ~24,000 submissions)', assignmentsMs, 500, baseline);
  let mentorRows = 0;
  const mentorMs = await medianMs(5, async () => {
    mentorRows = (await (await call(`/mentor_load?${query({ batch_id: batch }, ['mentees', 'DESC'], '[0,199]')}`)).json() as any[]).length;
  });
  expect(mentorRows).toBe(180);
  report('mentor load of the batch (30 mentors × 6 missions)', mentorMs, 500, baseline);

  const generateStarted = performance.now();
  const generated: any = await (await call('/call_lists/generate', { method: 'POST', body: JSON.stringify({ batch_id: batch, risk: ['high', 'medium'], dry_run: false }) })).json();
  const generateMs = performance.now() - generateStarted;
  expect(generated.students).toBeGreaterThan(200);
  report(`call list of ${generated.students} students split among SREs (plan, lock, write, audit)`, generateMs, 2000, baseline);

  expect(pageMs).toBeLessThan(500);
  expect(batchMs).toBeLessThan(1000);
  expect(exportMs).toBeLessThan(1500);
  expect(generateMs).toBeLessThan(2000);
  expect(attendanceMs).toBeLessThan(500);
  expect(assignmentsMs).toBeLessThan(500);
  expect(mentorMs).toBeLessThan(500);
});
