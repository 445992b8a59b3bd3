import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';
import request from 'supertest';
import type { Role } from '../../core/actor';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { backoffSeconds, deliverDueWebhooks, MAX_ATTEMPTS, signature } from './webhook-dispatcher';

let t: TestApp;
const as = async (role: Role) => ({ Authorization: `Bearer ${await t.tokenFor(role)}` });

beforeAll(async () => {
  // Deliveries are sent by the test's own calls; the last test starts the job workers to show the queue send them.
  t = await createTestApp({}, { jobs: false });
});
afterAll(() => t.close());

describe('API keys', () => {
  it('an admin makes a key for an SRE integration: shown once, acts as that SRE, revoked by deleting it', async () => {
    const sre = await t.userId('sre');
    const made = await request(t.app).post('/api_keys').set(await as('admin')).send({ name: 'Main platform sync', user_id: sre, expires_in_days: 30 });
    expect(made.status).toBe(201);
    expect(made.body.token).toMatch(/^smsk_[A-Za-z0-9_-]{43}$/);
    expect(made.body.prefix).toBe(made.body.token.slice(0, 12));
    const key = { Authorization: `Bearer ${made.body.token}` };
    const me = await request(t.app).get('/auth/me').set(key);
    expect(me.body).toMatchObject({ email: 'sre@example.com', role: 'sre' });
    // Acting as the SRE: what an SRE may do, and no more.
    expect((await request(t.app).get('/students').set(key)).status).toBe(200);
    expect((await request(t.app).get('/audit_log').set(key)).status).toBe(403);
    const listed = await request(t.app).get('/api_keys').set(await as('admin'));
    expect(listed.body[0]).not.toHaveProperty('token_hash');
    expect(listed.body[0]).not.toHaveProperty('token');
    expect(listed.body[0].last_used_at).not.toBeNull();

    expect((await request(t.app).delete(`/api_keys/${made.body.id}`).set(await as('admin'))).status).toBe(200);
    const revoked = await request(t.app).get('/auth/me').set(key);
    expect(revoked.status).toBe(401);
    expect(revoked.body.message).toMatch(/sign in again/);
  });

  it('developers make keys for themselves only; nobody makes one for a student; others may not make keys', async () => {
    const own = await request(t.app).post('/api_keys').set(await as('developer')).send({ name: 'Grafana' });
    expect(own.status).toBe(201);
    expect((await request(t.app).post('/api_keys').set(await as('developer')).send({ name: 'x', user_id: await t.userId('admin') })).status).toBe(403);
    const student = await request(t.app).post('/api_keys').set(await as('admin')).send({ name: 'x', user_id: await t.userId('student') });
    expect(student.status).toBe(422);
    expect(student.body.message).toMatch(/staff/);
    expect((await request(t.app).post('/api_keys').set(await as('sre')).send({ name: 'x' })).status).toBe(403);
    expect((await request(t.app).post('/api_keys').set(await as('admin')).send({})).body.message).toBe('Name the key after what will use it.');
    // A developer lists only their own keys; a disabled account's keys stop working.
    const mine = await request(t.app).get('/api_keys').set(await as('developer'));
    expect(mine.body.every((k: { user_id: number }) => Number(k.user_id) === own.body.user_id)).toBe(true);
    await t.db.knex('users').where({ id: own.body.user_id }).update({ status: 'disabled' });
    expect((await request(t.app).get('/auth/me').set({ Authorization: `Bearer ${own.body.token}` })).status).toBe(401);
    await t.db.knex('users').where({ id: own.body.user_id }).update({ status: 'active' });
  });
});

describe('webhooks', () => {
  const received: { headers: IncomingMessage['headers']; body: string }[] = [];
  let answer = 200;
  let receiverUrl: string;
  const receiver = createServer(async (req, res) => {
    received.push({ headers: req.headers, body: await text(req) });
    res.writeHead(answer).end();
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  });
  afterAll(() => receiver.close());

  it('an audited change matching a hook is delivered once, signed; a change that rolls back sends nothing', async () => {
    const hook = await request(t.app).post('/webhooks').set(await as('admin')).send({ url: receiverUrl, resources: ['batches'], actions: ['create'] });
    expect(hook.status).toBe(201);
    expect(hook.body.secret).toHaveLength(32);
    const batch = await request(t.app).post('/batches').set(await as('manager')).send({ code: 'HOOK-1', title: 'Hooked', starts_on: '2027-01-01', ends_on: '2027-06-01', timezone: 'Asia/Dhaka' });
    expect(batch.status).toBe(201);
    // Not subscribed: updates, and other resources.
    await request(t.app).put(`/batches/${batch.body.id}`).set(await as('manager')).send({ title: 'Renamed' });
    // Refused (and rolled back): a duplicate code.
    expect((await request(t.app).post('/batches').set(await as('manager')).send({ code: 'HOOK-1', title: 'Again', starts_on: '2027-01-01', ends_on: '2027-06-01' })).status).toBe(409);

    expect(await deliverDueWebhooks(t.db.knex)).toBe(1);
    expect(await deliverDueWebhooks(t.db.knex)).toBe(0);
    expect(received).toHaveLength(1);
    const [sent] = received;
    expect(sent.headers['x-sms-event']).toBe('batches.create');
    expect(sent.headers['x-sms-signature']).toBe(signature(hook.body.secret, sent.body));
    expect(JSON.parse(sent.body)).toMatchObject({ event: 'batches.create', resource: 'batches', action: 'create', record_id: String(batch.body.id), after: { code: 'HOOK-1' } });
    const [delivery] = (await request(t.app).get('/webhook_deliveries').set(await as('admin'))).body;
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 1, response_status: 200 });
  });

  it("a developer's hook carries no student's contact details (item 9); an admin's does", async () => {
    // (The developer's account was disabled above, so their hook is written directly.)
    const [mine] = await t.db.knex('webhooks').insert({ url: receiverUrl, secret: 'd'.repeat(32), resources: ['students'], actions: ['update'], created_by: await t.userId('developer') }).returning('id');
    const admins = await request(t.app).post('/webhooks').set(await as('admin')).send({ url: `${receiverUrl}?admin`, resources: ['students'], actions: ['update'] });
    expect(admins.status).toBe(201);
    const student = await t.userId('student');
    expect((await request(t.app).put(`/students/${student}`).set(await as('sre')).send({ phone: '+8801799999999', address: 'Road 5' })).status).toBe(200);
    received.length = 0;
    await deliverDueWebhooks(t.db.knex);
    expect(received).toHaveLength(2);
    const bodies = received.map((r) => r.body);
    const forDeveloper = bodies.find((body) => !body.includes('+8801799999999'));
    expect(forDeveloper).toBeDefined();
    expect(forDeveloper).not.toMatch(/Road 5|student@example\.com/);
    expect(bodies.filter((body) => body.includes('+8801799999999'))).toHaveLength(1);
    await t.db.knex('webhooks').whereIn('id', [mine.id, admins.body.id]).update({ active: false });
  });

  it('a failing receiver is retried with growing waits, gives up after the last attempt, and can be retried by hand', async () => {
    answer = 500;
    received.length = 0;
    await request(t.app).post('/batches').set(await as('manager')).send({ code: 'HOOK-2', title: 'Failing', starts_on: '2027-01-01', ends_on: '2027-06-01' });
    expect(await deliverDueWebhooks(t.db.knex)).toBe(1);
    const [pending] = await t.db.knex('webhook_deliveries').where({ status: 'pending' });
    expect(pending).toMatchObject({ attempts: 1, response_status: 500, last_error: 'answered 500' });
    expect(new Date(pending.next_attempt_at).getTime()).toBeGreaterThan(Date.now() + 20_000);
    expect(await deliverDueWebhooks(t.db.knex)).toBe(0); // not due yet
    expect([1, 2, 3, 10, 12].map(backoffSeconds)).toEqual([30, 60, 120, 15360, 6 * 3600]);

    await t.db.knex('webhook_deliveries').where({ id: pending.id }).update({ attempts: MAX_ATTEMPTS - 1, next_attempt_at: t.db.knex.fn.now() });
    await deliverDueWebhooks(t.db.knex);
    expect((await t.db.knex('webhook_deliveries').where({ id: pending.id }).first()).status).toBe('failed');

    answer = 204;
    expect((await request(t.app).post(`/webhook_deliveries/${pending.id}/retry`).set(await as('admin'))).status).toBe(200);
    await deliverDueWebhooks(t.db.knex);
    expect((await t.db.knex('webhook_deliveries').where({ id: pending.id }).first()).status).toBe('delivered');
    expect((await request(t.app).post(`/webhook_deliveries/${pending.id}/retry`).set(await as('admin'))).status).toBe(409);

    // A retry by hand wakes the job queue in its transaction: the test app's worker sends it within seconds, not at
    // the next minute's tick.
    await t.app.jobs.start({ schedules: false });
    await t.db.knex('webhook_deliveries').where({ id: pending.id }).update({ status: 'failed' });
    expect((await request(t.app).post(`/webhook_deliveries/${pending.id}/retry`).set(await as('admin'))).status).toBe(200);
    const deadline = Date.now() + 15_000;
    let status = 'pending';
    while (status !== 'delivered' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      status = (await t.db.knex('webhook_deliveries').where({ id: pending.id }).first()).status;
    }
    expect(status).toBe('delivered');
    expect((await request(t.app).get('/webhooks').set(await as('sre'))).status).toBe(403);
    const bad = await request(t.app).post('/webhooks').set(await as('admin')).send({ url: 'ftp://example.com', resources: ['Batches!'] });
    expect(bad.status).toBe(422);
    expect(bad.body.message).toMatch(/https:\/\//);
  });
});
