import request from 'supertest';
import type { Role } from '../../core/actor';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../../testing/test-app';

let t: TestApp;
let m1: number;
let student: number;

const as = async (role: Role) => ({ Authorization: `Bearer ${await t.tokenFor(role)}` });

beforeAll(async () => {
  t = await createTestApp({}, { cohorts: true });
  const k = t.db.knex;
  m1 = await t.missionId('DEMO-B01', 'M1');
  student = await t.userId('student');
  const mentor = await t.userId('mentor');
  await k('meetings').insert({ mission_id: m1, title: 'Weekly sync', starts_at: k.raw("now() + interval '2 days'"), created_by: mentor, code_secret: 's' });
  // A meeting for a subset that leaves the demo student out.
  const [privateMeeting] = await k('meetings').insert({ mission_id: m1, title: 'Small group', starts_at: k.raw("now() + interval '3 days'"), created_by: mentor, code_secret: 't' }).returning('id');
  const other = await k('mission_enrolments').where({ mission_id: m1 }).whereNot({ student_id: student }).first('student_id');
  await k('meeting_invitees').insert({ meeting_id: privateMeeting.id, student_id: other.student_id });
  const [late] = await k('assignments').insert({ mission_id: m1, number: 7, title: 'Forms', deadline: k.raw("now() - interval '1 day'") }).returning('id');
  await k('assignments').insert({ mission_id: m1, number: 8, title: 'Tables', deadline: k.raw("now() + interval '4 days'") });
  await k('submissions').insert({ assignment_id: late.id, student_id: student, submitted_at: k.raw('now()') });
  await k('daily_attendance').insert({ student_id: student, mission_id: m1 });
});
afterAll(() => t.close());

it("a student's calendar: their meetings, deadlines with their status, their check-ins, grouped by their local day", async () => {
  const res = await request(t.app).get('/me/calendar').set(await as('student'));
  expect(res.status).toBe(200);
  const titles = res.body.events.map((e: { title: string }) => e.title);
  expect(titles).toContain('Weekly sync');
  expect(titles).not.toContain('Small group');
  expect(res.body.events.find((e: { title: string }) => e.title === 'Due: #7 Forms')).toMatchObject({ kind: 'deadline', status: 'late' });
  expect(res.body.events.find((e: { title: string }) => e.title === 'Due: #8 Tables')).toMatchObject({ status: null });
  const checkIn = res.body.events.find((e: { kind: string }) => e.kind === 'attendance');
  expect(checkIn).toMatchObject({ all_day: true, status: 'submitted', time: null });
  const days = res.body.events.map((e: { day: string }) => e.day);
  expect([...days].sort()).toEqual(days);
});

it("a mentor's calendar has every meeting and deadline of their missions; other roles and bad ranges are refused clearly", async () => {
  const mentor = await request(t.app).get('/me/calendar').set(await as('mentor'));
  expect(mentor.body.events.map((e: { title: string }) => e.title)).toEqual(expect.arrayContaining(['Weekly sync', 'Small group', 'Due: #8 Tables']));
  expect((await request(t.app).get('/me/calendar').set(await as('sre'))).status).toBe(403);
  const backwards = await request(t.app).get('/me/calendar').query({ from: '2026-02-01', to: '2026-01-01' }).set(await as('student'));
  expect(backwards.status).toBe(400);
  expect(backwards.body.message).toMatch(/"from" on or before "to"/);
  expect((await request(t.app).get('/me/calendar').query({ from: '2026-01-01', to: '2027-01-01' }).set(await as('student'))).body.message).toMatch(/at most 120 days/);
  expect((await request(t.app).get('/me/calendar').query({ from: 'soon' }).set(await as('student'))).status).toBe(400);
});

it('a private iCal feed: works without a session, a new link retires the old one, and a banned student loses it', async () => {
  const headers = await as('student');
  const first = await request(t.app).post('/me/calendar-feed').set(headers);
  expect(first.status).toBe(201);
  const path = new URL(first.body.url).pathname;
  const feed = await request(t.app).get(path);
  expect(feed.status).toBe(200);
  expect(feed.headers['content-type']).toMatch(/text\/calendar/);
  expect(feed.text).toContain('BEGIN:VCALENDAR');
  expect(feed.text).toContain('SUMMARY:Weekly sync');
  expect(feed.text).not.toContain('Small group');
  const { rows } = await t.db.knex.raw(`SELECT to_char(local_date, 'YYYYMMDD') AS day FROM daily_attendance WHERE student_id = ?`, [student]);
  expect(feed.text).toContain(`DTSTART;VALUE=DATE:${rows[0].day}`);

  const second = await request(t.app).post('/me/calendar-feed').set(headers);
  expect((await request(t.app).get(path)).status).toBe(404);
  const secondPath = new URL(second.body.url).pathname;
  expect((await request(t.app).get(secondPath)).status).toBe(200);
  expect((await request(t.app).get('/calendar/not-a-real-feed-token-at-all.ics')).status).toBe(404);
  expect(await t.db.knex('audit_log').where({ resource: 'calendar_feeds' }).count<{ count: string }[]>('id as count')).toEqual([{ count: 2 }]);

  await t.db.knex('students').where({ id: student }).update({ status: 'banned', status_reason: 'Plagiarism' });
  expect((await request(t.app).get(secondPath)).status).toBe(404);
  await t.db.knex('students').where({ id: student }).update({ status: 'active', status_reason: null });
  // The ban ended the student's sessions too: sign in again to turn the feed off.
  const signedIn = await request(t.app).post('/auth/token').send({ email: 'student@example.com', password: DEMO_PASSWORD });
  expect((await request(t.app).delete('/me/calendar-feed').set({ Authorization: `Bearer ${signedIn.body.token}` })).status).toBe(200);
  expect((await request(t.app).get(secondPath)).status).toBe(404);
});
