import request from 'supertest';
import type { Role } from '../../core/actor';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../../testing/test-app';
import { expireIntegrityActions } from '../integrity-actions/expire-actions';

let t: TestApp;
let student: number;
let m1: number;
beforeAll(async () => {
  t = await createTestApp({}, { cohorts: true });
  student = await t.userId('student');
  m1 = await t.missionId('DEMO-B01', 'M1');
});
afterAll(() => t.close());

const as = async (role: Role) => ({ Authorization: `Bearer ${await t.tokenFor(role)}` });
const studentToken = async () => (await request(t.app).post('/auth/token').send({ email: 'student@example.com', password: DEMO_PASSWORD })).body.token as string;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

async function openCase(role: Role = 'sre') {
  return request(t.app).post('/integrity_cases').set(await as(role)).send({ student_id: student, mission_id: m1, kind: 'plagiarism', description: 'Submitted a copy of another student’s project.', evidence_links: ['https://evidence.test/diff'] });
}

it('a mentor raises a case for their student but cannot take an action', async () => {
  const raised = await openCase('mentor');
  expect(raised.status).toBe(201);
  expect(raised.body.opened_by_name).toBe('Mahin Ahmed');
  const action = await request(t.app).post('/integrity_actions').set(await as('mentor')).send({ case_id: raised.body.id, action: 'ban', reason: 'x' });
  expect(action.status).toBe(403);
});

it('ban: the existing session ends; signing in again shows only why and the appeal; every other route refuses', async () => {
  const before = await studentToken();
  expect((await request(t.app).get('/me/dashboard').set(bearer(before))).status).toBe(200);
  const kase = (await openCase()).body;
  const ban = await request(t.app).post('/integrity_actions').set(await as('sre')).send({ case_id: kase.id, action: 'ban', reason: 'Plagiarism in mission 1, second offence.' });
  expect(ban.status).toBe(201);
  expect((await request(t.app).get('/auth/me').set(bearer(before))).status).toBe(401);

  const token = await studentToken();
  const me = await request(t.app).get('/auth/me').set(bearer(token));
  expect(me.status).toBe(200);
  expect(me.body.standing).toMatchObject({ status: 'banned', status_reason: 'Plagiarism in mission 1, second offence.' });
  const standing = await request(t.app).get('/me/standing').set(bearer(token));
  expect(standing.body.cases[0]).toMatchObject({ id: kase.id, can_appeal: true, mission_code: 'M1' });
  const banned = await request(t.app).get('/integrity_cases').query({ filter: JSON.stringify({ live_action: 'ban' }) }).set(await as('sre'));
  expect(banned.body.map((c: { id: number }) => c.id)).toEqual([kase.id]);
  for (const [method, path] of [['get', '/me/dashboard'], ['get', '/missions'], ['get', '/me/notices'], ['post', '/attendance'], ['get', '/points_ledger'], ['post', '/tickets']] as const) {
    const refused = await request(t.app)[method](path).set(bearer(token)).send({ mission_id: m1 });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'ACCOUNT_SUSPENDED', message: 'Your account is banned. You can read why and appeal the decision; everything else is closed until then.' });
  }
  expect(await t.db.knex('students').where({ id: student }).first('status')).toEqual({ status: 'banned' });
});

it('appeals: one open per case; rejected keeps the ban; accepted restores access at once; every step audited', async () => {
  const token = await studentToken();
  const kase = await t.db.knex('integrity_cases').where({ student_id: student }).orderBy('id', 'desc').first('id');
  const first = await request(t.app).post('/appeals').set(bearer(token)).send({ case_id: kase.id, statement: 'The similarity comes from the starter template we were all given.' });
  expect(first.status).toBe(201);
  const second = await request(t.app).post('/appeals').set(bearer(token)).send({ case_id: kase.id, statement: 'Again' });
  expect(second.status).toBe(409);
  expect(second.body.message).toBe('You already have an open appeal on this case. Wait for its decision.');

  expect((await request(t.app).post(`/appeals/${first.body.id}/decide`).set(await as('mentor')).send({ decision: 'accept', note: 'x' })).status).toBe(403);
  const rejected = await request(t.app).post(`/appeals/${first.body.id}/decide`).set(await as('sre')).send({ decision: 'reject', note: 'The diff goes well beyond the template.' });
  expect(rejected.body.status).toBe('rejected');
  expect((await request(t.app).get('/me/dashboard').set(bearer(token))).status).toBe(403);

  const again = await request(t.app).post('/appeals').set(bearer(token)).send({ case_id: kase.id, statement: 'New evidence: my commit history.', link: 'https://git.test/me/project' });
  const accepted = await request(t.app).post(`/appeals/${again.body.id}/decide`).set(await as('sre')).send({ decision: 'accept', note: 'Commit history shows original work.' });
  expect(accepted.body.status).toBe('accepted');
  expect((await request(t.app).get('/me/dashboard').set(bearer(token))).status).toBe(200);
  expect(await t.db.knex('students').where({ id: student }).first('status')).toEqual({ status: 'active' });
  const mail = await t.db.knex('outbox_messages').where({ to: 'student@example.com' }).orderBy('id', 'desc').first('subject');
  expect(mail.subject).toBe('Your appeal was accepted');

  const trail = await t.db.knex('audit_log').whereIn('resource', ['integrity_cases', 'integrity_actions', 'appeals']).pluck('action');
  expect(trail).toEqual(expect.arrayContaining(['create', 'appeal_rejected', 'appeal_accepted', 'lift']));
});

it('restrict: meetings and tickets to mentors are refused, tickets to the SRE team still work', async () => {
  const kase = (await openCase()).body;
  const restrict = await request(t.app).post('/integrity_actions').set(await as('sre')).send({ case_id: kase.id, action: 'restrict', reason: 'Restricted while the case is reviewed.' });
  expect(restrict.status).toBe(201);
  const token = await studentToken();
  const [meeting] = await t.db.knex('meetings').insert({ mission_id: m1, title: 'Now', starts_at: new Date(), created_by: await t.userId('mentor'), code_secret: 'x' }).returning('id');
  const checkIn = await request(t.app).post(`/meetings/${meeting.id}/check-in`).set(bearer(token)).send({});
  expect(checkIn.status).toBe(403);
  expect(checkIn.body.message).toMatch(/restricted/);
  const toMentor = await request(t.app).post('/tickets').set(bearer(token)).send({ recipient: 'mentor', mission_id: m1, subject: 'Help', body: 'Question' });
  expect(toMentor.status).toBe(403);
  const toSre = await request(t.app).post('/tickets').set(bearer(token)).send({ recipient: 'sre', subject: 'About my restriction', body: 'What can I do?' });
  expect(toSre.status).toBe(201);

  // Lifting is an audited action with a reason.
  const lift = await request(t.app).put(`/integrity_actions/${restrict.body.id}`).set(await as('sre')).send({ lift_reason: 'Reviewed: no restriction needed.' });
  expect(lift.status).toBe(200);
  expect(lift.body).toMatchObject({ lift_reason: 'Reviewed: no restriction needed.', lifted_by_name: 'Sadia Islam' });
  expect((await request(t.app).post(`/meetings/${meeting.id}/check-in`).set(bearer(await studentToken())).send({})).status).toBe(201);
  const twice = await request(t.app).put(`/integrity_actions/${restrict.body.id}`).set(await as('sre')).send({ lift_reason: 'again' });
  expect(twice.status).toBe(409);
});

it('a ban with an end date runs out', async () => {
  const kase = (await openCase()).body;
  const ban = await request(t.app).post('/integrity_actions').set(await as('sre')).send({ case_id: kase.id, action: 'ban', reason: 'One-week ban.', ends_at: new Date(Date.now() + 3_600_000).toISOString() });
  expect(ban.status).toBe(201);
  expect(await t.db.knex('students').where({ id: student }).first('status')).toEqual({ status: 'banned' });
  // Time passes (moved by hand, without the trigger that would refresh the status at once).
  await t.db.knex.raw('ALTER TABLE integrity_actions DISABLE TRIGGER integrity_actions_apply');
  await t.db.knex('integrity_actions').where({ id: ban.body.id }).update({ taken_at: t.db.knex.raw("now() - interval '2 hours'"), ends_at: t.db.knex.raw("now() - interval '1 minute'") });
  await t.db.knex.raw('ALTER TABLE integrity_actions ENABLE TRIGGER integrity_actions_apply');
  expect(await t.db.knex('students').where({ id: student }).first('status')).toEqual({ status: 'banned' });
  expect(await expireIntegrityActions(t.db.knex)).toBe(1);
  expect(await t.db.knex('students').where({ id: student }).first('status')).toEqual({ status: 'active' });
});
