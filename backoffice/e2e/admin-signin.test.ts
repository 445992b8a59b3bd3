// Browser tests of the back office against the whole system (embedded Postgres, API,
// back office from its production build), driving Debian's Chromium with playwright-core.
// Screenshots land in backoffice/e2e/screenshots/ (git-ignored).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';

import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../db/src/seeds/demo-accounts';
import { launchBrowser } from '../../db/src/testing/browser';
import { startTestSystem } from '../../db/src/testing/system';
import { passTwoFactor } from './helpers';

jest.setTimeout(180_000);

const SCREENSHOTS = path.join(__dirname, 'screenshots');
const ADMIN = DEMO_ACCOUNTS.find((account) => account.role === 'admin')!;
const STUDENT = DEMO_ACCOUNTS.find((account) => account.role === 'student')!;
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

/**
 * A fresh signed-out page. Uncaught exceptions and console errors are collected, except the
 * browser's own "Failed to load resource" lines (a signed-out GET /auth/me answers 401 by design).
 */
async function openPage(viewport = WIDE) {
  const context = await browser!.newContext({ viewport });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  // API failures other than the expected signed-out 401 from /auth/me and a rejected sign-in.
  page.on('response', async (response) => {
    const url = new URL(response.url());
    if (!system || !response.url().startsWith(system.apiUrl) || response.status() < 400) return;
    if (response.status() === 401 && (url.pathname === '/auth/me' || url.pathname === '/auth/login')) return;
    const body = await response.text().catch(() => '');
    problems.push(`${response.request().method()} ${url.pathname}${url.search} → ${response.status()} ${body.slice(0, 300)}`);
  });
  return { page, problems };
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${system!.backofficeUrl}/#/login`);
  await page.getByLabel(/^Email/).fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Every demo account's email shows in the users list (on failure, say what the API answered).
 * The demo seed also holds hundreds of students (@example.org): search narrows the list to the
 * staff-style demo accounts (@example.com), which also exercises the `q` filter.
 */
async function waitForEmails(page: Page, problems: string[]) {
  try {
    await page.getByPlaceholder('Search name or email').fill('@example.com');
    for (const account of DEMO_ACCOUNTS) {
      await page.getByText(account.email, { exact: true }).waitFor();
    }
  } catch (error) {
    await screenshot(page, `users-failure-${page.viewportSize()?.width}`);
    throw new Error(`${(error as Error).message}\nProblems seen: ${problems.join('\n') || 'none'}`);
  }
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

describe('back office sign-in', () => {
  test('an admin signs in and sees the users list with the six demo accounts (1280 px)', async () => {
    if (!browser) return;
    const { page, problems } = await openPage(WIDE);

    await page.goto(system!.backofficeUrl);
    // Signed out: the app sends us to the sign-in page, which offers a reset link.
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.getByRole('link', { name: 'Forgot password?' }).isVisible()).toBe(true);
    await screenshot(page, 'signin-1280');

    await signIn(page, ADMIN.email, DEMO_PASSWORD);
    // Admins must use two-factor sign-in: enrolment on the first sign-in, a code on the next.
    await passTwoFactor(page, ADMIN.email);
    await page.getByText(`Welcome, ${ADMIN.name}`).waitFor();
    await screenshot(page, 'dashboard-1280');

    // The menu offers what the admin's permissions allow.
    for (const item of ['Users', 'Audit log', 'Mail outbox']) {
      expect(await page.getByRole('menuitem', { name: item }).isVisible()).toBe(true);
    }

    await page.getByRole('menuitem', { name: 'Users' }).click();
    await waitForEmails(page, problems);
    // One row per account found (+ the header row), every one of them an @example.com account.
    const emails = await page.locator('tbody tr td:nth-child(3)').allInnerTexts();
    expect(emails.length).toBeGreaterThanOrEqual(DEMO_ACCOUNTS.length);
    expect(emails.every((email) => email.trim().endsWith('@example.com'))).toBe(true);
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'users-1280');

    expect(problems).toEqual([]);
  });

  test('the users list fits a 360 px phone', async () => {
    if (!browser) return;
    const { page, problems } = await openPage(PHONE);

    await page.goto(`${system!.backofficeUrl}/#/login`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'signin-360');

    await signIn(page, ADMIN.email, DEMO_PASSWORD);
    // Admins must use two-factor sign-in: enrolment on the first sign-in, a code on the next.
    await passTwoFactor(page, ADMIN.email);
    await page.getByText(`Welcome, ${ADMIN.name}`).waitFor();
    await page.goto(`${system!.backofficeUrl}/#/users`);
    await waitForEmails(page, problems);
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'users-360');

    expect(problems).toEqual([]);
  });

  test('a wrong password shows "Email or password is incorrect." on the page', async () => {
    if (!browser) return;
    const { page, problems } = await openPage(WIDE);

    await signIn(page, ADMIN.email, `${DEMO_PASSWORD}-wrong`);
    const alert = page.getByRole('alert').filter({ hasText: 'Email or password is incorrect.' });
    await alert.waitFor();
    // Still on the sign-in page, nothing else revealed.
    expect(page.url()).toContain('#/login');
    expect(await page.getByText(`Welcome, ${ADMIN.name}`).count()).toBe(0);
    await screenshot(page, 'signin-wrong-password-1280');

    expect(problems).toEqual([]);
  });

  test('a student is sent to the student portal', async () => {
    if (!browser) return;
    const { page } = await openPage(PHONE);

    await signIn(page, STUDENT.email, DEMO_PASSWORD);
    await page.getByRole('alert').filter({ hasText: 'Students sign in on the student portal.' }).waitFor();
    expect(page.url()).toContain('#/login');
    await screenshot(page, 'signin-student-360');

    // …and was signed out again: the app does not open on a reload.
    await page.goto(`${system!.backofficeUrl}/#/users`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  });
});
