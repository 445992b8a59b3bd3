import { performance } from 'node:perf_hooks';
import type { Knex } from 'knex';
import pino from 'pino';
import request from 'supertest';
import { createKnex } from '@sms/db';
import { seedDemoIfEmpty } from '@sms/db/seeds/seed-demo';
import { startPrivatePostgres, type PrivatePostgres } from '@sms/db/testing/private-postgres';
import { createApp, type ApiListener } from '../app';
import { loadConfig } from '../config';
import { recentErrors } from '../ops/recent-errors';
import { DEMO_PASSWORD } from '../testing/test-app';

// A real PostgreSQL of this test's own, stopped under the running app and started again.
let pg: PrivatePostgres;
let knex: Knex;
let app: ApiListener;
let student: { Authorization: string };
let mission: number;

beforeAll(async () => {
  pg = await startPrivatePostgres();
  knex = createKnex(pg.url, 5);
  await seedDemoIfEmpty(knex);
  app = createApp({ config: loadConfig({ NODE_ENV: 'test', DATABASE_URL: pg.url, LOG_LEVEL: 'silent' }), knex, logger: pino({ level: 'silent' }) });
  const signedIn = await request(app).post('/auth/token').send({ email: 'student@example.com', password: DEMO_PASSWORD });
  expect(signedIn.status).toBe(200);
  student = { Authorization: `Bearer ${signedIn.body.token}` };
  const [row] = await knex('missions').join('batches', 'batches.id', 'missions.batch_id').where({ 'batches.code': 'DEMO-B01', 'missions.code': 'M1' }).select('missions.id');
  mission = row.id;
}, 120_000);

afterAll(async () => {
  await knex?.destroy();
  await pg?.destroy();
});

it('answers 503 with Retry-After and a retryable message within 5 s while the database is stopped, records no error, and recovers without a restart', async () => {
  expect((await request(app).get('/auth/me').set(student)).status).toBe(200);
  const errorsBefore = recentErrors().total;
  await pg.stop();
  const calls: [string, () => request.Test][] = [
    ['GET /auth/me', () => request(app).get('/auth/me').set(student)],
    ['GET /batches', () => request(app).get('/batches').set(student)],
    ['POST /attendance (fast lane)', () => request(app).post('/attendance').set(student).send({ mission_id: mission })],
    ['POST /auth/token', () => request(app).post('/auth/token').send({ email: 'student@example.com', password: DEMO_PASSWORD })],
    ['GET /health', () => request(app).get('/health')],
  ];
  for (const [name, call] of calls) {
    const started = performance.now();
    const response = await call();
    const ms = performance.now() - started;
    expect({ name, status: response.status }).toEqual({ name, status: 503 });
    expect(ms).toBeLessThan(5000);
    if (name === 'GET /health') continue;
    expect(response.headers['retry-after']).toBe('5');
    expect(response.body).toMatchObject({ code: 'DATABASE_UNAVAILABLE', message: expect.stringMatching(/^The database is not reachable right now, so nothing was saved or read\. Try again in 5 seconds/) });
  }
  expect(recentErrors().total).toBe(errorsBefore);

  await pg.start();
  expect((await request(app).get('/auth/me').set(student)).status).toBe(200);
  const submitted = await request(app).post('/attendance').set(student).send({ mission_id: mission });
  expect(submitted.status).toBe(201);
  expect(await knex('daily_attendance').where({ id: submitted.body.id })).toHaveLength(1);
  expect(recentErrors().total).toBe(errorsBefore);
});
