import { hashPassword, targetParams } from '@sms/db/password-hash';
import request from 'supertest';
import { createTestApp, DEMO_PASSWORD, emailOf, lastMailTo, type TestApp } from '../testing/test-app';
import { passwordWeakness } from './password-strength';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('password strength (zxcvbn)', () => {
  it('explains why a guessable password is refused', () => {
    expect(passwordWeakness('password123')).toBe('This password is too easy to guess. This is a commonly used password. Add more words that are less common.');
    expect(passwordWeakness('qwertyuiop')).toMatch(/^This password is too easy to guess\. /);
    expect(passwordWeakness('violet-kettle-harbor-42')).toBeNull();
    // The person's own name and address count against it.
    expect(passwordWeakness('nadia.karim@example.com')).toBeNull();
    expect(passwordWeakness('nadia.karim@example.com', ['nadia.karim@example.com', 'nadia', 'karim'])).toBe(
      'This password is too easy to guess. There should not be any personal or page related data. Add more words that are less common.',
    );
  });

  it('is checked on sign-up, reset and change, on the field, writing nothing', async () => {
    const count = async () => Number((await t.db.knex('users').count({ n: '*' }))[0].n);
    const before = await count();
    const signup = await request(t.app).post('/auth/signup').send({ name: 'Nadia Karim', email: 'nadia@example.com', password: 'password123' });
    expect(signup.status).toBe(422);
    expect(signup.body.details.fields.password).toMatch(/^This password is too easy to guess\./);
    expect(await count()).toBe(before);

    await request(t.app).post('/auth/password/forgot').send({ email: emailOf('mentor') });
    const mail = await lastMailTo(t.db, emailOf('mentor'));
    const weakReset = await request(t.app).post('/auth/password/reset').send({ token: mail.token, password: 'mahinahmed1' });
    expect(weakReset.status).toBe(422);
    expect(weakReset.body.details.fields.password).toMatch(/too easy to guess/);
    // The link still works for a better choice.
    expect((await request(t.app).post('/auth/password/reset').send({ token: mail.token, password: 'violet-kettle-harbor-42' })).status).toBe(200);

    const sre = await t.tokenFor('sre');
    const change = await request(t.app).post('/auth/password/change').set('Authorization', `Bearer ${sre}`).send({ currentPassword: DEMO_PASSWORD, newPassword: 'abcabcabcabc' });
    expect(change.status).toBe(422);
    expect(change.body.details.fields.newPassword).toMatch(/too easy to guess/);
  });
});

describe('hashing cost', () => {
  it('upgrades an older hash on the next successful sign-in, without signing the user out', async () => {
    const email = emailOf('manager');
    const old = await hashPassword(DEMO_PASSWORD, { N: 16, r: 8, p: 1 });
    await t.db.knex('users').where({ email }).update({ password_hash: old });
    const first = await request(t.app).post('/auth/token').send({ email, password: DEMO_PASSWORD });
    expect(first.status).toBe(200);
    const stored = (await t.db.knex('users').where({ email }).first('password_hash')).password_hash as string;
    const { N, r, p } = targetParams();
    expect(stored.startsWith(`scrypt$${N}$${r}$${p}$`)).toBe(true);
    // Same password: the session just opened survives the rehash, and the password still works.
    expect((await request(t.app).get('/auth/me').set('Authorization', `Bearer ${first.body.token}`)).status).toBe(200);
    expect((await request(t.app).post('/auth/token').send({ email, password: DEMO_PASSWORD })).status).toBe(200);
    // A wrong password never rewrites the hash.
    expect((await request(t.app).post('/auth/token').send({ email, password: 'not-the-password' })).status).toBe(401);
    expect((await t.db.knex('users').where({ email }).first('password_hash')).password_hash).toBe(stored);
  });

  it('still ends every session on a real password change made in SQL', async () => {
    const token = await t.signIn(emailOf('sre'));
    await t.db.knex('users').where({ email: emailOf('sre') }).update({ password_hash: await hashPassword('another-long-password') });
    expect((await request(t.app).get('/auth/me').set('Authorization', `Bearer ${token}`)).status).toBe(401);
  });
});
