import request from 'supertest';
import type { Role } from '../../core/actor';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
let m1: number;
let student: number;
let otherStudent: number;

const as = async (role: Role) => ({ Authorization: `Bearer ${await t.tokenFor(role)}` });

beforeAll(async () => {
  t = await createTestApp({}, { cohorts: true });
  const k = t.db.knex;
  m1 = await t.missionId('DEMO-B01', 'M1');
  student = await t.userId('student');
  otherStudent = (await k('mission_enrolments').where({ mission_id: m1 }).whereNotIn('student_id', k('mentor_pairings').where({ mentor_id: await t.userId('mentor') }).select('student_id')).first('student_id')).student_id;
  // Eight days in a row, a gap, then two more: the longest run is eight.
  await k.raw(
    `INSERT INTO daily_attendance (student_id, mission_id, submitted_at)
     SELECT ?, ?, now() - make_interval(days => d) FROM generate_series(1, 11) d WHERE d <> 3`,
    [student, m1],
  );
});
afterAll(() => t.close());

it('streak badges come from the longest run of consecutive days', async () => {
  const [mine] = (await request(t.app).get('/student_achievements').query({ filter: JSON.stringify({ mission_id: m1 }) }).set(await as('student'))).body;
  expect(mine).toMatchObject({ longest_streak: 8, streak_7: true, streak_30: false, all_on_time: false });
  expect((await request(t.app).get('/student_achievements').set(await as('student'))).body.every((r: { student_id: number }) => Number(r.student_id) === student)).toBe(true);
});

it("mentors give shout-outs to their own students only; the student sees theirs", async () => {
  const given = await request(t.app).post('/shoutouts').set(await as('mentor')).send({ student_id: student, mission_id: m1, badge: 'great_progress', message: 'Eight days straight!' });
  expect(given.status).toBe(201);
  expect((await request(t.app).post('/shoutouts').set(await as('mentor')).send({ student_id: otherStudent, badge: 'helpful' })).status).toBe(404);
  const bad = await request(t.app).post('/shoutouts').set(await as('mentor')).send({ student_id: student, badge: 'genius' });
  expect(bad.status).toBe(422);
  expect(bad.body.message).toMatch(/Choose a badge/);
  const seen = await request(t.app).get('/shoutouts').set(await as('student'));
  expect(seen.body).toMatchObject([{ badge: 'great_progress', giver_name: 'Mahin Ahmed', message: 'Eight days straight!' }]);
  expect((await request(t.app).post('/shoutouts').set(await as('student')).send({ student_id: student, badge: 'helpful' })).status).toBe(403);
});

it('certificates go to completed enrolments only, once; download as PDF; anyone can verify the code', async () => {
  const named = await request(t.app).post('/certificates/issue').set(await as('manager')).send({ mission_id: m1, student_ids: [student] });
  expect(named.status).toBe(422);
  expect(named.body.message).toMatch(/mark the enrolment completed first/);
  await t.db.knex('mission_enrolments').where({ mission_id: m1, student_id: student }).update({ status: 'completed' });
  const issued = await request(t.app).post('/certificates/issue').set(await as('manager')).send({ mission_id: m1 });
  expect(issued.status).toBe(201);
  expect(issued.body).toMatchObject({ issued: 1, already: 0 });
  expect(issued.body.not_completed).toBeGreaterThan(0);
  expect((await request(t.app).post('/certificates/issue').set(await as('manager')).send({ mission_id: m1 })).body).toMatchObject({ issued: 0, already: 1 });
  expect((await request(t.app).post('/certificates/issue').set(await as('mentor')).send({ mission_id: m1 })).status).toBe(403);

  const [certificate] = (await request(t.app).get('/certificates').set(await as('student'))).body;
  expect(certificate).toMatchObject({ student_name: 'Sakib Hossain', points: 10, mission_title: expect.stringContaining('Mission 1') });
  expect(certificate.code).toMatch(/^[A-Z0-9]{12}$/);
  const pdf = await request(t.app).get(`/certificates/${certificate.id}/pdf`).set(await as('student')).buffer(true);
  expect(pdf.status).toBe(200);
  expect(pdf.headers['content-type']).toBe('application/pdf');
  expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
  const verified = await request(t.app).get(`/certificates/verify/${certificate.code.toLowerCase()}`);
  expect(verified.body).toMatchObject({ valid: true, student_name: 'Sakib Hossain' });
  expect((await request(t.app).get('/certificates/verify/NOTACODE0000')).status).toBe(404);
  const audited = await t.db.knex('audit_log').where({ resource: 'certificates', action: 'create' }).count<{ count: string }[]>('id as count');
  expect(Number(audited[0].count)).toBe(1);
});
