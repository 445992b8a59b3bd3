import { hashPassword } from '@sms/db/password-hash';
import { totpCode } from '@sms/db/testing/totp';
import request from 'supertest';
import { createTestApp, DEMO_PASSWORD, emailOf, lastMailTo, type TestApp } from '../testing/test-app';
import { createSession } from './sessions';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const cookieFrom = (response: request.Response) =>
  ([] as string[]).concat(response.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).find((c) => c.startsWith('sms_session=')) ?? '';
const deviceCookieFrom = (response: request.Response) =>
  ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((c) => c.startsWith('sms_device=')) ?? '';
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const auditActions = async (userId: number) =>
  (await t.db.knex('audit_log').where({ actor_user_id: userId }).orderBy('id').pluck('action')) as string[];

/** A fresh staff account of its own (so lock-outs and enrolments don't leak between tests). */
async function newStaff(role: string, email: string): Promise<number> {
  const [row] = await t.db
    .knex('users')
    .insert({ email, name: `Test ${role}`, role, password_hash: await hashPassword(DEMO_PASSWORD), password_changed_at: t.db.knex.fn.now(), email_verified_at: t.db.knex.fn.now() })
    .returning('id');
  return Number(row.id);
}

const token = async (email: string, extra: Record<string, unknown> = {}) => request(t.app).post('/auth/token').send({ email, password: DEMO_PASSWORD, ...extra });

/** Enrols an account whose session `auth` is signed in (full or pending); answers the secret and the enable answer. */
async function enrol(auth: Record<string, string>) {
  const setup = await request(t.app).post('/auth/2fa/setup').set(auth).send({});
  expect(setup.status).toBe(201);
  const enabled = await request(t.app).post('/auth/2fa/enable').set(auth).send({ code: await totpCode(setup.body.secret) });
  expect(enabled.status).toBe(200);
  return { secret: setup.body.secret as string, enabled };
}

describe('required for admins: enrolment on first sign-in', () => {
  it('opens only the enrolment to an admin without a second factor, then a full session under a new cookie', async () => {
    const adminId = await t.userId('admin');
    const login = await request(t.app).post('/auth/login').send({ email: emailOf('admin'), password: DEMO_PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ role: 'admin', permissions: {}, two_factor: { enabled: false, required: true, pending: true, step: 'enrol' } });
    const pending = cookieFrom(login);
    const csrf = { 'X-CSRF-Token': login.body.csrfToken };

    // Nothing but the enrolment step: not the data, not the operations views.
    const users = await request(t.app).get('/users').set('Cookie', pending);
    expect(users.status).toBe(403);
    expect(users.body).toMatchObject({ code: 'TWO_FACTOR_REQUIRED', message: expect.stringMatching(/authenticator app/) });
    expect((await request(t.app).get('/ops/info').set('Cookie', pending)).status).toBe(403);
    expect([401, 403]).toContain((await request(t.app).get('/metrics').set('Cookie', pending)).status);
    expect((await request(t.app).get('/auth/me').set('Cookie', pending)).body.two_factor.step).toBe('enrol');
    // A code can't be "verified" before there is an authenticator.
    expect((await request(t.app).post('/auth/2fa/verify').set('Cookie', pending).set(csrf).send({ code: '123456' })).status).toBe(409);

    const setup = await request(t.app).post('/auth/2fa/setup').set('Cookie', pending).set(csrf).send({});
    expect(setup.status).toBe(201);
    expect(setup.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.body.otpauth_url).toMatch(/^otpauth:\/\/totp\/.+admin%40example\.com\?.*secret=/);
    expect(setup.body.qr_data_url).toMatch(/^data:image\/png;base64,/);
    // A reload (or a mistyped code) shows the same secret again, until it is confirmed.
    expect((await request(t.app).get('/auth/2fa/setup').set('Cookie', pending)).body.secret).toBe(setup.body.secret);
    // Stored encrypted, never as given.
    const stored = await t.db.knex('user_totp').where({ user_id: adminId }).first();
    expect(stored.secret_encrypted).toMatch(/^v1\./);
    expect(stored.secret_encrypted).not.toContain(setup.body.secret);
    expect(stored.enabled_at).toBeNull();

    const wrong = await request(t.app).post('/auth/2fa/enable').set('Cookie', pending).set(csrf).send({ code: '000000' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.details.fields.code).toMatch(/^That code is not right/);

    const enabled = await request(t.app).post('/auth/2fa/enable').set('Cookie', pending).set(csrf).send({ code: await totpCode(setup.body.secret) });
    expect(enabled.status).toBe(200);
    const codes: string[] = enabled.body.recovery_codes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(enabled.body.user).toMatchObject({ two_factor: { enabled: true, required: true, pending: false, step: null } });
    const full = cookieFrom(enabled);
    expect(full).not.toBe('');
    expect(full).not.toBe(pending);
    // The pending token never becomes a full session; the new one is.
    expect((await request(t.app).get('/auth/me').set('Cookie', pending)).status).toBe(401);
    expect((await request(t.app).get('/users').set('Cookie', full)).status).toBe(200);

    // The secret is never given out again, and a second enrolment is refused.
    const status = await request(t.app).get('/auth/2fa').set('Cookie', full);
    expect(status.body).toMatchObject({ enabled: true, required: true, recovery_codes_left: 10, pending_enrolment: false });
    expect(JSON.stringify(status.body)).not.toContain(setup.body.secret);
    expect((await request(t.app).get('/auth/2fa/setup').set('Cookie', full)).status).toBe(404);
    expect((await request(t.app).post('/auth/2fa/setup').set('Cookie', full).set('X-CSRF-Token', enabled.body.csrfToken).send({})).status).toBe(409);
    // Required for the role: it can't be turned off.
    const off = await request(t.app).post('/auth/2fa/disable').set('Cookie', full).set('X-CSRF-Token', enabled.body.csrfToken).send({ code: await totpCode(setup.body.secret) });
    expect(off.status).toBe(403);
    expect(off.body.message).toMatch(/requires two-factor sign-in/);

    expect(await auditActions(adminId)).toEqual(expect.arrayContaining(['login_started', 'two_factor_setup', 'two_factor_failed', 'two_factor_enable', 'login']));
  });

  it('asks an enrolled admin for a code: a used code never works twice, a recovery code works once', async () => {
    const secret = t.totpSecret(emailOf('developer')) ?? (await t.tokenFor('developer'), t.totpSecret(emailOf('developer'))!);
    const first = await token(emailOf('developer'));
    expect(first.body.user.two_factor).toMatchObject({ step: 'verify', pending: true });
    const code = await totpCode(secret);
    const verified = await request(t.app).post('/auth/2fa/verify').set(bearer(first.body.token)).send({ code });
    expect(verified.status).toBe(200);
    expect(verified.body.token).not.toBe(first.body.token);
    expect(verified.body.user.permissions.audit_log).toContain('list');
    expect((await request(t.app).get('/auth/me').set(bearer(verified.body.token))).body.two_factor.pending).toBe(false);

    // Replaying the same code in another sign-in is refused.
    const second = await token(emailOf('developer'));
    expect((await request(t.app).post('/auth/2fa/verify').set(bearer(second.body.token)).send({ code })).status).toBe(422);

    // A recovery code (in any case, with or without dashes) signs in once.
    const developerId = await t.userId('developer');
    const codes = await t.db.knex('user_recovery_codes').where({ user_id: developerId }).whereNull('used_at').count({ n: '*' });
    expect(Number(codes[0].n)).toBe(10);
    const fresh = await request(t.app).post('/auth/2fa/recovery-codes').set(bearer(verified.body.token)).send({ code: await totpCode(secret) });
    expect(fresh.status).toBe(200);
    const recovery: string = fresh.body.recovery_codes[0];
    const third = await token(emailOf('developer'));
    const withRecovery = await request(t.app).post('/auth/2fa/verify').set(bearer(third.body.token)).send({ code: recovery.toLowerCase().replace(/-/g, ' ') });
    expect(withRecovery.status).toBe(200);
    expect(withRecovery.body).toMatchObject({ recovery_codes_left: 9, message: expect.stringMatching(/9 are left/) });
    const fourth = await token(emailOf('developer'));
    expect((await request(t.app).post('/auth/2fa/verify').set(bearer(fourth.body.token)).send({ code: recovery })).status).toBe(422);
    expect(await auditActions(developerId)).toEqual(expect.arrayContaining(['two_factor_recovery_codes', 'two_factor_failed']));
  });

  it('locks the code step after 5 wrong codes, even for the right code, and says for how long', async () => {
    const email = 'locked.admin@example.com';
    await newStaff('admin', email);
    const first = await token(email);
    const { secret } = await enrol(bearer(first.body.token));
    const pending = await token(email);
    for (let i = 0; i < 5; i += 1) {
      expect((await request(t.app).post('/auth/2fa/verify').set(bearer(pending.body.token)).send({ code: `00000${i}` })).status).toBe(422);
    }
    const locked = await request(t.app).post('/auth/2fa/verify').set(bearer(pending.body.token)).send({ code: await totpCode(secret) });
    expect(locked.status).toBe(429);
    expect(locked.body.message).toMatch(/^Too many wrong codes\. Try again in 1[45] minutes/);
  });

  it("leads an admin's session made without a second factor (before the rule) to the two-factor step", async () => {
    const email = 'old.session.admin@example.com';
    const id = await newStaff('admin', email);
    const old = await createSession(t.db.knex, id, 24, { ip: null, userAgent: null });
    expect((await request(t.app).get('/users').set(bearer(old.token))).body.code).toBe('TWO_FACTOR_REQUIRED');
    expect((await request(t.app).get('/auth/me').set(bearer(old.token))).body.two_factor.step).toBe('enrol');
  });

  it('lets the roles be configured (TWO_FACTOR_REQUIRED_ROLES), and names a wrong one', async () => {
    const relaxed = await createTestApp({ TWO_FACTOR_REQUIRED_ROLES: 'none' });
    try {
      const login = await request(relaxed.app).post('/auth/token').send({ email: emailOf('admin'), password: DEMO_PASSWORD });
      expect(login.body.user.two_factor).toMatchObject({ required: false, pending: false });
    } finally {
      await relaxed.close();
    }
    await expect(createTestApp({ TWO_FACTOR_REQUIRED_ROLES: 'admin,wizard' })).rejects.toThrow(/TWO_FACTOR_REQUIRED_ROLES: wizard is not a role/);
  });
});

describe('optional for other staff and students; remembered devices', () => {
  it('a mentor turns it on from a signed-in session, is asked for a code next time, then turns it off', async () => {
    const email = 'optional.mentor@example.com';
    const id = await newStaff('mentor', email);
    const plain = await token(email);
    expect(plain.body.user.two_factor).toMatchObject({ enabled: false, required: false, pending: false });
    const { secret, enabled } = await enrol(bearer(plain.body.token));
    // Turned on from a full session: that session stays, no new token.
    expect(enabled.body.token).toBeUndefined();
    expect((await request(t.app).get('/auth/me').set(bearer(plain.body.token))).status).toBe(200);

    const next = await token(email);
    expect(next.body.user.two_factor.step).toBe('verify');
    const full = await request(t.app).post('/auth/2fa/verify').set(bearer(next.body.token)).send({ code: await totpCode(secret) });
    // Turning it off needs a code too: a recovery code does.
    const off = await request(t.app).post('/auth/2fa/disable').set(bearer(full.body.token)).send({ code: enabled.body.recovery_codes[0] });
    expect(off.status).toBe(200);
    expect(await t.db.knex('user_totp').where({ user_id: id }).first()).toBeUndefined();
    expect((await token(email)).body.user.two_factor).toMatchObject({ enabled: false, pending: false });
    expect(await auditActions(id)).toEqual(expect.arrayContaining(['two_factor_enable', 'two_factor_disable']));
    // An enrolment that is never confirmed can be dropped (and only such a one).
    const again = await token(email);
    expect((await request(t.app).post('/auth/2fa/setup').set(bearer(again.body.token)).send({})).status).toBe(201);
    expect((await request(t.app).delete('/auth/2fa/setup').set(bearer(again.body.token))).status).toBe(204);
    expect((await request(t.app).delete('/auth/2fa/setup').set(bearer(again.body.token))).status).toBe(404);
    expect(await t.db.knex('user_totp').where({ user_id: id }).first()).toBeUndefined();
  });

  it('remembers a device for 30 days at most, only for its user, until forgotten', async () => {
    const email = 'device.sre@example.com';
    const id = await newStaff('sre', email);
    const first = await token(email);
    const { secret } = await enrol(bearer(first.body.token));

    // Bearer clients (the portal's server) get the device token in the body…
    const pending = await token(email);
    const remembered = await request(t.app).post('/auth/2fa/verify').set(bearer(pending.body.token)).send({ code: await totpCode(secret), remember_device: true });
    expect(remembered.status).toBe(200);
    const deviceToken: string = remembered.body.device_token;
    expect(deviceToken).toEqual(expect.any(String));
    const device = await t.db.knex('trusted_devices').where({ user_id: id }).first();
    expect(device.token_hash.toString('hex')).not.toContain(Buffer.from(deviceToken).toString('hex'));
    expect(new Date(device.expires_at).getTime() - new Date(device.created_at).getTime()).toBeLessThanOrEqual(30 * 24 * 3600 * 1000);
    // …the database refuses a longer one.
    await expect(
      t.db.knex('trusted_devices').update({ expires_at: t.db.knex.raw("created_at + interval '31 days'") }).where({ id: device.id }),
    ).rejects.toThrow(/trusted_devices_at_most_30_days/);

    const again = await token(email, { device_token: deviceToken });
    expect(again.body.user.two_factor).toMatchObject({ pending: false, enabled: true });
    expect((await t.db.knex('sessions').where({ user_id: id }).orderBy('id', 'desc').first()).second_factor).toBe('trusted_device');
    // Another account's sign-in can't use it.
    const otherEmail = 'device.other@example.com';
    await newStaff('sre', otherEmail);
    const other = await token(otherEmail);
    await enrol(bearer(other.body.token));
    expect((await token(otherEmail, { device_token: deviceToken })).body.user.two_factor.pending).toBe(true);

    // Listed, and forgotten on request.
    const status = await request(t.app).get('/auth/2fa').set(bearer(again.body.token));
    expect(status.body.devices).toEqual([expect.objectContaining({ id: Number(device.id), expires_at: expect.any(String) })]);
    expect((await request(t.app).delete(`/auth/2fa/devices/${device.id}`).set(bearer(again.body.token))).status).toBe(204);
    expect((await token(email, { device_token: deviceToken })).body.user.two_factor.pending).toBe(true);
    expect(await auditActions(id)).toEqual(expect.arrayContaining(['trust_device', 'forget_device']));
  });

  it('browsers get the device in an httpOnly cookie for /auth only', async () => {
    const email = 'device.cookie@example.com';
    await newStaff('manager', email);
    const first = await token(email);
    const { secret } = await enrol(bearer(first.body.token));
    const login = await request(t.app).post('/auth/login').send({ email, password: DEMO_PASSWORD });
    const verified = await request(t.app)
      .post('/auth/2fa/verify')
      .set('Cookie', cookieFrom(login))
      .set('X-CSRF-Token', login.body.csrfToken)
      .send({ code: await totpCode(secret), remember_device: true });
    expect(verified.status).toBe(200);
    const device = deviceCookieFrom(verified);
    expect(device).toMatch(/HttpOnly/i);
    expect(device).toMatch(/Path=\/auth/);
    expect(device).toMatch(/Max-Age=2592000/);
    expect(verified.body.device_token).toBeUndefined();
    const again = await request(t.app).post('/auth/login').set('Cookie', device.split(';')[0]).send({ email, password: DEMO_PASSWORD });
    expect(again.body.user.two_factor.pending).toBe(false);
  });

  it('a student can turn it on too (the portal profile)', async () => {
    const student = await t.tokenFor('student');
    const { secret } = await enrol(bearer(student));
    const next = await token(emailOf('student'));
    expect(next.body.user.two_factor.step).toBe('verify');
    expect((await request(t.app).get('/me/dashboard').set(bearer(next.body.token))).status).toBe(403);
    const full = await request(t.app).post('/auth/2fa/verify').set(bearer(next.body.token)).send({ code: await totpCode(secret) });
    expect(full.status).toBe(200);
    expect((await request(t.app).get('/me/dashboard').set(bearer(full.body.token))).status).toBe(200);
    // The fast lane (attendance) never accepts a pending session.
    const pending = await token(emailOf('student'));
    expect((await request(t.app).post('/attendance').set(bearer(pending.body.token)).send({ mission_id: 1 })).status).toBe(401);
  });
});

describe('reset by an admin', () => {
  it('removes the authenticator, recovery codes and devices, signs the user out everywhere, mails them, and is audited', async () => {
    const email = 'reset.me@example.com';
    const id = await newStaff('mentor', email);
    const adminEmail = 'resetting.admin@example.com';
    const adminId = await newStaff('admin', adminEmail);
    const first = await token(email);
    const { secret } = await enrol(bearer(first.body.token));
    const pending = await token(email);
    const signedIn = await request(t.app).post('/auth/2fa/verify').set(bearer(pending.body.token)).send({ code: await totpCode(secret), remember_device: true });
    const admin = await t.signIn(adminEmail);

    expect((await request(t.app).post(`/users/${id}/2fa/reset`).set(bearer(await t.tokenFor('manager'))).send({})).status).toBe(403);
    expect((await request(t.app).post(`/users/${adminId}/2fa/reset`).set(bearer(admin)).send({})).status).toBe(403);
    expect((await request(t.app).post('/users/999999/2fa/reset').set(bearer(admin)).send({})).status).toBe(404);

    const reset = await request(t.app).post(`/users/${id}/2fa/reset`).set(bearer(admin)).send({});
    expect(reset.status).toBe(200);
    expect(reset.body.message).toMatch(/signed out everywhere/);
    expect((await request(t.app).get('/auth/me').set(bearer(signedIn.body.token))).status).toBe(401);
    for (const table of ['user_totp', 'user_recovery_codes', 'trusted_devices', 'sessions']) {
      expect(await t.db.knex(table).where({ user_id: id }).count({ n: '*' })).toEqual([{ n: 0 }]);
    }
    expect((await lastMailTo(t.db, email)).subject).toBe('Your two-factor sign-in was reset');
    const entry = await t.db.knex('audit_log').where({ action: 'two_factor_reset', record_id: String(id) }).first();
    expect(entry).toMatchObject({ actor_role: 'admin', resource: 'users' });
    expect(entry.after).toMatchObject({ was_enabled: true, devices_forgotten: 1 });
    // Optional for a mentor: the next sign-in needs no code.
    expect((await token(email, { device_token: signedIn.body.device_token })).body.user.two_factor).toMatchObject({ enabled: false, pending: false });
  });
});
