import request from 'supertest';
import { createTestApp, DEMO_PASSWORD, emailOf, lastMailTo, type TestApp } from '../testing/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const cookieFrom = (response: request.Response) => {
  const raw = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  return raw.map((c) => c.split(';')[0]).find((c) => c.startsWith('sms_session=')) ?? '';
};

describe('sign in and out', () => {
  it('signs in with a cookie, answers /auth/me with role and permissions, and signs out', async () => {
    // A manager: no second factor unless they turn it on (admins' two-factor sign-in: two-factor.test.ts).
    const login = await request(t.app).post('/auth/login').send({ email: 'MANAGER@example.com ', password: DEMO_PASSWORD });
    expect(login.status).toBe(200);
    const setCookie = String(login.headers['set-cookie']);
    expect(setCookie).toMatch(/sms_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(login.body.user).toMatchObject({ email: 'manager@example.com', role: 'manager', two_factor: { enabled: false, required: false, pending: false, step: null } });
    expect(login.body.user.password_hash).toBeUndefined();
    const cookie = cookieFrom(login);

    const me = await request(t.app).get('/auth/me').set('Cookie', cookie);
    expect(me.status).toBe(200);
    expect(me.body.permissions.users).toEqual(['read', 'update']);
    expect(me.body.csrfToken).toBe(login.body.csrfToken);

    const logout = await request(t.app).post('/auth/logout').set('Cookie', cookie).set('X-CSRF-Token', login.body.csrfToken);
    expect(logout.status).toBe(204);
    const after = await request(t.app).get('/auth/me').set('Cookie', cookie);
    expect(after.status).toBe(401);
    expect(after.body).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.any(String) });
  });

  it('signs in again over a stale session cookie without asking for its CSRF token', async () => {
    const first = await request(t.app).post('/auth/login').send({ email: emailOf('manager'), password: DEMO_PASSWORD });
    const again = await request(t.app).post('/auth/login').set('Cookie', cookieFrom(first)).send({ email: emailOf('manager'), password: DEMO_PASSWORD });
    expect(again.status).toBe(200);
  });

  it('gives the same message for an unknown email and a wrong password', async () => {
    const unknown = await request(t.app).post('/auth/login').send({ email: 'nobody@example.com', password: 'whatever-123' });
    const wrong = await request(t.app).post('/auth/login').send({ email: 'manager@example.com', password: 'wrong-password-1' });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body.message).toBe('Email or password is incorrect.');
    expect(wrong.body.message).toBe(unknown.body.message);
  });

  it('asks for the missing field by name', async () => {
    const response = await request(t.app).post('/auth/login').send({ email: 'admin@example.com' });
    expect(response.status).toBe(422);
    expect(response.body.details.fields.password).toBe('Password is required.');
  });

  it('locks an account out after repeated failures, even with the right password, and says for how long', async () => {
    const email = emailOf('developer');
    for (let i = 0; i < 5; i += 1) {
      const response = await request(t.app).post('/auth/login').send({ email, password: `wrong-${i}-password` });
      expect(response.status).toBe(401);
    }
    const locked = await request(t.app).post('/auth/login').send({ email, password: DEMO_PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('RATE_LIMITED');
    expect(locked.body.message).toMatch(/^Too many failed sign-ins\. Try again in 1[45] minutes\.$/);
    expect(locked.headers['retry-after']).toBeDefined();
  });

  it('refuses a cookie-authenticated write without the CSRF token, and from a foreign origin', async () => {
    const login = await request(t.app).post('/auth/login').send({ email: emailOf('sre'), password: DEMO_PASSWORD });
    const cookie = cookieFrom(login);
    const id = login.body.user.id;
    const noToken = await request(t.app).put(`/users/${id}`).set('Cookie', cookie).send({ name: 'Changed' });
    expect(noToken.status).toBe(403);
    expect(noToken.body.code).toBe('CSRF_FAILED');
    const foreign = await request(t.app)
      .put(`/users/${id}`)
      .set('Cookie', cookie)
      .set('Origin', 'http://evil.test')
      .set('X-CSRF-Token', login.body.csrfToken)
      .send({ name: 'Changed' });
    expect(foreign.status).toBe(403);
    const row = await t.db.knex('users').where({ id }).first('name');
    expect(row.name).not.toBe('Changed');
    const withToken = await request(t.app)
      .put(`/users/${id}`)
      .set('Cookie', cookie)
      .set('Origin', 'http://backoffice.test')
      .set('X-CSRF-Token', login.body.csrfToken)
      .send({ name: 'Changed' });
    expect(withToken.status).toBe(200);
    expect(withToken.body.name).toBe('Changed');
  });
});

describe('sign-up and email verification', () => {
  it('signs a student up, refuses sign-in until verified, verifies once, then signs in', async () => {
    const email = 'new.student@example.com';
    const signup = await request(t.app).post('/auth/signup').send({ name: 'Nadia Karim', email, password: 'a-long-password' });
    expect(signup.status).toBe(201);
    const before = await request(t.app).post('/auth/login').send({ email, password: 'a-long-password' });
    expect(before.status).toBe(403);
    expect(before.body.code).toBe('EMAIL_NOT_VERIFIED');

    const mail = await lastMailTo(t.db, email);
    expect(mail.link).toMatch(/^http:\/\/portal\.test\/verify-email\?token=/);
    const verify = await request(t.app).post('/auth/verify-email').send({ token: mail.token });
    expect(verify.status).toBe(200);
    const again = await request(t.app).post('/auth/verify-email').send({ token: mail.token });
    expect(again.status).toBe(200);
    expect(await t.db.knex('user_tokens').where({ purpose: 'verify_email' }).whereNull('used_at').count({ n: '*' })).toEqual([{ n: 0 }]);

    const login = await request(t.app).post('/auth/login').send({ email, password: 'a-long-password' });
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ name: 'Nadia Karim', role: 'student' });
  });

  it('answers a sign-up for an existing email the same way, creating nothing, and refuses short passwords', async () => {
    const count = async () => Number((await t.db.knex('users').count({ n: '*' }))[0].n);
    const before = await count();
    const duplicate = await request(t.app).post('/auth/signup').send({ name: 'X', email: emailOf('mentor'), password: 'a-long-password' });
    expect(duplicate.status).toBe(201);
    expect(await count()).toBe(before);
    const short = await request(t.app).post('/auth/signup').send({ name: 'Y', email: 'y@example.com', password: 'short' });
    expect(short.status).toBe(422);
    expect(short.body.details.fields.password).toBe('Password must be at least 10 characters.');
    expect(await count()).toBe(before);
  });
});

describe('password reset', () => {
  it('resets with a single-use link that ends existing sessions', async () => {
    const email = emailOf('manager');
    const oldToken = await t.tokenFor('manager');
    const forgot = await request(t.app).post('/auth/password/forgot').send({ email });
    expect(forgot.status).toBe(202);
    const unknown = await request(t.app).post('/auth/password/forgot').send({ email: 'ghost@example.com' });
    expect(unknown.status).toBe(202);
    expect(unknown.body.message).toBe(forgot.body.message.replace(email, 'ghost@example.com'));

    const mail = await lastMailTo(t.db, email);
    expect(mail.link).toMatch(/^http:\/\/backoffice\.test\/#\/reset-password\?token=/);
    const reset = await request(t.app).post('/auth/password/reset').send({ token: mail.token, password: 'brand-new-password' });
    expect(reset.status).toBe(200);
    const reuse = await request(t.app).post('/auth/password/reset').send({ token: mail.token, password: 'another-password-1' });
    expect(reuse.status).toBe(400);
    expect(reuse.body.code).toBe('INVALID_TOKEN');

    expect((await request(t.app).get('/auth/me').set('Authorization', `Bearer ${oldToken}`)).status).toBe(401);
    expect((await request(t.app).post('/auth/login').send({ email, password: 'brand-new-password' })).status).toBe(200);
  });

  it('refuses an expired link', async () => {
    const email = emailOf('mentor');
    await request(t.app).post('/auth/password/forgot').send({ email });
    const mail = await lastMailTo(t.db, email);
    await t.db.knex('user_tokens').where({ purpose: 'reset_password' }).whereNull('used_at').update({ created_at: t.db.knex.raw("now() - interval '3 hours'"), expires_at: t.db.knex.raw("now() - interval '1 hour'") });
    const response = await request(t.app).post('/auth/password/reset').send({ token: mail.token, password: 'brand-new-password' });
    expect(response.status).toBe(400);
    expect(response.body.message).toBe('This link has expired. Request a new one.');
  });

  it('rate-limits reset requests per account', async () => {
    const email = 'limited@example.com';
    for (let i = 0; i < 3; i += 1) expect((await request(t.app).post('/auth/password/forgot').send({ email })).status).toBe(202);
    const limited = await request(t.app).post('/auth/password/forgot').send({ email });
    expect(limited.status).toBe(429);
    expect(limited.body.message).toMatch(/Try again in \d+ minutes?\./);
  });
});

describe('revoking sessions', () => {
  it("refuses a disabled user's existing session on the next request", async () => {
    const studentToken = await t.tokenFor('student');
    expect((await request(t.app).get('/auth/me').set('Authorization', `Bearer ${studentToken}`)).status).toBe(200);
    const adminToken = await t.tokenFor('admin');
    const studentId = await t.userId('student');
    const disable = await request(t.app).put(`/users/${studentId}`).set('Authorization', `Bearer ${adminToken}`).send({ status: 'disabled' });
    expect(disable.status).toBe(200);
    const refused = await request(t.app).get('/auth/me').set('Authorization', `Bearer ${studentToken}`);
    expect(refused.status).toBe(401);
    const login = await request(t.app).post('/auth/login').send({ email: emailOf('student'), password: DEMO_PASSWORD });
    expect(login.status).toBe(403);
    expect(login.body.code).toBe('ACCOUNT_BLOCKED');
    await request(t.app).put(`/users/${studentId}`).set('Authorization', `Bearer ${adminToken}`).send({ status: 'active' });
  });

  it('changing the password ends other sessions and hands back a fresh one', async () => {
    const first = await request(t.app).post('/auth/token').send({ email: emailOf('sre'), password: DEMO_PASSWORD });
    const second = await request(t.app).post('/auth/token').send({ email: emailOf('sre'), password: DEMO_PASSWORD });
    const wrong = await request(t.app)
      .post('/auth/password/change')
      .set('Authorization', `Bearer ${first.body.token}`)
      .send({ currentPassword: 'not-it-at-all', newPassword: 'changed-password-1' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.message).toBe('Your current password is not correct.');
    const change = await request(t.app)
      .post('/auth/password/change')
      .set('Authorization', `Bearer ${first.body.token}`)
      .send({ currentPassword: DEMO_PASSWORD, newPassword: 'changed-password-1' });
    expect(change.status).toBe(200);
    expect(change.body.token).toEqual(expect.any(String));
    expect((await request(t.app).get('/auth/me').set('Authorization', `Bearer ${second.body.token}`)).status).toBe(401);
    expect((await request(t.app).get('/auth/me').set('Authorization', `Bearer ${first.body.token}`)).status).toBe(401);
    expect((await request(t.app).get('/auth/me').set('Authorization', `Bearer ${change.body.token}`)).status).toBe(200);
  });
});
