import request from 'supertest';
import type { Role } from '../../core/actor';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
let mission: number;
beforeAll(async () => {
  t = await createTestApp({}, { cohorts: true });
  const k = t.db.knex;
  mission = await t.missionId('DEMO-B02', 'M2');
  // Start from an unpaired mission with one capped mentor.
  await k('mentor_pairings').where({ mission_id: mission }).delete();
  const first = await k('mission_mentors').where({ mission_id: mission }).orderBy('mentor_id').first('id');
  await k('mission_mentors').where({ id: first.id }).update({ capacity: 10 });
});
afterAll(() => t.close());

const as = async (role: Role) => ({ Authorization: `Bearer ${await t.tokenFor(role)}` });

it('previews an even spread within capacity, writing nothing, then applies exactly that', async () => {
  const preview = await request(t.app).get(`/missions/${mission}/auto-pair`).set(await as('sre'));
  expect(preview.status).toBe(200);
  expect(preview.body.unpaired).toBe(250);
  expect(preview.body.assignments).toHaveLength(250);
  const after = preview.body.mentors.map((m: { load_after: number }) => m.load_after);
  expect(after[0]).toBe(10); // the capped mentor stops at capacity
  const others = after.slice(1);
  expect(Math.max(...others) - Math.min(...others)).toBeLessThanOrEqual(1);
  expect(await t.db.knex('mentor_pairings').where({ mission_id: mission }).count({ n: '*' })).toEqual([{ n: 0 }]);

  const applied = await request(t.app).post(`/missions/${mission}/auto-pair`).set(await as('sre'));
  expect(applied.body.paired).toBe(250);
  expect(applied.body.assignments).toEqual(preview.body.assignments);
  expect(await t.db.knex('mentor_pairings').where({ mission_id: mission }).count({ n: '*' })).toEqual([{ n: 250 }]);
  const again = await request(t.app).post(`/missions/${mission}/auto-pair`).set(await as('sre'));
  expect(again.body.paired).toBe(0);
});

it('is for SREs and admins only, and a mission outside the scope is 404', async () => {
  expect((await request(t.app).get(`/missions/${mission}/auto-pair`).set(await as('manager'))).status).toBe(403);
  expect((await request(t.app).post(`/missions/${mission}/auto-pair`).set(await as('mentor'))).status).toBe(403);
  expect((await request(t.app).get('/missions/999999/auto-pair').set(await as('sre'))).status).toBe(404);
});
