import request from 'supertest';
import type { Role } from '../../core/actor';
import { createTestApp, type TestApp } from '../../testing/test-app';

// Dates against their parents, and status from the dates (migration 20261206140100_check_cohort_dates).
let t: TestApp;
let batch: { id: number; starts_on: string; ends_on: string };
let m1: number;

const as = async (role: Role) => ({ Authorization: `Bearer ${await t.tokenFor(role)}` });
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const ymd = (value: unknown) => (value instanceof Date ? value.toISOString() : String(value)).slice(0, 10);

beforeAll(async () => {
  t = await createTestApp({}, { cohorts: true });
  const row = await t.db.knex('batches').where({ code: 'DEMO-B01' }).first('id', t.db.knex.raw("to_char(starts_on, 'YYYY-MM-DD') AS starts_on"), t.db.knex.raw("to_char(ends_on, 'YYYY-MM-DD') AS ends_on"));
  batch = { id: Number(row.id), starts_on: row.starts_on, ends_on: row.ends_on };
  m1 = await t.missionId('DEMO-B01', 'M1');
});
afterAll(() => t.close());

it('refuses a mission dated outside its batch, and a batch that would shrink past one of its missions', async () => {
  const before = new Date(Date.parse(batch.starts_on) - 86_400_000).toISOString().slice(0, 10);
  const res = await request(t.app).post('/missions').set(await as('manager')).send({ batch_id: batch.id, code: 'EARLY', title: 'Too early', starts_on: before, ends_on: batch.ends_on });
  expect(res.status).toBe(422);
  expect(res.body.message).toBe("A mission runs within its batch's dates: choose a start and end inside the batch's.");
  expect(await t.db.knex('missions').where({ code: 'EARLY' }).first()).toBeUndefined();

  const shrink = await request(t.app).put(`/batches/${batch.id}`).set(await as('manager')).send({ ends_on: day(1) });
  expect(shrink.status).toBe(422);
  expect(shrink.body.message).toMatch(/^A mission of this batch would fall outside these dates/);
});

it('refuses an assignment due before its mission starts or after it ends, and a mission moved past one', async () => {
  const mission = await t.db.knex('missions').where({ id: m1 }).first(t.db.knex.raw("to_char(starts_on, 'YYYY-MM-DD') AS starts_on"), t.db.knex.raw("to_char(ends_on, 'YYYY-MM-DD') AS ends_on"));
  const early = new Date(`${mission.starts_on}T00:00:00+06:00`).getTime() - 3600_000;
  const late = new Date(`${mission.ends_on}T23:59:00+06:00`).getTime() + 3600_000;
  for (const deadline of [early, late]) {
    const res = await request(t.app).post('/assignments').set(await as('sre')).send({ mission_id: m1, number: 90, title: 'Out of range', deadline: new Date(deadline).toISOString() });
    expect(res.status).toBe(422);
    expect(res.body.message).toBe("The deadline must fall within the mission's dates (in the batch's time zone).");
  }
  // The last minute of the mission's last local day is fine.
  const ok = await request(t.app).post('/assignments').set(await as('sre')).send({ mission_id: m1, number: 91, title: 'Last day', deadline: `${mission.ends_on}T23:59:00+06:00` });
  expect(ok.status).toBe(201);
  const moved = await request(t.app).put(`/missions/${m1}`).set(await as('manager')).send({ ends_on: day(0) });
  expect(moved.status).toBe(422);
  expect(moved.body.message).toBe('An assignment of this mission is due outside these dates. Move its deadline first.');
});

it('derives status from the dates unless archived or cancelled, in the batch’s zone', async () => {
  const create = async (code: string, starts_on: string, ends_on: string, status?: string) =>
    request(t.app).post('/missions').set(await as('manager')).send({ batch_id: batch.id, code, title: code, starts_on, ends_on, ...(status ? { status } : {}) });
  const upcoming = await create('SOON', day(3), day(10), 'active');
  expect(upcoming.status).toBe(201);
  expect(upcoming.body.status).toBe('upcoming'); // the dates win over a contradicting status
  expect((await create('NOW', day(-1), day(5))).body.status).toBe('active');
  const cancelled = await create('OFF', day(-1), day(5), 'cancelled');
  expect(cancelled.body.status).toBe('cancelled');
  // Cancelled back to "follow the dates".
  const back = await request(t.app).put(`/missions/${cancelled.body.id}`).set(await as('manager')).send({ status: 'upcoming' });
  expect(back.body.status).toBe('active');

  // The demo's second batch began ten days ago: active, as its running mission.
  const b02 = await request(t.app).get('/batches').query({ filter: JSON.stringify({ code: 'DEMO-B02' }) }).set(await as('manager'));
  expect(b02.body[0].status).toBe('active');

  // A stored status a day behind (as at midnight) reads right, and the refresh brings the column in line.
  await t.db.knex.raw(`ALTER TABLE missions DISABLE TRIGGER missions_derive_status`);
  await t.db.knex('missions').where({ id: upcoming.body.id }).update({ starts_on: day(-2) });
  await t.db.knex.raw(`ALTER TABLE missions ENABLE TRIGGER missions_derive_status`);
  expect((await t.db.knex('missions').where({ id: upcoming.body.id }).first('status')).status).toBe('upcoming');
  expect((await request(t.app).get(`/missions/${upcoming.body.id}`).set(await as('manager'))).body.status).toBe('active');
  expect(ymd((await t.db.knex('missions').where({ id: upcoming.body.id }).first('starts_on')).starts_on)).toBe(day(-2));
  const { rows } = await t.db.knex.raw('SELECT refresh_cohort_statuses() AS n');
  expect(rows[0].n).toBeGreaterThanOrEqual(1);
  expect((await t.db.knex('missions').where({ id: upcoming.body.id }).first('status')).status).toBe('active');
});
