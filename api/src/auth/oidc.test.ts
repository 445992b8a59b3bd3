import request from 'supertest';
import { startTestIdentityProvider, type TestIdentityProvider } from '../testing/oidc-provider';
import { createTestApp, type TestApp } from '../testing/test-app';

// End to end against a real OpenID Connect provider (oidc-provider) on this machine: discovery, the authorization
// code flow with PKCE, state and nonce, the token and userinfo endpoints, ID token validation.
const REDIRECT = 'http://api.test/auth/oidc/callback';
let idp: TestIdentityProvider;
let t: TestApp;
beforeAll(async () => {
  idp = await startTestIdentityProvider({ client_id: 'sms-backoffice', client_secret: 'sms-test-client-secret', redirect_uris: [REDIRECT] });
  t = await createTestApp({
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: 'sms-backoffice',
    OIDC_CLIENT_SECRET: 'sms-test-client-secret',
    OIDC_REDIRECT_URL: REDIRECT,
    OIDC_ALLOWED_DOMAINS: 'example.com, @school.test',
    OIDC_PROVIDER_NAME: 'Test IdP',
  });
}, 60_000);
afterAll(async () => {
  await t?.close();
  await idp?.stop();
});

const cookie = (response: request.Response, name: string) =>
  ([] as string[]).concat(response.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).find((c) => c.startsWith(`${name}=`)) ?? '';

async function startFlow() {
  const start = await request(t.app).get('/auth/oidc/start');
  expect(start.status).toBe(302);
  return { location: String(start.headers.location), flow: cookie(start, 'sms_oidc') };
}

/** A whole SSO sign-in: start at the API, sign in at the provider, come back to the callback with the flow cookie. */
async function sso(who: { email: string; emailVerified?: boolean; mfa?: boolean }) {
  const { location, flow } = await startFlow();
  const back = await idp.signIn(location, who);
  expect(back.href.startsWith(REDIRECT)).toBe(true);
  const callback = await request(t.app).get(back.pathname + back.search).set('Cookie', flow);
  expect(callback.status).toBe(302);
  return { callback, location: String(callback.headers.location), session: cookie(callback, 'sms_session'), replay: () => request(t.app).get(back.pathname + back.search).set('Cookie', flow) };
}

it('says whether SSO is configured, for the back office to offer "Sign in with Test IdP"', async () => {
  expect((await request(t.app).get('/auth/oidc')).body).toEqual({ enabled: true, name: 'Test IdP', start_url: 'http://localhost:4000/auth/oidc/start' });
  const plain = await createTestApp();
  try {
    expect((await request(plain.app).get('/auth/oidc')).body).toEqual({ enabled: false });
    expect((await request(plain.app).get('/auth/oidc/start')).status).toBe(404);
  } finally {
    await plain.close();
  }
});

it('sends the browser to the provider with PKCE (S256), state and nonce, bound to a flow cookie', async () => {
  const { location, flow } = await startFlow();
  const url = new URL(location);
  expect(url.origin).toBe(idp.issuer);
  expect(Object.fromEntries(url.searchParams)).toMatchObject({
    client_id: 'sms-backoffice',
    redirect_uri: REDIRECT,
    response_type: 'code',
    scope: 'openid email profile',
    code_challenge_method: 'S256',
    code_challenge: expect.stringMatching(/^[\w-]{43}$/),
    state: expect.any(String),
    nonce: expect.any(String),
  });
  expect(flow).toMatch(/^sms_oidc=/);
  const row = await t.db.knex('oidc_sign_ins').where({ state: url.searchParams.get('state') }).first();
  expect(row.code_verifier).not.toBe(url.searchParams.get('code_challenge'));
});

it('signs a staff member in by verified email, once per flow', async () => {
  const { location, session, replay } = await sso({ email: 'manager@example.com' });
  expect(location).toBe('http://backoffice.test/#/');
  const me = await request(t.app).get('/auth/me').set('Cookie', session);
  expect(me.body).toMatchObject({ email: 'manager@example.com', role: 'manager', two_factor: { pending: false } });
  const row = await t.db.knex('sessions').where({ user_id: me.body.id }).orderBy('id', 'desc').first();
  expect(row.method).toBe('oidc');
  const audit = await t.db.knex('audit_log').where({ actor_user_id: me.body.id, action: 'login' }).orderBy('id', 'desc').first();
  expect(audit.after).toMatchObject({ method: 'oidc' });
  // The flow is used up: the same answer can't sign anyone in again.
  expect((await replay()).headers.location).toBe('http://backoffice.test/#/login?sso_error=expired');
});

it('refuses unverified emails, other domains, unknown and disabled accounts, and students, creating nothing', async () => {
  const users = async () => Number((await t.db.knex('users').count({ n: '*' }))[0].n);
  const before = await users();
  await t.db.knex('users').insert([
    { email: 'gone@example.com', name: 'Gone', role: 'mentor', status: 'disabled' },
    { email: 'outsider@elsewhere.test', name: 'Outsider', role: 'sre' },
  ]);
  const cases: [Parameters<typeof sso>[0], string][] = [
    [{ email: 'sre@example.com', emailVerified: false }, 'unverified'],
    [{ email: 'outsider@elsewhere.test' }, 'domain'],
    [{ email: 'nobody@example.com' }, 'no_account'],
    [{ email: 'gone@example.com' }, 'disabled'],
    [{ email: 'student@example.com' }, 'student'],
  ];
  for (const [who, code] of cases) {
    const { location, session } = await sso(who);
    expect([who.email, location]).toEqual([who.email, `http://backoffice.test/#/login?sso_error=${code}`]);
    expect(session).toBe('');
  }
  expect(await users()).toBe(before + 2);
});

it("applies two-factor after SSO, unless the provider's amr says MFA", async () => {
  // Without MFA at the provider, an admin gets a pending session and finishes on the sign-in page.
  const plain = await sso({ email: 'admin@example.com' });
  expect(plain.location).toBe('http://backoffice.test/#/login');
  const pending = await request(t.app).get('/auth/me').set('Cookie', plain.session);
  expect(pending.body.two_factor).toMatchObject({ pending: true, step: 'enrol' });
  expect((await request(t.app).get('/users').set('Cookie', plain.session)).body.code).toBe('TWO_FACTOR_REQUIRED');

  const mfa = await sso({ email: 'admin@example.com', mfa: true });
  expect(mfa.location).toBe('http://backoffice.test/#/');
  expect((await request(t.app).get('/users').set('Cookie', mfa.session)).status).toBe(200);
  const me = await request(t.app).get('/auth/me').set('Cookie', mfa.session);
  expect((await t.db.knex('sessions').where({ user_id: me.body.id }).orderBy('id', 'desc').first()).second_factor).toBe('idp_mfa');
});

it('refuses an answer without the flow cookie, or with a state that is not its own', async () => {
  const { location } = await startFlow();
  const back = await idp.signIn(location, { email: 'manager@example.com' });
  expect((await request(t.app).get(back.pathname + back.search)).headers.location).toMatch(/sso_error=expired$/);

  const second = await startFlow();
  const answer = await idp.signIn(second.location, { email: 'manager@example.com' });
  answer.searchParams.set('state', 'forged-state');
  const forged = await request(t.app).get(answer.pathname + answer.search).set('Cookie', second.flow);
  expect(forged.headers.location).toMatch(/sso_error=failed$/);
  expect(cookie(forged, 'sms_session')).toBe('');
});
