import request from 'supertest';
import type { Role } from './actor';
import { createTestApp, type TestApp } from '../testing/test-app';

// Issue 15, items 3, 4 and 8: values are checked by type before any SQL, `range` is two sane whole numbers, every
// body is a JSON object checked by a schema, and nothing is coerced or silently dropped.
let t: TestApp;
let mission: number;
beforeAll(async () => {
  t = await createTestApp({}, { cohorts: true });
  mission = await t.missionId('DEMO-B01', 'M1');
});
afterAll(() => t.close());

const as = async (role: Role) => ({ Authorization: `Bearer ${await t.tokenFor(role)}` });
const DRIVER_TEXT = /select |insert |update |delete |invalid input syntax|out of range for type|violates|relation "|column "|bigint|timestamptz|\$\d|pg_/i;
const list = async (path: string, query: Record<string, unknown>, role: Role = 'admin') =>
  request(t.app)
    .get(path)
    .query(Object.fromEntries(Object.entries(query).map(([key, value]) => [key, JSON.stringify(value)])))
    .set(await as(role));

describe('filter values are checked by the column type before SQL (item 3)', () => {
  it.each([
    ['/users', { id: 1e20 }, /"id" needs an id/],
    ['/users', { id: [1, 'x'] }, /"id" needs an id/],
    ['/users', { id: '1e3' }, /"id" needs an id/],
    ['/users', { created_at_gte: "x' or 1=1" }, /"created_at_gte" needs a date or time/],
    ['/users', { created_at_gte: '2026-02-30' }, /"created_at_gte" needs a date or time/],
    ['/missions', { batch_id: 'abc' }, /"batch_id" needs an id/],
    ['/missions', { starts_on_gte: '2026-13-01' }, /"starts_on_gte" needs a date/],
    ['/student_progress', { points_gte: 'many' }, /"points_gte" needs/],
    ['/students', { mission_id: [1, { $gt: 0 }] }, /"mission_id" needs an id/],
    ['/student_progress', { attendance_rate_lt: '0x1' }, /"attendance_rate_lt" needs a number/],
    ['/student_progress', { last_attended_on_gte: 12 }, /needs a date/],
    ['/mission_attendance_days', { is_today: 'yes' }, /"is_today" needs true or false/],
    ['/batches', { code: 'x'.repeat(600) }, /"code" needs text/],
    ['/batches', { status_in: 'active' }, /needs a list/],
    ['/batches', { q: { a: 1 } }, /needs/],
  ])('%s, filter case %# → 400 with a sentence, no driver text', async (path, filter, message) => {
    const response = await list(path, { filter });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('INVALID_QUERY');
    expect(response.body.message).toMatch(message);
    expect(JSON.stringify(response.body)).not.toMatch(DRIVER_TEXT);
  });

  it('still takes what clients send: numbers as digit strings, booleans as text, dates and instants', async () => {
    for (const filter of [{ id: String(await t.userId('admin')) }, { created_at_gte: '2020-01-01' }, { created_at_lte: '2099-01-01T10:00:00Z' }, { role: ['admin', 'sre'] }]) {
      expect((await list('/users', { filter })).status).toBe(200);
    }
    expect((await list('/mission_attendance_days', { filter: { is_today: 'true', mission_id: mission } })).status).toBe(200);
    expect((await list('/student_progress', { filter: { attendance_rate_lt: '0.5', mission_id: String(mission) } })).status).toBe(200);
  });
});

describe('range is two non-negative safe whole numbers within the cap (item 4)', () => {
  it.each([[[1e300, 1e301]], [[-1, 5]], [[0.5, 3]], [[5, 1]], [['0', '9']], [[0]], [[0, 2 ** 60]]])('range %j → 400', async (range) => {
    const response = await list('/users', { range });
    expect(response.status).toBe(400);
    expect(response.body.message).toMatch(/"range" parameter must look like \[0,24\]/);
    expect(response.headers['content-range']).toBeUndefined();
  });

  it('caps a long page at the page limit', async () => {
    const response = await list('/users', { range: [0, 9_000_000] });
    expect(response.status).toBe(200);
    expect(response.headers['content-range']).toMatch(/^users 0-\d+\/\d+$/);
  });
});

describe('every body is a JSON object checked by a schema (item 4)', () => {
  const routes: [string, string, Role][] = [
    ['post', '/me/calendar-feed', 'student'],
    ['post', '/me/notifications/seen', 'student'],
    ['post', '/attendance', 'student'],
    ['post', '/batches', 'admin'],
    ['post', '/students/actions/enrol?filter={"id":[1]}', 'sre'],
    ['post', '/auth/verify-email', 'student'],
  ];
  it.each(routes)('%s %s refuses an array, a string and null', async (method, path, role) => {
    for (const body of ['[1,2]', '"text"', 'null', '42']) {
      const response = await request(t.app)[method as 'post'](path).set(await as(role)).set('Content-Type', 'application/json').send(body);
      expect(response.status).toBe(400);
      expect(response.body.message).toBe('The request body must be a JSON object of fields, e.g. {"name": "…"}.');
    }
  });

  it('the attendance fast lane refuses the same bodies', async () => {
    const token = await t.tokenFor('student');
    const served = await t.listen();
    try {
      for (const body of ['[3]', 'null', '"3"']) {
        const response = await fetch(`${served.url}/attendance`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body });
        expect(response.status).toBe(400);
        expect(((await response.json()) as { message: string }).message).toMatch(/must be a JSON object/);
      }
    } finally {
      await served.close();
    }
  });
});

describe('strict types: refused with a message, never guessed (item 8)', () => {
  it.each([[true], [[3]], ['0x3'], ['3'], [3.5], [null]])('POST /attendance {mission_id: %j} → 4xx, nothing written', async (value) => {
    const before = await t.db.knex('daily_attendance').count({ n: '*' });
    const response = await request(t.app).post('/attendance').set(await as('student')).send({ mission_id: value });
    expect([400, 422]).toContain(response.status);
    expect(response.body.details.fields?.mission_id ?? response.body.message).toBeTruthy();
    expect(await t.db.knex('daily_attendance').count({ n: '*' })).toEqual(before);
  });

  it('a __proto__ key inside an object field is refused, and the stored value stays as it was', async () => {
    const me = await t.userId('student');
    await t.db.knex('users').where({ id: me }).update({ notification_prefs: JSON.stringify({ email: true }) });
    const response = await request(t.app)
      .put(`/users/${me}`)
      .set(await as('student'))
      .set('Content-Type', 'application/json')
      .send('{"notification_prefs": {"__proto__": {"email": false}, "digest": true}}');
    expect(response.status).toBe(400);
    expect(response.body.message).toBe('The key "__proto__" is not allowed (in "notification_prefs").');
    expect((await t.db.knex('users').where({ id: me }).first('notification_prefs')).notification_prefs).toEqual({ email: true });
    for (const field of ['feature_flags', 'email_templates']) {
      const settings = await request(t.app).put('/settings/1').set(await as('admin')).set('Content-Type', 'application/json').send(`{"${field}": {"__proto__": {"x": true}}}`);
      expect(settings.status).toBe(400);
    }
  });

  it('numbers in other bodies are JSON numbers too (a capacity, a grade, an id list)', async () => {
    const batch = await request(t.app).post('/batches').set(await as('admin')).send({ code: 'STRICT-1', title: 'Strict', starts_on: '2027-01-01', ends_on: '2027-03-01', capacity: '0x10' });
    expect(batch.status).toBe(422);
    expect(batch.body.details.fields).toHaveProperty('capacity');
    const enrol = await request(t.app).post('/students/actions/enrol').query({ filter: JSON.stringify({ id: [await t.userId('student')] }) }).set(await as('sre')).send({ mission_id: [mission] });
    expect(enrol.status).toBe(422);
    const ok = await request(t.app).post('/batches').set(await as('admin')).send({ code: 'STRICT-2', title: 'Strict', starts_on: '2027-01-01', ends_on: '2027-03-01', capacity: 16 });
    expect(ok.status).toBe(201);
  });
});
