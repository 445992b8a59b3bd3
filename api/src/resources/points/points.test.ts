import request from 'supertest';
import type { Role } from '../../core/actor';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
let m1: number;
let student: number;
beforeAll(async () => {
  t = await createTestApp({}, { cohorts: true });
  const k = t.db.knex;
  m1 = await t.missionId('DEMO-B01', 'M1');
  student = await t.userId('student');
  // A history: 20 students with attendance over several days, a meeting and an assignment.
  const students: number[] = await k('mission_enrolments').where({ mission_id: m1 }).orderBy('student_id').limit(20).pluck('student_id');
  const days = ['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23'];
  await k('daily_attendance').insert(students.flatMap((id, i) => days.slice(0, 1 + (i % 4)).map((day) => ({ student_id: id, mission_id: m1, submitted_at: `${day}T06:00:00Z` }))));
  const [meeting] = await k('meetings').insert({ mission_id: m1, title: 'Week 1', starts_at: '2026-11-21T12:00:00Z', created_by: await t.userId('mentor'), code_secret: 'x' }).returning('id');
  await k('meeting_attendance').insert(students.slice(0, 10).map((id) => ({ meeting_id: meeting.id, student_id: id, method: 'manual', marked_by: 1 })));
  const [assignment] = await k('assignments').insert({ mission_id: m1, number: 1, title: 'A1', deadline: '2026-11-22T18:00:00Z' }).returning('id');
  await k('submissions').insert(students.slice(0, 15).map((id, i) => ({ assignment_id: assignment.id, mission_id: m1, student_id: id, submitted_at: i < 8 ? '2026-11-22T10:00:00Z' : '2026-11-23T10:00:00Z', status: 'on_time' })));
});
afterAll(() => t.close());

const as = async (role: Role) => ({ Authorization: `Bearer ${await t.tokenFor(role)}` });

async function ledgerTotals(): Promise<Record<number, number>> {
  const rows = await t.db.knex('points_ledger').where({ mission_id: m1 }).groupBy('student_id').select('student_id', t.db.knex.raw('sum(points)::int AS total'));
  return Object.fromEntries(rows.map((r: { student_id: number; total: number }) => [r.student_id, r.total]));
}

/** What each student should have, computed independently from the sources and the current rules. */
async function expectedTotals(): Promise<Record<number, number>> {
  const { rows } = await t.db.knex.raw(
    `SELECT student_id, sum(p)::int AS total FROM (
       SELECT a.student_id, m.points_attendance AS p FROM daily_attendance a JOIN missions m ON m.id = a.mission_id WHERE a.mission_id = ?
       UNION ALL SELECT ma.student_id, m.points_meeting FROM meeting_attendance ma JOIN meetings mt ON mt.id = ma.meeting_id JOIN missions m ON m.id = mt.mission_id WHERE mt.mission_id = ?
       UNION ALL SELECT s.student_id, CASE s.status WHEN 'on_time' THEN m.points_on_time ELSE m.points_late END FROM submissions s JOIN missions m ON m.id = s.mission_id WHERE s.mission_id = ?
     ) x GROUP BY student_id`,
    [m1, m1, m1],
  );
  return Object.fromEntries(rows.map((r: { student_id: number; total: number }) => [r.student_id, r.total]));
}

it('totals equal the sum of their sources, each award tied to one source', async () => {
  expect(await ledgerTotals()).toEqual(await expectedTotals());
  const late = await t.db.knex('submissions').where({ status: 'late' }).count({ n: '*' });
  expect(late).toEqual([{ n: 7 }]);
});

it('a rule change, previewed and then recomputed, gives the same totals as a fresh computation, and is audited', async () => {
  await request(t.app).put(`/missions/${m1}`).set(await as('manager')).send({ points_attendance: 3, points_late: 1 });
  const before = await ledgerTotals();
  const preview = await request(t.app).get(`/missions/${m1}/points/recompute`).set(await as('manager'));
  expect(preview.status).toBe(200);
  const fresh = await expectedTotals();
  const changed = Object.keys(fresh).filter((id) => fresh[Number(id)] !== before[Number(id)]).length;
  expect(changed).toBeGreaterThan(10);
  expect(preview.body.students_changed).toBe(changed);
  expect(await ledgerTotals()).toEqual(before);
  const applied = await request(t.app).post(`/missions/${m1}/points/recompute`).set(await as('manager'));
  expect(applied.body.applied).toBe(true);
  expect(await ledgerTotals()).toEqual(await expectedTotals());
  expect(applied.body.total_after).toBe(Object.values(await expectedTotals()).reduce((a, b) => a + b, 0));
  expect(await t.db.knex('audit_log').where({ action: 'recompute_points', record_id: String(m1) }).count({ n: '*' })).toEqual([{ n: 1 }]);
  expect((await request(t.app).post(`/missions/${m1}/points/recompute`).set(await as('sre'))).status).toBe(403);
});

it('leaderboard ranks by points; a student sees their own total, rank and progress', async () => {
  const board = await request(t.app).get(`/missions/${m1}/leaderboard`).query({ range: '[0,4]' }).set(await as('manager'));
  expect(board.status).toBe(200);
  const points = board.body.map((r: { points: number }) => r.points);
  expect([...points].sort((a, b) => b - a)).toEqual(points);
  expect(board.body[0].rank).toBe(1);
  const dashboard = await request(t.app).get('/me/dashboard').set(await as('student'));
  expect(dashboard.status).toBe(200);
  const mine = dashboard.body.missions.find((m: { mission_id: number }) => m.mission_id === m1);
  const totals = await ledgerTotals();
  const higher = Object.values(totals).filter((v) => v > (totals[student] ?? 0)).length;
  expect(mine).toMatchObject({ points: totals[student] ?? 0, rank: higher + 1 });
  expect(mine.possible).toBeGreaterThan(0);
  expect(mine.attendance).toMatchObject({ submitted_today: false });
});

it("undoing a source removes its points; the student's breakdown explains the total", async () => {
  const someone = Number(Object.keys(await ledgerTotals())[0]);
  const attendance = await t.db.knex('daily_attendance').where({ student_id: someone }).first('id');
  const before = (await ledgerTotals())[someone];
  expect((await request(t.app).delete(`/daily_attendance/${attendance.id}`).set(await as('sre'))).status).toBe(200);
  expect((await ledgerTotals())[someone]).toBe(before - 3);
  await request(t.app).post('/attendance').set(await as('student')).send({ mission_id: m1 });
  const breakdown = await request(t.app).get('/points_ledger').query({ filter: JSON.stringify({ mission_id: m1 }) }).set(await as('student'));
  expect(breakdown.body.map((r: { description: string }) => r.description)[0]).toMatch(/^Daily attendance on \d{4}-\d{2}-\d{2}$/);
  const sum = breakdown.body.reduce((total: number, r: { points: number }) => total + r.points, 0);
  const dashboard = await request(t.app).get('/me/dashboard').set(await as('student'));
  expect(dashboard.body.missions.find((m: { mission_id: number }) => m.mission_id === m1).points).toBe(sum);
});
