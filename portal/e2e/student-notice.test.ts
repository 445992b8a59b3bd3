// Browser tests of notices: staff post through the API; a student on a 360 px phone with
// JavaScript off sees the notice unread, opens it, acknowledges it and reacts; the API counts
// the acknowledgement. And a notice written to attack the reader runs nothing, even with
// JavaScript on.
import type { Page } from 'playwright-core';

import {
  apiCall,
  clickAndLoad,
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

const TITLE = 'Exam week timetable';
const BODY = [
  'The **exam week** starts on Monday. Please read the rules:',
  '',
  '- Arrive 10 minutes early',
  '- Bring your student ID',
  '',
  'Questions? Ask your mentor.',
].join('\n');

interface NoticeRow {
  id: number;
  ack_count: number;
  read_count: number;
}

async function postNotice(fields: { title: string; body_md: string; requires_ack?: boolean; pinned?: boolean }) {
  const manager = await tokenFor(env, 'manager@example.com');
  return apiCall<NoticeRow>(env, manager, 'POST', '/notices', { audience: 'everyone', requires_ack: false, ...fields });
}

/** The nav's Notices link, whose name carries the unread count ("Notices (2 unread)"). */
const noticesLink = (page: Page) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Notices/ });

describe('student notices', () => {
  it('a student on a phone without JavaScript sees a notice unread, opens it, acknowledges it and reacts', async () => {
    if (!env.browser) return;
    await postNotice({ title: 'Welcome to the batch', body_md: 'Glad to have you.', pinned: true });
    const notice = await postNotice({ title: TITLE, body_md: BODY, requires_ack: true });

    const context = await openContext(env, { javaScriptEnabled: false, viewport: PHONE });
    const { page } = await newPage(context);
    await signIn(env, page);

    // Two unread: the nav says so, in words for screen readers.
    await expect(noticesLink(page).getAttribute('href')).resolves.toBe('/notices');
    expect(await noticesLink(page).innerText()).toMatch(/Notices\s*2/);
    await page.getByRole('link', { name: 'Notices (2 unread)' }).waitFor();

    await clickAndLoad(page, noticesLink(page));
    expect(new URL(page.url()).pathname).toBe('/notices');
    // Pinned first, then newest; each unread one is marked, and named so for screen readers.
    const titles = await page.locator('.notice-item .item-title').allInnerTexts();
    expect(titles.map((t) => t.replace('Unread:', '').trim())).toEqual(['Welcome to the batch', TITLE]);
    const item = page.locator('.notice-item', { hasText: TITLE });
    await item.getByRole('link', { name: `Unread: ${TITLE}` }).waitFor();
    await item.getByText('Unread', { exact: true }).waitFor();
    await item.getByText('Please acknowledge').waitFor();
    await item.getByText('The exam week starts on Monday.', { exact: false }).waitFor();
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'notices-360');

    // Opening it marks it read: one unread left in the nav.
    await clickAndLoad(page, item.getByRole('link', { name: `Unread: ${TITLE}` }));
    expect(new URL(page.url()).pathname).toBe(`/notices/${notice.id}`);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.locator('.notice-body strong', { hasText: 'exam week' }).waitFor();
    await page.locator('.notice-body li', { hasText: 'Bring your student ID' }).waitFor();
    await page.getByRole('link', { name: 'Notices (1 unread)' }).waitFor();

    // Acknowledge, without JavaScript: a plain form post.
    await clickAndLoad(page, page.getByRole('button', { name: 'I acknowledge' }));
    await page.getByText('Thanks, your acknowledgement is recorded.').waitFor();
    await page.getByText(/You acknowledged this notice today/).waitFor();
    expect(await page.getByRole('button', { name: 'I acknowledge' }).count()).toBe(0);

    // Reactions are toggles: pressed after one tap, released after the next.
    const gotIt = () => page.getByRole('button', { name: /^Got it/ });
    expect(await gotIt().getAttribute('aria-pressed')).toBe('false');
    await clickAndLoad(page, gotIt());
    expect(await gotIt().getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: 'Got it, 1 reaction' }).waitFor();
    await clickAndLoad(page, page.getByRole('button', { name: /^Great/ }));
    expect(await page.getByRole('button', { name: /^Great/ }).getAttribute('aria-pressed')).toBe('true');
    await clickAndLoad(page, page.getByRole('button', { name: /^Great/ }));
    expect(await page.getByRole('button', { name: /^Great/ }).getAttribute('aria-pressed')).toBe('false');
    await page.getByRole('button', { name: 'Great, 0 reactions' }).waitFor();
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'notice-360');

    // The list now shows it read and acknowledged.
    await clickAndLoad(page, page.getByRole('link', { name: 'All notices' }));
    const read = page.locator('.notice-item', { hasText: TITLE });
    await read.getByRole('link', { name: TITLE, exact: true }).waitFor();
    await read.getByText('Acknowledged').waitFor();

    // Staff see the acknowledgement.
    const manager = await tokenFor(env, 'manager@example.com');
    const counted = await apiCall<NoticeRow>(env, manager, 'GET', `/notices/${notice.id}`);
    expect(counted.ack_count).toBe(1);
    expect(counted.read_count).toBe(1);
  });

  it('renders a hostile notice body without running anything, with JavaScript on', async () => {
    if (!env.browser) return;
    const notice = await postNotice({
      title: 'Useful links',
      body_md: [
        'Read the handbook first.',
        '',
        '<script>window.__pwned=1</script>',
        '',
        '<img src=x onerror="window.__pwned=1">',
        '',
        '[x](javascript:window.__pwned=1)',
        '',
        '[The handbook](https://example.com/handbook)',
      ].join('\n'),
    });

    const context = await openContext(env, { javaScriptEnabled: true, viewport: WIDE });
    const { page, problems } = await newPage(context);
    await signIn(env, page);
    await page.goto(`${env.system!.portalUrl}/notices/${notice.id}`);
    await page.getByRole('heading', { level: 1, name: 'Useful links' }).waitFor();
    await page.getByText('Read the handbook first.').waitFor();
    // Give anything that might run a moment to do so.
    await page.waitForTimeout(500);

    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.locator('[onerror]').count()).toBe(0);
    expect(await page.locator('.notice-body script').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    const handbook = page.locator('.notice-body').getByRole('link', { name: 'The handbook' });
    expect(await handbook.getAttribute('href')).toBe('https://example.com/handbook');
    expect(await handbook.getAttribute('rel')).toContain('noopener');
    // The API keeps `<img src="x">` (a relative address, without its handler): the browser's
    // 404 for it is the only complaint allowed.
    const onlyTheImage = (list: string[]) => list.filter((p) => !p.startsWith('Failed to load resource: the server responded with a status of 404'));
    expect(onlyTheImage(problems)).toEqual([]);

    // The desktop views, for the record: the list and a notice (with JavaScript, client-side navigation).
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Notices/ }).click();
    await page.waitForURL('**/notices');
    await page.getByRole('heading', { level: 1, name: 'Notices' }).waitFor();
    await screenshot(page, 'notices-1280');
    await page.getByRole('link', { name: /Exam week timetable/ }).click();
    await page.waitForURL('**/notices/*');
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await screenshot(page, 'notice-1280');

    // With JavaScript, a reaction is a fetch and the page updates in place.
    await page.getByRole('button', { name: /^Important/ }).click();
    await page.getByRole('button', { name: 'Important, 1 reaction' }).waitFor();
    expect(await page.getByRole('button', { name: /^Important/ }).getAttribute('aria-pressed')).toBe('true');
    expect(onlyTheImage(problems)).toEqual([]);
  });
});
