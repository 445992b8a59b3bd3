import request from 'supertest';
import type { Role } from '../core/actor';
import { createTestApp, type TestApp } from '../testing/test-app';

// The database's rules for cohorts, as a person meets them through the API.
let t: TestApp;
let batch2Student: number;
let m1: number;
let b1: number;
let b2: number;

beforeAll(async () => {
  t = await createTestApp({}, { cohorts: true });
  const k = t.db.knex;
  b1 = (await k('batches').where({ code: 'DEMO-B01' }).first('id')).id;
  b2 = (await k('batches').where({ code: 'DEMO-B02' }).first('id')).id;
  m1 = (await k('missions').where({ batch_id: b1, code: 'M1' }).first('id')).id;
  batch2Student = (await k('batch_enrolments').where({ batch_id: b2 }).first('student_id')).student_id;
});
afterAll(() => t.close());

const as = async (role: Role) => ({ Authorization: `Bearer ${await t.tokenFor(role)}` });
const auditRows = async () => Number((await t.db.knex('audit_log').count({ n: '*' }))[0].n);

it("refuses an enrolment in a mission of a batch the student is not in, with a clear message", async () => {
  const headers = await as('sre');
  const before = await auditRows();
  const response = await request(t.app).post('/mission_enrolments').set(headers).send({ mission_id: m1, student_id: batch2Student });
  expect(response.status).toBe(422);
  expect(response.body.message).toBe("This student is not in the mission's batch. Add them to the batch first.");
  expect(await auditRows()).toBe(before);
});

it('refuses a duplicate enrolment with 409', async () => {
  const student = await t.userId('student');
  const response = await request(t.app).post('/mission_enrolments').set(await as('sre')).send({ mission_id: m1, student_id: student });
  expect(response.status).toBe(409);
  expect(response.body.message).toBe('This student is already enrolled in this mission.');
});

it('refuses a pairing with a mentor who is not on the mission', async () => {
  const student = await t.userId('student');
  const outsider = (await t.db.knex('users').where('email', 'like', 'demo.mentor.b2.%').first('id')).id;
  const response = await request(t.app).post('/mentor_pairings').set(await as('sre')).send({ mission_id: m1, student_id: student, mentor_id: outsider });
  expect(response.status).toBe(422);
  expect(response.body.message).toBe('That mentor is not assigned to this mission. A manager must add them to the mission first.');
});

it('refuses a pairing beyond the mentor’s capacity on the mission', async () => {
  const mentor = await t.userId('mentor');
  await t.db.knex('mission_mentors').where({ mission_id: m1, mentor_id: mentor }).update({ capacity: 25 });
  const free = await t.db.knex('mission_enrolments').where({ mission_id: m1 }).whereNotIn('student_id', t.db.knex('mentor_pairings').select('student_id').where({ mission_id: m1, mentor_id: mentor })).first('student_id');
  const response = await request(t.app).post('/mentor_pairings').set(await as('sre')).send({ mission_id: m1, student_id: free.student_id, mentor_id: mentor });
  expect(response.status).toBe(422);
  expect(response.body.message).toMatch(/at capacity/);
  await t.db.knex('mission_mentors').where({ mission_id: m1, mentor_id: mentor }).update({ capacity: 60 });
});

it('refuses assigning a non-mentor to a mission, and a batch with its end before its start', async () => {
  const sre = await t.userId('sre');
  const notMentor = await request(t.app).post('/mission_mentors').set(await as('manager')).send({ mission_id: m1, mentor_id: sre });
  expect(notMentor.status).toBe(422);
  expect(notMentor.body.message).toBe('Only an account with the mentor role can be assigned to a mission.');
  const dates = await request(t.app).post('/batches').set(await as('manager')).send({ code: 'X-1', title: 'X', starts_on: '2026-05-01', ends_on: '2026-04-01' });
  expect(dates.status).toBe(422);
  expect(dates.body.message).toBe('The end date must be on or after the start date.');
  const code = await request(t.app).post('/batches').set(await as('manager')).send({ code: 'DEMO-B01', title: 'X', starts_on: '2026-05-01', ends_on: '2026-06-01' });
  expect(code.status).toBe(409);
  expect(code.body.message).toBe('A batch with this code already exists. Choose another code.');
});

it('asks for a reason when a student is banned, and records who and when', async () => {
  const headers = await as('sre');
  const noReason = await request(t.app).put(`/students/${batch2Student}`).set(headers).send({ status: 'banned' });
  expect(noReason.status).toBe(422);
  expect(noReason.body.details.fields.status_reason).toBeDefined();
  const banned = await request(t.app).put(`/students/${batch2Student}`).set(headers).send({ status: 'banned', status_reason: 'Plagiarism in mission 1' });
  expect(banned.status).toBe(200);
  expect(banned.body).toMatchObject({ status: 'banned', status_reason: 'Plagiarism in mission 1', status_changed_by: await t.userId('sre') });
  const restored = await request(t.app).put(`/students/${batch2Student}`).set(headers).send({ status: 'active' });
  expect(restored.body).toMatchObject({ status: 'active', status_reason: null });
});

it('an SRE creates a student, who is invited by email and shows up with their user fields', async () => {
  const response = await request(t.app).post('/students').set(await as('sre')).send({ name: 'Jamil Hasan', email: 'Jamil@Example.org', phone: '+8801711222333', address: 'Dhaka' });
  expect(response.status).toBe(201);
  expect(response.body).toMatchObject({ name: 'Jamil Hasan', email: 'jamil@example.org', phone: '+8801711222333', address: 'Dhaka', status: 'active' });
  expect(await t.db.knex('outbox_messages').where({ to: 'jamil@example.org' }).count({ n: '*' })).toEqual([{ n: 1 }]);
  const duplicate = await request(t.app).post('/students').set(await as('sre')).send({ name: 'Again', email: 'jamil@example.org' });
  expect(duplicate.status).toBe(409);
});

it('bulk-changes exactly the students matching a filter and audits each of them', async () => {
  const headers = await as('sre');
  const filter = { batch_id: b2, q: 'Rahim' };
  const matching = await request(t.app).get('/students').query({ filter: JSON.stringify(filter), range: '[0,999]' }).set(headers);
  const expected: number[] = matching.body.map((s: { id: number }) => s.id).sort();
  expect(expected.length).toBeGreaterThan(5);
  const before = await auditRows();
  const response = await request(t.app).put('/students').query({ filter: JSON.stringify(filter) }).set(headers).send({ status: 'delisted', status_reason: 'Did not start the course' });
  expect(response.status).toBe(200);
  expect([...response.body].sort()).toEqual(expected);
  const delisted = await t.db.knex('students').where({ status: 'delisted' }).pluck('id');
  expect(delisted.sort()).toEqual(expected);
  const audits = await t.db.knex('audit_log').where({ resource: 'students', action: 'update' }).andWhere('id', '>', before).pluck('record_id');
  expect(audits.map(Number).sort()).toEqual(expected);
});
