// Two-factor sign-in and single sign-on in the back office, against the whole system and a local OpenID Connect
// provider (oidc-provider, api/src/testing/oidc-test-provider.mjs): no internet.
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../db/src/seeds/demo-accounts';
import { freePort } from '../../db/src/launcher/port';
import { knownTotpSecrets, totpCode } from '../../db/src/testing/totp';
import { startTestIdentityProvider, type TestIdentityProvider } from '../../api/src/testing/oidc-provider';
import { expectNoHorizontalScroll, openPage, passTwoFactor, PHONE, screenshotsIn, useSystem, WIDE } from './helpers';
import path from 'node:path';

jest.setTimeout(240_000);

const ADMIN = DEMO_ACCOUNTS.find((account) => account.role === 'admin')!;
const MANAGER = DEMO_ACCOUNTS.find((account) => account.role === 'manager')!;
const { shot } = screenshotsIn(path.join(__dirname, 'screenshots', 'two-factor-sso'));

// The provider's port is chosen before the system starts (the API is configured with its issuer); the provider
// itself starts once the API's callback URL is known.
const extraEnv: NodeJS.ProcessEnv = {};
let idpPort = 0;
beforeAll(async () => {
  idpPort = await freePort();
  Object.assign(extraEnv, {
    OIDC_ISSUER: `http://127.0.0.1:${idpPort}`,
    OIDC_CLIENT_ID: 'sms-backoffice',
    OIDC_CLIENT_SECRET: 'e2e-client-secret',
    OIDC_PROVIDER_NAME: 'Test IdP',
  });
});
const env = useSystem(extraEnv);
let idp: TestIdentityProvider | undefined;
beforeAll(async () => {
  if (!env.system) return;
  idp = await startTestIdentityProvider({ client_id: 'sms-backoffice', client_secret: 'e2e-client-secret', redirect_uris: [`${env.system.apiUrl}/auth/oidc/callback`] }, idpPort);
});
afterAll(() => idp?.stop());

async function typePassword(page: import('playwright-core').Page, email: string) {
  await page.goto(`${env.system!.backofficeUrl}/#/login`);
  await page.getByLabel(/^Email/).fill(email);
  await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('two-factor sign-in', () => {
  test('an admin sets up two-factor on the first sign-in, then signs in with a code and remembers the phone', async () => {
    if (!env.browser) return;
    const { page, problems } = await openPage(env, WIDE);
    await typePassword(page, ADMIN.email);
    await page.getByRole('heading', { name: 'Set up two-factor sign-in', exact: true }).waitFor();
    await page.getByTestId('totp-secret').waitFor();
    expect(await page.getByText('Your role requires two-factor sign-in').isVisible()).toBe(true);
    expect(await page.getByRole('img', { name: /QR code/ }).isVisible()).toBe(true);
    const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await shot(page, 'enrol-1280');

    // A mistyped code says what to do, on the field.
    await page.getByLabel('Code from the app').fill('000000');
    await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    await page.getByText(/^That code is not right/).waitFor();

    knownTotpSecrets.set(ADMIN.email, secret);
    await page.getByLabel('Code from the app').fill(await totpCode(secret));
    await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    await page.getByRole('heading', { name: 'Your recovery codes' }).waitFor();
    expect(await page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem').count()).toBe(10);
    await shot(page, 'recovery-codes-1280');
    await page.getByRole('button', { name: 'I have saved them — continue' }).click();
    await page.getByText(`Welcome, ${ADMIN.name}`).waitFor();
    // The wrong code above was an expected 422.
    expect(problems.filter((problem) => !problem.includes('/auth/2fa/enable → 422'))).toEqual([]);

    // Next time, on a phone: the code step, and "remember this device".
    const phone = await openPage(env, PHONE);
    await typePassword(phone.page, ADMIN.email);
    await phone.page.getByRole('heading', { name: 'Two-factor sign-in', exact: true }).waitFor();
    await expectNoHorizontalScroll(phone.page);
    await shot(phone.page, 'verify-360');
    await passTwoFactor(phone.page, ADMIN.email, { remember: true });
    await phone.page.getByText(`Welcome, ${ADMIN.name}`).waitFor();

    // Signed out (the session cookie gone), the remembered phone is not asked for a code.
    await phone.page.context().clearCookies({ name: 'sms_session' });
    await phone.page.goto('about:blank');
    await typePassword(phone.page, ADMIN.email);
    await phone.page.getByText(`Welcome, ${ADMIN.name}`).waitFor();

    // The profile shows it on, required, with the remembered phone.
    await phone.page.goto(`${env.system!.backofficeUrl}/#/profile`);
    const card = phone.page.getByRole('heading', { name: 'Two-factor sign-in' }).locator('..');
    await card.getByText(/^On since .*Your role requires it\./).waitFor();
    expect(await card.getByRole('button', { name: 'Turn off' }).count()).toBe(0);
    await card.getByText(/Remembered devices/).waitFor();
    await expectNoHorizontalScroll(phone.page);
    await shot(phone.page, 'profile-360');
    expect(phone.problems).toEqual([]);
  });
});

describe('single sign-on', () => {
  test('a manager signs in with the identity provider; an unknown address is told why', async () => {
    if (!env.browser) return;
    const { page, problems } = await openPage(env, PHONE);
    await page.goto(`${env.system!.backofficeUrl}/#/login`);
    const sso = page.getByRole('link', { name: 'Sign in with Test IdP' });
    await sso.waitFor();
    await expectNoHorizontalScroll(page);
    await shot(page, 'signin-with-sso-360');

    await sso.click();
    await page.getByRole('heading', { name: 'Test identity provider' }).waitFor();
    await page.getByLabel('Email', { exact: true }).fill('nobody@example.com');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('alert').filter({ hasText: 'No staff account uses that email address. Ask an admin to invite you.' }).waitFor();
    expect(page.url()).toContain('#/login');

    // A fresh browser (the provider now has a session for the unknown address).
    const manager = await openPage(env, PHONE);
    await manager.page.goto(`${env.system!.backofficeUrl}/#/login`);
    await manager.page.getByRole('link', { name: 'Sign in with Test IdP' }).click();
    await manager.page.getByLabel('Email', { exact: true }).fill(MANAGER.email);
    await manager.page.getByRole('button', { name: 'Continue' }).click();
    await manager.page.getByText(`Welcome, ${MANAGER.name}`).waitFor();
    await shot(manager.page, 'sso-dashboard-360');
    expect([...problems, ...manager.problems]).toEqual([]);
  });

  test("an admin's SSO sign-in asks for the code unless the provider did MFA", async () => {
    if (!env.browser) return;
    const { page, problems } = await openPage(env, WIDE);
    await page.goto(`${env.system!.backofficeUrl}/#/login`);
    await page.getByRole('link', { name: 'Sign in with Test IdP' }).click();
    await page.getByLabel('Email', { exact: true }).fill(ADMIN.email);
    await page.getByRole('button', { name: 'Continue' }).click();
    // Back on the sign-in page, at the code step (the admin enrolled in the test above, or here).
    await passTwoFactor(page, ADMIN.email);
    await page.getByText(`Welcome, ${ADMIN.name}`).waitFor();

    const mfa = await openPage(env, WIDE);
    await mfa.page.goto(`${env.system!.backofficeUrl}/#/login`);
    await mfa.page.getByRole('link', { name: 'Sign in with Test IdP' }).click();
    await mfa.page.getByLabel('Email', { exact: true }).fill(ADMIN.email);
    await mfa.page.getByLabel('Signed in with a second factor (MFA)').check();
    await mfa.page.getByRole('button', { name: 'Continue' }).click();
    await mfa.page.getByText(`Welcome, ${ADMIN.name}`).waitFor();
    expect([...problems, ...mfa.problems]).toEqual([]);
  });
});
