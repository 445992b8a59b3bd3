// Browser tests of tickets and ideas: a student on a 360 px phone with JavaScript off writes
// to their mentor, reads the reply, answers and closes the ticket; suggests an idea and
// upvotes another. The same pages on a desktop with JavaScript. And a restricted student:
// the banner on every page, and the API's refusal of a ticket to their mentor.
import type { Page } from 'playwright-core';

import {
  apiCall,
  clickAndLoad,
  DEMO_STUDENT,
  expectNoHorizontalScroll,
  newPage,
  openContext,
  openFromMore,
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
const RESTRICTED_MESSAGE = /Your account is restricted after an academic integrity case, so writing to your mentor is not available/;

/** Ideas from another student, with votes and a reply from a manager, made through the API. */
async function createIdeas() {
  const other = await tokenFor(env, OTHER_STUDENT);
  const darkMode = await apiCall<{ id: number }>(env, other, 'POST', '/feature_requests', {
    title: 'Dark mode for late-night study',
    body: 'White pages at 2 am hurt.',
  });
  await apiCall(env, other, 'POST', `/feature_requests/${darkMode.id}/vote`);
  const manager = await tokenFor(env, 'manager@example.com');
  await apiCall(env, manager, 'PUT', `/feature_requests/${darkMode.id}`, {
    status: 'planned',
    public_reply: 'Coming with the next release of the portal.',
  });
  const offline = await apiCall<{ id: number }>(env, other, 'POST', '/feature_requests', {
    title: 'Download missions for offline reading',
  });
  return { darkMode: darkMode.id, offline: offline.id };
}

const idea = (page: Page, title: string) => page.locator('.idea-card', { hasText: title });

describe('tickets and ideas', () => {
  let ticketId = 0;

  it('writes to the mentor, reads the reply, answers and closes the ticket on a phone without JavaScript', async () => {
    if (!env.browser) return;
    const context = await openContext(env, { javaScriptEnabled: false, viewport: PHONE });
    const { page } = await newPage(context);
    await signIn(env, page);

    await openFromMore(page, 'Tickets', '/tickets');
    await page.getByText('You have no tickets yet.').waitFor();
    await clickAndLoad(page, page.getByRole('link', { name: 'New ticket' }));

    // The choices: my mentor on each mission where I have one, or the SRE team.
    const recipients = page.getByRole('group', { name: 'Who is it for?' });
    await recipients.getByRole('radio', { name: /My mentor on M1/ }).waitFor();
    await recipients.getByRole('radio', { name: /My mentor on M2/ }).waitFor();
    await recipients.getByRole('radio', { name: /The SRE team/ }).waitFor();
    expect(await recipients.getByRole('radio', { name: /My mentor on M1/ }).isChecked()).toBe(true);

    // A link that is not one comes back with what was typed.
    await page.getByLabel('Subject').fill('Flexbox breaks at 360 px');
    await page.getByLabel('Message').fill('My layout overflows on a small phone. What am I missing?');
    await page.getByLabel('Links (optional)').fill('https://gist.github.com/sakib/abc123\nmy-screenshot.png');
    await clickAndLoad(page, page.getByRole('button', { name: 'Send ticket' }));
    await page.getByText('“my-screenshot.png” is not a web address').waitFor();
    expect(await page.getByLabel('Subject').inputValue()).toBe('Flexbox breaks at 360 px');
    await page.getByLabel('Links (optional)').fill('https://gist.github.com/sakib/abc123');
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'ticket-new-360');
    await clickAndLoad(page, page.getByRole('button', { name: 'Send ticket' }));

    ticketId = Number(/\/tickets\/(\d+)/.exec(page.url())?.[1]);
    expect(ticketId).toBeGreaterThan(0);
    await page.getByRole('heading', { level: 1, name: 'Flexbox breaks at 360 px' }).waitFor();
    await page.getByText('Your ticket is sent.').waitFor();
    await page.getByText('Awaiting reply', { exact: true }).waitFor();
    await page.getByText(/To your mentor on M1/).waitFor();
    await page.getByRole('link', { name: 'https://gist.github.com/sakib/abc123' }).waitFor();

    // The mentor answers (through the API, as the back office would).
    const mentor = await tokenFor(env, 'mentor@example.com');
    await apiCall(env, mentor, 'POST', '/ticket_messages', {
      ticket_id: ticketId,
      body: 'Add flex-wrap: wrap to the row, and min-width: 0 to the items.',
      links: ['https://developer.mozilla.org/en-US/docs/Web/CSS/flex-wrap'],
    });
    await page.reload();
    await page.getByText('Answered', { exact: true }).waitFor();
    const reply = page.locator('.message', { hasText: 'Add flex-wrap' });
    await reply.getByText('Mahin Ahmed').waitFor();
    await reply.getByText('Mentor', { exact: true }).waitFor();

    // Answer, then close.
    await page.getByLabel('Your message').fill('That fixed it, thank you!');
    await clickAndLoad(page, page.getByRole('button', { name: 'Send reply' }));
    await page.getByText('Your reply is sent.').waitFor();
    expect(await page.locator('.message').count()).toBe(3);
    expect(await page.getByLabel('Your message').inputValue()).toBe('');
    await page.getByText('Awaiting reply', { exact: true }).waitFor();
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'ticket-360');

    await clickAndLoad(page, page.getByRole('button', { name: 'Close ticket' }));
    await page.getByText('The ticket is closed.').waitFor();
    await page.getByText('Closed', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Close ticket' }).count()).toBe(0);

    // One to the SRE team too; the list shows both, newest activity first.
    await page.goto(`${env.system!.portalUrl}/tickets/new?to=sre`);
    expect(await page.getByRole('radio', { name: /The SRE team/ }).isChecked()).toBe(true);
    await page.getByLabel('Subject').fill('Wrong batch on my profile');
    await page.getByLabel('Message').fill('I am in DEMO-B01 but my certificate says B02.');
    await clickAndLoad(page, page.getByRole('button', { name: 'Send ticket' }));
    await page.getByText(/To the SRE team/).waitFor();

    await clickAndLoad(page, page.getByRole('link', { name: 'All tickets' }));
    const subjects = await page.locator('.item-title').allInnerTexts();
    expect(subjects).toEqual(['Wrong batch on my profile', 'Flexbox breaks at 360 px']);
    await page.locator('.item', { hasText: 'Flexbox breaks' }).getByText('Closed', { exact: true }).waitFor();
    await page.locator('.item', { hasText: 'Flexbox breaks' }).getByText(/3 messages/).waitFor();
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'tickets-360');
  });

  it('suggests an idea and upvotes another, then takes the vote back, without JavaScript', async () => {
    if (!env.browser) return;
    const ids = await createIdeas();
    const context = await openContext(env, { javaScriptEnabled: false, viewport: PHONE });
    const { page } = await newPage(context);
    await signIn(env, page);
    await openFromMore(page, 'Ideas', '/ideas');

    // Most votes first; the school's reply and status are shown.
    const titles = await page.locator('.idea-card .item-title').allInnerTexts();
    expect(titles[0]).toBe('Dark mode for late-night study');
    const darkMode = idea(page, 'Dark mode');
    await darkMode.getByText('Planned', { exact: true }).waitFor();
    await darkMode.getByText('Coming with the next release of the portal.').waitFor();

    const upvote = (title: string) => idea(page, title).getByRole('button', { name: /^Upvote/ });
    expect(await upvote('Dark mode').getAttribute('aria-pressed')).toBe('false');
    await upvote('Dark mode').getByText('1', { exact: true }).waitFor();
    await clickAndLoad(page, upvote('Dark mode'));
    expect(await upvote('Dark mode').getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: 'Upvote “Dark mode for late-night study” (2 votes)' }).waitFor();

    // The offline idea: upvote, then take the vote back.
    await clickAndLoad(page, upvote('offline'));
    expect(await upvote('offline').getAttribute('aria-pressed')).toBe('true');
    await clickAndLoad(page, upvote('offline'));
    expect(await upvote('offline').getAttribute('aria-pressed')).toBe('false');
    await page.getByRole('button', { name: 'Upvote “Download missions for offline reading” (0 votes)' }).waitFor();

    // My own idea goes on the board.
    await page.getByLabel('Your idea in a few words').fill('Reminders before deadlines');
    await page.getByLabel('Details (optional)').fill('A text message the day before an assignment is due.');
    await clickAndLoad(page, page.getByRole('button', { name: 'Send idea' }));
    const mine = idea(page, 'Reminders before deadlines');
    await mine.getByText('Thanks! Your idea is on the board.').waitFor();
    await mine.getByText('New', { exact: true }).waitFor();
    await mine.getByText(/^You ·/).waitFor();
    expect(await page.getByLabel('Your idea in a few words').inputValue()).toBe('');

    const me = await tokenFor(env, DEMO_STUDENT.email);
    expect(await apiCall<number[]>(env, me, 'GET', '/me/feature_request_votes')).toEqual([ids.darkMode]);
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'ideas-360');
  });

  it('shows tickets, a thread and ideas on a desktop with JavaScript, without console errors', async () => {
    if (!env.browser) return;
    const context = await openContext(env, { javaScriptEnabled: true, viewport: WIDE });
    const { page, problems } = await newPage(context);
    await signIn(env, page);

    await openFromMore(page, 'Tickets', '/tickets');
    await page.getByRole('heading', { level: 1, name: 'Tickets' }).waitFor();
    await screenshot(page, 'tickets-1280');

    await page.getByRole('link', { name: 'Flexbox breaks at 360 px' }).click();
    await page.waitForURL(`**/tickets/${ticketId}`);
    // With JavaScript: the reply is a fetch, the thread grows and the form empties.
    await page.getByLabel('Your message').fill('One more question: should the gap be in rem?');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.getByText('Your reply is sent.').waitFor();
    await page.locator('.message', { hasText: 'should the gap be in rem?' }).waitFor();
    expect(await page.getByLabel('Your message').inputValue()).toBe('');
    await page.getByText('Awaiting reply', { exact: true }).waitFor(); // writing opened it again
    await screenshot(page, 'ticket-1280');

    await openFromMore(page, 'Ideas', '/ideas');
    await page.getByRole('heading', { level: 1, name: 'Ideas' }).waitFor();
    await idea(page, 'offline').getByRole('button', { name: /^Upvote/ }).click();
    await page.getByRole('button', { name: 'Upvote “Download missions for offline reading” (1 vote)' }).waitFor();
    await screenshot(page, 'ideas-1280');
    expect(problems).toEqual([]);
  });

  it('tells a restricted student mentorship is unavailable, and shows the API’s refusal of a mentor ticket', async () => {
    if (!env.browser) return;
    const sre = await tokenFor(env, 'sre@example.com');
    const me = await tokenFor(env, DEMO_STUDENT.email);
    const { id: studentId } = await apiCall<{ id: number }>(env, me, 'GET', '/auth/me');
    const kase = await apiCall<{ id: number }>(env, sre, 'POST', '/integrity_cases', {
      student_id: studentId,
      kind: 'cheating',
      description: 'Shared meeting check-in codes with absent classmates.',
    });
    await apiCall(env, sre, 'POST', '/integrity_actions', {
      case_id: kase.id,
      action: 'restrict',
      reason: 'Shared check-in codes',
      ends_at: new Date(Date.now() + 14 * 24 * 60 * 60 * 1000).toISOString(),
    });

    const context = await openContext(env, { javaScriptEnabled: false, viewport: PHONE });
    const { page } = await newPage(context);
    await signIn(env, page);
    // The banner, on the dashboard and the other pages; the rest still works.
    const banner = page.getByRole('note').filter({ hasText: 'Your account is restricted.' });
    await banner.waitFor();
    await page.getByRole('heading', { name: 'Your missions' }).waitFor();
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'restricted-dashboard-360');
    await page.goto(`${env.system!.portalUrl}/meetings`);
    await banner.waitFor();

    // Choosing "my mentor" gets the API's sentence; the SRE team is still there.
    await page.goto(`${env.system!.portalUrl}/tickets/new`);
    expect(await page.getByRole('radio', { name: /The SRE team/ }).isChecked()).toBe(true);
    await page.getByRole('radio', { name: /My mentor on M1/ }).check();
    await page.getByLabel('Subject').fill('Help with assignment 3');
    await page.getByLabel('Message').fill('Could we go through it together?');
    await clickAndLoad(page, page.getByRole('button', { name: 'Send ticket' }));
    await page.getByRole('alert').filter({ hasText: RESTRICTED_MESSAGE }).waitFor();
    expect(await page.getByLabel('Subject').inputValue()).toBe('Help with assignment 3');

    // The standing page explains it, with the end date, and offers the appeal.
    await banner.getByRole('link', { name: 'Why, and how to appeal' }).click();
    await page.waitForURL('**/standing');
    await page.getByRole('heading', { name: 'Your account is restricted' }).waitFor();
    const card = page.locator(`#case-${kase.id}`);
    await card.getByText('Restriction: no mentorship').waitFor();
    await card.getByText('Shared check-in codes').waitFor();
    await card.getByText(/^Ends /).waitFor();
    await card.getByRole('button', { name: 'Send appeal' }).waitFor();
    expect(await page.getByRole('note').filter({ hasText: 'Your account is restricted.' }).count()).toBe(0);
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'standing-restricted-360');
  });
});
