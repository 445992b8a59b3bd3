// Browser tests of live updates: a student keeps a page open with JavaScript; staff post a notice and answer the
// student's ticket through the API; the page shows the notice and the alerts count grows in place, without a
// reload. The portal's /events carries a student only their own changes, and nothing to the signed out. Without
// JavaScript the pages render as before.
import type { BrowserContext, Page } from 'playwright-core';

import { openEventStream, changeOf, type SseStream } from '../../api/src/testing/sse-client';
import {
  apiCall,
  demoStudent,
  expectNoHorizontalScroll,
  newPage,
  openContext,
  PHONE,
  screenshot,
  signIn,
  tokenFor,
  useSystem,
  WIDE,
} from './helpers';

jest.setTimeout(180_000);

const env = useSystem();

const OTHER_STUDENT = 'demo.student.b1.3@example.org';
const LIVE_WITHIN_MS = 6_000;

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });
/** A nav badge's number; no badge is none. */
const count = async (page: Page, selector: string) => {
  const badge = nav(page).locator(selector);
  if ((await badge.count()) === 0) return 0;
  return Number((await badge.first().innerText()).replace('+', '')) || 0;
};
const unreadNotices = (page: Page) => count(page, 'a[href="/notices"] .nav-count');
const newAlerts = (page: Page) => count(page, 'summary .nav-count');

/** Resolves once `read` answers `expected`, or fails after LIVE_WITHIN_MS with the last answer. */
async function until(read: () => Promise<number>, expected: number) {
  const deadline = Date.now() + LIVE_WITHIN_MS;
  let value = await read();
  while (value !== expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await read();
  }
  expect(value).toBe(expected);
}

/** A mark on the window: still there later means the page was never reloaded. */
const markPage = (page: Page) => page.evaluate(() => ((window as unknown as { liveMark: number }).liveMark = 1));
const stillMarked = (page: Page) => page.evaluate(() => (window as unknown as { liveMark?: number }).liveMark === 1);

async function portalCookie(context: BrowserContext): Promise<string> {
  const cookies = await context.cookies(env.system!.portalUrl);
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}

const streams: SseStream[] = [];
afterAll(() => {
  for (const stream of streams) stream.close();
});
async function portalStream(cookie: string): Promise<SseStream> {
  const stream = await openEventStream(`${env.system!.portalUrl}/events`, cookie ? { Cookie: cookie } : {});
  streams.push(stream);
  return stream;
}

describe('live updates', () => {
  it('shows a new notice and a ticket reply on the open page, without reloading it', async () => {
    if (!env.browser) return;
    const student = await demoStudent(env);
    const manager = await tokenFor(env, 'manager@example.com');
    const mentor = await tokenFor(env, 'mentor@example.com');

    const context = await openContext(env, { javaScriptEnabled: true, viewport: WIDE });
    const { page, problems } = await newPage(context);
    await signIn(env, page);
    await page.goto(`${env.system!.portalUrl}/notices`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const unreadBefore = await unreadNotices(page);
    await markPage(page);

    const notice = await apiCall<{ id: number }>(env, manager, 'POST', '/notices', {
      audience: 'everyone',
      title: 'Lab closed on Friday',
      body_md: 'The lab is closed on Friday for maintenance.',
      requires_ack: false,
    });
    await page.locator('.notice-item', { hasText: 'Lab closed on Friday' }).waitFor({ timeout: LIVE_WITHIN_MS });
    await until(() => unreadNotices(page), unreadBefore + 1);
    expect(notice.id).toBeGreaterThan(0);

    // A ticket of the student's; the mentor answers it: a new alert.
    const missionId = Object.values(student.missions)[0];
    const ticket = await apiCall<{ id: number }>(env, student.token, 'POST', '/tickets', {
      recipient: 'mentor',
      mission_id: missionId,
      subject: 'Where is the rubric?',
      body: 'I cannot find the rubric for assignment 2.',
      links: [],
    });
    const alertsBefore = await newAlerts(page);
    await apiCall(env, mentor, 'POST', '/ticket_messages', { ticket_id: ticket.id, body: 'It is under Missions → Resources.', links: [] });
    await until(() => newAlerts(page), alertsBefore + 1);

    expect(new URL(page.url()).pathname).toBe('/notices');
    expect(await stillMarked(page)).toBe(true);
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'live-notices-1280');

    // The ticket's page, open on a phone, shows the next reply as it comes.
    const phone = await openContext(env, { javaScriptEnabled: true, viewport: PHONE });
    const { page: phonePage, problems: phoneProblems } = await newPage(phone);
    await signIn(env, phonePage);
    await phonePage.goto(`${env.system!.portalUrl}/tickets/${ticket.id}`);
    await phonePage.locator('.message', { hasText: 'Missions → Resources' }).waitFor();
    await markPage(phonePage);
    await apiCall(env, mentor, 'POST', '/ticket_messages', { ticket_id: ticket.id, body: 'Or ask me in the next meeting.', links: [] });
    await phonePage.locator('.message', { hasText: 'Or ask me in the next meeting.' }).waitFor({ timeout: LIVE_WITHIN_MS });
    expect(await stillMarked(phonePage)).toBe(true);
    await expectNoHorizontalScroll(phonePage);
    await screenshot(phonePage, 'live-ticket-360');

    expect(problems).toEqual([]);
    expect(phoneProblems).toEqual([]);
  });

  it("streams a student only their own changes through the portal, and nothing without a session", async () => {
    if (!env.browser) return;
    const signedOut = await portalStream('');
    expect(signedOut.status).toBe(401);
    expect(signedOut.messages).toEqual([{ event: 'http', data: expect.stringContaining('Sign in') }]);

    const mineContext = await openContext(env, { javaScriptEnabled: false, viewport: PHONE });
    await signIn(env, (await newPage(mineContext)).page);
    const otherContext = await openContext(env, { javaScriptEnabled: false, viewport: PHONE });
    await signIn(env, (await newPage(otherContext)).page, OTHER_STUDENT);

    const mine = await portalStream(await portalCookie(mineContext));
    const other = await portalStream(await portalCookie(otherContext));
    for (const stream of [mine, other]) {
      expect(stream.status).toBe(200);
      await stream.next((message) => message.event === 'ready');
    }

    const student = await demoStudent(env);
    const sre = await tokenFor(env, 'sre@example.com');
    const ticket = await apiCall<{ id: number }>(env, student.token, 'POST', '/tickets', {
      recipient: 'sre',
      mission_id: null,
      subject: 'My certificate has the wrong batch',
      body: 'It says B02, I am in B01.',
      links: [],
    });
    const reply = await apiCall<{ id: number }>(env, sre, 'POST', '/ticket_messages', { ticket_id: ticket.id, body: 'Looking into it.', links: [] });
    await mine.next(changeOf('tickets', ticket.id));
    await mine.next(changeOf('ticket_messages', reply.id));
    // The other student's stream is open and beating, yet heard nothing of it.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const heard = other.messages.filter((message) => message.event === 'message');
    expect(heard.filter((message) => changeOf('tickets', ticket.id)(message) || changeOf('ticket_messages', reply.id)(message))).toEqual([]);
  });

  it('renders the pages as before without JavaScript', async () => {
    if (!env.browser) return;
    const context = await openContext(env, { javaScriptEnabled: false, viewport: PHONE });
    const { page } = await newPage(context);
    await signIn(env, page);
    await page.getByRole('heading', { level: 1, name: /Welcome/ }).waitFor();
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'live-nojs-dashboard-360');
    await page.goto(`${env.system!.portalUrl}/notices`);
    await page.locator('.notice-item', { hasText: 'Lab closed on Friday' }).waitFor();
    await page.goto(`${env.system!.portalUrl}/alerts`);
    await page.getByRole('heading', { level: 1, name: 'Alerts' }).waitFor();
    await page.getByText(/replied on “Where is the rubric\?”/).first().waitFor();
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'live-nojs-alerts-360');
  });
});
