// Shared pieces of the portal's browser tests: the whole system on a fresh demo database,
// Debian's Chromium through playwright-core, pages that collect errors, the API as staff
// would call it, sign-in, screenshots (portal/e2e/screenshots/, git-ignored).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../db/src/seeds/demo-accounts';
import { launchBrowser } from '../../db/src/testing/browser';
import { startTestSystem } from '../../db/src/testing/system';
import { signInOverHttp } from '../../db/src/testing/totp';

export const SCREENSHOTS = path.join(__dirname, 'screenshots');
export const WIDE = { width: 1280, height: 800 };
export const PHONE = { width: 360, height: 740 };
export const DEMO_STUDENT = DEMO_ACCOUNTS.find((account) => account.role === 'student')!;

export interface E2E {
  browser: Browser | null;
  system: Awaited<ReturnType<typeof startTestSystem>> | undefined;
  contexts: BrowserContext[];
}

/** beforeAll/afterAll for a test file; `env.browser` stays null (tests return early) without Chromium. */
export function useSystem(): E2E {
  const env: E2E = { browser: null, system: undefined, contexts: [] };
  beforeAll(async () => {
    env.browser = await launchBrowser();
    if (!env.browser) return; // no Chromium outside CI: the helper printed why
    env.system = await startTestSystem();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await Promise.all(env.contexts.map((context) => context.close().catch(() => undefined)));
    await env.browser?.close();
    await env.system?.stop();
  });
  return env;
}

/** A browser context: a phone without JavaScript, or a desktop with it, or as asked. */
export async function openContext(env: E2E, options: { javaScriptEnabled: boolean; viewport: { width: number; height: number } }) {
  const context = await env.browser!.newContext(options);
  env.contexts.push(context);
  return context;
}

/** A fresh page; uncaught exceptions and console errors (CSP, hydration) are collected. */
export async function newPage(context: BrowserContext) {
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return { page, problems };
}

/** One call to the API as a server-side client would make it (bearer token). */
export async function apiCall<T>(env: E2E, token: string | null, method: string, route: string, body?: unknown): Promise<T> {
  const response = await fetch(env.system!.apiUrl + route, {
    method,
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${route} answered ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A bearer token for a demo account (finishing two-factor sign-in as its owner would, for admins and developers). */
export async function tokenFor(env: E2E, email: string): Promise<string> {
  return signInOverHttp(env.system!.apiUrl, email, DEMO_PASSWORD);
}

/** The demo student's bearer token, id and mission ids by code (read from their dashboard, as the portal would). */
export async function demoStudent(env: E2E): Promise<{ token: string; id: number; missions: Record<string, number> }> {
  const token = await tokenFor(env, DEMO_STUDENT.email);
  const dashboard = await apiCall<{ student: { id: number }; missions: { mission_id: number; code: string }[] }>(env, token, 'GET', '/me/dashboard');
  return { token, id: dashboard.student.id, missions: Object.fromEntries(dashboard.missions.map((mission) => [mission.code, mission.mission_id])) };
}

/** Click and wait for the next page (without JavaScript every form post is a page load). */
export async function clickAndLoad(page: Page, target: Locator) {
  await Promise.all([page.waitForEvent('load'), target.click()]);
}

/** Signs in through the form; lands on `landing` (the dashboard, or /standing for a suspended student). */
export async function signIn(env: E2E, page: Page, email: string = DEMO_STUDENT.email, landing = '/dashboard') {
  await page.goto(`${env.system!.portalUrl}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`**${landing}`);
}

/** A page behind the nav's "More" (a <details>, so with or without JavaScript): open it, follow the link. */
export async function openFromMore(page: Page, name: string, path: string) {
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.locator('summary').click();
  await nav.getByRole('link', { name, exact: true }).click();
  await page.waitForURL(`**${path}`);
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** The page must not scroll sideways (the layout fits the viewport). */
export async function expectNoHorizontalScroll(page: Page) {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
}
