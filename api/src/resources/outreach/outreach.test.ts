import request from 'supertest';
import type { Role } from '../../core/actor';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
let m1: number;
let steady: number; // attends every day
let slipping: number; // attended only the last five days before today
let joinedToday: number; // enrolled today: no complete day yet
let secondSre: number;

const as = async (role: Role) => ({ Authorization: `Bearer ${await t.tokenFor(role)}` });
const progressOf = async (studentId: number, role: Role = 'sre') => {
  const res = await request(t.app).get('/student_progress').query({ filter: JSON.stringify({ mission_id: m1, student_id: studentId }) }).set(await as(role));
  expect(res.status).toBe(200);
  return res.body[0];
};

beforeAll(async () => {
  t = await createTestApp({}, { cohorts: true });
  const k = t.db.knex;
  m1 = await t.missionId('DEMO-B01', 'M1');
  // Students the demo mentor is paired with on M1, so scope can be checked on them too.
  const mentor = await t.userId('mentor');
  const paired: number[] = await k('mentor_pairings').where({ mission_id: m1, mentor_id: mentor }).whereNot('student_id', await t.userId('student')).orderBy('student_id').limit(2).pluck('student_id');
  [steady, slipping] = paired;
  joinedToday = (await k('mission_enrolments').where({ mission_id: m1 }).whereNotIn('student_id', [steady, slipping]).orderBy('student_id', 'desc').first('student_id')).student_id;
  await k('mission_enrolments').where({ mission_id: m1, student_id: joinedToday }).update({ created_at: k.fn.now() });
  await k.raw(
    `INSERT INTO daily_attendance (student_id, mission_id, submitted_at)
     SELECT ?, ?, now() - make_interval(days => d) FROM generate_series(1, 60) d`,
    [steady, m1],
  );
  await k.raw(
    `INSERT INTO daily_attendance (student_id, mission_id, submitted_at)
     SELECT ?, ?, now() - make_interval(days => d) FROM generate_series(1, 5) d`,
    [slipping, m1],
  );
  // An SRE working from another time zone: their calls fall due on their own days.
  [{ id: secondSre }] = await k('users').insert({ email: 'sre2@example.com', name: 'Second SRE', role: 'sre', timezone: 'Pacific/Kiritimati' }).returning('id');
});
afterAll(() => t.close());

describe('student progress (the low-performer report)', () => {
  it('rates attendance over the complete days since joining, and labels risk against the mission thresholds', async () => {
    const good = await progressOf(steady);
    expect(good.days_elapsed).toBeGreaterThanOrEqual(38);
    expect(good.days_attended).toBe(good.days_elapsed);
    expect(Number(good.attendance_rate)).toBe(1);
    expect(good.points).toBe(60); // a point a day, including days before the window
    expect(Number(good.progress)).toBe(1);
    expect(good).toMatchObject({ risk: 'ok', risk_reasons: [] });

    const bad = await progressOf(slipping);
    expect(bad.days_attended).toBe(5);
    expect(Number(bad.attendance_rate)).toBeCloseTo(5 / bad.days_elapsed, 3);
    expect(bad).toMatchObject({ risk: 'high', risk_reasons: ['low_attendance', 'low_points'] });

    // A student who joined today has no complete day to be judged on.
    const fresh = await progressOf(joinedToday);
    expect(fresh).toMatchObject({ days_elapsed: 0, attendance_rate: null, risk: 'ok' });
  });

  it('counts assignments missed after their deadline', async () => {
    const k = t.db.knex;
    const [assignment] = await k('assignments').insert({ mission_id: m1, number: 90, title: 'Past', deadline: k.raw("now() - interval '2 days'") }).returning('id');
    await k('submissions').insert({ assignment_id: assignment.id, student_id: steady, submitted_at: k.raw("now() - interval '3 days'") });
    expect(await progressOf(steady)).toMatchObject({ assignments_due: 1, assignments_missed: 0 });
    expect(await progressOf(slipping)).toMatchObject({ assignments_due: 1, assignments_missed: 1 });
    await k('assignments').where({ id: assignment.id }).delete();
  });

  it('follows the thresholds a manager sets on the mission, and refuses impossible ones', async () => {
    const manager = await as('manager');
    const refused = await request(t.app).put(`/missions/${m1}`).set(manager).send({ risk_attendance_rate: 1.5 });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toMatch(/between 0 and 1/);
    expect((await request(t.app).put(`/missions/${m1}`).set(manager).send({ risk_attendance_rate: 0.1, risk_progress: 0.1 })).status).toBe(200);
    expect(await progressOf(slipping)).toMatchObject({ risk: 'ok', risk_reasons: [] });
    expect((await request(t.app).put(`/missions/${m1}`).set(manager).send({ risk_attendance_rate: 0.6, risk_progress: 0.5 })).status).toBe(200);
    expect((await progressOf(slipping)).risk).toBe('high');
  });

  it('is scoped: a mentor sees only their students, a manager no phone numbers, a student nothing', async () => {
    const mentorRows = await request(t.app).get('/student_progress').query({ filter: JSON.stringify({ mission_id: m1 }), range: '[0,999]' }).set(await as('mentor'));
    const mine: number[] = await t.db.knex('mentor_pairings').where({ mission_id: m1, mentor_id: await t.userId('mentor') }).pluck('student_id');
    expect(mentorRows.body.map((r: { student_id: number }) => Number(r.student_id)).sort()).toEqual(mine.map(Number).sort());
    const other = await t.db.knex('student_progress').where({ mission_id: m1 }).whereNotIn('student_id', mine).first('id');
    expect((await request(t.app).get(`/student_progress/${other.id}`).set(await as('mentor'))).status).toBe(404);
    expect(await progressOf(slipping, 'manager')).not.toHaveProperty('student_phone');
    expect((await progressOf(slipping, 'sre')).student_phone).toMatch(/^\+880/);
    expect((await request(t.app).get('/student_progress').set(await as('student'))).status).toBe(403);
    // The report is a list like any other: it exports what the filter shows.
    const csv = await request(t.app).get('/student_progress/export.csv').query({ filter: JSON.stringify({ mission_id: m1, risk: 'high' }) }).set(await as('sre'));
    expect(csv.status).toBe(200);
    expect(csv.text.split('\n')[0]).toContain('attendance_rate');
  });
});

describe('call lists from the report', () => {
  const generate = async (body: Record<string, unknown>, role: Role = 'sre') => request(t.app).post('/call_lists/generate').set(await as(role)).send(body);

  it('previews without writing, then creates one call per at-risk student, split evenly among SREs', async () => {
    const k = t.db.knex;
    const expected = Number((await k('student_progress').where({ mission_id: m1, risk: 'high', student_status: 'active' }).countDistinct<{ n: string }[]>('student_id as n'))[0].n);
    expect(expected).toBeGreaterThan(100);
    const preview = await generate({ mission_id: m1, risk: ['high'] });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ dry_run: true, students: expected, skipped_open: 0 });
    expect(Number((await k('call_lists').count<{ count: string }[]>('id as count'))[0].count)).toBe(0);
    const loads = preview.body.sres.map((s: { new_calls: number }) => s.new_calls);
    expect(loads).toHaveLength(2);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    // Worst first: the list opens with the students who attend least.
    expect(preview.body.calls.findIndex((c: { student_id: number }) => c.student_id === Number(slipping))).toBeGreaterThan(-1);

    const applied = await generate({ mission_id: m1, risk: ['high'], dry_run: false });
    expect(applied.status).toBe(201);
    const calls = await k('calls').where({ call_list_id: applied.body.call_list_id });
    expect(calls).toHaveLength(expected);
    expect(new Set(calls.map((c) => c.assigned_to)).size).toBe(2);
    expect(calls.find((c) => Number(c.student_id) === Number(slipping))).toMatchObject({ status: 'open', reasons: ['low_attendance', 'low_points'] });
    const { rows: days } = await k.raw(
      `SELECT u.id, to_char((now() AT TIME ZONE u.timezone)::date, 'YYYY-MM-DD') AS today FROM users u WHERE u.role = 'sre'`,
    );
    const todayOf = new Map(days.map((d: { id: number; today: string }) => [Number(d.id), d.today]));
    for (const call of calls) expect(call.due_on.toISOString?.().slice(0, 10) ?? call.due_on).toBe(todayOf.get(Number(call.assigned_to)));
    expect(applied.body.title).toBe('DEMO-B01 M1: high risk');
    // The directory SREs split calls with: open calls per SRE.
    const sres = await request(t.app).get('/sres').set(await as('sre'));
    expect(sres.body.map((r: { open_calls: number }) => r.open_calls).reduce((a: number, b: number) => a + b, 0)).toBe(expected);
    expect(sres.body[0]).not.toHaveProperty('password_hash');
    const audited = await k('audit_log').where({ resource: 'calls', action: 'create' }).count<{ count: string }[]>('id as count');
    expect(Number(audited[0].count)).toBe(expected);

    // Generated again, everyone already has an open call: nothing is written and the answer says why.
    const again = await generate({ mission_id: m1, risk: ['high'], dry_run: false });
    expect(again.status).toBe(422);
    expect(again.body.message).toMatch(/already has an open call/);
    expect(Number((await k('call_lists').count<{ count: string }[]>('id as count'))[0].count)).toBe(1);
  });

  it('refuses what would go wrong, with a reason', async () => {
    expect((await generate({ risk: ['high'] })).body.message).toMatch(/Choose a batch or a mission/);
    const notSre = await generate({ mission_id: m1, sre_ids: [await t.userId('mentor')] });
    expect(notSre.status).toBe(422);
    expect(notSre.body.message).toMatch(/not active SREs/);
    expect((await generate({ mission_id: m1 }, 'manager')).status).toBe(403);
    expect((await generate({ mission_id: m1 }, 'mentor')).status).toBe(403);
    expect((await generate({ mission_id: 999999 })).status).toBe(404);
  });
});

describe('call logs and the follow-up queue', () => {
  let callId: number;
  const log = async (body: Record<string, unknown>, role: Role = 'sre') => request(t.app).post('/call_logs').set(await as(role)).send(body);
  const queue = async (due: string) =>
    (await request(t.app).get('/calls').query({ filter: JSON.stringify({ mine: true, due }), range: '[0,999]' }).set(await as('sre'))).body.map((c: { id: number }) => c.id);

  beforeAll(async () => {
    const call = await t.db.knex('calls').where({ student_id: slipping }).first('id', 'assigned_to');
    // Handed to the demo SRE (Asia/Dhaka) and due on their today: it may have been made for the SRE whose day is ahead.
    await t.db.knex('calls').where({ id: call.id }).update({ assigned_to: await t.userId('sre'), due_on: t.db.knex.raw("(now() AT TIME ZONE 'Asia/Dhaka')::date") });
    callId = call.id;
  });

  it('a missed call stays open and comes back tomorrow; a reached student closes it', async () => {
    expect(await queue('today')).toContain(callId);
    const missed = await log({ call_id: callId, outcome: 'no_answer', notes: 'Rang twice' });
    expect(missed.status).toBe(201);
    expect(Number(missed.body.student_id)).toBe(Number(slipping));
    const call = (await request(t.app).get(`/calls/${callId}`).set(await as('sre'))).body;
    const { rows } = await t.db.knex.raw(`SELECT to_char((now() AT TIME ZONE 'Asia/Dhaka')::date + 1, 'YYYY-MM-DD') AS tomorrow`);
    expect(call).toMatchObject({ status: 'open', attempts: 1, last_outcome: 'no_answer' });
    expect(call.due_on).toContain(rows[0].tomorrow);
    expect(await queue('due')).not.toContain(callId);

    expect((await log({ call_id: callId, outcome: 'picked', notes: 'Internet was down; back tomorrow' })).status).toBe(201);
    expect((await request(t.app).get(`/calls/${callId}`).set(await as('sre'))).body).toMatchObject({ status: 'done', attempts: 2, last_outcome: 'picked' });
  });

  it('a reschedule needs a date that is not past; overdue calls are in the queue', async () => {
    const undated = await log({ call_id: callId, outcome: 'reschedule' });
    expect(undated.status).toBe(422);
    expect(undated.body.message).toBe('Pick the follow-up date the student asked for.');
    const past = await log({ call_id: callId, outcome: 'reschedule', follow_up_on: '2020-01-01' });
    expect(past.status).toBe(422);
    expect(past.body.message).toMatch(/in the past/);
    const other = await t.db.knex('calls').whereNot({ student_id: slipping }).first('id');
    expect((await log({ call_id: other.id, student_id: slipping, outcome: 'busy' })).body.message).toMatch(/another student/);

    await t.db.knex('calls').where({ id: callId }).update({ status: 'open', due_on: t.db.knex.raw("(now() AT TIME ZONE 'Asia/Dhaka')::date - 2") });
    expect(await queue('overdue')).toContain(callId);
    expect(await queue('due')).toContain(callId);
    expect(await queue('today')).not.toContain(callId);
    expect((await request(t.app).get('/calls').query({ filter: JSON.stringify({ due: 'someday' }) }).set(await as('sre'))).status).toBe(400);
  });

  it('only SREs and admins log calls; mentors read the calls about their own students', async () => {
    expect((await log({ call_id: callId, outcome: 'busy' }, 'manager')).status).toBe(403);
    expect((await log({ call_id: callId, outcome: 'busy' }, 'mentor')).status).toBe(403);
    const mentorLogs = await request(t.app).get('/call_logs').set(await as('mentor'));
    expect(mentorLogs.body.length).toBeGreaterThan(0);
    expect(mentorLogs.body.every((l: { student_id: number }) => Number(l.student_id) === Number(slipping))).toBe(true);
    const notMine = await t.db.knex('calls').whereNotIn('student_id', t.db.knex('mentor_pairings').where({ mentor_id: await t.userId('mentor') }).select('student_id')).first('id', 'student_id');
    const [hidden] = await t.db.knex('call_logs').insert({ call_id: notMine.id, student_id: notMine.student_id, caller_id: await t.userId('sre'), outcome: 'busy' }).returning('id');
    expect((await request(t.app).get(`/call_logs/${hidden.id}`).set(await as('mentor'))).status).toBe(404);
    const audited = await t.db.knex('audit_log').where({ resource: 'call_logs', action: 'create' }).count<{ count: string }[]>('id as count');
    expect(Number(audited[0].count)).toBeGreaterThanOrEqual(2);
  });

  it('scripts say what to say per reason, and SREs can edit them', async () => {
    const scripts = await request(t.app).get('/call_scripts').set(await as('sre'));
    expect(scripts.body.map((s: { reason: string }) => s.reason)).toEqual(['low_attendance', 'low_points', 'missed_assignments', 'other']);
    const edited = await request(t.app).put(`/call_scripts/${scripts.body[0].id}`).set(await as('sre')).send({ body: 'Ask what keeps them from checking in.' });
    expect(edited.status).toBe(200);
    expect((await request(t.app).put(`/call_scripts/${scripts.body[0].id}`).set(await as('sre')).send({ body: ' ' })).status).toBe(422);
    expect((await request(t.app).put(`/call_scripts/${scripts.body[0].id}`).set(await as('mentor')).send({ body: 'x' })).status).toBe(403);
  });
});
