import express from 'express';
import request from 'supertest';
import { createKnex } from '@sms/db';
import { freePort } from '@sms/db/launcher/port';
import { createTestApp, type TestApp } from '../testing/test-app';
import { healthRouter } from './health-routes';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, { mail: 'outbox' });
});
afterAll(() => t.close());

it('tells liveness from readiness, and keeps /health', async () => {
  expect((await request(t.app).get('/health/live')).body).toMatchObject({ status: 'ok' });
  const ready = await request(t.app).get('/health/ready');
  expect(ready.status).toBe(200);
  expect(ready.body).toMatchObject({ status: 'ready', db: 'ok', migrations: 'current' });
  expect((await request(t.app).get('/health')).body).toMatchObject({ status: 'ok', db: 'ok' });
});

it('is not ready while a migration of this build is not applied, and live all the same', async () => {
  const last = (await t.db.knex('knex_migrations').orderBy('id', 'desc').first()) as { id: number; name: string };
  await t.db.knex('knex_migrations').where({ id: last.id }).delete();
  try {
    const ready = await request(t.app).get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ status: 'not_ready', migrations: 'pending', pending: [last.name] });
    expect((await request(t.app).get('/health/live')).status).toBe(200);
  } finally {
    await t.db.knex('knex_migrations').insert({ name: last.name, batch: 1, migration_time: new Date() });
  }
});

it('is not ready, within seconds, when the database is unreachable; live stays 200', async () => {
  const knex = createKnex(`postgres://nobody:nothing@127.0.0.1:${await freePort()}/none`, 1);
  const app = express().use(healthRouter(knex, 'test'));
  try {
    const started = Date.now();
    const ready = await request(app).get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ status: 'not_ready', db: 'unreachable' });
    expect(Date.now() - started).toBeLessThan(5000);
    expect((await request(app).get('/health/live')).status).toBe(200);
  } finally {
    await knex.destroy();
  }
});
