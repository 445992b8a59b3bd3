import request from 'supertest';
import type { Role } from '../../core/actor';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
let b1: number;
let b2: number;
let b2m1: number;
let b1m3: number;
beforeAll(async () => {
  t = await createTestApp({}, { cohorts: true });
  const k = t.db.knex;
  b1 = (await k('batches').where({ code: 'DEMO-B01' }).first('id')).id;
  b2 = (await k('batches').where({ code: 'DEMO-B02' }).first('id')).id;
  b2m1 = (await k('missions').where({ batch_id: b2, code: 'M1' }).first('id')).id;
  b1m3 = (await k('missions').where({ batch_id: b1, code: 'M3' }).first('id')).id;
});
afterAll(() => t.close());

const as = async (role: Role) => ({ Authorization: `Bearer ${await t.tokenFor(role)}` });
const action = async (name: string, filter: object, body: object, role: Role = 'sre') =>
  request(t.app).post(`/students/actions/${name}`).query({ filter: JSON.stringify(filter) }).set(await as(role)).send(body);

it('enrols every student matching a filter in a mission, adding them to its batch, and is idempotent', async () => {
  const filter = { batch_id: b1, q: 'Karim' };
  const first = await action('enrol', filter, { mission_id: b2m1 });
  expect(first.status).toBe(200);
  expect(first.body.matched).toBeGreaterThan(5);
  expect(first.body).toMatchObject({ enrolled: first.body.matched, added_to_batch: first.body.matched, already_enrolled: 0 });
  const again = await action('enrol', filter, { mission_id: b2m1 });
  expect(again.body).toMatchObject({ enrolled: 0, already_enrolled: first.body.matched, added_to_batch: 0 });
  const audited = await t.db.knex('audit_log').where({ resource: 'mission_enrolments', action: 'create' }).count({ n: '*' });
  expect(audited).toEqual([{ n: first.body.matched }]);
});

it('refuses, writing nothing, when students are outside the batch and adding them was not asked for', async () => {
  const before = await t.db.knex('mission_enrolments').count({ n: '*' });
  const response = await action('enrol', { batch_id: b1, q: 'Ayesha' }, { mission_id: b2m1, add_to_batch: false });
  expect(response.status).toBe(422);
  expect(response.body.message).toMatch(/^\d+ of the \d+ students in this change are not in this mission's batch\. Add them to the batch first\.$/);
  expect(await t.db.knex('mission_enrolments').count({ n: '*' })).toEqual(before);
});

it('pairs selected students with a mentor of the mission, and refuses a mentor from elsewhere', async () => {
  const mentor = await t.userId('mentor');
  const ids = await t.db.knex('mission_enrolments').where({ mission_id: b1m3 }).orderBy('student_id').limit(5).pluck('student_id');
  const refused = await action('pair', { id: ids }, { mission_id: b1m3, mentor_id: mentor });
  expect(refused.status).toBe(422);
  expect(refused.body.message).toMatch(/not assigned to this mission/);
  await request(t.app).post('/mission_mentors').set(await as('manager')).send({ mission_id: b1m3, mentor_id: mentor });
  const paired = await action('pair', { id: ids }, { mission_id: b1m3, mentor_id: mentor });
  expect(paired.body).toEqual({ matched: 5, paired: 5, already_paired: 0 });
});

it('moves students between batches, ending their old missions and pairings, all audited', async () => {
  const ids = await t.db.knex('users').where('email', 'like', 'demo.student.b2.%').orderBy('id').limit(3).pluck('id');
  const response = await action('move-batch', { id: ids }, { from_batch_id: b2, to_batch_id: b1 });
  expect(response.status).toBe(200);
  expect(response.body).toMatchObject({ matched: 3, moved: 3, mission_enrolments_ended: 9 });
  expect(await t.db.knex('batch_enrolments').whereIn('student_id', ids).pluck('batch_id')).toEqual([b1, b1, b1]);
  const wrongFrom = await action('move-batch', { id: ids }, { from_batch_id: b2, to_batch_id: b1 });
  expect(wrongFrom.status).toBe(422);
});

it('is refused to roles that may not make the change, and needs a filter', async () => {
  expect((await action('enrol', { id: [1] }, { mission_id: b2m1 }, 'manager')).status).toBe(403);
  expect((await action('pair', { id: [1] }, { mission_id: b2m1, mentor_id: 1 }, 'mentor')).status).toBe(403);
  const noFilter = await request(t.app).post('/students/actions/enrol').set(await as('sre')).send({ mission_id: b2m1 });
  expect(noFilter.status).toBe(400);
});
