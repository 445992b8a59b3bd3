import request from 'supertest';
import { DEMO_PASSWORD } from '@sms/db/seeds/demo-accounts';
import { createTestApp, type TestApp } from '../testing/test-app';

// POST /attendance is served by the fast lane for bearer JSON requests; these check it keeps every rule of the
// Express path: headers, error shape, audit context, standing, and that browsers' cookie requests still meet CSRF.
let t: TestApp;
let mission: number;
beforeAll(async () => {
  t = await createTestApp({}, { cohorts: true });
  const batch = (await t.db.knex('batches').where({ code: 'DEMO-B01' }).first('id')).id;
  mission = (await t.db.knex('missions').where({ batch_id: batch, code: 'M1' }).first('id')).id;
});
afterAll(() => t.close());

const bearer = async () => ({ Authorization: `Bearer ${await t.tokenFor('student')}` });

it('answers with the same request id, security, cache and CORS headers as the rest of the API, and audits with them', async () => {
  const response = await request(t.app)
    .post('/attendance')
    .set(await bearer())
    .set('Origin', 'http://portal.test')
    .set('X-Request-Id', 'req-fast-1')
    .set('X-Forwarded-For', '203.0.113.9')
    .set('User-Agent', 'phone-browser')
    .send({ mission_id: mission, note: 'Read the chapter on flexbox' });
  expect(response.status).toBe(201);
  expect(response.headers).toMatchObject({
    'x-request-id': 'req-fast-1',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'access-control-allow-origin': 'http://portal.test',
    'content-type': 'application/json; charset=utf-8',
  });
  expect(response.headers['content-security-policy']).toBeDefined();
  const audit = await t.db.knex('audit_log').where({ resource: 'daily_attendance', record_id: String(response.body.id) }).first();
  expect(audit).toMatchObject({ action: 'create', actor_user_id: await t.userId('student'), request_id: 'req-fast-1', user_agent: 'phone-browser', ip: '203.0.113.9' });
});

it('refuses bad input with the one error shape and writes nothing', async () => {
  const before = await t.db.knex('daily_attendance').count({ n: '*' });
  const broken = await request(t.app).post('/attendance').set(await bearer()).set('Content-Type', 'application/json').send('{"mission_id": ');
  expect(broken.status).toBe(400);
  expect(broken.body).toMatchObject({ code: 'INVALID_INPUT', message: 'The request body is not valid JSON.' });
  const huge = await request(t.app).post('/attendance').set(await bearer()).send({ mission_id: mission, note: 'x'.repeat(70_000) });
  expect(huge.status).toBe(413);
  expect(huge.body.message).toBe('The request body is too large.');
  const noMission = await request(t.app).post('/attendance').set(await bearer()).send({ note: 'hi' });
  expect(noMission.status).toBe(422);
  expect(noMission.body.code).toBe('VALIDATION_FAILED');
  expect(noMission.body.message).toMatch(/Choose a mission/);
  const signedOut = await request(t.app).post('/attendance').set('Authorization', 'Bearer not-a-session').send({ mission_id: mission });
  expect(signedOut.status).toBe(401);
  expect(signedOut.body).toMatchObject({ code: 'UNAUTHENTICATED', message: 'Your session has ended. Please sign in again.' });
  expect(await t.db.knex('daily_attendance').count({ n: '*' })).toEqual(before);
});

it("leaves cookie sessions to Express, where a write without the form's CSRF token is refused", async () => {
  const login = await request(t.app).post('/auth/login').send({ email: 'student@example.com', password: DEMO_PASSWORD });
  const cookie = ([] as string[]).concat(login.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).find((c) => c.startsWith('sms_session='));
  expect(cookie).toBeDefined();
  const response = await request(t.app).post('/attendance').set('Cookie', cookie!).send({ mission_id: mission });
  expect(response.status).toBe(403);
  expect(response.body.code).toBe('CSRF_FAILED');
});

it('closes attendance to a banned student, with the reason', async () => {
  const student = await t.userId('student');
  await t.db.knex('students').where({ id: student }).update({ status: 'banned', status_reason: 'Plagiarism' });
  const signIn = await request(t.app).post('/auth/token').send({ email: 'student@example.com', password: DEMO_PASSWORD });
  expect(signIn.status).toBe(200);
  const response = await request(t.app).post('/attendance').set('Authorization', `Bearer ${signIn.body.token}`).send({ mission_id: mission });
  expect(response.status).toBe(403);
  expect(response.body).toMatchObject({ code: 'ACCOUNT_SUSPENDED', message: expect.stringMatching(/Your account is banned/) });
});
