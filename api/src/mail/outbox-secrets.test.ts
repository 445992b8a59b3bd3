import { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import type { Role } from '../core/actor';
import { createTestApp, lastMailTo, type TestApp } from '../testing/test-app';
import { Mailer } from './mailer';
import { REDACTED_LINK, redactSecrets } from './redact';

// Issue 15, items 1 and 7: mail secrets (reset, verification, invitation, sign-in links) are readable by their
// recipient only — not in the outbox, not in the log.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, { mail: 'outbox' });
});
afterAll(() => t.close());

const as = async (role: Role) => ({ Authorization: `Bearer ${await t.tokenFor(role)}` });

it('redacts every link and token-like run of characters, and nothing else', () => {
  const text = 'Hello Rahim,\n\nChoose a new password here:\nhttp://portal.test/reset-password?token=Zq1_x-Vb9tY3kLmN0pQrStUvWxYz0123456789abcd\n\nCode: Zq1_x-Vb9tY3kLmN0pQrStUvWxYz01234567\nThe link works once.';
  const redacted = redactSecrets(text);
  expect(redacted).toBe(`Hello Rahim,\n\nChoose a new password here:\n${REDACTED_LINK}\n\nCode: [secret removed]\nThe link works once.`);
});

it("keeps no live link in the outbox: a developer can't take over the admin's account from it", async () => {
  await request(t.app).post('/auth/password/forgot').send({ email: 'admin@example.com' });
  await request(t.app).post('/users').set(await as('admin')).send({ email: 'new.sre@school.test', name: 'New SRE', role: 'sre' });
  await request(t.app).post('/auth/signup').send({ name: 'New Student', email: 'new.student@school.test', password: 'a-long-password-2026' });
  const rows = await t.db.knex('outbox_messages').orderBy('id').select('to', 'subject', 'text');
  expect(rows.map((row) => row.to)).toEqual(['admin@example.com', 'new.sre@school.test', 'new.student@school.test']);
  for (const row of rows) {
    expect(row.text).toContain(REDACTED_LINK);
    expect(row.text).not.toMatch(/https?:\/\/|token=/);
  }

  const developer = await request(t.app).get('/outbox_messages').set(await as('developer'));
  expect(developer.status).toBe(200);
  for (const row of developer.body) expect(Object.keys(row).sort()).toEqual(['attempts', 'created_at', 'error', 'id', 'sent_at', 'status', 'subject', 'transport']);
  // Searching by address is reading it: for a developer, q searches subjects only.
  expect((await request(t.app).get('/outbox_messages').query({ filter: JSON.stringify({ q: 'admin@' }) }).set(await as('developer'))).body).toEqual([]);
  expect((await request(t.app).get('/outbox_messages').query({ filter: JSON.stringify({ to: 'admin@example.com' }) }).set(await as('developer'))).status).toBe(400);
  const csv = await request(t.app).get('/outbox_messages/export.csv').set(await as('developer'));
  expect(csv.text).not.toMatch(/@example\.com|@school\.test|token=|http/i);

  const admin = await request(t.app).get('/outbox_messages').set(await as('admin'));
  expect(admin.body[0]).toMatchObject({ to: 'new.student@school.test' });
  expect(admin.body[0].text).toContain(REDACTED_LINK);
  for (const role of ['manager', 'sre', 'mentor', 'student'] as Role[]) {
    expect((await request(t.app).get('/outbox_messages').set(await as(role))).status).toBe(403);
  }
});

it('without SMTP the log shows that a mail was recorded, never its body or link', async () => {
  const lines: string[] = [];
  const logger = pino({ level: 'trace' }, new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
  const mailer = new Mailer({ from: 'SMS <no-reply@sms.test>', logger });
  await mailer.send(t.db.knex, { to: 'someone@example.com', subject: 'Reset your password', text: 'Use http://portal.test/reset-password?token=secret-token-value-0123456789abcdef' });
  const log = lines.join('');
  expect(log).toContain('Reset your password');
  expect(log).not.toMatch(/secret-token|reset-password\?|someone@example\.com/);
});

it('the recipient still gets the live link over SMTP', async () => {
  const mailApp = await createTestApp();
  try {
    await request(mailApp.app).post('/auth/password/forgot').send({ email: 'student@example.com' });
    const mail = await lastMailTo(mailApp.db, 'student@example.com');
    expect(mail.link).toMatch(/^http:\/\/portal\.test\/reset-password\?token=[\w-]{20,}$/);
    const stored = await mailApp.db.knex('outbox_messages').where({ to: 'student@example.com' }).first('text', 'transport');
    expect(stored).toMatchObject({ transport: 'smtp' });
    expect(stored.text).not.toContain(mail.token);
  } finally {
    await mailApp.close();
  }
});
