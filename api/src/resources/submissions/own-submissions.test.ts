import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { Role } from '../../core/actor';
import { createTestApp, emailOf, type TestApp } from '../../testing/test-app';

let t: TestApp;
let storageDir: string;
let m1: number;
let studentId: number;
let outsiderToken: string;
let outsiderId: number;
let number = 0;

const as = async (role: Role) => ({ Authorization: `Bearer ${await t.tokenFor(role)}` });
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
/** A wall-clock time `hours` from now, as typed for a batch (no zone). */
const wallClock = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString().slice(0, 16);
const newAssignment = async (deadlineLocal: string, points = { points_on_time: 10, points_late: 4 }) => {
  number += 1;
  const created = await request(t.app).post('/assignments').set(await as('sre')).send({ mission_id: m1, number, title: `Task ${number}`, deadline_local: deadlineLocal, ...points });
  expect(created.status).toBe(201);
  return created.body.id as number;
};
const handIn = async (assignmentId: number, linkUrl: string, headers?: Record<string, string>) =>
  request(t.app).post('/me/submissions').set(headers ?? (await as('student'))).send({ assignment_id: assignmentId, link_url: linkUrl });
const upload = async (assignmentId: number, name: string, body: Buffer | string, query: Record<string, string> = {}, headers?: Record<string, string>) =>
  request(t.app)
    .post('/me/submissions/file')
    .query({ assignment_id: assignmentId, ...query })
    .set({ ...(headers ?? (await as('student'))), 'Content-Type': 'application/octet-stream', 'X-File-Name': encodeURIComponent(name) })
    .send(Buffer.isBuffer(body) ? body : Buffer.from(body));
const ledgerOf = (assignmentId: number, student = studentId) =>
  t.db.knex('points_ledger as p').join('submissions as s', 's.id', 'p.submission_id').where({ 's.assignment_id': assignmentId, 's.student_id': student }).select('p.points', 'p.reason');
const stored = async () => (await readdir(storageDir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).length;

beforeAll(async () => {
  storageDir = await mkdtemp(path.join(os.tmpdir(), 'sms-submissions-'));
  t = await createTestApp({ STORAGE_DIR: storageDir, UPLOAD_MAX_MB: '1' }, { cohorts: true });
  const k = t.db.knex;
  m1 = await t.missionId('DEMO-B01', 'M1');
  studentId = await t.userId('student');
  const mentorId = await t.userId('mentor');
  // A student of the same mission whom the demo mentor is not paired with.
  const outsider = await k('users as u')
    .join('mission_enrolments as me', 'me.student_id', 'u.id')
    .where('me.mission_id', m1)
    .whereNotIn('u.id', k('mentor_pairings').where({ mentor_id: mentorId, mission_id: m1 }).select('student_id'))
    .orderBy('u.id')
    .first('u.id', 'u.email');
  outsiderId = Number(outsider.id);
  outsiderToken = await t.signIn(outsider.email);
});
afterAll(async () => {
  await t.close();
  await rm(storageDir, { recursive: true, force: true });
});

it('a link handed in before the deadline is on time, with the mission points once; handing in again replaces it and awards nothing more', async () => {
  const id = await newAssignment(wallClock(24 * 5));
  const first = await handIn(id, 'https://github.com/student/landing-page');
  expect(first.status).toBe(201);
  expect(first.body).toMatchObject({ assignment_id: id, status: 'on_time', link_url: 'https://github.com/student/landing-page', resubmission_count: 0, message: 'Handed in on time.' });
  const again = await handIn(id, 'https://landing.example.com');
  expect(again.status).toBe(200);
  expect(again.body).toMatchObject({ id: first.body.id, status: 'on_time', link_url: 'https://landing.example.com', resubmission_count: 1, submitted_at: first.body.submitted_at });
  expect(again.body.message).toMatch(/replaces the one before/);
  expect(await ledgerOf(id)).toEqual([{ points: 10, reason: 'submission_on_time' }]);
  const audit = await t.db.knex('audit_log').where({ resource: 'submissions', record_id: String(first.body.id) }).orderBy('id').pluck('action');
  expect(audit).toEqual(['create', 'update']);
  const mine = await request(t.app).get(`/submissions/${first.body.id}`).set(await as('student'));
  expect(mine.body).toMatchObject({ link_url: 'https://landing.example.com', awaiting_review: true, points: 10 });
  expect(mine.body).not.toHaveProperty('file_key');
});

it("decides late against the deadline in the batch's time zone, and refuses a change after it (in the database too)", async () => {
  // Three hours from now as a UTC wall clock is three hours ago in Dhaka (UTC+6): the deadline has passed there.
  const id = await newAssignment(wallClock(3));
  const row = await t.db.knex('assignments').where({ id }).first('deadline');
  expect(new Date(row.deadline).getTime()).toBeLessThan(Date.now());
  const late = await handIn(id, 'https://github.com/student/late');
  expect(late.status).toBe(201);
  expect(late.body).toMatchObject({ status: 'late', message: 'Handed in late.' });
  expect(await ledgerOf(id)).toEqual([{ points: 4, reason: 'submission_late' }]);
  const again = await handIn(id, 'https://github.com/student/later');
  expect(again.status).toBe(409);
  expect(again.body.message).toBe('The deadline has passed, so your submission stands as you handed it in.');
  await expect(t.db.knex('submissions').where({ id: late.body.id }).update({ work_submitted_at: t.db.knex.fn.now() })).rejects.toMatchObject({ constraint: 'submissions_resubmit_before_deadline' });
  expect((await t.db.knex('submissions').where({ id: late.body.id }).first('link_url')).link_url).toBe('https://github.com/student/late');
});

it('a paste and an own submission of one assignment are one submission, whichever comes first and even at once', async () => {
  const email = emailOf('student');
  // Pasted first: the student then attaches work to the recorded submission (after the deadline too, once).
  const pastedFirst = await newAssignment(wallClock(3));
  const paste = await request(t.app).post(`/assignments/${pastedFirst}/paste`).set(await as('sre')).send({ text: email, taken_at: new Date(Date.now() - 6 * 3_600_000).toISOString(), dry_run: false });
  expect(paste.body.recorded).toBe(1);
  const attached = await handIn(pastedFirst, 'https://github.com/student/pasted');
  expect(attached.status).toBe(200);
  expect(attached.body).toMatchObject({ status: 'on_time', resubmission_count: 0 });
  expect(attached.body.message).toMatch(/attached to your recorded submission \(on time\)/);
  expect(await ledgerOf(pastedFirst)).toEqual([{ points: 10, reason: 'submission_on_time' }]);

  // Own first: the paste then finds it already recorded.
  const ownFirst = await newAssignment(wallClock(24 * 5));
  expect((await handIn(ownFirst, 'https://github.com/student/own')).status).toBe(201);
  const later = await request(t.app).post(`/assignments/${ownFirst}/paste`).set(await as('sre')).send({ text: email, dry_run: false });
  expect(later.body).toMatchObject({ recorded: 0, already_recorded: 1 });
  expect(await ledgerOf(ownFirst)).toEqual([{ points: 10, reason: 'submission_on_time' }]);

  // At once, several times over: the unique (assignment, student) constraint leaves one row and one award.
  const racing = await newAssignment(wallClock(24 * 5));
  const headers = await as('student');
  const sre = await as('sre');
  const answers = await Promise.all([
    ...Array.from({ length: 4 }, () => handIn(racing, 'https://github.com/student/race', headers)),
    ...Array.from({ length: 2 }, () => request(t.app).post(`/assignments/${racing}/paste`).set(sre).send({ text: email, dry_run: false })),
  ]);
  expect(answers.every((answer) => answer.status < 300)).toBe(true);
  expect(await t.db.knex('submissions').where({ assignment_id: racing, student_id: studentId }).count<{ count: number }[]>('id as count')).toEqual([{ count: 1 }]);
  expect(await ledgerOf(racing)).toEqual([{ points: 10, reason: 'submission_on_time' }]);
});

it('a file with a link: type and size limits, stored once, replaced on resubmission, downloaded as an attachment', async () => {
  const id = await newAssignment(wallClock(24 * 5));
  const before = await stored();
  const refusedType = await upload(id, 'virus.exe', 'MZ');
  expect(refusedType.status).toBe(415);
  expect(refusedType.body.message).toMatch(/^That kind of file is not accepted\. Hand in one of: \.pdf, \.zip/);
  const tooBig = await upload(id, 'big.zip', Buffer.alloc(1024 * 1024 + 1));
  expect(tooBig.status).toBe(413);
  expect(tooBig.body.message).toBe('The file is too large: at most 1 MB.');
  expect((await upload(id, 'empty.pdf', '')).status).toBe(422);
  expect(await stored()).toBe(before);

  const first = await upload(id, 'report – week 1.pdf', '%PDF-1.4 first', { link_url: 'https://github.com/student/report' });
  expect(first.status).toBe(201);
  expect(first.body).toMatchObject({ status: 'on_time', file_name: 'report – week 1.pdf', file_size: 14, link_url: 'https://github.com/student/report' });
  expect(await stored()).toBe(before + 1);
  const second = await upload(id, 'report-v2.pdf', '%PDF-1.4 second version');
  expect(second.status).toBe(200);
  expect(second.body).toMatchObject({ file_name: 'report-v2.pdf', link_url: 'https://github.com/student/report', resubmission_count: 1 });
  expect(await stored()).toBe(before + 1);

  const download = await request(t.app).get(`/submissions/${first.body.id}/file`).set(await as('student')).buffer(true);
  expect(download.status).toBe(200);
  expect(download.body.toString()).toBe('%PDF-1.4 second version');
  expect(download.headers['content-type']).toBe('application/pdf');
  expect(download.headers['content-disposition']).toBe(`attachment; filename="report-v2.pdf"; filename*=UTF-8''report-v2.pdf`);
  expect(download.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
  expect((await request(t.app).get(`/submissions/${first.body.id}/file`).set(await as('mentor'))).status).toBe(200);
  // A file that would not be accepted is not kept even when the record fails: an assignment not theirs.
  const other = await t.missionId('DEMO-B02', 'M1');
  const foreign = await request(t.app).post('/assignments').set(await as('sre')).send({ mission_id: other, number: 1, title: 'Elsewhere', deadline_local: wallClock(24 * 5) });
  expect((await upload(foreign.body.id, 'x.pdf', '%PDF')).status).toBe(404);
  expect(await stored()).toBe(before + 1);
});

it('refuses what is not a submission, with a reason', async () => {
  const id = await newAssignment(wallClock(24 * 5));
  const badLink = await handIn(id, 'javascript:alert(1)');
  expect(badLink.status).toBe(422);
  expect(badLink.body.message).toMatch(/starts with https:\/\//);
  const noLink = await request(t.app).post('/me/submissions').set(await as('student')).send({ assignment_id: id });
  expect(noLink.status).toBe(422);
  expect((await request(t.app).post('/me/submissions').set(await as('mentor')).send({ assignment_id: id, link_url: 'https://x.test' })).status).toBe(403);
  expect((await handIn(999999, 'https://x.test')).status).toBe(404);
  const other = await t.missionId('DEMO-B02', 'M1');
  const foreign = await request(t.app).post('/assignments').set(await as('sre')).send({ mission_id: other, number: 2, title: 'Elsewhere 2', deadline_local: wallClock(24 * 5) });
  expect((await handIn(foreign.body.id, 'https://x.test')).status).toBe(404);
});

it("mentors review their mentees' work from a queue (grade and feedback the student reads), and cannot read or review a student not theirs (404)", async () => {
  const id = await newAssignment(wallClock(24 * 5));
  const mine = await handIn(id, 'https://github.com/student/review-me');
  const theirs = await handIn(id, 'https://github.com/outsider/work', bearer(outsiderToken));
  expect(theirs.status).toBe(201);

  const queue = await request(t.app).get('/submissions').query({ filter: JSON.stringify({ awaiting_review: true, assignment_id: id }), sort: JSON.stringify(['work_submitted_at', 'ASC']) }).set(await as('mentor'));
  expect(queue.status).toBe(200);
  expect(queue.body.map((row: { id: number }) => row.id)).toEqual([mine.body.id]);

  const review = await request(t.app).put(`/submissions/${mine.body.id}`).set(await as('mentor')).send({ grade: 88, feedback: 'Clean layout. Add alt text to the hero image.' });
  expect(review.status).toBe(200);
  expect(review.body).toMatchObject({ feedback: 'Clean layout. Add alt text to the hero image.', reviewed_by: await t.userId('mentor'), awaiting_review: false, reviewer_name: expect.any(String) });
  expect(Number(review.body.grade)).toBe(88);
  const read = await request(t.app).get(`/submissions/${mine.body.id}`).set(await as('student'));
  expect(read.body).toMatchObject({ feedback: 'Clean layout. Add alt text to the hero image.', awaiting_review: false });
  const after = await request(t.app).get('/submissions').query({ filter: JSON.stringify({ awaiting_review: true, assignment_id: id }) }).set(await as('mentor'));
  expect(after.body).toEqual([]);
  // Handing in again puts the work back in the queue.
  await handIn(id, 'https://github.com/student/review-me-v2');
  expect((await request(t.app).get(`/submissions/${mine.body.id}`).set(await as('mentor'))).body.awaiting_review).toBe(true);

  // Not the mentor's student: not found, for reading, reviewing and the file.
  expect((await request(t.app).get(`/submissions/${theirs.body.id}`).set(await as('mentor'))).status).toBe(404);
  expect((await request(t.app).put(`/submissions/${theirs.body.id}`).set(await as('mentor')).send({ grade: 10, feedback: 'x' })).status).toBe(404);
  expect((await request(t.app).get(`/submissions/${theirs.body.id}/file`).set(await as('mentor'))).status).toBe(404);
  expect((await t.db.knex('submissions').where({ id: theirs.body.id }).first('grade', 'reviewed_by'))).toEqual({ grade: null, reviewed_by: null });
  // Nor another student's, for a student.
  expect((await request(t.app).get(`/submissions/${theirs.body.id}`).set(await as('student'))).status).toBe(404);
  expect(outsiderId).toBeGreaterThan(0);
  // A student cannot grade themself.
  expect((await request(t.app).put(`/submissions/${mine.body.id}`).set(await as('student')).send({ grade: 100 })).status).toBe(403);
});
