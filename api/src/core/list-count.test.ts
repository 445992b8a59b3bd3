import request from 'supertest';
import type { Role } from './actor';
import { createTestApp, type TestApp } from '../testing/test-app';

// Totals without waste: a count-only request reads no page, a count leaves out joins that only add columns,
// a big table's unfiltered total is the planner's estimate (said so in the headers), and exports stream.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, { cohorts: true });
});
afterAll(async () => {
  delete process.env.LIST_ESTIMATE_ABOVE;
  await t.close();
});

const as = async (role: Role) => ({ Authorization: `Bearer ${await t.tokenFor(role)}` });
const total = (res: request.Response) => res.headers['content-range']?.split('/').pop();

it('range=[0,-1] (perPage 0) answers the total alone; [0,0] is the first row', async () => {
  const [{ n }] = await t.db.knex('students').where({ status: 'active' }).count({ n: '*' });
  const res = await request(t.app).get('/students').query({ filter: JSON.stringify({ status: 'active' }), range: '[0,-1]' }).set(await as('sre'));
  expect(res.status).toBe(200);
  expect(res.body).toEqual([]);
  expect(total(res)).toBe(String(n));
  const first = await request(t.app).get('/students').query({ filter: JSON.stringify({ status: 'active' }), range: '[0,0]' }).set(await as('sre'));
  expect(first.body).toHaveLength(1);
  expect(total(first)).toBe(String(n));
  const page = await request(t.app).get('/students').query({ filter: JSON.stringify({ status: 'active' }), range: '[0,1]' }).set(await as('sre'));
  expect(page.body).toHaveLength(2);
  expect(total(page)).toBe(String(n));
});

it('counts students of a batch without the users join, the same as with it', async () => {
  const batch = await t.db.knex('batches').where({ code: 'DEMO-B01' }).first('id');
  const { rows } = await t.db.knex.raw(
    `SELECT count(*)::int AS n FROM students s JOIN users u ON u.id = s.id WHERE s.id IN (SELECT student_id FROM batch_enrolments WHERE batch_id = ?)`,
    [batch.id],
  );
  const res = await request(t.app).get('/students').query({ filter: JSON.stringify({ batch_id: batch.id }), range: '[0,4]' }).set(await as('sre'));
  expect(total(res)).toBe(String(rows[0].n));
  // A search by name needs the join: counted with it.
  const named = await request(t.app).get('/students').query({ filter: JSON.stringify({ q: 'a' }), range: '[0,4]' }).set(await as('sre'));
  const { rows: like } = await t.db.knex.raw(`SELECT count(*)::int AS n FROM students s JOIN users u ON u.id = s.id WHERE u.name ILIKE '%a%' OR u.email ILIKE '%a%' OR u.phone ILIKE '%a%'`);
  expect(total(named)).toBe(String(like[0].n));
});

it("a big table's unfiltered total is an estimate, marked as one; a filtered total is exact", async () => {
  process.env.LIST_ESTIMATE_ABOVE = '5';
  await as('admin');
  await t.db.knex('audit_log').insert(Array.from({ length: 40 }, (_, i) => ({ action: 'create', resource: 'notes', record_id: String(i) })));
  await t.db.knex.raw('ANALYZE audit_log');
  const res = await request(t.app).get('/audit_log').query({ range: '[0,9]', sort: JSON.stringify(['at', 'DESC']) }).set(await as('admin'));
  expect(res.status).toBe(200);
  expect(res.headers['content-range']).toMatch(/^audit_log 0-\d+\/\*$/);
  expect(Number(res.headers['x-total-estimate'])).toBeGreaterThanOrEqual(5);
  const filtered = await request(t.app).get('/audit_log').query({ filter: JSON.stringify({ resource: 'users' }), range: '[0,9]' }).set(await as('admin'));
  expect(total(filtered)).toMatch(/^\d+$/);
  expect(filtered.headers['x-total-estimate']).toBeUndefined();
  delete process.env.LIST_ESTIMATE_ABOVE;
});

it('exports stream every row (uncapped), and an empty export is its header', async () => {
  const [{ n }] = await t.db.knex('students').count({ n: '*' });
  const csv = await request(t.app).get('/students/export.csv').set(await as('sre'));
  expect(csv.status).toBe(200);
  expect(csv.headers['content-type']).toMatch(/text\/csv/);
  const lines = csv.text.trim().split('\n');
  expect(lines).toHaveLength(Number(n) + 1);
  expect(lines[0].split(',')).toEqual(expect.arrayContaining(['id', 'name', 'email']));
  const empty = await request(t.app).get('/students/export.csv').query({ filter: JSON.stringify({ status: 'banned', q: 'nobody-by-this-name' }) }).set(await as('sre'));
  expect(empty.text.trim()).toBe('id');
  const audit = await t.db.knex('audit_log').where({ action: 'export', resource: 'students' }).orderBy('id', 'desc').first('after');
  expect(audit.after.rows).toBe(Number(n));
});
