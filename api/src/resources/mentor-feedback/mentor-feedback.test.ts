import request from 'supertest';
import type { Role } from '../../core/actor';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
let m1: number;
let past: number;
let future: number;
let skipped: number;

const as = async (role: Role) => ({ Authorization: `Bearer ${await t.tokenFor(role)}` });
const rate = async (meeting_id: number, rating: unknown, comment = '') => request(t.app).post('/mentor_feedback').set(await as('student')).send({ meeting_id, rating, comment });

beforeAll(async () => {
  t = await createTestApp({}, { cohorts: true });
  const k = t.db.knex;
  m1 = await t.missionId('DEMO-B01', 'M1');
  const mentor = await t.userId('mentor');
  const student = await t.userId('student');
  const meeting = (title: string, starts: string) => k('meetings').insert({ mission_id: m1, title, starts_at: k.raw(starts), created_by: mentor, code_secret: title }).returning('id').then(([row]) => row.id);
  past = await meeting('Week 1', "now() - interval '2 hours'");
  future = await meeting('Week 9', "now() + interval '5 days'");
  skipped = await meeting('Week 2', "now() - interval '1 hour'");
  await k('meeting_attendance').insert({ meeting_id: past, student_id: student, checked_in_at: k.raw("now() - interval '110 minutes'") });
  await k('meeting_attendance').insert({ meeting_id: future, student_id: student, method: 'manual', marked_by: mentor });
});
afterAll(() => t.close());

it('a student rates a meeting they attended, once; the mentor sees the rating but not who gave it', async () => {
  const given = await rate(past, 4, 'Clear examples, a bit fast');
  expect(given.status).toBe(201);
  expect(given.body).toMatchObject({ rating: 4, mentor_name: 'Mahin Ahmed', meeting_title: 'Week 1' });
  const again = await rate(past, 5);
  expect(again.status).toBe(409);
  expect(again.body.message).toBe('You already rated this meeting.');

  const seen = await request(t.app).get('/mentor_feedback').set(await as('mentor'));
  expect(seen.body).toHaveLength(1);
  expect(seen.body[0]).toMatchObject({ rating: 4, comment: 'Clear examples, a bit fast' });
  expect(seen.body[0]).not.toHaveProperty('student_id');
  expect(seen.body[0]).not.toHaveProperty('student_name');
  expect((await request(t.app).get('/mentor_feedback').set(await as('manager'))).body[0].student_name).toBeTruthy();
  const [load] = (await request(t.app).get('/mentor_load').query({ filter: JSON.stringify({ mission_id: m1, mentor_id: await t.userId('mentor') }) }).set(await as('manager'))).body;
  expect(load).toMatchObject({ ratings: 1 });
  expect(Number(load.average_rating)).toBe(4);
});

it('refuses a meeting the student missed, one not begun, and a rating off the scale, with reasons', async () => {
  expect((await rate(skipped, 3)).body.message).toBe('You can rate a meeting you checked in to.');
  expect((await rate(future, 3)).body.message).toBe('You can rate a meeting once it has begun.');
  const off = await rate(past, 6);
  expect(off.status).toBe(422);
  expect(off.body.message).toBe('Choose 1 to 5 stars.');
  expect((await request(t.app).post('/mentor_feedback').set(await as('mentor')).send({ meeting_id: past, rating: 5 })).status).toBe(403);
});

it("a mission's guidelines are stored as markdown and served as sanitised HTML to its students", async () => {
  const saved = await request(t.app)
    .put(`/missions/${m1}`)
    .set(await as('manager'))
    .send({ guidelines_md: "## Do\n- Submit **every day**\n\n## Don't\n- Share answers <script>alert(1)</script>" });
  expect(saved.status).toBe(200);
  const mission = (await request(t.app).get(`/missions/${m1}`).set(await as('student'))).body;
  expect(mission.guidelines_html).toContain('<h2>Do</h2>');
  expect(mission.guidelines_html).toContain('<strong>every day</strong>');
  expect(mission.guidelines_html).not.toMatch(/<script/i);
});
