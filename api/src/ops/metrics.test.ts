import request from 'supertest';
import type { Role } from '../core/actor';
import { createTestApp, type TestApp } from '../testing/test-app';

const METRICS_TOKEN = 'scraper-token-0123456789abcdef';
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ METRICS_TOKEN });
});
afterAll(() => t.close());

const as = async (role: Role) => ({ Authorization: `Bearer ${await t.tokenFor(role)}` });
const scrape = async () => (await request(t.app).get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`)).text;

/** The request count of one series of the duration histogram (0 when the series does not exist yet). */
function count(text: string, labels: { method: string; route: string; status_class: string }): number {
  const line = text
    .split('\n')
    .find((l) => l.startsWith('http_request_duration_seconds_count{') && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

describe('who may read /metrics', () => {
  it('a scraper with METRICS_TOKEN, in Prometheus text format', async () => {
    const response = await request(t.app).get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.text).toContain('# TYPE http_request_duration_seconds histogram');
    expect(response.text).toContain('process_cpu_user_seconds_total');
    expect(response.text).toMatch(/db_pool_connections\{state="max"\} \d+/);
  });

  it.each<[Role, number]>([
    ['developer', 200],
    ['admin', 200],
    ['manager', 403],
    ['sre', 403],
    ['mentor', 403],
    ['student', 403],
  ])('a %s session: %i', async (role, status) => {
    const response = await request(t.app).get('/metrics').set(await as(role));
    expect(response.status).toBe(status);
    if (status === 403) expect(response.body).toMatchObject({ code: 'FORBIDDEN', message: expect.any(String), details: {} });
  });

  it('nobody, or a wrong token: 401 in the error shape', async () => {
    const none = await request(t.app).get('/metrics');
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('UNAUTHENTICATED');
    const wrong = await request(t.app).get('/metrics').set('Authorization', 'Bearer not-the-token-and-no-session');
    expect(wrong.status).toBe(401);
  });
});

it('counts a request under its route pattern, never the raw URL', async () => {
  const admin = await as('admin');
  const labels = { method: 'GET', route: '/users/:id', status_class: '2xx' };
  const before = count(await scrape(), labels);
  const me = await t.userId('admin');
  expect((await request(t.app).get(`/users/${me}`).set(admin)).status).toBe(200);
  expect((await request(t.app).get(`/users/${me}`).set(admin)).status).toBe(200);
  expect((await request(t.app).get('/users/999999').set(admin)).status).toBe(404);
  const text = await scrape();
  expect(count(text, labels)).toBe(before + 2);
  expect(count(text, { method: 'GET', route: '/users/:id', status_class: '4xx' })).toBeGreaterThanOrEqual(1);
  expect(text).not.toContain(`route="/users/${me}"`);
  expect(text).not.toContain('route="/users/999999"');
});

it('labels requests answered before any route matched by a known prefix, or "unmatched"', async () => {
  const unmatched = count(await scrape(), { method: 'GET', route: 'unmatched', status_class: '4xx' });
  await request(t.app).get('/no-such-thing/123');
  // An ended session is refused by the session middleware, before any route matched.
  expect((await request(t.app).get('/students').set('Authorization', 'Bearer ended-session')).status).toBe(401);
  const text = await scrape();
  expect(count(text, { method: 'GET', route: 'unmatched', status_class: '4xx' })).toBe(unmatched + 1);
  expect(count(text, { method: 'GET', route: '/students (no route)', status_class: '4xx' })).toBeGreaterThanOrEqual(1);
  expect(text).not.toContain('no-such-thing');
});

it('counts the attendance fast lane, which bypasses Express, once per request', async () => {
  const labels = { method: 'POST', route: '/attendance', status_class: '4xx' };
  const before = count(await scrape(), labels);
  // Bearer + JSON goes through the fast lane; this student has no mission, so it answers 422.
  const response = await request(t.app).post('/attendance').set(await as('student')).set('Content-Type', 'application/json').send({ mission_id: 1 });
  expect(response.status).toBe(422);
  expect(count(await scrape(), labels)).toBe(before + 1);
});
