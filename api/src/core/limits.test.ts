import pino from 'pino';
import request from 'supertest';
import { createApp, type ApiListener } from '../app';
import { loadConfig } from '../config';
import { createTestApp, DEMO_PASSWORD, emailOf, type TestApp } from '../testing/test-app';
import { currentCode } from '../resources/meetings/check-in-code';

// Two API nodes on one database: every limit is counted in the database, never in one process's memory.
let t: TestApp;
let other: ApiListener;

const nodeOn = (testApp: TestApp, env: Record<string, string> = {}) =>
  createApp({
    config: loadConfig({ NODE_ENV: 'test', DATABASE_URL: testApp.db.url, LOG_LEVEL: 'silent', WRITE_LIMIT_PER_USER: '1000000', WRITE_LIMIT_PER_ADDRESS: '1000000', ...env }),
    knex: testApp.db.knex,
    logger: pino({ level: 'silent' }),
  });

beforeAll(async () => {
  t = await createTestApp({}, { cohorts: true, mail: 'outbox' });
  other = nodeOn(t);
});
afterAll(() => t.close());

it('five failed sign-ins spread over two nodes lock the account on both', async () => {
  const email = emailOf('sre');
  const nodes = [t.app, other];
  for (let i = 0; i < 5; i += 1) {
    const failed = await request(nodes[i % 2]).post('/auth/token').send({ email, password: `wrong-${i}-password` });
    expect(failed.status).toBe(401);
  }
  for (const node of nodes) {
    const locked = await request(node).post('/auth/token').send({ email, password: DEMO_PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.body.message).toMatch(/^Too many failed sign-ins\. Try again in 1[45] minutes\.$/);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
  }
  const { rows } = await t.db.knex.raw(`SELECT key FROM rate_limits WHERE key = ?`, [`login_email:${email}`]);
  expect(rows).toHaveLength(1);
});

it('wrong check-in codes are throttled per student, across nodes: 60 in a row are not all 422, and the right code waits out the block', async () => {
  const mission = await t.missionId('DEMO-B01', 'M1');
  const mentor = { Authorization: `Bearer ${await t.tokenFor('mentor')}` };
  const student = { Authorization: `Bearer ${await t.tokenFor('student')}` };
  const meeting = await request(t.app).post('/meetings').set(mentor).send({ mission_id: mission, title: 'Guessing', duration_minutes: 60, starts_at: new Date(Date.now() - 60_000).toISOString(), requires_code: true });
  expect(meeting.status).toBe(201);
  const { code_secret: secret } = await t.db.knex('meetings').where({ id: meeting.body.id }).first('code_secret');
  const right = () => currentCode(secret).code;
  const statuses: number[] = [];
  let blocked: request.Response | undefined;
  for (let guess = 0; guess < 60; guess += 1) {
    let code = String(guess).padStart(6, '0');
    if (code === right() || code === currentCode(secret, Date.now() - 30_000).code) code = '999999';
    const answer = await request(guess % 2 ? other : t.app).post(`/meetings/${meeting.body.id}/check-in`).set(student).send({ code });
    statuses.push(answer.status);
    if (answer.status === 429) blocked ??= answer;
  }
  expect(statuses.slice(0, 5)).toEqual([422, 422, 422, 422, 422]);
  expect(statuses.slice(5).every((status) => status === 429)).toBe(true);
  expect(blocked!.body.message).toMatch(/^Too many wrong check-in codes, so check-in is paused for you for 1[45] minutes\. Ask your mentor to mark you present/);
  expect(Number(blocked!.headers['retry-after'])).toBeGreaterThan(800);
  // The right code is refused on both nodes until the block ends…
  for (const node of [t.app, other]) {
    const refused = await request(node).post(`/meetings/${meeting.body.id}/check-in`).set(student).send({ code: right() });
    expect(refused.status).toBe(429);
  }
  expect(await t.db.knex('meeting_attendance').where({ meeting_id: meeting.body.id })).toHaveLength(0);
  // …and accepted once it has (the block's row expired).
  await t.db.knex('rate_limits').where('key', 'like', 'checkin_%').update({ expire: Date.now() - 1 });
  const accepted = await request(other).post(`/meetings/${meeting.body.id}/check-in`).set(student).send({ code: right() });
  expect(accepted.status).toBe(201);
});

it('limits writes per user and per address with 429, Retry-After and a message a person can act on; reads are not counted', async () => {
  const limited = nodeOn(t, { WRITE_LIMIT_PER_USER: '3', WRITE_LIMIT_PER_ADDRESS: '5', WRITE_LIMIT_WINDOW_SECONDS: '60' });
  const limitedToo = nodeOn(t, { WRITE_LIMIT_PER_USER: '3', WRITE_LIMIT_PER_ADDRESS: '5', WRITE_LIMIT_WINDOW_SECONDS: '60' });
  const student = { Authorization: `Bearer ${await t.tokenFor('student')}` };
  // The earlier tests' writes counted in the same shared window (on nodes with high limits).
  await t.db.knex('rate_limits').where('key', 'like', 'write_%').delete();
  const write = (node: ApiListener, ip = '203.0.113.7') => request(node).post('/me/notifications/seen').set(student).set('X-Forwarded-For', ip).send({});
  for (let i = 0; i < 10; i += 1) expect((await request(limited).get('/auth/me').set(student).set('X-Forwarded-For', '203.0.113.7')).status).toBe(200);
  const firstThree = [await write(limited), await write(limitedToo), await write(limited)];
  expect(firstThree.map((r) => r.status).every((status) => status < 400)).toBe(true);
  const overUser = await write(limitedToo);
  expect(overUser.status).toBe(429);
  expect(overUser.body.code).toBe('RATE_LIMITED');
  expect(overUser.body.message).toMatch(/^You have made more than 3 changes in 1 minute, so we paused saving for a moment\. Wait (\d+ seconds?|1 minute) and try again; nothing you saved before is lost\.$/);
  expect(Number(overUser.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  expect(Number(overUser.headers['retry-after'])).toBeLessThanOrEqual(60);
  // The address: another user from the same network is stopped at its limit (5, one of them the refused write above).
  const mentor = { Authorization: `Bearer ${await t.tokenFor('mentor')}` };
  // (a mentor may not mark a student's notifications seen: counted all the same, refused by its route, not the limit)
  expect((await request(limited).post('/me/notifications/seen').set(mentor).set('X-Forwarded-For', '203.0.113.7').send({})).status).toBe(403);
  const overAddress = await request(limitedToo).post('/me/notifications/seen').set(mentor).set('X-Forwarded-For', '203.0.113.7').send({});
  expect(overAddress.status).toBe(429);
  expect(overAddress.body.message).toMatch(/^More than 5 changes came from your network in 1 minute/);
  // The attendance fast lane counts too.
  const attendance = await request(limited).post('/attendance').set(student).set('X-Forwarded-For', '198.51.100.1').send({ mission_id: await t.missionId('DEMO-B01', 'M1') });
  expect(attendance.status).toBe(429);
});
