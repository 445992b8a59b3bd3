// Browser tests of the student portal against the whole system (embedded Postgres,
// API, portal), driving Debian's Chromium with playwright-core.
// Screenshots land in portal/e2e/screenshots/ (git-ignored).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';

import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../db/src/seeds/demo-accounts';
import { launchBrowser } from '../../db/src/testing/browser';
import { startTestSystem } from '../../db/src/testing/system';
import { signInOverHttp } from '../../db/src/testing/totp';

import { openFromMore } from './helpers';

jest.setTimeout(180_000);

const SCREENSHOTS = path.join(__dirname, 'screenshots');
const DEMO_STUDENT = DEMO_ACCOUNTS.find((account) => account.role === 'student')!;
const WIDE = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 740 };

let system: Awaited<ReturnType<typeof startTestSystem>> | undefined;
let browser: Browser | null = null;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  if (!browser) return; // no Chromium outside CI: the helper printed why; every test returns early
  system = await startTestSystem();
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
  await browser?.close();
  await system?.stop();
});

/** A fresh page; console errors and uncaught exceptions (CSP violations, hydration failures) are collected. */
async function openPage(options: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } } = {}) {
  const context = await browser!.newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: options.viewport ?? WIDE,
  });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return { page, problems };
}

async function submit(page: Page, button: string) {
  await Promise.all([
    page.waitForLoadState('load'),
    page.getByRole('button', { name: button }).click(),
  ]);
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${system!.portalUrl}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await submit(page, 'Sign in');
}

async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** The page must not scroll sideways (the layout fits the viewport). */
async function expectNoHorizontalScroll(page: Page) {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
}

/** The verification link from the dev outbox, read through the API as the demo admin. */
async function verificationLinkFor(email: string): Promise<string> {
  const { apiUrl } = system!;
  // Admins use two-factor sign-in: the helper enrols an authenticator on the first sign-in, as the admin would.
  const token = await signInOverHttp(apiUrl, 'admin@example.com', DEMO_PASSWORD);

  const query = new URLSearchParams({
    sort: JSON.stringify(['id', 'DESC']),
    range: JSON.stringify([0, 9]),
    filter: JSON.stringify({ q: email }),
  });
  const deadline = Date.now() + 15_000;
  // The mail may be written by a background job: poll for a little while.
  for (;;) {
    const response = await fetch(`${apiUrl}/outbox_messages?${query}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    const rows = (await response.json()) as Array<{ to: string; subject: string; text: string }>;
    for (const row of rows) {
      if (!row.to.toLowerCase().includes(email.toLowerCase())) continue;
      const link = row.text.match(/https?:\/\/[^\s"'<>]+\/verify-email\?token=[^\s"'<>)]+/);
      if (link) return link[0];
    }
    if (Date.now() > deadline) throw new Error(`No verification email for ${email} in the outbox`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

describe('student portal', () => {
  it('lets a student sign up, verify their email from the link, sign in and see their name', async () => {
    if (!browser) return;
    const { portalUrl } = system!;
    const email = `new.student.${Date.now()}@example.com`;
    const name = 'Nusrat Jahan';
    const password = 'a-long-password-2026';

    const { page, problems } = await openPage();
    await page.goto(`${portalUrl}/signup`);
    await screenshot(page, 'signup-1280');
    await page.getByLabel('Full name').fill(name);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await submit(page, 'Create account');
    await page.getByRole('heading', { name: 'Check your email for a verification link' }).waitFor();

    const link = await verificationLinkFor(email);
    // The link names the portal the API was told about; open it on this test's portal.
    const { pathname, search } = new URL(link);
    expect(pathname).toBe('/verify-email');
    await page.goto(portalUrl + pathname + search);
    await page.getByRole('heading', { name: 'Email confirmed' }).waitFor();

    await page.getByRole('link', { name: 'Sign in' }).first().click();
    await page.waitForURL('**/login');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await submit(page, 'Sign in');
    await page.waitForURL('**/dashboard');
    await page.getByRole('heading', { name: `Welcome, ${name}` }).waitFor();
    await screenshot(page, 'dashboard-1280');

    // Profile: edit with JavaScript on, the saved message appears.
    await openFromMore(page, 'Profile', '/profile'); // behind the nav's "More"
    await page.getByLabel('Phone').fill('+8801711111111');
    await submit(page, 'Save profile');
    await page.getByText('Your profile is saved.').waitFor();
    expect(await page.getByLabel('Phone').inputValue()).toBe('+8801711111111');
    await screenshot(page, 'profile-1280');

    // Signing out lands on the sign-in page, and the dashboard asks to sign in again.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You have signed out.').waitFor();
    await page.goto(`${portalUrl}/dashboard`);
    await page.waitForURL(/\/login/);

    // No CSP violations or hydration errors along the way.
    expect(problems).toEqual([]);
  });

  it('shows "Email or password is incorrect." for a wrong password', async () => {
    if (!browser) return;
    const { page } = await openPage();
    await signIn(page, DEMO_STUDENT.email, 'not-the-right-password');
    await page.getByRole('alert').filter({ hasText: 'Email or password is incorrect.' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    // The email stays filled in, the password does not.
    expect(await page.getByLabel('Email').inputValue()).toBe(DEMO_STUDENT.email);
    expect(await page.getByLabel('Password').inputValue()).toBe('');
    await screenshot(page, 'login-error-1280');
  });

  it('lets the demo student sign in at 360 px wide with JavaScript disabled', async () => {
    if (!browser) return;
    const { page } = await openPage({ javaScriptEnabled: false, viewport: PHONE });
    await page.goto(`${system!.portalUrl}/login`);
    await screenshot(page, 'login-360');
    await page.getByLabel('Email').fill(DEMO_STUDENT.email);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await submit(page, 'Sign in');
    await page.waitForURL('**/dashboard');
    await page.getByRole('heading', { name: `Welcome, ${DEMO_STUDENT.name}` }).waitFor();
    await screenshot(page, 'dashboard-360');

    // The profile form works without JavaScript too (post, redirect, message).
    await openFromMore(page, 'Profile', '/profile'); // behind the nav's "More"
    await screenshot(page, 'profile-360');
    await page.getByLabel('Phone').fill('+8801722222222');
    await submit(page, 'Save profile');
    await page.getByText('Your profile is saved.').waitFor();
    expect(await page.getByLabel('Phone').inputValue()).toBe('+8801722222222');
  });

  it('fits a 360 px screen without sideways scrolling', async () => {
    if (!browser) return;
    const { page } = await openPage({ viewport: PHONE });
    for (const route of ['/login', '/signup', '/forgot-password']) {
      await page.goto(system!.portalUrl + route);
      await expectNoHorizontalScroll(page);
    }
    await screenshot(page, 'forgot-password-360');
    await signIn(page, DEMO_STUDENT.email, DEMO_PASSWORD);
    await page.waitForURL('**/dashboard');
    await expectNoHorizontalScroll(page);
    await page.goto(`${system!.portalUrl}/profile`);
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'profile-360-js');
  });
});
