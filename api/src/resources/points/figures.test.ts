import request from 'supertest';
import { studentProgressView as firstStudentProgressView } from '@sms/db/migrations/20261127000800_create_outreach';
import type { Role } from '../../core/actor';
import { createTestApp, type TestApp } from '../../testing/test-app';

// The kept-current figures (enrolment_figures, kept by triggers) against the same figures recomputed from the raw
// rows, after each kind of write that moves them; and student_progress on them against the view as first written,
// which added up the raw rows on every read.
let t: TestApp;
let m1: number;
let students: number[];
beforeAll(async () => {
  t = await createTestApp({}, { cohorts: true });
  m1 = await t.missionId('DEMO-B01', 'M1');
  students = await t.db.knex('mission_enrolments').where({ mission_id: m1 }).orderBy('student_id').limit(12).pluck('student_id');
  await t.db.knex.raw(firstStudentProgressView.replace('CREATE VIEW student_progress', 'CREATE VIEW student_progress_from_rows'));
});
afterAll(() => t.close());

const as = async (role: Role) => ({ Authorization: `Bearer ${await t.tokenFor(role)}` });

async function drift(): Promise<unknown[]> {
  const { rows } = await t.db.knex.raw(
    `SELECT r.*, f.days_attended AS kept_days, f.last_attended_on AS kept_last, f.points AS kept_points,
            f.submissions_on_time AS kept_on_time, f.submissions_late AS kept_late, f.latest_deadline_submitted AS kept_latest
     FROM enrolment_figures_recomputed r FULL JOIN enrolment_figures f USING (mission_id, student_id)
     WHERE (r.days_attended, r.first_attended_on, r.last_attended_on, r.points, r.submissions_on_time, r.submissions_late, r.latest_deadline_submitted)
       IS DISTINCT FROM (f.days_attended, f.first_attended_on, f.last_attended_on, f.points, f.submissions_on_time, f.submissions_late, f.latest_deadline_submitted)`,
  );
  return rows;
}

async function progressDrift(): Promise<unknown[]> {
  const { rows } = await t.db.knex.raw(
    `SELECT 'kept' AS side, * FROM (SELECT * FROM student_progress EXCEPT SELECT * FROM student_progress_from_rows) a
     UNION ALL SELECT 'rows', * FROM (SELECT * FROM student_progress_from_rows EXCEPT SELECT * FROM student_progress) b`,
  );
  return rows;
}

async function expectInStep(): Promise<void> {
  expect(await drift()).toEqual([]);
  expect(await progressDrift()).toEqual([]);
}

it('every enrolment has its figures, equal to the rows', async () => {
  const [{ n }] = await t.db.knex('enrolment_figures').count({ n: '*' });
  const [{ n: enrolled }] = await t.db.knex('mission_enrolments').count({ n: '*' });
  expect(Number(n)).toBe(Number(enrolled));
  await expectInStep();
});

it('after attendance: a crowd in one statement, one through the API, a day removed', async () => {
  await t.db.knex('daily_attendance').insert(
    students.flatMap((id, i) => ['2026-11-20', '2026-11-21', '2026-11-22'].slice(0, 1 + (i % 3)).map((day) => ({ student_id: id, mission_id: m1, submitted_at: `${day}T06:00:00Z` }))),
  );
  expect((await request(t.app).post('/attendance').set(await as('student')).send({ mission_id: m1 })).status).toBeLessThan(300);
  await expectInStep();
  const [{ count }] = await t.db.knex('enrolment_figures').where({ mission_id: m1 }).sum({ count: 'days_attended' });
  expect(Number(count)).toBeGreaterThan(students.length);
  const day = await t.db.knex('daily_attendance').where({ student_id: students[2], mission_id: m1 }).orderBy('local_date', 'desc').first('id');
  expect((await request(t.app).delete(`/daily_attendance/${day.id}`).set(await as('sre'))).status).toBe(200);
  const moved = await t.db.knex('daily_attendance').where({ student_id: students[1], mission_id: m1 }).orderBy('local_date').first('id');
  await t.db.knex('daily_attendance').where({ id: moved.id }).update({ submitted_at: '2026-11-25T06:00:00Z' });
  await expectInStep();
});

it('after a paste of submissions, on time and late, and a meeting', async () => {
  const created = await request(t.app).post('/assignments').set(await as('sre')).send({ mission_id: m1, number: 1, title: 'Landing page', deadline_local: '2026-12-01T23:59' });
  expect(created.status).toBe(201);
  const emails = await t.db.knex('users').whereIn('id', students).orderBy('id').pluck('email');
  const paste = (list: string[], takenAt: string) =>
    as('sre').then((auth) => request(t.app).post(`/assignments/${created.body.id}/paste`).set(auth).send({ text: list.join('\n'), taken_at: takenAt, dry_run: false }));
  expect((await paste(emails.slice(0, 6), '2026-12-01T17:00:00Z')).status).toBe(201);
  expect((await paste(emails.slice(6, 9), '2026-12-03T17:00:00Z')).status).toBe(201);
  const [meeting] = await t.db.knex('meetings').insert({ mission_id: m1, title: 'Week 1', starts_at: '2026-11-21T12:00:00Z', created_by: await t.userId('mentor'), code_secret: 'x' }).returning('id');
  await t.db.knex('meeting_attendance').insert(students.slice(0, 5).map((id) => ({ meeting_id: meeting.id, student_id: id, method: 'manual', marked_by: 1 })));
  // A meeting for two invitees only, and an assignment still open that some have already handed in.
  const [private_] = await t.db.knex('meetings').insert({ mission_id: m1, title: 'One to one', starts_at: '2026-11-22T12:00:00Z', created_by: await t.userId('mentor'), code_secret: 'y' }).returning('id');
  await t.db.knex('meeting_invitees').insert(students.slice(0, 2).map((id) => ({ meeting_id: private_.id, student_id: id })));
  await t.db.knex('meeting_attendance').insert({ meeting_id: private_.id, student_id: students[0], method: 'manual', marked_by: 1 });
  const [open] = await t.db.knex('assignments').insert({ mission_id: m1, number: 2, title: 'Still open', deadline: t.db.knex.raw("now() + interval '1 hour'") }).returning('id');
  await t.db.knex('submissions').insert(students.slice(0, 4).map((id) => ({ assignment_id: open.id, mission_id: m1, student_id: id, submitted_at: new Date(), status: 'on_time' })));
  const [{ late }] = await t.db.knex('enrolment_figures').where({ mission_id: m1 }).sum({ late: 'submissions_late' });
  expect(Number(late)).toBe(3);
  await expectInStep();
  // A submission moved past the deadline turns late (its award rewritten); one removed takes its points along.
  await t.db.knex('submissions').where({ assignment_id: created.body.id, student_id: students[0] }).update({ submitted_at: '2026-12-05T10:00:00Z' });
  await t.db.knex('submissions').where({ assignment_id: created.body.id, student_id: students[1] }).delete();
  await expectInStep();
  // The open assignment's deadline passes (moved to an hour ago): those who handed it in no longer miss it.
  await t.db.knex('assignments').where({ id: open.id }).update({ deadline: t.db.knex.raw("now() - interval '1 hour'") });
  await expectInStep();
});

it('after a rule change and a recompute of the ledger', async () => {
  expect((await request(t.app).put(`/missions/${m1}`).set(await as('manager')).send({ points_attendance: 3, points_late: 1, points_meeting: 4 })).status).toBe(200);
  await expectInStep();
  const before = await t.db.knex('enrolment_figures').where({ mission_id: m1, student_id: students[0] }).first('points');
  expect((await request(t.app).post(`/missions/${m1}/points/recompute`).set(await as('manager'))).body.applied).toBe(true);
  const after = await t.db.knex('enrolment_figures').where({ mission_id: m1, student_id: students[0] }).first('points');
  expect(after.points).not.toBe(before.points);
  await expectInStep();
});

it('recompute_enrolment_figures puts back figures written around the triggers, and a new enrolment starts in step', async () => {
  await t.db.knex('enrolment_figures').where({ mission_id: m1 }).update({ points: 0, days_attended: 99 });
  expect((await drift()).length).toBeGreaterThan(0);
  const { rows } = await t.db.knex.raw('SELECT recompute_enrolment_figures(?) AS changed', [m1]);
  expect(rows[0].changed).toBeGreaterThan(0);
  await expectInStep();
  const m2 = await t.missionId('DEMO-B01', 'M2');
  const outsider = await t.db.knex('mission_enrolments').where({ mission_id: m1 }).whereNotIn('student_id', t.db.knex('mission_enrolments').where({ mission_id: m2 }).select('student_id')).first('student_id');
  if (outsider) {
    await t.db.knex('mission_enrolments').insert({ mission_id: m2, student_id: outsider.student_id });
    await expectInStep();
  }
  await t.db.knex('mission_enrolments').where({ mission_id: m1, student_id: students[3] }).delete();
  await expectInStep();
});
