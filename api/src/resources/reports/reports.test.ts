import request from 'supertest';
import type { Role } from '../../core/actor';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
let m1: number;
let mentor: number;
let paired: number[];

const as = async (role: Role) => ({ Authorization: `Bearer ${await t.tokenFor(role)}` });
const list = async (resource: string, filter: object, role: Role = 'manager', sort?: [string, string]) => {
  const res = await request(t.app)
    .get(`/${resource}`)
    .query({ filter: JSON.stringify(filter), range: '[0,999]', ...(sort ? { sort: JSON.stringify(sort) } : {}) })
    .set(await as(role));
  expect(res.status).toBe(200);
  return res.body;
};

beforeAll(async () => {
  t = await createTestApp({}, { cohorts: true });
  const k = t.db.knex;
  m1 = await t.missionId('DEMO-B01', 'M1');
  mentor = await t.userId('mentor');
  paired = (await k('mentor_pairings').where({ mission_id: m1, mentor_id: mentor }).orderBy('student_id').pluck('student_id')).map(Number);
});
afterAll(() => t.close());

it('attendance per mission and day: one row per local day since the start, today flagged, rate of the enrolled', async () => {
  const k = t.db.knex;
  await k('daily_attendance').insert(paired.slice(0, 3).map((student_id) => ({ student_id, mission_id: m1 })));
  await k('daily_attendance').insert(paired.slice(0, 2).map((student_id) => ({ student_id, mission_id: m1, submitted_at: k.raw("now() - interval '1 day'") })));
  const days = await list('mission_attendance_days', { mission_id: m1 }, 'manager', ['day', 'DESC']);
  const { rows } = await k.raw(`SELECT (now() AT TIME ZONE 'Asia/Dhaka')::date - starts_on + 1 AS n, (SELECT count(*)::int FROM mission_enrolments WHERE mission_id = m.id AND status = 'active') AS enrolled FROM missions m WHERE id = ?`, [m1]);
  expect(days).toHaveLength(rows[0].n);
  expect(days[0]).toMatchObject({ is_today: true, attended: 3, enrolled: rows[0].enrolled });
  expect(Number(days[0].rate)).toBeCloseTo(3 / rows[0].enrolled, 3);
  expect(days[1]).toMatchObject({ is_today: false, attended: 2 });
  expect(await list('mission_attendance_days', { mission_id: m1, is_today: true })).toHaveLength(1);
  // Whole-mission figures are not a mentor's; students get nothing.
  expect((await request(t.app).get('/mission_attendance_days').set(await as('mentor'))).status).toBe(403);
  expect((await request(t.app).get('/mission_attendance_days').set(await as('student'))).status).toBe(403);
  const csv = await request(t.app).get('/mission_attendance_days/export.csv').query({ filter: JSON.stringify({ mission_id: m1 }) }).set(await as('sre'));
  expect(csv.text.trim().split('\n')).toHaveLength(rows[0].n + 1);
});

it('assignments: on time, late, missing once the deadline has passed, and grades', async () => {
  const k = t.db.knex;
  const [past] = await k('assignments').insert({ mission_id: m1, number: 50, title: 'Flexbox', deadline: k.raw("now() - interval '1 day'") }).returning('id');
  const [future] = await k('assignments').insert({ mission_id: m1, number: 51, title: 'Grid', deadline: k.raw("now() + interval '3 days'") }).returning('id');
  await k('submissions').insert([
    { assignment_id: past.id, student_id: paired[0], submitted_at: k.raw("now() - interval '2 days'"), grade: 80 },
    { assignment_id: past.id, student_id: paired[1], submitted_at: k.raw("now() - interval '2 days'"), grade: 90 },
    { assignment_id: past.id, student_id: paired[2], submitted_at: k.raw('now()') },
  ]);
  const [report] = await list('assignment_report', { id: [past.id] });
  const enrolled = report.enrolled;
  expect(report).toMatchObject({ on_time: 2, late: 1, submitted: 3, missing: enrolled - 3, graded: 2, deadline_passed: true });
  expect(Number(report.average_grade)).toBe(85);
  const [open] = await list('assignment_report', { id: [future.id] });
  expect(open).toMatchObject({ submitted: 0, missing: null, deadline_passed: false });
  expect((await list('assignment_report', { mission_id: m1 }, 'sre', ['submission_rate', 'ASC']))[0].id).toBe(future.id);
});

it("mentor load: mentees, meetings held, tickets from their mentees and the first answer's delay; a mentor sees only their own", async () => {
  const k = t.db.knex;
  await k('meetings').insert({ mission_id: m1, title: 'Week 1', starts_at: k.raw("now() - interval '2 days'"), created_by: mentor, code_secret: 'x' });
  await k('meetings').insert({ mission_id: m1, title: 'Week 2', starts_at: k.raw("now() + interval '5 days'"), created_by: mentor, code_secret: 'y' });
  const [ticket] = await k('tickets').insert({ student_id: paired[0], recipient: 'mentor', mission_id: m1, subject: 'Help', created_at: k.raw("now() - interval '3 hours'") }).returning('id');
  await k('ticket_messages').insert([
    { ticket_id: ticket.id, author_id: paired[0], body: 'Stuck', created_at: k.raw("now() - interval '3 hours'") },
    { ticket_id: ticket.id, author_id: mentor, body: 'Try this', created_at: k.raw("now() - interval '1 hour'") },
  ]);
  await k('tickets').insert({ student_id: paired[1], recipient: 'mentor', mission_id: m1, subject: 'Unanswered' });
  const [row] = await list('mentor_load', { mentor_id: mentor, mission_id: m1 });
  expect(row).toMatchObject({ mentees: paired.length, meetings_held: 1, meetings_upcoming: 1, tickets_received: 2, tickets_unanswered: 1 });
  expect(Number(row.first_response_hours)).toBe(2);

  const own = await list('mentor_load', {}, 'mentor');
  expect(own.length).toBeGreaterThan(0);
  expect(own.every((r: { mentor_id: number }) => Number(r.mentor_id) === mentor)).toBe(true);
  expect((await list('mentor_load', { mission_id: m1 })).length).toBeGreaterThan(1);
  expect((await request(t.app).get('/mentor_load').query({ sort: '["mentor_email","ASC"]' }).set(await as('manager'))).status).toBe(400);
});
