import request from 'supertest';
import { insertSessions } from '../testing/bulk-sessions';
import { changeOf, openEventStream, type SseStream } from '../testing/sse-client';
import { createTestApp, type TestApp } from '../testing/test-app';

let t: TestApp;
let url: string;
let server: { url: string; close(): Promise<void> };
let m1: number;
let paired: number;
let unpaired: number;
const streams: SseStream[] = [];
beforeAll(async () => {
  t = await createTestApp({ EVENTS_HEARTBEAT_SECONDS: '1' }, { cohorts: true, mail: 'outbox' });
  server = await t.listen();
  url = server.url;
  m1 = await t.missionId('DEMO-B01', 'M1');
  const mentor = await t.userId('mentor');
  const student = await t.userId('student');
  const k = t.db.knex;
  paired = Number((await k('mentor_pairings').where({ mission_id: m1, mentor_id: mentor }).whereNot({ student_id: student }).first('student_id')).student_id);
  unpaired = Number(
    (await k('mission_enrolments').where({ mission_id: m1 }).whereNotIn('student_id', k('mentor_pairings').where({ mentor_id: mentor }).select('student_id')).first('student_id')).student_id,
  );
});
afterAll(async () => {
  for (const stream of streams) stream.close();
  await t.close();
  await server.close();
});

const open = async (headers: Record<string, string>) => {
  const stream = await openEventStream(`${url}/events`, headers);
  streams.push(stream);
  if (stream.status === 200) await stream.next((m) => m.event === 'ready');
  return stream;
};
const bearer = async (role: Parameters<TestApp['tokenFor']>[0]) => ({ Authorization: `Bearer ${await t.tokenFor(role)}` });
const submit = async (studentId: number) => {
  const [token] = await insertSessions(t.db.knex, [studentId]);
  const response = await request(t.app).post('/attendance').set('Authorization', `Bearer ${token}`).send({ mission_id: m1 });
  expect(response.status).toBe(201);
  return Number(response.body.id);
};

it('refuses a stream without a session', async () => {
  const stream = await open({});
  expect(stream.status).toBe(401);
});

it("sends each change to those whose policy lets them read it: a mentor hears only about their students, a student only their own", async () => {
  const admin = await open(await bearer('admin'));
  const mentor = await open(await bearer('mentor'));
  const student = await open(await bearer('student'));
  // The back office's cookie session opens a stream too.
  const sre = await open({ Cookie: `sms_session=${await t.tokenFor('sre')}` });

  const mine = await submit(paired);
  const notMine = await submit(unpaired);
  await admin.next(changeOf('daily_attendance', mine));
  await admin.next(changeOf('daily_attendance', notMine));
  await sre.next(changeOf('daily_attendance', notMine));
  await mentor.next(changeOf('daily_attendance', mine));

  const own = await submit(await t.userId('student'));
  await student.next(changeOf('daily_attendance', own));
  await mentor.next(changeOf('daily_attendance', own));
  await admin.next(changeOf('daily_attendance', own));

  const ids = (stream: SseStream) => stream.messages.flatMap((m) => ((m.data as { resource?: string }).resource === 'daily_attendance' ? (m.data as { ids: number[] }).ids : []));
  expect(ids(mentor)).not.toContain(notMine);
  expect(ids(student)).toEqual([own]);
});

it('sends nothing for a write that rolled back, and a notice to the audiences that may read it', async () => {
  const student = await open(await bearer('student'));
  const admin = await open(await bearer('admin'));
  const adminId = await t.userId('admin');
  await t.db.knex
    .transaction(async (trx) => {
      await trx('notices').insert({ title: 'Never sent', body_md: 'x', body_html: '<p>x</p>', audience: 'everyone', created_by: adminId });
      throw new Error('roll back');
    })
    .catch(() => undefined);
  const b2 = Number((await t.db.knex('batches').where({ code: 'DEMO-B02' }).first('id')).id);
  const [other] = await t.db.knex('notices').insert({ title: 'For batch 2', body_md: 'x', body_html: '<p>x</p>', audience: 'batch', batch_id: b2, created_by: adminId }).returning('id');
  const [everyone] = await t.db.knex('notices').insert({ title: 'For everyone', body_md: 'x', body_html: '<p>x</p>', audience: 'everyone', created_by: adminId }).returning('id');
  await student.next(changeOf('notices', Number(everyone.id)));
  await admin.next(changeOf('notices', Number(other.id)));
  const noticeIds = (stream: SseStream) => stream.messages.flatMap((m) => ((m.data as { resource?: string }).resource === 'notices' ? (m.data as { ids: number[] }).ids : []));
  expect(noticeIds(student)).toEqual([Number(everyone.id)]);
  // The rolled-back notice has no id anyone heard of: the admin heard exactly the two committed ones.
  expect(noticeIds(admin)).toEqual([Number(other.id), Number(everyone.id)].sort((a, b) => a - b));
});

it('beats every heartbeat, and ends the stream when its session ends', async () => {
  const [token] = await insertSessions(t.db.knex, [paired]);
  const stream = await open({ Authorization: `Bearer ${token}` });
  await new Promise((resolve) => setTimeout(resolve, 1300));
  expect(stream.comments).toBeGreaterThanOrEqual(1);
  await t.db.knex('sessions').where({ user_id: paired }).delete();
  await stream.next((m) => m.event === 'end', 3000);
  await stream.ended;
});

it("tells a student about their own shout-out and a new assignment in their mission, and nothing of another student's", async () => {
  const student = await open(await bearer('student'));
  const k = t.db.knex;
  const mentor = await t.userId('mentor');
  const [theirs] = await k('shoutouts').insert({ student_id: unpaired, mission_id: m1, badge: 'helpful', given_by: mentor }).returning('id');
  const [mine] = await k('shoutouts').insert({ student_id: await t.userId('student'), mission_id: m1, badge: 'helpful', given_by: mentor }).returning('id');
  await student.next(changeOf('shoutouts', Number(mine.id)));
  const heard = student.messages.flatMap((m) => ((m.data as { resource?: string }).resource === 'shoutouts' ? (m.data as { ids: number[] }).ids : []));
  expect(heard).toEqual([Number(mine.id)]);
  expect(heard).not.toContain(Number(theirs.id));

  const { rows } = await k.raw(`SELECT to_char(ends_on, 'YYYY-MM-DD') AS day FROM missions WHERE id = ?`, [m1]);
  const created = await request(t.app).post('/assignments').set(await bearer('manager')).send({ mission_id: m1, number: 99, title: 'Live assignment', deadline_local: `${rows[0].day}T12:00` });
  expect({ status: created.status, message: created.body.message }).toEqual({ status: 201, message: undefined });
  await student.next(changeOf('assignments', Number(created.body.id)));
});
