import request from 'supertest';
import type { Role } from '../../core/actor';
import { createTestApp, type TestApp } from '../../testing/test-app';

// Issue 12, item 4: moving a mentor's students without raw API calls.
let t: TestApp;
let mission: number;
let mentors: number[];
beforeAll(async () => {
  t = await createTestApp({}, { cohorts: true, mail: 'outbox' });
  mission = await t.missionId('DEMO-B02', 'M1');
  mentors = (await t.db.knex('mission_mentors').where({ mission_id: mission }).orderBy('mentor_id').pluck('mentor_id')).map(Number);
});
afterAll(() => t.close());

const as = async (role: Role) => ({ Authorization: `Bearer ${await t.tokenFor(role)}` });
const reassign = async (body: Record<string, unknown>, role: Role = 'sre') => request(t.app).post('/mentor_pairings/reassign').set(await as(role)).send(body);
const pairingsOf = async (mentorId: number) => (await t.db.knex('mentor_pairings').where({ mission_id: mission, mentor_id: mentorId }).orderBy('student_id').pluck('student_id')).map(Number);
const snapshot = async () => t.db.knex('mentor_pairings').where({ mission_id: mission }).orderBy('id').select('id', 'student_id', 'mentor_id');
const reassignAudits = async () => t.db.knex('audit_log').where({ resource: 'mentor_pairings', action: 'reassign' }).orderBy('id');

it('a dry run answers the balanced plan and changes nothing', async () => {
  const before = await snapshot();
  const own = await pairingsOf(mentors[0]);
  const response = await reassign({ mission_id: mission, from_mentor_id: mentors[0], dry_run: true });
  expect(response.status).toBe(200);
  expect(response.body.dry_run).toBe(true);
  expect(response.body.moved).toBe(0);
  expect(response.body.moves.map((move: { student_id: number }) => move.student_id)).toEqual(own);
  expect(response.body.remaining).toBe(0);
  expect(response.body.from_mentor).toMatchObject({ mentor_id: mentors[0], load_before: own.length, load_after: 0 });
  const targets = response.body.mentors as { mentor_id: number; load_before: number; load_after: number }[];
  expect(targets.map((target) => target.mentor_id)).toEqual(mentors.slice(1));
  const after = targets.map((target) => target.load_after);
  expect(Math.max(...after) - Math.min(...after)).toBeLessThanOrEqual(1);
  expect(after.reduce((a, b) => a + b, 0) - targets.reduce((a, target) => a + target.load_before, 0)).toBe(own.length);
  expect(JSON.stringify(response.body)).not.toContain('@');
  expect(await snapshot()).toEqual(before);
  expect(await reassignAudits()).toHaveLength(0);
});

it('is all or nothing: one student not paired with that mentor refuses the whole move, by name', async () => {
  const before = await snapshot();
  const [first] = await pairingsOf(mentors[0]);
  const [other] = await pairingsOf(mentors[1]);
  const response = await reassign({ mission_id: mission, from_mentor_id: mentors[0], student_ids: [first, other], to_mentor_id: mentors[2], dry_run: false });
  expect(response.status).toBe(422);
  expect(response.body.message).toMatch(new RegExp(`Student #${other} is not paired with .+ on M1\\.`));
  expect(await snapshot()).toEqual(before);
  expect(await reassignAudits()).toHaveLength(0);
  expect(await t.db.knex('outbox_messages').where('subject', 'like', 'Your mentor on%').count({ n: '*' })).toEqual([{ n: 0 }]);
});

it('answers clear messages for what cannot be done', async () => {
  const outsider = Number((await t.db.knex('mission_mentors').whereNot({ mission_id: mission }).whereNotIn('mentor_id', mentors).first('mentor_id')).mentor_id);
  const cases: [Record<string, unknown>, number, RegExp][] = [
    [{ mission_id: 999999, from_mentor_id: mentors[0], dry_run: true }, 404, /mission does not exist/],
    [{ mission_id: mission, from_mentor_id: outsider, dry_run: true }, 422, /is not a mentor on M1/],
    [{ mission_id: mission, from_mentor_id: mentors[0], to_mentor_id: outsider, dry_run: true }, 422, /is not a mentor on M1\. A manager must add them/],
    [{ mission_id: mission, from_mentor_id: mentors[0], to_mentor_id: mentors[0], dry_run: true }, 422, /different mentor/],
    [{ mission_id: mission, from_mentor_id: mentors[0], student_ids: [], dry_run: true }, 422, /at least one student/],
    [{ mission_id: mission, from_mentor_id: mentors[0] }, 422, /dry_run/],
    [{ mission_id: mission, from_mentor_id: mentors[0], dry_run: true, deactivate: 'yes' }, 422, /deactivate/],
  ];
  for (const [body, status, message] of cases) {
    const response = await reassign(body);
    expect({ body, status: response.status }).toEqual({ body, status });
    expect(response.body.message).toMatch(message);
  }
});

it('refuses with 409 when no other mentor has room, naming how many would be left over', async () => {
  const k = t.db.knex;
  const loads = await Promise.all(mentors.slice(1).map(pairingsOf));
  for (const [i, mentorId] of mentors.slice(1).entries()) await k('mission_mentors').where({ mission_id: mission, mentor_id: mentorId }).update({ capacity: loads[i].length + 1 });
  try {
    const response = await reassign({ mission_id: mission, from_mentor_id: mentors[0], dry_run: false });
    expect(response.status).toBe(409);
    expect(response.body.message).toMatch(/No other mentor on M1 has room for \d+ of the \d+ students/);
    const one = await reassign({ mission_id: mission, from_mentor_id: mentors[0], to_mentor_id: mentors[1], student_ids: (await pairingsOf(mentors[0])).slice(0, 2), dry_run: true });
    expect(one.status).toBe(409);
    expect(one.body.message).toMatch(/has room for only 1 of the 2 students/);
  } finally {
    await k('mission_mentors').where({ mission_id: mission }).update({ capacity: null });
  }
});

it('is for the roles that change pairings: a mentor, a manager or a student cannot', async () => {
  for (const role of ['mentor', 'manager', 'student', 'developer'] as Role[]) {
    const response = await reassign({ mission_id: mission, from_mentor_id: mentors[0], dry_run: true }, role);
    expect({ role, status: response.status }).toEqual({ role, status: 403 });
  }
  expect((await reassign({ mission_id: mission, from_mentor_id: mentors[0], dry_run: true }, 'admin')).status).toBe(200);
});

it('moves chosen students to a chosen mentor: audited, the students and the new mentor told', async () => {
  const chosen = (await pairingsOf(mentors[0])).slice(0, 2);
  const response = await reassign({ mission_id: mission, from_mentor_id: mentors[0], student_ids: chosen, to_mentor_id: mentors[1], dry_run: false });
  expect(response.status).toBe(200);
  expect(response.body).toMatchObject({ dry_run: false, moved: 2 });
  expect(await pairingsOf(mentors[1])).toEqual(expect.arrayContaining(chosen));
  expect(await pairingsOf(mentors[0])).not.toEqual(expect.arrayContaining([chosen[0]]));

  const audits = await reassignAudits();
  expect(audits).toHaveLength(2);
  expect(audits[0]).toMatchObject({ actor_role: 'sre', before: expect.objectContaining({ mentor_id: mentors[0] }), after: expect.objectContaining({ mentor_id: mentors[1] }) });

  const students = await t.db.knex('users').whereIn('id', chosen).pluck('email');
  const mentor = await t.db.knex('users').where({ id: mentors[1] }).first('email', 'name');
  const mails = await t.db.knex('outbox_messages').whereIn('to', [...students, mentor.email]).select('to', 'subject', 'text');
  expect(mails.filter((mail) => students.includes(mail.to)).map((mail) => mail.subject)).toEqual([`Your mentor on M1 is now ${mentor.name}`, `Your mentor on M1 is now ${mentor.name}`]);
  expect(mails.find((mail) => mail.to === mentor.email)).toMatchObject({ subject: '2 new students for you on M1' });
});

it('moves all of a mentor’s students, balanced by load, in one go', async () => {
  const own = await pairingsOf(mentors[0]);
  const others = await Promise.all(mentors.slice(1).map(pairingsOf));
  const response = await reassign({ mission_id: mission, from_mentor_id: mentors[0], dry_run: false });
  expect(response.status).toBe(200);
  expect(response.body.moved).toBe(own.length);
  expect(await pairingsOf(mentors[0])).toEqual([]);
  const after = await Promise.all(mentors.slice(1).map(async (id) => (await pairingsOf(id)).length));
  expect(after.reduce((a, b) => a + b, 0)).toBe(others.reduce((a, list) => a + list.length, 0) + own.length);
  expect(Math.max(...after) - Math.min(...after)).toBeLessThanOrEqual(1);
  expect(await reassignAudits()).toHaveLength(2 + own.length);
  const again = await reassign({ mission_id: mission, from_mentor_id: mentors[0], dry_run: true });
  expect(again.status).toBe(422);
  expect(again.body.message).toMatch(/has no students on M1 to move/);
});

it('marks a mentor inactive on the mission once all their students are moved; inactive mentors take no one', async () => {
  const k = t.db.knex;
  const some = await reassign({ mission_id: mission, from_mentor_id: mentors[1], student_ids: (await pairingsOf(mentors[1])).slice(0, 1), deactivate: true, dry_run: false });
  expect(some.status).toBe(422);
  expect(some.body.message).toMatch(/only when all their students move/);

  const own = await pairingsOf(mentors[1]);
  const response = await reassign({ mission_id: mission, from_mentor_id: mentors[1], deactivate: true, dry_run: false });
  expect(response.status).toBe(200);
  expect(response.body).toMatchObject({ moved: own.length, remaining: 0, deactivated: true });
  // mentors[0] has no students left but is still active: the emptiest target, so first to fill.
  expect(response.body.mentors.find((m: { mentor_id: number }) => m.mentor_id === mentors[0])).toMatchObject({ load_before: 0 });
  expect(await pairingsOf(mentors[1])).toEqual([]);
  expect(await k('mission_mentors').where({ mission_id: mission, mentor_id: mentors[1] }).first('active')).toEqual({ active: false });
  expect(await k('audit_log').where({ resource: 'mission_mentors', action: 'deactivate' }).count({ n: '*' })).toEqual([{ n: 1 }]);

  // No longer a target, by balancing, by choice or by hand.
  const plan = await reassign({ mission_id: mission, from_mentor_id: mentors[2], dry_run: true });
  expect(plan.body.mentors.map((m: { mentor_id: number }) => m.mentor_id)).not.toContain(mentors[1]);
  const chosen = await reassign({ mission_id: mission, from_mentor_id: mentors[2], to_mentor_id: mentors[1], dry_run: true });
  expect(chosen.status).toBe(422);
  expect(chosen.body.message).toMatch(/is not active on M1/);
  const [student] = await pairingsOf(mentors[2]);
  const byHand = await request(t.app).post('/mentor_pairings').set(await as('sre')).send({ mission_id: mission, student_id: student, mentor_id: mentors[1] });
  expect(byHand.status).toBeGreaterThanOrEqual(400);
  expect(byHand.status).toBeLessThan(500);
  expect(byHand.body.message).toMatch(/no longer mentors on this mission/);
  const again = await reassign({ mission_id: mission, from_mentor_id: mentors[1], deactivate: true, dry_run: false });
  expect(again.status).toBe(409);
  expect(again.body.message).toMatch(/already inactive/);
});
