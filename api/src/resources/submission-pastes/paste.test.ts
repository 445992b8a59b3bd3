import request from 'supertest';
import type { Role } from '../../core/actor';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
let m1: number;
let assignment: { id: number };
let emails: string[];
beforeAll(async () => {
  t = await createTestApp({}, { cohorts: true });
  const k = t.db.knex;
  m1 = await t.missionId('DEMO-B01', 'M1');
  emails = await k('users as u').join('mission_enrolments as me', 'me.student_id', 'u.id').where('me.mission_id', m1).orderBy('u.id').limit(6).pluck('u.email');
  // Due 2026-12-01 23:59 in Dhaka = 17:59 UTC.
  const created = await request(t.app).post('/assignments').set(await as('sre')).send({ mission_id: m1, number: 1, title: 'Landing page', deadline_local: '2026-12-01T23:59' });
  assignment = created.body;
});
afterAll(() => t.close());

const as = async (role: Role) => ({ Authorization: `Bearer ${await t.tokenFor(role)}` });
const paste = async (text: string, takenAt: string, dryRun: boolean) =>
  request(t.app).post(`/assignments/${assignment.id}/paste`).set(await as('sre')).send({ text, taken_at: takenAt, dry_run: dryRun });
const snapshot = async () => ({
  submissions: await t.db.knex('submissions').orderBy('id').select('student_id', 'status', 'submitted_at'),
  ledger: await t.db.knex('points_ledger').whereNotNull('submission_id').orderBy('id').select('student_id', 'points', 'reason'),
});

it('stores the deadline in the batch time zone', async () => {
  expect(new Date((await t.db.knex('assignments').where({ id: assignment.id }).first('deadline')).deadline).toISOString()).toBe('2026-12-01T17:59:00.000Z');
  const read = await request(t.app).get(`/assignments/${assignment.id}`).set(await as('sre'));
  expect(read.body.deadline_local).toBe('2026-12-01T23:59');
});

it('previews a messy list without writing, then applies it once: pasting again changes nothing', async () => {
  const mentorEmail = 'mentor@example.com';
  const outsider = (await t.db.knex('users').where('email', 'like', 'demo.student.b2.%').first('email')).email;
  const text = `${emails[0].toUpperCase()}, "Someone" <${emails[1]}>;${emails[2]}\n${emails[0]}\tghost@nowhere.test ${outsider} ${mentorEmail}`;
  await as('sre');
  const before = await snapshot();
  const preview = await paste(text, '2026-12-01T17:00:00Z', true);
  expect(preview.status).toBe(200);
  expect(preview.body).toMatchObject({ email_count: 6, duplicate_count: 1, status_for_new: 'on_time', unknown_emails: ['ghost@nowhere.test', mentorEmail], not_enrolled_emails: [outsider] });
  expect(preview.body.new.map((r: { email: string }) => r.email)).toEqual(emails.slice(0, 3));
  expect(await snapshot()).toEqual(before);

  const applied = await paste(text, '2026-12-01T17:00:00Z', false);
  expect(applied.status).toBe(201);
  expect(applied.body).toMatchObject({ recorded: 3, already_recorded: 0, unknown_emails: ['ghost@nowhere.test', mentorEmail], not_enrolled_emails: [outsider] });
  const once = await snapshot();
  expect(once.submissions.map((s: { status: string }) => s.status)).toEqual(['on_time', 'on_time', 'on_time']);
  expect(once.ledger.map((l: { points: number }) => l.points)).toEqual([10, 10, 10]);

  const twice = await paste(text, '2026-12-01T17:00:00Z', false);
  expect(twice.body).toMatchObject({ recorded: 0, already_recorded: 3 });
  expect(await snapshot()).toEqual(once);
  expect(await t.db.knex('submission_pastes').count({ n: '*' })).toEqual([{ n: 2 }]);
});

it('a later list adds only the new students, late against the deadline in the batch zone', async () => {
  const later = await paste(emails.join('\n'), '2026-12-01T18:30:00Z', false);
  expect(later.body).toMatchObject({ recorded: 3, already_recorded: 3, status_for_new: 'late' });
  const statuses = await t.db.knex('submissions as s').join('users as u', 'u.id', 's.student_id').whereIn('u.email', emails).orderBy('u.id').pluck('s.status');
  expect(statuses).toEqual(['on_time', 'on_time', 'on_time', 'late', 'late', 'late']);
  const lateRows = await t.db.knex('points_ledger').where({ reason: 'submission_late' }).pluck('points');
  expect(lateRows).toEqual([5, 5, 5]);
  const unmatched = await request(t.app).get(`/submission_pastes/${later.body.paste_id}/unmatched.csv`).set(await as('sre'));
  expect(unmatched.text).toBe('email,reason\n');
});

it('lists the students still missing, and undoing a submission removes its points', async () => {
  const missing = await request(t.app).get('/students').query({ filter: JSON.stringify({ missing_assignment_id: assignment.id }) }).set(await as('sre'));
  const enrolled = Number((await t.db.knex('mission_enrolments').where({ mission_id: m1 }).count({ n: '*' }))[0].n);
  expect(Number(String(missing.headers['content-range']).split('/')[1])).toBe(enrolled - 6);
  const submission = await t.db.knex('submissions').orderBy('id').first('id');
  expect((await request(t.app).delete(`/submissions/${submission.id}`).set(await as('sre'))).status).toBe(200);
  expect(await t.db.knex('points_ledger').where({ submission_id: submission.id }).count({ n: '*' })).toEqual([{ n: 0 }]);
});

it('reports a student whose enrolment is withdrawn as not enrolled, and records nothing for them', async () => {
  const k = t.db.knex;
  const withdrawn = (await k('users as u').join('mission_enrolments as me', 'me.student_id', 'u.id').where('me.mission_id', m1).whereNotIn('u.email', emails).orderBy('u.id').first('u.id', 'u.email'))!;
  await k('mission_enrolments').where({ student_id: withdrawn.id, mission_id: m1 }).update({ status: 'withdrawn' });
  const preview = await paste(`'${withdrawn.email}'`, '2026-12-01T17:00:00Z', true);
  expect(preview.body).toMatchObject({ not_enrolled_emails: [withdrawn.email], new: [], unknown_emails: [] });
  const applied = await paste(`|${withdrawn.email}|`, '2026-12-01T17:00:00Z', false);
  expect(applied.status).toBe(201);
  expect(applied.body).toMatchObject({ recorded: 0, not_enrolled_emails: [withdrawn.email] });
  expect(await k('submissions').where({ student_id: withdrawn.id }).count({ n: '*' })).toEqual([{ n: 0 }]);
  const byHand = await request(t.app).post('/submissions').set(await as('sre')).send({ assignment_id: assignment.id, student_id: withdrawn.id });
  expect(byHand.status).toBe(422);
  expect(byHand.body.message).toMatch(/withdrawn/);
});

it('refuses a paste with no emails, and roles that may not record submissions', async () => {
  const empty = await paste('nothing here', '2026-12-01T17:00:00Z', true);
  expect(empty.status).toBe(422);
  expect(empty.body.message).toBe('No email addresses found in the pasted text.');
  const mentor = await request(t.app).post(`/assignments/${assignment.id}/paste`).set(await as('mentor')).send({ text: emails[0] });
  expect(mentor.status).toBe(403);
});
