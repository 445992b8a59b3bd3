import request from 'supertest';
import type { Role } from '../../core/actor';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
let m1: number;
let student: number;

const as = async (role: Role) => ({ Authorization: `Bearer ${await t.tokenFor(role)}` });
const alerts = async (role: Role = 'student') => request(t.app).get('/me/notifications').set(await as(role));

beforeAll(async () => {
  t = await createTestApp({}, { cohorts: true });
  const k = t.db.knex;
  m1 = await t.missionId('DEMO-B01', 'M1');
  student = await t.userId('student');
  // Seen a minute ago: what follows is news.
  await k('users').where({ id: student }).update({ notifications_seen_at: k.raw("now() - interval '1 minute'") });
});
afterAll(() => t.close());

it("collects a student's news and reminders, newest first, and forgets the news once seen", async () => {
  const k = t.db.knex;
  await request(t.app).post('/assignments').set(await as('sre')).send({ mission_id: m1, number: 30, title: 'Landing page', deadline: new Date(Date.now() + 24 * 3600_000).toISOString() });
  await request(t.app).post('/shoutouts').set(await as('mentor')).send({ student_id: student, mission_id: m1, badge: 'great_progress' });
  const ticket = await request(t.app).post('/tickets').set(await as('student')).send({ recipient: 'mentor', mission_id: m1, subject: 'Grid help', body: 'How do I…' });
  await request(t.app).post('/ticket_messages').set(await as('mentor')).send({ ticket_id: ticket.body.id, body: 'Like this.' });
  // Another mission's assignment is none of this student's business.
  const other = await t.missionId('DEMO-B02', 'M1');
  await request(t.app).post('/assignments').set(await as('sre')).send({ mission_id: other, number: 31, title: 'Not mine', deadline: new Date(Date.now() + 24 * 3600_000).toISOString() });

  const res = await alerts();
  expect(res.status).toBe(200);
  const titles = res.body.items.map((item: { title: string }) => item.title);
  expect(titles).toEqual(
    expect.arrayContaining([
      'New assignment in M1: #30 Landing page',
      'Due soon in M1: #30 Landing page',
      'Mahin Ahmed gave you a shout-out: Great Progress',
      'Mahin Ahmed replied on “Grid help”',
    ]),
  );
  expect(titles.join()).not.toContain('Not mine');
  expect(res.body.new_count).toBe(3);
  expect(res.body.items.find((item: { kind: string }) => item.kind === 'deadline')).toMatchObject({ new: false, href: '/assignments' });
  const times = res.body.items.map((item: { at: string }) => item.at);
  expect([...times].sort().reverse()).toEqual(times);

  expect((await request(t.app).post('/me/notifications/seen').set(await as('student'))).status).toBe(200);
  const after = await alerts();
  expect(after.body.new_count).toBe(0);
  expect(after.body.items.length).toBe(res.body.items.length);
  expect((await alerts('mentor')).status).toBe(403);
});
