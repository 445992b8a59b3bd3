import request from 'supertest';
import type { Role } from '../../core/actor';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../../testing/test-app';

let t: TestApp;
let b1: number;
let b2: number;
let m1: number;
let b2m1: number;
beforeAll(async () => {
  t = await createTestApp({}, { cohorts: true });
  const k = t.db.knex;
  b1 = (await k('batches').where({ code: 'DEMO-B01' }).first('id')).id;
  b2 = (await k('batches').where({ code: 'DEMO-B02' }).first('id')).id;
  m1 = (await k('missions').where({ batch_id: b1, code: 'M1' }).first('id')).id;
  b2m1 = (await k('missions').where({ batch_id: b2, code: 'M1' }).first('id')).id;
});
afterAll(() => t.close());

const as = async (role: Role) => ({ Authorization: `Bearer ${await t.tokenFor(role)}` });
const post = async (role: Role, body: Record<string, unknown>) => request(t.app).post('/notices').set(await as(role)).send({ title: 'Notice', body_md: 'Hello', ...body });

async function tokenOf(email: string): Promise<string> {
  await t.db.knex('users').where({ email }).update({ password_hash: (await t.db.knex('users').where({ email: 'student@example.com' }).first('password_hash')).password_hash, email_verified_at: t.db.knex.fn.now() });
  return (await request(t.app).post('/auth/token').send({ email, password: DEMO_PASSWORD })).body.token;
}

it('who may address whom: mentors only their missions, everyone only for managers and admins', async () => {
  expect((await post('mentor', { audience: 'mission', mission_id: b2m1 })).body.message).toBe('You can only post to missions you mentor.');
  expect((await post('mentor', { audience: 'mission', mission_id: m1 })).status).toBe(201);
  expect((await post('sre', { audience: 'everyone' })).body.message).toBe('Only managers and admins post notices to everyone. Choose a batch or a mission.');
  expect((await post('manager', { audience: 'everyone' })).status).toBe(201);
  const inconsistent = await post('sre', { audience: 'batch' });
  expect(inconsistent.status).toBe(422);
  expect(inconsistent.body.message).toBe('Choose the batch for a batch notice, the mission for a mission notice, and neither for everyone.');
});

it('a mentor changes and deletes only their own notices, though they read others to their mission', async () => {
  const sreNotice = (await post('sre', { audience: 'mission', mission_id: m1, title: 'From the SRE team' })).body;
  expect((await request(t.app).get(`/notices/${sreNotice.id}`).set(await as('mentor'))).status).toBe(200);
  expect((await request(t.app).put(`/notices/${sreNotice.id}`).set(await as('mentor')).send({ title: 'Hijacked' })).status).toBe(404);
  expect((await request(t.app).delete(`/notices/${sreNotice.id}`).set(await as('mentor'))).status).toBe(404);
  const bulk = await request(t.app).delete('/notices').query({ filter: JSON.stringify({ id: [sreNotice.id] }) }).set(await as('mentor'));
  expect(bulk.body).toEqual([]);
  expect(await t.db.knex('notices').where({ id: sreNotice.id }).first('title')).toEqual({ title: 'From the SRE team' });
  const own = (await post('mentor', { audience: 'mission', mission_id: m1, title: 'Mine' })).body;
  expect((await request(t.app).delete(`/notices/${own.id}`).set(await as('mentor'))).status).toBe(200);
});

it('a student outside the batch or mission can neither list nor read the notice', async () => {
  const notice = (await post('sre', { audience: 'batch', batch_id: b2, title: 'Batch 2 only' })).body;
  const list = await request(t.app).get('/me/notices').set(await as('student'));
  expect(list.body.map((n: { id: number }) => n.id)).not.toContain(notice.id);
  expect((await request(t.app).get(`/me/notices/${notice.id}`).set(await as('student'))).status).toBe(404);
  expect((await request(t.app).get(`/notices/${notice.id}`).set(await as('student'))).status).toBe(404);
  expect((await request(t.app).post(`/notices/${notice.id}/acknowledge`).set(await as('student'))).status).toBe(404);
  const future = (await post('sre', { audience: 'batch', batch_id: b1, title: 'Later', publish_at: new Date(Date.now() + 86_400_000).toISOString() })).body;
  expect((await request(t.app).get(`/me/notices/${future.id}`).set(await as('student'))).status).toBe(404);
});

it('students read (marked), acknowledge and react; staff see exact counts and who has not acknowledged', async () => {
  const notice = (await post('sre', { audience: 'mission', mission_id: m1, title: 'Submit your repo link', requires_ack: true, pinned: true })).body;
  expect(notice.audience_count).toBe(251);
  const unreadBefore = (await request(t.app).get('/auth/me').set(await as('student'))).body.unread_notices;
  const list = await request(t.app).get('/me/notices').set(await as('student'));
  expect(list.body[0]).toMatchObject({ id: notice.id, pinned: true, unread: true });
  expect(unreadBefore).toBe(list.body.filter((n: { unread: boolean }) => n.unread).length);
  const read = await request(t.app).get(`/me/notices/${notice.id}`).set(await as('student'));
  expect(read.body.unread).toBe(false);
  expect((await request(t.app).get('/auth/me').set(await as('student'))).body.unread_notices).toBe(unreadBefore - 1);
  const ack = await request(t.app).post(`/notices/${notice.id}/acknowledge`).set(await as('student'));
  expect(ack.status).toBe(200);
  await request(t.app).post(`/notices/${notice.id}/acknowledge`).set(await as('student'));
  const others = await t.db.knex('mission_enrolments as me').join('users as u', 'u.id', 'me.student_id').where('me.mission_id', m1).whereNot('u.email', 'student@example.com').orderBy('u.id').limit(2).pluck('u.email');
  for (const email of others) expect((await request(t.app).post(`/notices/${notice.id}/acknowledge`).set('Authorization', `Bearer ${await tokenOf(email)}`)).status).toBe(200);

  const react = await request(t.app).post(`/notices/${notice.id}/reactions`).set(await as('student')).send({ reaction: 'star' });
  expect(react.body).toEqual({ reaction: 'star', on: true });
  expect((await request(t.app).post(`/notices/${notice.id}/reactions`).set(await as('student')).send({ reaction: 'heart' })).status).toBe(422);

  const counts = await request(t.app).get(`/notices/${notice.id}`).set(await as('sre'));
  expect(counts.body).toMatchObject({ audience_count: 251, ack_count: 3, read_count: 3 });
  const pending = await request(t.app).get(`/notices/${notice.id}/acknowledgements`).query({ filter: JSON.stringify({ acknowledged: false }) }).set(await as('sre'));
  expect(String(pending.headers['content-range'])).toMatch(/\/248$/);
  const done = await request(t.app).get(`/notices/${notice.id}/acknowledgements`).query({ filter: JSON.stringify({ acknowledged: true }) }).set(await as('sre'));
  expect(done.body).toHaveLength(3);
  const csv = await request(t.app).get(`/notices/${notice.id}/acknowledgements.csv`).query({ filter: JSON.stringify({ acknowledged: false }) }).set(await as('sre'));
  expect(csv.text.trim().split('\n')).toHaveLength(249);
  // The "call those who haven't acknowledged" selection: a students filter the outreach lists can reuse.
  const callList = await request(t.app).get('/students').query({ filter: JSON.stringify({ not_acknowledged_notice_id: notice.id }) }).set(await as('sre'));
  expect(String(callList.headers['content-range'])).toMatch(/\/248$/);
});

it('renders the body safely: no script, no handlers, no javascript: links, links open with noopener', async () => {
  const body = '# Hi\n\n<script>window.pwned=1</script>\n\n<img src=x onerror="window.pwned=1">\n\n[click](javascript:window.pwned=1)\n\n[guide](https://school.test)';
  const notice = (await post('manager', { audience: 'everyone', body_md: body })).body;
  expect(notice.body_html).not.toMatch(/<script|onerror|href="javascript:/i);
  expect(notice.body_html).toContain('<a href="https://school.test" rel="noopener noreferrer nofollow" target="_blank">guide</a>');
});
