// Measures the back office's first load on slow 3G (issue 14 item 2): the sign-in page's compressed JS and its time
// on that connection (cold cache), the time from "Sign in" to a usable home page, and a returning user's time to a
// usable home page (hashed assets are cached for a year, so what remains is the page, the session check and the
// data). The connection is throttled through CDP (Network.emulateNetworkConditions) to slow 3G as web.dev and
// Lighthouse define it: 400 ms round trip, 400 kbit/s down and up. Used by first-load.test.ts (the byte budget) and
// api/bench/first-load.bench.ts (the time budget: a timing belongs in a benchmark, not in a test).
import type { CDPSession, Page } from 'playwright-core';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../db/src/seeds/demo-accounts';
import { WIDE, openPage, type E2E } from './helpers';

export const LOGIN_JS_BUDGET = 200 * 1024;
export const DASHBOARD_BUDGET_MS = 2000;
const SLOW_3G = { offline: false, latency: 400, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (400 * 1000) / 8 };

/** Compressed bytes of every script the page downloads (CDP's encodedDataLength, headers included). */
async function scriptBytes(cdp: CDPSession) {
  const scripts = new Map<string, string>();
  const bytes = new Map<string, number>();
  cdp.on('Network.responseReceived', (e: any) => {
    if (e.type === 'Script') scripts.set(e.requestId, e.response.url);
  });
  cdp.on('Network.loadingFinished', (e: any) => {
    if (scripts.has(e.requestId)) bytes.set(e.requestId, e.encodedDataLength);
  });
  return {
    total: () => [...bytes.values()].reduce((a, b) => a + b, 0),
    count: () => bytes.size,
    reset: () => {
      scripts.clear();
      bytes.clear();
    },
  };
}

/** The home page is usable: its heading is there and nothing on it is still loading. */
async function homeUsable(page: Page) {
  await page.getByText('Welcome,').waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => !document.querySelector('main [role="progressbar"], main .MuiSkeleton-root'), undefined, { timeout: 60_000 });
}

const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;

export interface FirstLoad {
  /** The page's HTML answer (compressed, with the loading shell). */
  contentEncoding: string | null;
  html: string;
  loginJs: number;
  loginScripts: number;
  loginMs: number;
  afterSignInMs: number;
  afterSignInJs: number;
  returningMs: number;
  problems: string[];
}

export async function measureFirstLoad(env: E2E): Promise<FirstLoad> {
  const { backofficeUrl } = env.system!;

  // Compressed: every asset has a brotli copy, and the page itself is compressed too.
  const page0 = await fetch(`${backofficeUrl}/`, { headers: { 'Accept-Encoding': 'br, gzip' } });
  const html = await page0.text();
  const contentEncoding = page0.headers.get('content-encoding');

  const { page, problems } = await openPage(env, WIDE);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
  const js = await scriptBytes(cdp);

  // Cold: the sign-in page.
  let start = Date.now();
  await page.goto(`${backofficeUrl}/#/login`, { waitUntil: 'commit' });
  await page.getByRole('button', { name: 'Sign in' }).waitFor({ timeout: 60_000 });
  const loginMs = Date.now() - start;
  await page.waitForLoadState('networkidle');
  const loginJs = js.total();
  const loginScripts = js.count();

  // Sign in: the layout and the home page load on demand.
  js.reset();
  const admin = DEMO_ACCOUNTS.find((a) => a.role === 'sre')!;
  await page.getByLabel(/^Email/).fill(admin.email);
  await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
  start = Date.now();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await homeUsable(page);
  const afterSignInMs = Date.now() - start;
  const afterSignInJs = js.total();

  // A returning user: the same browser opens the back office again.
  js.reset();
  start = Date.now();
  await page.goto(`${backofficeUrl}/`, { waitUntil: 'commit' });
  await homeUsable(page);
  const returningMs = Date.now() - start;

  return { contentEncoding, html, loginJs, loginScripts, loginMs, afterSignInMs, afterSignInJs, returningMs, problems };
}

export function describeFirstLoad(m: FirstLoad): string {
  return [
    'Back office first load on slow 3G (400 ms RTT, 400 kbit/s):',
    `  sign-in page JS: ${kB(m.loginJs)} compressed in ${m.loginScripts} file(s) (budget ${kB(LOGIN_JS_BUDGET)}); sign-in page shown after ${m.loginMs} ms (cold cache)`,
    `  "Sign in" → usable home page: ${m.afterSignInMs} ms (${kB(m.afterSignInJs)} more JS)`,
    `  returning user → usable home page: ${m.returningMs} ms (budget ${DASHBOARD_BUDGET_MS} ms)`,
  ].join('\n');
}
