import request from 'supertest';
import type { Role } from '../../core/actor';
import { insertSessions } from '../../testing/bulk-sessions';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
let m1: number;
let m3: number;
let student: number;
beforeAll(async () => {
  t = await createTestApp({}, { cohorts: true });
  const k = t.db.knex;
  const b1 = (await k('batches').where({ code: 'DEMO-B01' }).first('id')).id;
  m1 = (await k('missions').where({ batch_id: b1, code: 'M1' }).first('id')).id;
  m3 = (await k('missions').where({ batch_id: b1, code: 'M3' }).first('id')).id;
  student = await t.userId('student');
});
afterAll(() => t.close());

const as = async (role: Role) => ({ Authorization: `Bearer ${await t.tokenFor(role)}` });

const sessionsFor = (studentIds: number[]) => insertSessions(t.db.knex, studentIds);

describe('the batch-local day', () => {
  it('puts submissions around local midnight on the right days (Asia/Dhaka is UTC+6)', async () => {
    const k = t.db.knex;
    const other = (await k('mission_enrolments').where({ mission_id: m1 }).whereNot({ student_id: student }).first('student_id')).student_id;
    const rows = await k('daily_attendance')
      .insert([
        { student_id: other, mission_id: m1, submitted_at: '2026-11-27T17:59:00Z' },
        { student_id: other, mission_id: m1, submitted_at: '2026-11-27T18:01:00Z' },
      ])
      .returning(k.raw("to_char(local_date, 'YYYY-MM-DD') AS day"));
    expect(rows.map((r: { day: string }) => r.day)).toEqual(['2026-11-27', '2026-11-28']);
    await expect(k('daily_attendance').insert({ student_id: other, mission_id: m1, submitted_at: '2026-11-28T17:00:00Z' })).rejects.toMatchObject({ constraint: 'daily_attendance_once_a_day' });
    await k('batches').where({ code: 'DEMO-B01' }).update({ timezone: 'America/New_York' });
    const [ny] = await k('daily_attendance').insert({ student_id: other, mission_id: m1, submitted_at: '2026-11-30T03:00:00Z' }).returning(k.raw("to_char(local_date, 'YYYY-MM-DD') AS day"));
    expect(ny.day).toBe('2026-11-29');
    await k('batches').where({ code: 'DEMO-B01' }).update({ timezone: 'Asia/Dhaka' });
    await k('daily_attendance').where({ student_id: other }).delete();
  });

  it("records today's attendance through the API on the batch's local date, with its points", async () => {
    const response = await request(t.app).post('/attendance').set(await as('student')).send({ mission_id: m1, note: 'Finished the CSS grid exercise' });
    expect(response.status).toBe(201);
    const { rows } = await t.db.knex.raw("select to_char((now() at time zone 'Asia/Dhaka')::date, 'YYYY-MM-DD') as today");
    expect(response.body.local_date).toBe(rows[0].today);
    expect(response.body.message).toBe(`Attendance recorded for ${rows[0].today}.`);
    const ledger = await t.db.knex('points_ledger').where({ attendance_id: response.body.id }).first();
    expect(ledger).toMatchObject({ student_id: student, mission_id: m1, points: 1, reason: 'attendance' });
    expect(await t.db.knex('audit_log').where({ resource: 'daily_attendance', record_id: String(response.body.id) }).count({ n: '*' })).toEqual([{ n: 1 }]);

    const again = await request(t.app).post('/attendance').set(await as('student')).send({ mission_id: m1 });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe("You already submitted today's attendance for this mission.");
  });

  it('refuses, with a clear message, a mission that is not active, one the student is not in, and staff', async () => {
    await t.db.knex('mission_enrolments').insert({ mission_id: m3, student_id: student });
    const upcoming = await request(t.app).post('/attendance').set(await as('student')).send({ mission_id: m3 });
    expect(upcoming.status).toBe(422);
    expect(upcoming.body.message).toBe('This mission is not active, so attendance is closed.');
    const b2m1 = await t.missionId('DEMO-B02', 'M1');
    const notMine = await request(t.app).post('/attendance').set(await as('student')).send({ mission_id: b2m1 });
    expect(notMine.status).toBe(422);
    expect(notMine.body.message).toBe('You are not enrolled in this mission.');
    const staff = await request(t.app).post('/attendance').set(await as('mentor')).send({ mission_id: m1 });
    expect(staff.status).toBe(403);
  });

  it('submits only for the signed-in student, whatever the body says', async () => {
    const other = (await t.db.knex('mission_enrolments').where({ mission_id: m1 }).whereNot({ student_id: student }).orderBy('student_id', 'desc').first('student_id')).student_id;
    await request(t.app).post('/attendance').set(await as('student')).send({ mission_id: m1, student_id: other });
    expect(await t.db.knex('daily_attendance').where({ student_id: other }).count({ n: '*' })).toEqual([{ n: 0 }]);
  });
});

describe('concurrency', () => {
  it('50 parallel submissions by one student for one day give one row, one ledger entry and no 500', async () => {
    const someone = (await t.db.knex('mission_enrolments').where({ mission_id: m1 }).whereNot({ student_id: student }).orderBy('student_id').offset(3).first('student_id')).student_id;
    const [token] = await sessionsFor([someone]);
    const responses = await Promise.all(Array.from({ length: 50 }, () => request(t.app).post('/attendance').set('Authorization', `Bearer ${token}`).send({ mission_id: m1 })));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    expect(await t.db.knex('daily_attendance').where({ student_id: someone, mission_id: m1 }).count({ n: '*' })).toEqual([{ n: 1 }]);
    expect(await t.db.knex('points_ledger').where({ student_id: someone, mission_id: m1, reason: 'attendance' }).count({ n: '*' })).toEqual([{ n: 1 }]);
  });

  it('a whole batch submitting at once: every accepted response has its row and its points', async () => {
    const k = t.db.knex;
    // 3,000 students in one active mission.
    await k.transaction(async (trx) => {
      const [batch] = await trx('batches').insert({ code: 'PEAK', title: 'Peak batch', status: 'active', starts_on: '2026-01-01', ends_on: '2027-12-31' }).returning('id');
      const [mission] = await trx('missions').insert({ batch_id: batch.id, code: 'P1', title: 'Peak mission', status: 'active', starts_on: '2026-01-01', ends_on: '2027-12-31' }).returning('id');
      await trx.raw(`INSERT INTO users (email, name, role) SELECT 'peak' || i || '@peak.test', 'Peak ' || i, 'student' FROM generate_series(1, 3000) i`);
      await trx.raw(`INSERT INTO batch_enrolments (batch_id, student_id) SELECT ?, id FROM users WHERE email LIKE '%@peak.test'`, [batch.id]);
      await trx.raw(`INSERT INTO mission_enrolments (mission_id, student_id) SELECT ?, id FROM users WHERE email LIKE '%@peak.test'`, [mission.id]);
    });
    const mission = (await k('missions').where({ code: 'P1' }).first('id')).id;
    const ids: number[] = await k('users').where('email', 'like', '%@peak.test').orderBy('id').pluck('id');
    const tokens = await sessionsFor(ids);
    const server = await t.listen();
    const statuses: number[] = new Array(ids.length);
    let next = 0;
    const worker = async () => {
      while (next < ids.length) {
        const i = next++;
        const response = await fetch(`${server.url}/attendance`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${tokens[i]}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ mission_id: mission, note: 'peak' }),
        });
        statuses[i] = response.status;
        await response.arrayBuffer();
      }
    };
    await Promise.all(Array.from({ length: 128 }, worker));
    await server.close();
    expect(statuses.filter((s) => s === 201)).toHaveLength(3000);
    expect(await k('daily_attendance').where({ mission_id: mission }).count({ n: '*' })).toEqual([{ n: 3000 }]);
    expect(await k('points_ledger').where({ mission_id: mission }).count({ n: '*' })).toEqual([{ n: 3000 }]);
  });
});

describe('scope', () => {
  it("a mentor sees attendance only of their students; a student only their own", async () => {
    const mentor = await t.userId('mentor');
    const list = await request(t.app).get('/daily_attendance').query({ range: '[0,999]' }).set(await as('mentor'));
    expect(list.status).toBe(200);
    const paired = new Set(await t.db.knex('mentor_pairings').where({ mentor_id: mentor }).pluck('student_id'));
    expect(list.body.length).toBeGreaterThan(0);
    expect(list.body.every((row: { student_id: number }) => paired.has(row.student_id))).toBe(true);
    const foreign = await t.db.knex('daily_attendance').whereNotIn('student_id', [...paired]).first('id');
    expect((await request(t.app).get(`/daily_attendance/${foreign.id}`).set(await as('mentor'))).status).toBe(404);
    expect((await request(t.app).get(`/daily_attendance/${foreign.id}`).set(await as('student'))).status).toBe(404);
    const own = await request(t.app).get('/daily_attendance').set(await as('student'));
    expect(own.body.every((row: { student_id: number }) => row.student_id === student)).toBe(true);
  });

  it("a student can't read another student's points or the leaderboard", async () => {
    const foreign = await t.db.knex('points_ledger').whereNot({ student_id: student }).first('id');
    expect((await request(t.app).get(`/points_ledger/${foreign.id}`).set(await as('student'))).status).toBe(404);
    const list = await request(t.app).get('/points_ledger').set(await as('student'));
    expect(list.body.every((row: { student_id: number }) => row.student_id === student)).toBe(true);
    expect((await request(t.app).get(`/missions/${m1}/leaderboard`).set(await as('student'))).status).toBe(403);
  });
});
