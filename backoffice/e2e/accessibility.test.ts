// Accessibility sweep (issue 14 item 9): zero serious or critical axe violations on every screen each role can
// reach, in both apps, at 1280 and 360 px. Screens are discovered from the menus (the back office's sidebar,
// the portal's main navigation and its "More"), so a new screen is covered once it is in a menu. One sign-in per
// role; each screen is loaded once per width and checked with axe-core injected into the page.
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../db/src/seeds/demo-accounts';
import { PHONE, WIDE, passTwoFactor, useSystem } from './helpers';

// 98 screens × 2 widths: about 150 s alone, up to 290 s beside another test file on 2 cores.
jest.setTimeout(600_000);

const env = useSystem();
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const STAFF = ['admin', 'developer', 'manager', 'sre', 'mentor'];
const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;

interface Finding {
  screen: string;
  width: number;
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** axe on the page as it is: serious and critical violations only. */
async function axeFindings(page: Page, screen: string, width: number): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const result = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v: any) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n: any) => String(n.target)) }));
  });
  return violations.filter((v: Finding) => v.impact === 'serious' || v.impact === 'critical').map((v: Finding) => ({ ...v, screen, width }));
}

/** Requests in flight per page, counted from the browser's events (cheaper than waiting for "networkidle"). */
const inFlight = new WeakMap<Page, Set<unknown>>();
function trackRequests(page: Page) {
  const pending = new Set<unknown>();
  inFlight.set(page, pending);
  // A live-update stream (GET /events) stays open for as long as the page: it is never "in flight" work to wait for.
  page.on('request', (request) => {
    if (!new URL(request.url()).pathname.endsWith('/events')) pending.add(request);
  });
  page.on('requestfinished', (request) => pending.delete(request));
  page.on('requestfailed', (request) => pending.delete(request));
}

/**
 * The page has loaded what it shows: no request in flight and no indeterminate progress bar (the app bar's spinner
 * included) for 250 ms. "networkidle" waited 500 ms on every screen; this is the same promise, sooner.
 */
async function settle(page: Page) {
  const pending = inFlight.get(page)!;
  const deadline = Date.now() + 15_000;
  let quietSince = 0;
  while (Date.now() < deadline) {
    const busy =
      pending.size > 0 || (await page.evaluate(() => !!document.querySelector('[role="progressbar"]:not([aria-valuenow]), .MuiSkeleton-root')));
    if (busy) quietSince = 0;
    else if (!quietSince) quietSince = Date.now();
    else if (Date.now() - quietSince >= 250) return;
    await page.waitForTimeout(50);
  }
}

async function sweepBackOffice(context: BrowserContext, role: string): Promise<{ screens: string[]; findings: Finding[] }> {
  const base = env.system!.backofficeUrl;
  const page = await context.newPage();
  trackRequests(page);
  page.setDefaultTimeout(20_000);
  await page.setViewportSize(WIDE);
  await page.goto(`${base}/#/login`);
  await page.getByLabel(/^Email/).fill(account(role).email);
  await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await passTwoFactor(page, account(role).email);
  await page.getByText('Welcome,').waitFor();
  // Every screen of the menu (the sidebar is open at 1280 px).
  const hrefs = await page.locator('.RaSidebar-fixed a[href^="#/"], .RaSidebar-fixed a[href^="/"]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
  const screens = [...new Set(hrefs.map((h) => h.replace(/^#/, '')))];
  const findings: Finding[] = [];
  for (const width of [WIDE, PHONE]) {
    await page.setViewportSize(width);
    for (const screen of screens) {
      // A hash change does not reload: mark the page shown, then wait until the new screen replaced it.
      await page.evaluate(() => document.querySelectorAll('#main-content *').forEach((el) => el.setAttribute('data-old-screen', '')));
      await page.goto(`${base}/#${screen}`);
      await page.waitForFunction(() => document.querySelector('#main-content *:not([data-old-screen])'), undefined, { timeout: 10_000 }).catch(() => undefined);
      await settle(page);
      await page.mouse.move(0, 0);
      findings.push(...(await axeFindings(page, `back office (${role}) ${screen}`, width.width)));
    }
  }
  await page.close();
  return { screens, findings };
}

async function sweepPortal(context: BrowserContext): Promise<{ screens: string[]; findings: Finding[] }> {
  const base = env.system!.portalUrl;
  const page = await context.newPage();
  trackRequests(page);
  page.setDefaultTimeout(20_000);
  await page.setViewportSize(WIDE);
  await page.goto(`${base}/login`);
  const signedOut = await axeFindings(page, 'portal /login', WIDE.width);
  await page.getByLabel('Email').fill(account('student').email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/dashboard');
  const hrefs = await page.getByRole('navigation', { name: 'Main' }).locator('a[href^="/"]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
  const screens = [...new Set(hrefs.filter((h) => h !== '/logout'))];
  const findings: Finding[] = [...signedOut];
  for (const width of [WIDE, PHONE]) {
    await page.setViewportSize(width);
    for (const screen of screens) {
      await page.goto(`${base}${screen}`);
      await settle(page);
      findings.push(...(await axeFindings(page, `portal ${screen}`, width.width)));
    }
  }
  await page.close();
  return { screens, findings };
}

test('no serious or critical axe violation on any screen of either app, at 1280 and 360 px', async () => {
  if (!env.browser) return;
  const started = Date.now();
  // bypassCSP: axe is injected as a script, which the apps' CSP (rightly) refuses.
  const contexts = await Promise.all([...STAFF, 'student'].map(() => env.browser!.newContext({ bypassCSP: true })));
  // Two roles at a time (a 2-core machine).
  const results: { screens: string[]; findings: Finding[] }[] = [];
  const jobs = [...STAFF.map((role, i) => () => sweepBackOffice(contexts[i], role)), () => sweepPortal(contexts[STAFF.length])];
  for (let i = 0; i < jobs.length; i += 2) results.push(...(await Promise.all(jobs.slice(i, i + 2).map((job) => job()))));
  await Promise.all(contexts.map((c) => c.close()));
  const screens = results.reduce((n, r) => n + r.screens.length, 0);
  const findings = results.flatMap((r) => r.findings);
  console.log(`axe: ${screens} screens × 2 widths in ${Math.round((Date.now() - started) / 1000)} s; ${findings.length} serious/critical violations`);
  expect(screens).toBeGreaterThan(40);
  expect(findings.map((f) => `${f.screen} @${f.width}: ${f.id} (${f.impact}) ${f.help} — ${f.targets.join(' | ')}`)).toEqual([]);
});
