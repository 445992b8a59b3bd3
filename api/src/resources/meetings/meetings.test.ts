import request from 'supertest';
import type { Role } from '../../core/actor';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { currentCode } from './check-in-code';

let t: TestApp;
let m1: number;
let b2m1: number;
beforeAll(async () => {
  t = await createTestApp({}, { cohorts: true });
  const k = t.db.knex;
  m1 = await t.missionId('DEMO-B01', 'M1');
  b2m1 = await t.missionId('DEMO-B02', 'M1');
});
afterAll(() => t.close());

const as = async (role: Role) => ({ Authorization: `Bearer ${await t.tokenFor(role)}` });
const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

async function schedule(fields: Record<string, unknown>, role: Role = 'mentor') {
  return request(t.app).post('/meetings').set(await as(role)).send({ mission_id: m1, title: 'Weekly check-in', duration_minutes: 60, ...fields });
}

it('a mentor schedules meetings only for missions they mentor, and students never see the code secret', async () => {
  const elsewhere = await schedule({ mission_id: b2m1, starts_at: minutesFromNow(0) });
  expect(elsewhere.status).toBe(422);
  expect(elsewhere.body.message).toBe('You can only schedule meetings for missions you mentor.');
  const created = await schedule({ starts_at: minutesFromNow(0), requires_code: true });
  expect(created.status).toBe(201);
  expect(created.body.code_secret).toBeUndefined();
  const seen = await request(t.app).get(`/meetings/${created.body.id}`).set(await as('student'));
  expect(seen.status).toBe(200);
  expect(seen.body.code_secret).toBeUndefined();
  expect((await request(t.app).get(`/meetings/${created.body.id}/code`).set(await as('student'))).status).toBe(403);
});

it('checks in with the code on screen; refuses a wrong or expired code; only once', async () => {
  const meeting = (await schedule({ starts_at: minutesFromNow(-5), requires_code: true })).body;
  const shown = await request(t.app).get(`/meetings/${meeting.id}/code`).set(await as('mentor'));
  expect(shown.body.code).toMatch(/^\d{6}$/);
  const secret = (await t.db.knex('meetings').where({ id: meeting.id }).first('code_secret')).code_secret;
  const expired = currentCode(secret, Date.now() - 120_000).code;
  const wrongCode = shown.body.code === '000000' ? '111111' : '000000';
  for (const code of [wrongCode, expired, undefined]) {
    const refused = await request(t.app).post(`/meetings/${meeting.id}/check-in`).set(await as('student')).send({ code });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toBe('That check-in code is wrong or has expired. Enter the code your mentor is showing now.');
  }
  const ok = await request(t.app).post(`/meetings/${meeting.id}/check-in`).set(await as('student')).send({ code: shown.body.code });
  expect(ok.status).toBe(201);
  expect(ok.body.method).toBe('code');
  const points = await t.db.knex('points_ledger').where({ meeting_attendance_id: ok.body.id }).first('points');
  expect(points.points).toBe(2);
  const twice = await request(t.app).post(`/meetings/${meeting.id}/check-in`).set(await as('student')).send({ code: shown.body.code });
  expect(twice.status).toBe(409);
});

it('refuses check-in outside the window, in the API and in the database', async () => {
  const early = (await schedule({ starts_at: minutesFromNow(30) })).body;
  const tooEarly = await request(t.app).post(`/meetings/${early.id}/check-in`).set(await as('student')).send({});
  expect(tooEarly.status).toBe(422);
  expect(tooEarly.body.message).toBe('Check-in opens 10 minutes before the meeting starts. Come back then.');
  expect(Date.parse(tooEarly.body.details.opens_at)).toBeGreaterThan(Date.now());
  const past = (await schedule({ starts_at: minutesFromNow(-120), duration_minutes: 60 })).body;
  const tooLate = await request(t.app).post(`/meetings/${past.id}/check-in`).set(await as('student')).send({});
  expect(tooLate.status).toBe(422);
  expect(tooLate.body.message).toMatch(/has ended/);
  const student = await t.userId('student');
  await expect(t.db.knex('meeting_attendance').insert({ meeting_id: past.id, student_id: student, method: 'self' })).rejects.toMatchObject({ constraint: 'meeting_attendance_window' });

  // The mentor corrects the sheet by hand for a student who was there; the correction is audited.
  const corrected = await request(t.app).post('/meeting_attendance').set(await as('mentor')).send({ meeting_id: past.id, student_id: student, note: 'Joined by phone' });
  expect(corrected.status).toBe(201);
  expect(corrected.body).toMatchObject({ method: 'manual', marked_by: await t.userId('mentor') });
  expect(await t.db.knex('audit_log').where({ resource: 'meeting_attendance', record_id: String(corrected.body.id) }).count({ n: '*' })).toEqual([{ n: 1 }]);
});

it('a meeting for invited students is invisible and closed to the others', async () => {
  const student = await t.userId('student');
  const invitee = (await t.db.knex('mission_enrolments').where({ mission_id: m1 }).whereNot({ student_id: student }).first('student_id')).student_id;
  const meeting = (await schedule({ starts_at: minutesFromNow(-1), invitee_ids: [invitee] })).body;
  expect(meeting.invitee_count).toBe(1);
  expect((await request(t.app).get(`/meetings/${meeting.id}`).set(await as('student'))).status).toBe(404);
  expect((await request(t.app).post(`/meetings/${meeting.id}/check-in`).set(await as('student')).send({})).status).toBe(404);
});
