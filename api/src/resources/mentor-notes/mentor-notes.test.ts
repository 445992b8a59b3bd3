import request from 'supertest';
import type { Role } from '../../core/actor';
import { createTestApp, type TestApp } from '../../testing/test-app';

// A note belongs to a mission: mentors read the notes of the missions they mentor that student on; SREs,
// managers and admins read all of them (PRODUCT.md, F).
let t: TestApp;
let student: number;
let m1: number;
let m2: number;
let onM1: number;
let onM2: number;

beforeAll(async () => {
  t = await createTestApp({}, { cohorts: true });
  const k = t.db.knex;
  const mentor = await t.userId('mentor');
  [m1, m2] = await k('missions').join('batches', 'batches.id', 'missions.batch_id').where('batches.code', 'DEMO-B01').orderBy('position').limit(2).pluck('missions.id');
  // A student the demo mentor mentors on M1 only; someone else mentors them on M2.
  const pairing = await k('mentor_pairings as p')
    .join('mentor_pairings as q', function onOther() {
      this.on('q.student_id', 'p.student_id').andOn('q.mission_id', k.raw('?', [m2]));
    })
    .where({ 'p.mentor_id': mentor, 'p.mission_id': m1 })
    .whereNot('q.mentor_id', mentor)
    .whereNotExists(k('mentor_pairings as r').whereRaw('r.student_id = p.student_id').andWhere({ 'r.mission_id': m2, 'r.mentor_id': mentor }))
    .first('p.student_id', 'q.mentor_id as other_mentor');
  student = pairing.student_id;
  [{ id: onM1 }, { id: onM2 }] = await k('mentor_notes')
    .insert([
      { student_id: student, mission_id: m1, author_id: pairing.other_mentor, body: 'Note on M1 by a co-mentor' },
      { student_id: student, mission_id: m2, author_id: pairing.other_mentor, body: 'Note on M2, private to its mentors' },
    ])
    .returning('id');
});
afterAll(() => t.close());

const as = async (role: Role) => ({ Authorization: `Bearer ${await t.tokenFor(role)}` });

it("a mentor reads and lists only the notes of the missions they mentor that student on", async () => {
  const headers = await as('mentor');
  const list = await request(t.app).get('/mentor_notes').query({ filter: JSON.stringify({ student_id: student }) }).set(headers);
  expect(list.status).toBe(200);
  expect(list.body.map((note: { id: number }) => note.id)).toEqual([onM1]);
  expect((await request(t.app).get(`/mentor_notes/${onM1}`).set(headers)).status).toBe(200);
  expect((await request(t.app).get(`/mentor_notes/${onM2}`).set(headers)).status).toBe(404);
  const search = await request(t.app).get('/mentor_notes').query({ filter: JSON.stringify({ q: 'private to its mentors' }) }).set(headers);
  expect(search.body).toEqual([]);
  const csv = await request(t.app).get('/mentor_notes/export.csv').set(headers);
  expect(csv.text).not.toContain('Note on M2');
});

it('SREs, managers and admins read every note', async () => {
  for (const role of ['sre', 'manager', 'admin'] as Role[]) {
    const list = await request(t.app).get('/mentor_notes').query({ filter: JSON.stringify({ student_id: student }) }).set(await as(role));
    expect(list.body.map((note: { id: number }) => note.id).sort()).toEqual([onM1, onM2].sort());
  }
});

it('a note names its mission, one the mentor mentors that student on', async () => {
  const headers = await as('mentor');
  const without = await request(t.app).post('/mentor_notes').set(headers).send({ student_id: student, body: 'No mission' });
  expect(without.status).toBe(422);
  expect(without.body.details.fields).toHaveProperty('mission_id');
  const otherMission = await request(t.app).post('/mentor_notes').set(headers).send({ student_id: student, mission_id: m2, body: 'On a mission I do not mentor them on' });
  expect(otherMission.status).toBe(404);
  const mine = await request(t.app).post('/mentor_notes').set(headers).send({ student_id: student, mission_id: m1, body: 'Mine, on M1' });
  expect(mine.status).toBe(201);
  expect(mine.body.mission_code).toBe('M1');
  const moved = await request(t.app).put(`/mentor_notes/${mine.body.id}`).set(headers).send({ mission_id: m2 });
  expect(moved.status).toBe(404);
  await expect(t.db.knex('mentor_notes').insert({ student_id: student, author_id: await t.userId('mentor'), body: 'x' })).rejects.toThrow(/mentor_notes_mission_given/);
});
