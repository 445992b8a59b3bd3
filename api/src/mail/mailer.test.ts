import request from 'supertest';
import { createTestApp, lastMailTo, type TestApp } from '../testing/test-app';
import { fillPlaceholders } from './mailer';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it('fills known placeholders and leaves the rest as written', () => {
  expect(fillPlaceholders('Hi {name}, {link} {unknown} {constructor}', { name: 'Rahim', link: 'https://x' })).toBe('Hi Rahim, https://x {unknown} {constructor}');
});

it("sends the school's own wording for a template once an admin sets it, and the built-in one otherwise", async () => {
  await request(t.app).post('/auth/password/forgot').send({ email: 'student@example.com' });
  expect((await lastMailTo(t.db, 'student@example.com')).subject).toBe('Reset your password');

  const admin = await t.tokenFor('admin');
  const saved = await request(t.app)
    .put('/settings/1')
    .set({ Authorization: `Bearer ${admin}` })
    .send({ school_name: 'Code Academy', email_templates: { reset_password: { subject: '{school}: new password for {name}', text: 'Dear {name},\nuse {link} within the hour.' } } });
  expect(saved.status).toBe(200);
  await request(t.app).post('/auth/password/forgot').send({ email: 'student@example.com' });
  const mail = await lastMailTo(t.db, 'student@example.com');
  expect(mail.subject).toBe('Code Academy: new password for Sakib Hossain');
  expect(mail.text).toMatch(/^Dear Sakib Hossain,\nuse https?:\/\/\S+token=[\w-]+ within the hour\.$/);
  expect(mail.token.length).toBeGreaterThan(20);
});
