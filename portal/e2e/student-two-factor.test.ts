// A student turns on optional two-factor sign-in on the profile and signs in with it, on a 360 px phone with
// JavaScript off (every step is a plain form), then on a desktop with JavaScript on.
import { DEMO_PASSWORD } from '../../db/src/seeds/demo-accounts';
import { totpCode } from '../../db/src/testing/totp';
import { clickAndLoad, DEMO_STUDENT, expectNoHorizontalScroll, newPage, openContext, PHONE, screenshot, signIn, useSystem, WIDE } from './helpers';

jest.setTimeout(180_000);

const env = useSystem();
let secret = '';

async function typePassword(page: import('playwright-core').Page) {
  await page.goto(`${env.system!.portalUrl}/login`);
  await page.getByLabel('Email').fill(DEMO_STUDENT.email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await clickAndLoad(page, page.getByRole('button', { name: 'Sign in' }));
}

test('a student turns two-factor on in the profile, then signs in with a code and remembers the phone (360 px, no JavaScript)', async () => {
  if (!env.browser) return;
  const context = await openContext(env, { javaScriptEnabled: false, viewport: PHONE });
  const { page, problems } = await newPage(context);
  await signIn(env, page);
  await page.goto(`${env.system!.portalUrl}/profile`);
  const section = page.getByRole('region', { name: 'Two-factor sign-in' });
  await section.getByText(/^Off: you sign in with your password alone/).waitFor();
  await clickAndLoad(page, section.getByRole('button', { name: 'Turn on two-factor sign-in' }));

  await section.getByRole('img', { name: /QR code/ }).waitFor();
  secret = (await section.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await expectNoHorizontalScroll(page);
  await screenshot(page, 'two-factor-setup-360');

  await section.getByLabel('Code from the app').fill('000000');
  await clickAndLoad(page, section.getByRole('button', { name: 'Turn on two-factor sign-in' }));
  await page.getByText(/^That code is not right/).first().waitFor();
  // The same key again (the enrolment waits for its first good code).
  expect((await section.getByTestId('totp-secret').innerText()).replace(/\s/g, '')).toBe(secret);

  await section.getByLabel('Code from the app').fill(await totpCode(secret));
  await clickAndLoad(page, section.getByRole('button', { name: 'Turn on two-factor sign-in' }));
  expect(await section.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem').count()).toBe(10);
  await screenshot(page, 'two-factor-recovery-codes-360');
  await clickAndLoad(page, section.getByRole('link', { name: 'I have saved them' }));
  await section.getByText(/^On since .* 10 recovery codes left\./).waitFor();

  // Signed out, the next sign-in asks for the code.
  await clickAndLoad(page, page.getByRole('button', { name: 'Sign out' }));
  await typePassword(page);
  expect(new URL(page.url()).pathname).toBe('/two-factor');
  await page.getByRole('heading', { name: 'Two-factor sign-in' }).waitFor();
  await expectNoHorizontalScroll(page);
  await screenshot(page, 'two-factor-code-360');
  await page.getByLabel('Authentication code').fill('123456');
  await clickAndLoad(page, page.getByRole('button', { name: 'Verify' }));
  await page.getByText(/^That code is not right/).first().waitFor();
  await page.getByLabel('Authentication code').fill(await totpCode(secret));
  await page.getByLabel('Remember this device for 30 days').check();
  await clickAndLoad(page, page.getByRole('button', { name: 'Verify' }));
  expect(new URL(page.url()).pathname).toBe('/dashboard');

  // This phone is remembered: no code next time. The profile lists it and can forget it.
  await clickAndLoad(page, page.getByRole('button', { name: 'Sign out' }));
  await typePassword(page);
  expect(new URL(page.url()).pathname).toBe('/dashboard');
  await page.goto(`${env.system!.portalUrl}/profile`);
  await section.getByRole('heading', { name: 'Remembered devices' }).waitFor();
  await expectNoHorizontalScroll(page);
  await screenshot(page, 'two-factor-profile-360');
  // The two wrong codes above answered 422, as they should.
  expect(problems.filter((problem) => !problem.includes('status of 422'))).toEqual([]);
});

test('with JavaScript on, the code step signs the student in too (1280 px)', async () => {
  if (!env.browser || !secret) return;
  const context = await openContext(env, { javaScriptEnabled: true, viewport: WIDE });
  const { page, problems } = await newPage(context);
  await page.goto(`${env.system!.portalUrl}/login`);
  await page.getByLabel('Email').fill(DEMO_STUDENT.email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/two-factor');
  await page.getByLabel('Authentication code').fill(await totpCode(secret));
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.waitForURL('**/dashboard');
  expect(problems).toEqual([]);
});
