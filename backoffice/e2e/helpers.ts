// Shared pieces of the back office browser tests: the whole system on a fresh demo database,
// Debian's Chromium through playwright-core, pages that collect errors, sign-in, screenshots.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';

import { DEMO_PASSWORD } from '../../db/src/seeds/demo-accounts';
import { launchBrowser } from '../../db/src/testing/browser';
import { startTestSystem } from '../../db/src/testing/system';
import { knownTotpSecrets, signInOverHttp, totpCode } from '../../db/src/testing/totp';

export const SCREENSHOTS = path.join(__dirname, 'screenshots');
export const WIDE = { width: 1280, height: 800 };
export const PHONE = { width: 360, height: 740 };

export interface E2E {
  browser: Browser | null;
  system: Awaited<ReturnType<typeof startTestSystem>> | undefined;
}

/**
 * beforeAll/afterAll for a test file; `env.browser` stays null (tests return early) without Chromium. `extraEnv`
 * goes to the services (e.g. a small UPLOAD_MAX_MB).
 */
export function useSystem(extraEnv: NodeJS.ProcessEnv = {}): E2E {
  const env: E2E = { browser: null, system: undefined };
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    env.browser = await launchBrowser();
    if (!env.browser) return;
    env.system = await startTestSystem(extraEnv);
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
    await env.browser?.close();
    await env.system?.stop();
  });
  (env as E2E & { contexts: BrowserContext[] }).contexts = contexts;
  return env;
}

/**
 * A fresh signed-out page. Uncaught exceptions, console errors (except the browser's own "Failed
 * to load resource" lines) and API answers ≥ 400 (except the signed-out 401 from /auth/me) are collected.
 */
export async function openPage(env: E2E, viewport = WIDE) {
  const context = await env.browser!.newContext({ viewport, acceptDownloads: true });
  (env as E2E & { contexts: BrowserContext[] }).contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('response', async (response) => {
    const url = new URL(response.url());
    if (!env.system || !response.url().startsWith(env.system.apiUrl) || response.status() < 400) return;
    if (response.status() === 401 && url.pathname === '/auth/me') return;
    const body = await response.text().catch(() => '');
    problems.push(`${response.request().method()} ${url.pathname}${url.search} → ${response.status()} ${body.slice(0, 300)}`);
  });
  return { page, problems };
}

/**
 * Signs in through the form and waits for the dashboard. Admins and developers must use two-factor sign-in: the
 * first sign-in enrols (reading the key the page shows, as a person types it into their app), later ones enter a code.
 */
export async function signIn(env: E2E, page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto(`${env.system!.backofficeUrl}/#/login`);
  await page.getByLabel(/^Email/).fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await passTwoFactor(page, email);
  await page.getByText('Welcome,').waitFor();
}

/** After the password (or SSO): the enrolment or the code step if the page asks for one, as the person would. */
export async function passTwoFactor(page: Page, email: string, { remember = false } = {}) {
  const welcome = page.getByText('Welcome,');
  const enrol = page.getByRole('heading', { name: 'Set up two-factor sign-in', exact: true });
  const verify = page.getByRole('heading', { name: 'Two-factor sign-in', exact: true });
  const error = page.getByRole('alert');
  await welcome.or(enrol).or(verify).or(error).first().waitFor();
  if (await enrol.isVisible()) {
    const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
    knownTotpSecrets.set(email, secret);
    await page.getByLabel('Code from the app').fill(await totpCode(secret));
    await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    await page.getByRole('button', { name: 'I have saved them — continue' }).click();
  } else if (await verify.isVisible()) {
    const secret = knownTotpSecrets.get(email);
    if (!secret) throw new Error(`${email} asks for a two-factor code, but this test does not know its secret`);
    await page.getByLabel('Authentication code').fill(await totpCode(secret));
    if (remember) await page.getByLabel('Remember this device for 30 days').check();
    await page.getByRole('button', { name: 'Verify' }).click();
  }
}

export async function screenshot(page: Page, name: string) {
  // From the top, so the app bar (which hides on scroll) is where it belongs in a full-page capture.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Screenshots of a test file into `dir`: full pages from the top, and an open dialog in full. */
export function screenshotsIn(dir: string) {
  const file = (name: string) => {
    mkdirSync(dir, { recursive: true });
    return path.join(dir, `${name}.png`);
  };
  return {
    /** From the top (the app bar hides on scroll), with the pointer out of the way of hover styles. */
    async shot(page: Page, name: string) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.mouse.move(0, 0);
      await page.waitForTimeout(300);
      await page.screenshot({ path: file(name), fullPage: true });
    },
    /** The viewport grows to the dialog's height for the capture (a dialog does not scroll with the page). */
    async shotDialog(page: Page, name: string) {
      const size = page.viewportSize()!;
      const height = await page.evaluate(() => (document.querySelector('.MuiDialog-paper') as HTMLElement | null)?.scrollHeight ?? 0);
      await page.setViewportSize({ width: size.width, height: Math.max(size.height, height + 80) });
      await page.waitForTimeout(300);
      await page.screenshot({ path: file(name) });
      await page.setViewportSize(size);
    },
  };
}

/** The page must not scroll sideways (the layout fits the viewport). */
export async function expectNoHorizontalScroll(page: Page) {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
}

/** GET on the API with the page's session cookie (for looking ids up, not for what is under test). */
export async function apiGet<T = unknown>(env: E2E, page: Page, pathAndQuery: string): Promise<T> {
  return page.evaluate(async (url) => {
    const response = await fetch(url, { credentials: 'include', headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`${url} → ${response.status}`);
    return response.json();
  }, `${env.system!.apiUrl}${pathAndQuery}`) as Promise<T>;
}

/** The list's pagination text, e.g. "1-25 of 25". */
export async function paginationText(page: Page) {
  const text = page.locator('.MuiTablePagination-displayedRows').first();
  await text.waitFor();
  return (await text.innerText()).trim();
}

/**
 * The API as a bearer client (POST /auth/token), e.g. the student's side of a scenario or the setup
 * data of a test. `call` answers the status and the parsed body, whatever the status.
 */
export async function apiAs(env: E2E, email: string, password = DEMO_PASSWORD) {
  const base = env.system!.apiUrl;
  const token = await signInOverHttp(base, email, password);
  const call = async <T = any>(method: string, pathAndQuery: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${base}${pathAndQuery}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: response.status, body: parsed as T };
  };
  return { token, call };
}

/** `?filter=…` for a list request. */
export const filterQuery = (filter: Record<string, unknown>) => `filter=${encodeURIComponent(JSON.stringify(filter))}`;

/** The id of mission `code` in batch `batchCode`, asked as the given client. */
export async function missionIdOf(client: Awaited<ReturnType<typeof apiAs>>, batchCode: string, code: string): Promise<number> {
  const batches = await client.call<{ id: number }[]>('GET', `/batches?${filterQuery({ code: batchCode })}`);
  const missions = await client.call<{ id: number }[]>('GET', `/missions?${filterQuery({ batch_id: batches.body[0].id, code })}`);
  return missions.body[0].id;
}

/** The demo accounts' profile time zone: date-time inputs take wall times in it, whatever the browser's zone. */
export const PROFILE_ZONE = 'Asia/Dhaka';

/** `instant` as a `datetime-local` value ("2026-12-07T14:05") in `zone`, as a person types it into an input. */
export function wallTime(instant: number, zone = PROFILE_ZONE): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value])
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/**
 * The numbers a dashboard stat shows ("12", or "12 / 37"), read from its visible words: a stat link is named by
 * them, the number first ("12 / 37 checked in today…").
 */
export async function statNumbers(stat: import('playwright-core').Locator): Promise<number[]> {
  const shown = (await stat.innerText()).trim().split('\n')[0];
  return shown.split('/').map((part) => Number(part.replace(/[,\s]/g, '')));
}

/**
 * Opens an autocomplete and picks an option. Its options are fetched again as it opens, so on a busy machine the
 * list can be replaced under the pointer: open it again and pick once more, as a person would.
 */
export async function chooseOption(page: Page, combobox: string, option: RegExp | string) {
  for (let attempt = 1; ; attempt += 1) {
    await page.getByRole('combobox', { name: combobox }).click();
    try {
      await page.getByRole('option', { name: option }).click({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
}
