// "Today" and every date a person reads come from the API in the user's profile zone (or the batch's, for a
// batch's day), whatever the browser says (issue 14 item 1). Each role's home page and work queue is read with
// the browser's zone set to UTC and to Asia/Dhaka, and to a far-ahead zone (Pacific/Kiritimati, UTC+14, where
// the date is usually a day ahead of Dhaka's): the words and numbers on the page are the same in all three.
import type { Browser, Page } from 'playwright-core';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../db/src/seeds/demo-accounts';
import { WIDE, passTwoFactor, useSystem } from './helpers';

jest.setTimeout(240_000);

const env = useSystem();
const ZONES = ['UTC', 'Asia/Dhaka', 'Pacific/Kiritimati'];
const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;

/** The pages each role reads "today" on: the home page and its queues. */
const PAGES: Record<string, string[]> = {
  sre: ['/', '/calls', '/student_progress'],
  mentor: ['/', '/students', '/meetings'],
  manager: ['/', '/mission_attendance_days', '/assignment_report'],
  // The audit log's sign-ins (every role's above came first): entries this test's own reads add would differ by zone.
  admin: ['/', `/audit_log?filter=${encodeURIComponent(JSON.stringify({ action: 'login' }))}`],
};

/** The main area's text once everything on it has loaded: no placeholder left, unchanged for a second. */
async function settledText(page: Page) {
  await page.waitForLoadState('networkidle');
  let last = '';
  let sameSince = Date.now();
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const text = await page.evaluate(() => {
      const main = document.getElementById('main-content');
      // The app bar's spinner counts too: it turns while any list is still loading.
      if (!main || document.querySelector('[role="progressbar"]:not([aria-valuenow]), .MuiSkeleton-root')) return '';
      const placeholders = [...main.querySelectorAll('*')].some((el) => el.childElementCount === 0 && el.textContent?.trim() === '…' && !el.closest('.MuiPagination-root'));
      return placeholders || /loading…/i.test(main.innerText) ? '' : main.innerText;
    });
    if (text !== last) {
      last = text;
      sameSince = Date.now();
    } else if (text && Date.now() - sameSince >= 1000) {
      return text;
    }
    await page.waitForTimeout(200);
  }
  const why = await page.evaluate(() => {
    const main = document.getElementById('main-content');
    const busy = main?.querySelector('[role="progressbar"], .MuiSkeleton-root');
    const dots = [...(main?.querySelectorAll('*') ?? [])].find((el) => el.childElementCount === 0 && el.textContent?.trim() === '…');
    return `busy: ${busy?.outerHTML.slice(0, 200)}; dots: ${dots?.parentElement?.outerHTML.slice(0, 300)}`;
  });
  throw new Error(`the page did not settle: ${page.url()} (${why})`);
}

/** One sign-in per role (two-factor for the roles that need it), shared by the three zones' browsers. */
async function signedInState(browser: Browser, base: string, role: string) {
  const context = await browser.newContext({ viewport: WIDE });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${base}/#/login`);
  await page.getByLabel(/^Email/).fill(account(role).email);
  await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await passTwoFactor(page, account(role).email);
  await page.getByText('Welcome,').waitFor();
  const state = await context.storageState();
  await context.close();
  return state;
}

/** The text of the page's main area once loaded, without the live caption's clock. */
async function readPages(browser: Browser, base: string, role: string, timezoneId: string, storageState: Awaited<ReturnType<typeof signedInState>>) {
  const context = await browser.newContext({ viewport: WIDE, timezoneId, storageState });
  const texts: Record<string, string> = {};
  for (const path of PAGES[role]) {
    // A fresh load of each page (same session), so nothing of the previous one is read.
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${base}/#${path}`);
    texts[path] = (await settledText(page)).replace(/updated \d\d:\d\d:\d\d/g, 'updated …');
    await page.close();
  }
  await context.close();
  return texts;
}

describe.each(Object.keys(PAGES))('the %s’s pages read the same in every browser zone', (role) => {
  test('UTC, Asia/Dhaka and UTC+14 show the same days and numbers', async () => {
    if (!env.browser) return;
    const base = env.system!.backofficeUrl;
    const state = await signedInState(env.browser!, base, role);
    const [utc, dhaka, ahead] = await Promise.all(ZONES.map((zone) => readPages(env.browser!, base, role, zone, state)));
    for (const path of PAGES[role]) {
      expect({ path, text: utc[path] }).toEqual({ path, text: dhaka[path] });
      expect({ path, text: ahead[path] }).toEqual({ path, text: dhaka[path] });
    }
  });
});
