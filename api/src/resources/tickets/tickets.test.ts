import request from 'supertest';
import type { Role } from '../../core/actor';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../../testing/test-app';

let t: TestApp;
let m1: number;
let otherStudentTicket: number;
beforeAll(async () => {
  t = await createTestApp({}, { cohorts: true });
  const k = t.db.knex;
  m1 = await t.missionId('DEMO-B01', 'M1');
  // A ticket from a student paired only with another mentor.
  const mentor = await t.userId('mentor');
  const other = await k('mentor_pairings').where({ mission_id: m1 }).whereNotIn('student_id', k('mentor_pairings').select('student_id').where({ mentor_id: mentor })).first('student_id');
  const [ticket] = await k('tickets').insert({ student_id: other.student_id, recipient: 'mentor', mission_id: m1, subject: 'Not yours' }).returning('id');
  await k('ticket_messages').insert({ ticket_id: ticket.id, author_id: other.student_id, body: 'Private question' });
  otherStudentTicket = ticket.id;
});
afterAll(() => t.close());

const as = async (role: Role) => ({ Authorization: `Bearer ${await t.tokenFor(role)}` });

it('a student writes to their mentor; the mentor replies; each side is notified; status follows the thread', async () => {
  const created = await request(t.app).post('/tickets').set(await as('student')).send({ recipient: 'mentor', mission_id: m1, subject: 'Stuck on flexbox', body: 'My layout breaks at 360 px.', links: ['https://gist.test/abc'] });
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({ status: 'open', message_count: 1 });
  expect(created.body.waiting_since).not.toBeNull();
  const inbox = await request(t.app).get('/tickets').set(await as('mentor'));
  expect(inbox.body.map((row: { id: number }) => row.id)).toContain(created.body.id);
  const reply = await request(t.app).post('/ticket_messages').set(await as('mentor')).send({ ticket_id: created.body.id, body: 'Use flex-wrap: wrap.' });
  expect(reply.status).toBe(201);
  const after = await request(t.app).get(`/tickets/${created.body.id}`).set(await as('student'));
  expect(after.body).toMatchObject({ status: 'waiting', message_count: 2, waiting_since: null });
  const mail = await t.db.knex('outbox_messages').where({ to: 'student@example.com' }).orderBy('id', 'desc').first('subject', 'text');
  expect(mail.subject).toBe('New reply: Stuck on flexbox');
  const thread = await request(t.app).get('/ticket_messages').query({ filter: JSON.stringify({ ticket_id: created.body.id }), sort: JSON.stringify(['created_at', 'ASC']) }).set(await as('student'));
  expect(thread.body.map((m: { body: string }) => m.body)).toEqual(['My layout breaks at 360 px.', 'Use flex-wrap: wrap.']);
  const close = await request(t.app).put(`/tickets/${created.body.id}`).set(await as('student')).send({ status: 'closed' });
  expect(close.body.status).toBe('closed');
});

it("a mentor gets 404 for another mentor's student's ticket, and a student for another student's", async () => {
  expect((await request(t.app).get(`/tickets/${otherStudentTicket}`).set(await as('mentor'))).status).toBe(404);
  expect((await request(t.app).get(`/tickets/${otherStudentTicket}`).set(await as('student'))).status).toBe(404);
  expect((await request(t.app).post('/ticket_messages').set(await as('mentor')).send({ ticket_id: otherStudentTicket, body: 'peek' })).status).toBe(404);
  const messages = await request(t.app).get('/ticket_messages').query({ filter: JSON.stringify({ ticket_id: otherStudentTicket }) }).set(await as('student'));
  expect(messages.body).toEqual([]);
  // The SRE inbox holds SRE tickets only.
  expect((await request(t.app).get(`/tickets/${otherStudentTicket}`).set(await as('sre'))).status).toBe(404);
});

it('mentor notes never reach a student, through any student route', async () => {
  const student = await t.userId('student');
  const note = await request(t.app).post('/mentor_notes').set(await as('mentor')).send({ student_id: student, mission_id: m1, body: 'SECRET-NOTE-7f3a: struggles with deadlines' });
  expect(note.status).toBe(201);
  expect((await request(t.app).get('/mentor_notes').set(await as('sre'))).body.map((n: { body: string }) => n.body)).toContain('SECRET-NOTE-7f3a: struggles with deadlines');
  const headers = await as('student');
  expect((await request(t.app).get('/mentor_notes').set(headers)).status).toBe(403);
  expect((await request(t.app).get(`/mentor_notes/${note.body.id}`).set(headers)).status).toBe(403);
  const paths = ['/auth/me', '/me/dashboard', '/me/standing', '/me/notices', `/students/${student}`, '/students', '/mission_enrolments', '/mentor_pairings', '/missions', '/batches', '/daily_attendance', '/points_ledger', '/submissions', '/assignments', '/meetings', '/tickets', '/ticket_messages', '/integrity_cases', '/appeals', '/feature_requests', '/students/export.csv'];
  for (const path of paths) {
    const response = await request(t.app).get(path).set(headers);
    expect(response.text).not.toContain('SECRET-NOTE-7f3a');
  }
  // Another mentor's note on the same student and mission is readable by this mentor but changeable only by its author.
  const colleague = (await t.db.knex('users').where('email', 'like', 'demo.mentor.b1.%').first('id')).id;
  const [theirs] = await t.db.knex('mentor_notes').insert({ student_id: student, mission_id: m1, author_id: colleague, body: 'Colleague note' }).returning('id');
  expect((await request(t.app).get(`/mentor_notes/${theirs.id}`).set(await as('mentor'))).status).toBe(200);
  expect((await request(t.app).put(`/mentor_notes/${theirs.id}`).set(await as('mentor')).send({ body: 'Rewritten' })).status).toBe(404);
  expect((await request(t.app).delete(`/mentor_notes/${theirs.id}`).set(await as('mentor'))).status).toBe(404);
  expect((await request(t.app).put(`/mentor_notes/${note.body.id}`).set(await as('mentor')).send({ body: 'SECRET-NOTE-7f3a: better now' })).status).toBe(200);
  const otherMentorNote = await request(t.app).post('/mentor_notes').set(await as('mentor')).send({ student_id: (await t.db.knex('users').where('email', 'like', 'demo.student.b2.%').first('id')).id, mission_id: m1, body: 'x' });
  expect(otherMentorNote.status).toBe(404);
});

it('feature requests: students submit and upvote once; staff reply publicly', async () => {
  const idea = await request(t.app).post('/feature_requests').set(await as('student')).send({ title: 'Dark mode', body: 'For late-night study.' });
  expect(idea.status).toBe(201);
  const first = await request(t.app).post(`/feature_requests/${idea.body.id}/vote`).set(await as('student'));
  const second = await request(t.app).post(`/feature_requests/${idea.body.id}/vote`).set(await as('student'));
  expect([first.body.vote_count, second.body.vote_count]).toEqual([1, 1]);
  expect((await request(t.app).put(`/feature_requests/${idea.body.id}`).set(await as('student')).send({ status: 'done' })).status).toBe(403);
  const reviewed = await request(t.app).put(`/feature_requests/${idea.body.id}`).set(await as('manager')).send({ status: 'planned', public_reply: 'Coming next month.' });
  expect(reviewed.body).toMatchObject({ status: 'planned', public_reply: 'Coming next month.', vote_count: 1 });
  const other = (await request(t.app).post('/auth/token').send({ email: 'mentor@example.com', password: DEMO_PASSWORD })).body.token;
  expect((await request(t.app).post(`/feature_requests/${idea.body.id}/vote`).set('Authorization', `Bearer ${other}`)).status).toBe(403);
});
