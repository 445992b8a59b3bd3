import pino from 'pino';
import request from 'supertest';
import { createTestApp, type TestApp } from '../testing/test-app';
import { AppLogSink, pruneAppLogs } from './app-logs';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, { mail: 'outbox' });
});
afterAll(() => t.close());

const as = async (role: Parameters<TestApp['tokenFor']>[0]) => ({ Authorization: `Bearer ${await t.tokenFor(role)}` });

it('keeps 4xx and 5xx lines in app_logs with their route, request id and user; errors carry their message', async () => {
  const missing = await request(t.app).get('/students/999999').set(await as('sre'));
  expect(missing.status).toBe(404);
  await t.db.knex.raw('ALTER TABLE feature_requests RENAME TO feature_requests_away');
  let failed;
  try {
    failed = await request(t.app).get('/feature_requests').set(await as('admin'));
  } finally {
    await t.db.knex.raw('ALTER TABLE feature_requests_away RENAME TO feature_requests');
  }
  expect(failed.status).toBe(500);

  // /ops/errors writes this node's buffered lines first, then reads every node's from the table.
  const recent = await request(t.app).get('/ops/errors').set(await as('developer'));
  expect(recent.body.errors[0]).toMatchObject({ request_id: failed.body.details.requestId, route: '/feature_requests', db_code: '42P01', status: 500, node: expect.any(String) });
  expect(recent.body.errors[0].message).toContain('feature_requests');

  const sre = await t.userId('sre');
  const lines = await request(t.app).get('/app_logs').query({ filter: JSON.stringify({ request_id: missing.headers['x-request-id'] }) }).set(await as('developer'));
  expect(lines.status).toBe(200);
  expect(lines.body).toEqual([expect.objectContaining({ level: 'info', method: 'GET', route: '/students/:id', status: 404, user_id: sre, user_name: expect.any(String) })]);
  const errorsOnly = await request(t.app).get('/app_logs').query({ filter: JSON.stringify({ level: 'error', route: '/feature_requests' }) }).set(await as('admin'));
  expect(errorsOnly.body.map((line: { request_id: string }) => line.request_id)).toContain(failed.body.details.requestId);
  expect((await request(t.app).get('/app_logs').set(await as('manager'))).status).toBe(403);
});

it('writes a crowd of lines as one batch, without making the caller wait', async () => {
  const sink = new AppLogSink(t.db.knex, pino({ level: 'silent' }));
  const started = process.hrtime.bigint();
  for (let i = 0; i < 400; i += 1) sink.write({ level: 'warn', message: `line ${i}`, request_id: 'crowd', method: null, route: null, status: null, duration_ms: null, user_id: null, db_code: null });
  // 400 lines cost the callers no database round trip: they are only appended.
  expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(50);
  expect(await t.db.knex('app_logs').where({ request_id: 'crowd' }).count({ n: '*' })).toEqual([{ n: 0 }]);
  await sink.close();
  expect(await t.db.knex('app_logs').where({ request_id: 'crowd' }).count({ n: '*' })).toEqual([{ n: 400 }]);
});

it('prunes lines older than the retention, keeping the rest', async () => {
  await t.db.knex('app_logs').insert([
    { level: 'info', message: 'old', request_id: 'prune', node: 'test', at: t.db.knex.raw("now() - interval '15 days'") },
    { level: 'info', message: 'recent', request_id: 'prune', node: 'test', at: t.db.knex.raw("now() - interval '13 days'") },
  ]);
  expect(await pruneAppLogs(t.db.knex, 14)).toBe(1);
  expect(await t.db.knex('app_logs').where({ request_id: 'prune' }).pluck('message')).toEqual(['recent']);
  await expect(pruneAppLogs(t.db.knex, -1)).rejects.toThrow(RangeError);
});
