import request from 'supertest';
import type { Role } from '../core/actor';
import { createTestApp, type TestApp } from '../testing/test-app';

let t: TestApp;
let student: number;
let other: number;
let m1: number;
const NAME = 'Zahid Erasable-Quill';
const PHONE = '+880 1711 424242';
const ADDRESS = 'House 7, Road 3, Quill Lane';
const EMAIL = 'student@example.com';

beforeAll(async () => {
  t = await createTestApp({}, { cohorts: true });
  const k = t.db.knex;
  student = await t.userId('student');
  const b1 = (await k('batches').where({ code: 'DEMO-B01' }).first('id')).id;
  m1 = (await k('missions').where({ batch_id: b1, code: 'M1' }).first('id')).id;
  other = (await k('mission_enrolments').where({ mission_id: m1 }).whereNot({ student_id: student }).first('student_id')).student_id;
  await k('users').where({ id: student }).update({ name: NAME, phone: PHONE });
  await k('students').where({ id: student }).update({ address: ADDRESS });
  await k('missions').where({ id: m1 }).update({ status: 'active' });

  const token = await t.tokenFor('student');
  const asStudent = { Authorization: `Bearer ${token}` };
  expect((await request(t.app).post('/attendance').set(asStudent).send({ mission_id: m1, note: 'QUILL-NOTE: built the navbar' })).status).toBe(201);
  await k('daily_attendance').insert({ student_id: student, mission_id: m1, submitted_at: k.raw("now() - interval '2 days'"), note: 'QUILL-NOTE 2' });
  const ticket = await request(t.app).post('/tickets').set(asStudent).send({ recipient: 'sre', subject: 'QUILL-SUBJECT', body: 'QUILL-BODY: my phone is broken' });
  expect(ticket.status).toBe(201);
  expect((await request(t.app).post('/ticket_messages').set(await as('sre')).send({ ticket_id: ticket.body.id, body: 'Staff reply' })).status).toBe(201);
  expect((await request(t.app).post('/feature_requests').set(asStudent).send({ title: 'Dark mode', body: 'QUILL-IDEA: for late nights' })).status).toBe(201);
  const admin = await t.userId('admin');
  const [kase] = await k('integrity_cases').insert({ student_id: student, kind: 'other', description: 'Shared answers.', opened_by: admin }).returning('id');
  await k('appeals').insert({ case_id: kase.id, student_id: student, statement: 'QUILL-APPEAL: it was my own work', link: 'https://quill.test/proof' });
  await k('mentor_notes').insert({ student_id: student, mission_id: m1, author_id: await t.userId('mentor'), body: 'Struggles with CSS' });
  expect((await request(t.app).post('/me/calendar-feed').set(asStudent)).status).toBe(201);
  await k('outbox_messages').insert({ to: EMAIL, subject: 'Welcome', text: `Hello ${NAME}` });
  await k('imports').insert({ kind: 'pairings', created_by: admin, status: 'failed', finished_at: k.fn.now(), total_rows: 2, processed_rows: 2, error_count: 2, errors: JSON.stringify([{ line: 2, email: EMAIL, action: 'error', messages: ['x'] }, { line: 3, email: 'someone@else.test', action: 'error', messages: ['y'] }]) });
  await k('submission_pastes').insert({ assignment_id: (await k('assignments').insert({ mission_id: m1, number: 99, title: 'Paste', deadline: k.raw("now() + interval '1 day'") }).returning('id'))[0].id, pasted_by: admin, taken_at: k.fn.now(), email_count: 2, recorded_count: 0, already_count: 0, unknown_emails: JSON.stringify([]), not_enrolled_emails: JSON.stringify([EMAIL, 'someone@else.test']) });
});
afterAll(() => t.close());

const as = async (role: Role) => ({ Authorization: `Bearer ${await t.tokenFor(role)}` });

describe('GET /students/:id/export', () => {
  it.each<Role>(['developer', 'manager', 'sre', 'mentor', 'student'])('refuses a %s (403)', async (role) => {
    const response = await request(t.app).get(`/students/${student}/export`).set(await as(role));
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('FORBIDDEN');
  });

  it('answers 404 for an id that is not a student', async () => {
    expect((await request(t.app).get(`/students/${await t.userId('mentor')}/export`).set(await as('admin'))).status).toBe(404);
    expect((await request(t.app).get('/students/99999999/export').set(await as('admin'))).status).toBe(404);
  });

  it("gives an admin everything held about the student, and nothing of another student's; audited", async () => {
    const response = await request(t.app).get(`/students/${student}/export`).set(await as('admin'));
    expect(response.status).toBe(200);
    const doc = response.body;
    expect(doc.user).toMatchObject({ id: student, email: EMAIL, name: NAME, phone: PHONE });
    expect(doc.user).not.toHaveProperty('password_hash');
    expect(doc.student).toMatchObject({ id: student, address: ADDRESS });
    expect(doc.daily_attendance.map((row: { note: string }) => row.note).sort()).toEqual(['QUILL-NOTE 2', 'QUILL-NOTE: built the navbar']);
    expect(doc.daily_attendance.every((row: { student_id: number }) => row.student_id === student)).toBe(true);
    expect(JSON.stringify(doc.daily_attendance)).not.toContain(`"student_id":${other},`);
    expect(doc.mission_enrolments.length).toBeGreaterThan(0);
    expect(doc.mentor_pairings.length).toBeGreaterThan(0);
    expect(doc.points_ledger.length).toBe(2);
    expect(doc.ticket_messages.map((m: { body: string }) => m.body)).toEqual(['QUILL-BODY: my phone is broken', 'Staff reply']);
    expect(doc.appeals[0].statement).toBe('QUILL-APPEAL: it was my own work');
    expect(doc.integrity_cases).toHaveLength(1);
    expect(doc.feature_requests[0].body).toBe('QUILL-IDEA: for late nights');
    expect(doc.mentor_notes[0].body).toBe('Struggles with CSS');
    expect(doc.sessions.length).toBeGreaterThan(0);
    expect(doc.emails.map((m: { subject: string }) => m.subject)).toContain('Welcome');
    expect(doc.calendar_feed).toEqual([{ created_at: expect.any(String), last_fetched_at: null }]);
    for (const section of [doc.sessions, doc.account_tokens]) {
      for (const row of section) expect(Object.keys(row)).not.toEqual(expect.arrayContaining(['token_hash']));
    }
    expect(JSON.stringify(doc)).not.toMatch(/token_hash|csrf_token|password_hash/);
    // Audit entries by them (their attendance, their ticket) and about their rows.
    const audited = doc.audit_log.map((e: { resource: string; action: string }) => `${e.action} ${e.resource}`);
    expect(audited).toEqual(expect.arrayContaining(['create daily_attendance', 'create tickets', 'create ticket_messages']));
    const entry = await t.db.knex('audit_log').where({ action: 'export', resource: 'students', record_id: String(student) }).first();
    expect(entry).toMatchObject({ actor_role: 'admin' });
    expect(entry.after.sections.daily_attendance).toBe(2);
  });
});

describe('POST /students/:id/erase', () => {
  it.each<Role>(['developer', 'manager', 'sre', 'mentor', 'student'])('refuses a %s (403)', async (role) => {
    expect((await request(t.app).post(`/students/${student}/erase`).set(await as(role)).send({ confirm: EMAIL })).status).toBe(403);
  });

  it('refuses a wrong or missing confirmation with a clear 422, and writes nothing', async () => {
    const audits = await t.db.knex('audit_log').count({ n: '*' });
    for (const body of [{ confirm: 'someone@else.test' }, {}]) {
      const response = await request(t.app).post(`/students/${student}/erase`).set(await as('admin')).send(body);
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: { confirm: expect.any(String) } } });
      expect(response.body.message).toMatch(/email address/);
    }
    expect((await t.db.knex('users').where({ id: student }).first('email', 'name', 'phone', 'status'))).toEqual({ email: EMAIL, name: NAME, phone: PHONE, status: 'active' });
    expect(await t.db.knex('audit_log').count({ n: '*' })).toEqual(audits);
    expect((await request(t.app).get('/auth/me').set(await as('student'))).status).toBe(200);
  });

  it('anonymises the account, removes their words, keeps the rows and the trail', async () => {
    const k = t.db.knex;
    const countsBefore = {
      ticket_messages: (await k('ticket_messages').count({ n: '*' }))[0].n,
      attendance: (await k('daily_attendance').where({ student_id: student }).count({ n: '*' }))[0].n,
      points: (await k('points_ledger').where({ student_id: student }).sum({ p: 'points' }))[0].p,
    };
    const studentToken = await t.tokenFor('student');
    const response = await request(t.app).post(`/students/${student}/erase`).set(await as('admin')).send({ confirm: ' Student@Example.com ' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: student, erased: true, user: { name: `Erased student #${student}`, email: `erased-${student}@invalid.example`, phone: null, status: 'disabled', address: null } });

    const users = JSON.stringify(await k.raw('SELECT row_to_json(u) FROM users u').then((r) => r.rows));
    const students = JSON.stringify(await k.raw('SELECT row_to_json(s) FROM students s').then((r) => r.rows));
    for (const secret of [EMAIL, NAME, PHONE, ADDRESS]) {
      expect(users).not.toContain(secret);
      expect(students).not.toContain(secret);
    }
    expect(await k('users').where({ id: student }).first('password_hash', 'status')).toEqual({ password_hash: null, status: 'disabled' });
    expect(await k('sessions').where({ user_id: student }).count({ n: '*' })).toEqual([{ n: 0 }]);
    expect(await k('user_tokens').where({ user_id: student }).count({ n: '*' })).toEqual([{ n: 0 }]);
    expect(await k('calendar_feeds').where({ user_id: student }).count({ n: '*' })).toEqual([{ n: 0 }]);
    expect((await request(t.app).get('/auth/me').set('Authorization', `Bearer ${studentToken}`)).status).toBe(401);

    // Their words are gone; the rows (and so counts, points and the audit trail's ids) stay.
    expect(await k('ticket_messages').where({ author_id: student }).pluck('body')).toEqual(['[erased]']);
    expect(await k('ticket_messages').where({ body: 'Staff reply' }).count({ n: '*' })).toEqual([{ n: 1 }]);
    expect(await k('tickets').where({ student_id: student }).pluck('subject')).toEqual(['[erased]']);
    expect(await k('feature_requests').where({ author_id: student }).pluck('body')).toEqual(['']);
    expect(await k('appeals').where({ student_id: student }).first('statement', 'link')).toEqual({ statement: '[erased]', link: null });
    expect(await k('daily_attendance').where({ student_id: student }).pluck('note')).toEqual(['', '']);
    expect((await k('ticket_messages').count({ n: '*' }))[0].n).toBe(countsBefore.ticket_messages);
    expect((await k('daily_attendance').where({ student_id: student }).count({ n: '*' }))[0].n).toBe(countsBefore.attendance);
    expect((await k('points_ledger').where({ student_id: student }).sum({ p: 'points' }))[0].p).toBe(countsBefore.points);
    const paste = await k('submission_pastes').orderBy('id', 'desc').first('not_enrolled_emails');
    expect(paste.not_enrolled_emails).toEqual([`erased-${student}@invalid.example`, 'someone@else.test']);
    expect(await k('outbox_messages').where({ to: EMAIL }).count({ n: '*' })).toEqual([{ n: 0 }]);
    expect((await k('imports').orderBy('id', 'desc').first('errors')).errors.map((e: { email: string }) => e.email)).toEqual([`erased-${student}@invalid.example`, 'someone@else.test']);

    // One 'erase' entry, with the anonymised values and what changed, not the erased values.
    const entry = await k('audit_log').where({ action: 'erase', resource: 'students', record_id: String(student) }).first();
    expect(entry.after).toMatchObject({ email: `erased-${student}@invalid.example`, changed: { ticket_messages: 1, appeals: 1, users: 1 } });
    for (const secret of [EMAIL, NAME, PHONE, ADDRESS, 'QUILL']) expect(JSON.stringify([entry.before, entry.after])).not.toContain(secret);
    // The audit log stays append-only.
    await expect(k('audit_log').where({ id: entry.id }).delete()).rejects.toThrow(/append-only/);
  });
});
