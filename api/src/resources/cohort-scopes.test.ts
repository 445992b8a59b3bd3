import request from 'supertest';
import type { Role } from '../core/actor';
import { createTestApp, type TestApp } from '../testing/test-app';

// Who sees and changes which students, enrolments and pairings: the scope table for the cohort resources.
let t: TestApp;
let ids: {
  mentor: number;
  student: number;
  mentorStudent: number; // paired with the demo mentor on mission 1 only
  otherStudent: number; // paired only with other mentors
  m1: number;
  m2: number;
};

beforeAll(async () => {
  t = await createTestApp({}, { cohorts: true });
  const k = t.db.knex;
  const mentor = await t.userId('mentor');
  const [m1, m2] = await k('missions').join('batches', 'batches.id', 'missions.batch_id').where('batches.code', 'DEMO-B01').orderBy('position').limit(2).pluck('missions.id');
  const m1Only = await k('mentor_pairings as p')
    .where({ 'p.mentor_id': mentor, 'p.mission_id': m1 })
    .whereNotExists(k('mentor_pairings as q').whereRaw('q.student_id = p.student_id').andWhere({ 'q.mission_id': m2, 'q.mentor_id': mentor }))
    .first('p.student_id');
  const other = await k('students').whereNotIn('id', k('mentor_pairings').select('student_id').where({ mentor_id: mentor })).first('id');
  ids = { mentor, student: await t.userId('student'), mentorStudent: m1Only.student_id, otherStudent: other.id, m1, m2 };
});
afterAll(() => t.close());

const as = async (role: Role) => ({ Authorization: `Bearer ${await t.tokenFor(role)}` });
const total = (response: request.Response) => Number(String(response.headers['content-range']).split('/')[1]);
const enrolmentId = async (studentId: number, missionId: number) =>
  (await t.db.knex('mission_enrolments').where({ student_id: studentId, mission_id: missionId }).first('id')).id as number;

describe('students', () => {
  const expected: Record<Role, { list: number | 'all'; readOther: number; update: number }> = {
    admin: { list: 'all', readOther: 200, update: 200 },
    sre: { list: 'all', readOther: 200, update: 200 },
    manager: { list: 'all', readOther: 200, update: 403 },
    developer: { list: 'all', readOther: 200, update: 403 },
    mentor: { list: 25, readOther: 404, update: 403 },
    student: { list: 1, readOther: 404, update: 403 },
  };
  it.each(Object.entries(expected))('%s: list, read, update, delete', async (role, rule) => {
    const headers = await as(role as Role);
    const all = Number((await t.db.knex('students').count({ n: '*' }))[0].n);
    const list = await request(t.app).get('/students').set(headers);
    expect(list.status).toBe(200);
    expect(total(list)).toBe(rule.list === 'all' ? all : rule.list);
    expect((await request(t.app).get(`/students/${ids.otherStudent}`).set(headers)).status).toBe(rule.readOther);
    const update = await request(t.app).put(`/students/${ids.mentorStudent}`).set(headers).send({ address: `Updated by ${role}` });
    expect(update.status).toBe(role === 'mentor' ? 403 : rule.update);
    expect((await request(t.app).delete(`/students/${ids.mentorStudent}`).set(headers)).status).toBe(403);
  });

  it("a mentor's list is exactly the students they are paired with, and they read one of them", async () => {
    const response = await request(t.app).get('/students').query({ range: '[0,99]' }).set(await as('mentor'));
    const paired = await t.db.knex('mentor_pairings').where({ mentor_id: ids.mentor }).distinct('student_id').pluck('student_id');
    expect(response.body.map((s: { id: number }) => s.id).sort()).toEqual([...paired].sort());
    expect((await request(t.app).get(`/students/${ids.mentorStudent}`).set(await as('mentor'))).status).toBe(200);
  });

  it('a mentor gets 404 for a student paired with another mentor', async () => {
    const headers = await as('mentor');
    const read = await request(t.app).get(`/students/${ids.otherStudent}`).set(headers);
    expect(read.status).toBe(404);
    expect(read.body.name).toBeUndefined();
  });

  it('shows contact details only to roles that need them', async () => {
    for (const role of ['manager', 'developer'] as Role[]) {
      const list = await request(t.app).get('/students').set(await as(role));
      expect(list.body[0]).not.toHaveProperty('phone');
      expect(list.body[0]).not.toHaveProperty('address');
      expect(list.body[0]).not.toHaveProperty('email');
      const one = await request(t.app).get(`/students/${ids.student}`).set(await as(role));
      expect(one.body).not.toHaveProperty('phone');
      expect(one.body).not.toHaveProperty('email');
      const csv = await request(t.app).get('/students/export.csv').set(await as(role));
      expect(csv.text.split('\n')[0]).not.toMatch(/phone|address|\bemail\b/);
    }
    for (const role of ['admin', 'sre', 'mentor', 'student'] as Role[]) {
      const one = await request(t.app).get(`/students/${ids.student}`).set(await as(role));
      expect(one.status).toBe(200);
      expect(one.body.phone).toBe('+8801700000000');
    }
  });

  it('filters by batch, mission, mentor and search', async () => {
    const headers = await as('sre');
    const byMentor = await request(t.app).get('/students').query({ filter: JSON.stringify({ mentor_id: ids.mentor }) }).set(headers);
    expect(total(byMentor)).toBe(25);
    const byMission = await request(t.app).get('/students').query({ filter: JSON.stringify({ mission_id: ids.m1 }) }).set(headers);
    expect(total(byMission)).toBe(251);
    const search = await request(t.app).get('/students').query({ filter: JSON.stringify({ q: 'student@example' }) }).set(headers);
    expect(search.body.map((s: { email: string }) => s.email)).toEqual(['student@example.com']);
    const byPhone = { filter: JSON.stringify({ q: '+8801700000000' }) };
    expect(total(await request(t.app).get('/students').query(byPhone).set(headers))).toBe(1);
    // Managers don't see phone numbers, so they can't find students by one either.
    expect(total(await request(t.app).get('/students').query(byPhone).set(await as('manager')))).toBe(0);
  });
});

describe('mission enrolments', () => {
  it("a mentor lists exactly their pairings and gets 404 on their own student's enrolment in a mission they are not paired on", async () => {
    const headers = await as('mentor');
    const list = await request(t.app).get('/mission_enrolments').set(headers);
    expect(total(list)).toBe(Number((await t.db.knex('mentor_pairings').where({ mentor_id: ids.mentor }).count({ n: '*' }))[0].n));
    expect((await request(t.app).get(`/mission_enrolments/${await enrolmentId(ids.mentorStudent, ids.m1)}`).set(headers)).status).toBe(200);
    expect((await request(t.app).get(`/mission_enrolments/${await enrolmentId(ids.mentorStudent, ids.m2)}`).set(headers)).status).toBe(404);
    expect((await request(t.app).get(`/mission_enrolments/${await enrolmentId(ids.otherStudent, ids.m1)}`).set(headers)).status).toBe(404);
    expect((await request(t.app).put(`/mission_enrolments/${await enrolmentId(ids.mentorStudent, ids.m1)}`).set(headers).send({ status: 'withdrawn' })).status).toBe(403);
    expect((await request(t.app).delete(`/mission_enrolments/${await enrolmentId(ids.mentorStudent, ids.m1)}`).set(headers)).status).toBe(403);
  });

  it.each([
    ['student', 200, 2, 404, 403],
    ['manager', 200, 1502, 200, 403],
    ['developer', 200, 1502, 200, 403],
    ['sre', 200, 1502, 200, 200],
    ['admin', 200, 1502, 200, 200],
  ] as const)('%s: list %i with %i rows, read another %i, update %i', async (role, listStatus, rows, readOther, update) => {
    const headers = await as(role);
    const list = await request(t.app).get('/mission_enrolments').set(headers);
    expect(list.status).toBe(listStatus);
    expect(total(list)).toBe(rows);
    const other = await enrolmentId(ids.otherStudent, ids.m1);
    expect((await request(t.app).get(`/mission_enrolments/${other}`).set(headers)).status).toBe(readOther);
    expect((await request(t.app).put(`/mission_enrolments/${other}`).set(headers).send({ status: 'active' })).status).toBe(update);
  });

  it('a student reads only their own enrolments', async () => {
    const own = await request(t.app).get('/mission_enrolments').set(await as('student'));
    expect(own.body.every((row: { student_id: number }) => row.student_id === ids.student)).toBe(true);
  });
});

describe('mentor pairings', () => {
  it.each([
    ['mentor', 38, 404, 403],
    ['student', 2, 404, 403],
    ['manager', -1, 200, 403],
    ['developer', -1, 200, 403],
    ['sre', -1, 200, 200],
  ] as const)('%s: lists %i, reads another pairing %i, deletes %i', async (role, rows, readOther, remove) => {
    const headers = await as(role);
    const all = Number((await t.db.knex('mentor_pairings').count({ n: '*' }))[0].n);
    const list = await request(t.app).get('/mentor_pairings').set(headers);
    expect(total(list)).toBe(rows === -1 ? all : rows);
    const other = await t.db.knex('mentor_pairings').where({ student_id: ids.otherStudent }).first('id', 'mission_id', 'student_id', 'mentor_id');
    expect((await request(t.app).get(`/mentor_pairings/${other.id}`).set(headers)).status).toBe(readOther);
    const deleted = await request(t.app).delete(`/mentor_pairings/${other.id}`).set(headers);
    expect(deleted.status).toBe(remove);
    if (deleted.status === 200) await t.db.knex('mentor_pairings').insert({ mission_id: other.mission_id, student_id: other.student_id, mentor_id: other.mentor_id });
  });
});

describe('mentors directory', () => {
  it('managers and SREs list mentor accounts with their load; no password or private fields; mentors and students cannot', async () => {
    const list = await request(t.app).get('/mentors').query({ range: '[0,99]' }).set(await as('manager'));
    expect(list.status).toBe(200);
    expect(total(list)).toBe(13);
    const demo = list.body.find((m: { id: number }) => m.id === ids.mentor);
    expect(demo).toMatchObject({ name: 'Mahin Ahmed', mission_count: 2, pairing_count: 38 });
    // Managers choose mentors by name and load; contact details are for the roles that need them (core/contacts.ts).
    expect(Object.keys(demo).sort()).toEqual(['avatar_url', 'id', 'mission_count', 'name', 'pairing_count', 'status']);
    const forSre = (await request(t.app).get(`/mentors/${ids.mentor}`).set(await as('sre'))).body;
    expect(forSre).toMatchObject({ email: 'mentor@example.com' });
    expect((await request(t.app).get(`/mentors/${await t.userId('sre')}`).set(await as('manager'))).status).toBe(404);
    expect((await request(t.app).get('/mentors').set(await as('mentor'))).status).toBe(403);
    expect((await request(t.app).get('/mentors').set(await as('student'))).status).toBe(403);
  });
});
