// Communication in the back office: an SRE posts a notice to a batch and follows who acknowledged it
// (counts, lists, CSV export, call list); the SRE answers a student's ticket in its thread; a mentor
// keeps a private note on their student. Screenshots of the ack report and the thread at 1280 and 360 px.
import { readFileSync } from 'node:fs';
import { DEMO_ACCOUNTS } from '../../db/src/seeds/demo-accounts';
import { PHONE, WIDE, apiAs, expectNoHorizontalScroll, openPage, paginationText, screenshot, signIn, useSystem } from './helpers';

jest.setTimeout(180_000);

const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;
const SRE = account('sre');
const STUDENT = account('student');
const MENTOR = account('mentor');
const env = useSystem();

describe('notices, tickets and mentor notes', () => {
  let noticeUrl = '';
  let ticketUrl = '';

  test('an SRE posts a notice to a batch and follows who acknowledged it', async () => {
    if (!env.browser) return;
    const { page, problems } = await openPage(env, WIDE);
    await signIn(env, page, SRE.email);

    await page.getByRole('menuitem', { name: 'Notices' }).click();
    await page.getByRole('link', { name: 'New notice' }).click();
    await page.getByLabel('Title').fill('Mid-term project: new deadline');
    await page
      .getByLabel('Body (markdown)')
      .fill('## New date\n\nThe **mid-term project** is now due on *10 December*.\n\n- Submit on the main platform\n- Ask your mentor if stuck\n\n<script>alert("x")</script>');
    await page.getByRole('radio', { name: 'A batch' }).check();
    await page.getByRole('combobox', { name: 'Batch' }).fill('DEMO-B01');
    await page.getByRole('option', { name: /^DEMO-B01/ }).click();
    await page.getByLabel('Students must acknowledge it').check();
    await page.getByRole('button', { name: 'Save' }).click();

    // The show page renders the API's sanitised HTML (the script is gone) and the counts.
    const body = page.getByLabel('Notice body');
    await body.getByRole('heading', { name: 'New date' }).waitFor();
    expect(await body.locator('strong').innerText()).toBe('mid-term project');
    expect(await page.locator('script', { hasText: 'alert' }).count()).toBe(0);
    await page.getByText('251 students').waitFor();
    noticeUrl = page.url();
    const noticeId = Number(/notices\/(\d+)\/show/.exec(noticeUrl)![1]);

    // The student reads and acknowledges it (in the portal, here through the API).
    const student = await apiAs(env, STUDENT.email);
    expect((await student.call('GET', `/me/notices/${noticeId}`)).status).toBe(200);
    expect((await student.call('POST', `/notices/${noticeId}/acknowledge`)).status).toBe(200);

    await page.reload();
    await page.getByRole('tab', { name: 'Not yet (250)' }).waitFor();
    expect(await page.getByLabel('Acknowledged: 1 of 251').isVisible()).toBe(true);
    expect(await paginationText(page)).toBe('1-25 of 250');
    await page.getByRole('tab', { name: 'Acknowledged (1)' }).click();
    await page.getByRole('cell', { name: STUDENT.name }).waitFor();
    await page.getByRole('tab', { name: 'Not yet (250)' }).click();
    await page.getByText('1-25 of 250').waitFor();
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'notice-ack-report-1280');

    // Everyone who has not acknowledged, as CSV…
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export not acknowledged (CSV)' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8').trim().split(/\r?\n/);
    expect(csv[0]).toBe('student_id,name,email,read_at,acknowledged_at');
    expect(csv).toHaveLength(251);
    expect(csv.join('\n')).not.toContain(STUDENT.email);

    // …and as a call list in the students list.
    await page.getByRole('link', { name: 'Open as call list' }).click();
    await page.locator('#react-admin-title').getByText('Students').waitFor();
    expect(await paginationText(page)).toBe('1-25 of 250');
    expect(problems).toEqual([]);
  });

  test('the SRE answers a student’s ticket in its thread', async () => {
    if (!env.browser) return;
    const student = await apiAs(env, STUDENT.email);
    const created = await student.call('POST', '/tickets', {
      recipient: 'sre',
      subject: 'My mission 2 attendance is missing',
      body: 'I submitted attendance yesterday for M2 but the portal shows nothing.',
      links: ['https://screenshots.example.org/m2-attendance.png'],
    });
    expect(created.status).toBe(201);

    const { page, problems } = await openPage(env, WIDE);
    await signIn(env, page, SRE.email);
    await page.getByRole('menuitem', { name: 'Tickets' }).click();
    const row = page.getByRole('row', { name: /My mission 2 attendance is missing/ });
    await row.getByText(/^Unanswered for \d+ min$/).waitFor();
    await row.getByRole('cell', { name: 'My mission 2 attendance is missing' }).click();

    const thread = page.getByRole('list', { name: 'Messages' });
    await thread.getByText('I submitted attendance yesterday for M2').waitFor();
    await page.getByLabel('Your reply').fill('Thanks! The day was recorded under M1 by mistake; I moved it. Check again now.');
    await page.getByRole('button', { name: 'Add a link' }).click();
    await page.getByRole('textbox', { name: 'Link' }).fill('https://help.example.org/attendance');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await thread.getByText('Thanks! The day was recorded under M1').waitFor();
    await page.getByText('Waiting for student').waitFor();
    expect(await thread.locator(':scope > li').count()).toBe(2);
    ticketUrl = page.url();

    // The student's side: the reply is there and the ticket waits for them.
    const after = await student.call('GET', `/tickets/${created.body.id}`);
    expect(after.body).toMatchObject({ status: 'waiting', message_count: 2, waiting_since: null });
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'ticket-thread-1280');
    expect(problems).toEqual([]);
  });

  test('a mentor keeps a private note on their student; SREs read it without a form', async () => {
    if (!env.browser) return;
    const sre = await apiAs(env, SRE.email);
    const [studentRow] = (await sre.call<{ id: number }[]>('GET', `/students?filter=${encodeURIComponent(JSON.stringify({ q: STUDENT.email }))}`)).body;

    const { page, problems } = await openPage(env, WIDE);
    await signIn(env, page, MENTOR.email);
    await page.goto(`${env.system!.backofficeUrl}/#/students/${studentRow.id}/show?tab=notes`);
    await page.getByRole('textbox', { name: 'Note' }).fill('Struggles with deadlines; prefers a call on Sunday evenings.');
    // A note belongs to one of the missions the mentor mentors the student on.
    await page.getByRole('combobox', { name: 'Mission' }).click();
    await page.getByRole('option', { name: /^M1 — / }).click();
    await page.getByRole('button', { name: 'Save note' }).click();
    await page.getByText('Struggles with deadlines; prefers a call on Sunday evenings.').waitFor();
    await page.getByText(new RegExp(`^${MENTOR.name} ·`)).waitFor();

    const other = await openPage(env, WIDE);
    await signIn(env, other.page, SRE.email);
    await other.page.goto(`${env.system!.backofficeUrl}/#/students/${studentRow.id}/show?tab=notes`);
    await other.page.getByText('Struggles with deadlines; prefers a call on Sunday evenings.').waitFor();
    expect(await other.page.getByRole('button', { name: 'Save note' }).count()).toBe(0);
    expect(problems).toEqual([]);
    expect(other.problems).toEqual([]);
  });

  test('the ack report and the thread on a 360 px phone', async () => {
    if (!env.browser) return;
    const { page, problems } = await openPage(env, PHONE);
    await signIn(env, page, SRE.email);
    await page.goto(noticeUrl);
    await page.getByRole('tab', { name: 'Not yet (250)' }).waitFor();
    await page.getByText('1-25 of 250').waitFor();
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'notice-ack-report-360');

    await page.goto(ticketUrl);
    await page.getByRole('list', { name: 'Messages' }).getByText('Thanks! The day was recorded under M1').waitFor();
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'ticket-thread-360');
    expect(problems).toEqual([]);
  });
});
