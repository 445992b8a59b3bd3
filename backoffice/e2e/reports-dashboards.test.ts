// Reports and role dashboards (product area G). A manager reads "Attendance by day" for DEMO-B01 M1 (chart and
// rows) and exports it as CSV, then the mentor load and assignments reports; the admin's dashboard shows today's
// attendance and recent activity, and its today count rises without a reload when a student checks in through the
// API; a mentor finds "My load" and none of the other reports. Screenshots of each report and of the admin, manager
// and mentor dashboards at 1280 and 360 px go to /tmp/reports-shots (REPORTS_SHOTS overrides).
import { mkdirSync, readFileSync } from 'node:fs';
import { DEMO_ACCOUNTS } from '../../db/src/seeds/demo-accounts';
import { PHONE, WIDE, apiAs, expectNoHorizontalScroll, missionIdOf, openPage, paginationText, signIn, useSystem, screenshotsIn, statNumbers } from './helpers';

jest.setTimeout(240_000);

const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;
const ADMIN = account('admin');
const MANAGER = account('manager');
const MENTOR = account('mentor');
const SRE = account('sre');
const SHOTS = process.env.REPORTS_SHOTS || '/tmp/reports-shots';
const env = useSystem();

const { shot } = screenshotsIn(SHOTS);

/** `/#/<resource>?filter=…` */
const listUrl = (resource: string, filter: Record<string, unknown>) =>
  `${env.system!.backofficeUrl}/#/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}&displayedFilters=${encodeURIComponent(
    JSON.stringify(Object.fromEntries(Object.keys(filter).map((key) => [key, true])))
  )}`;

const REPORTS = ['Attendance by day', 'Assignments report', 'Mentor load'];

describe('reports and dashboards', () => {
  let m1: number;

  beforeAll(async () => {
    if (!env.browser) return;
    mkdirSync(SHOTS, { recursive: true });
    const manager = await apiAs(env, MANAGER.email);
    m1 = await missionIdOf(manager, 'DEMO-B01', 'M1');
    // Two assignments of M1 past their deadline and one still open; the SRE pastes who submitted (some late).
    const sre = await apiAs(env, SRE.email);
    const day = 86_400_000;
    const emails = (from: number, n: number) => Array.from({ length: n }, (_, i) => `demo.student.b1.${from + i}@example.org`).join('\n');
    for (const [number, title, offsetDays, onTime, late] of [
      [1, 'Landing page', -10, 200, 20],
      [2, 'Flexbox gallery', -3, 90, 30],
      [3, 'Forms', 5, 40, 0],
    ] as const) {
      const created = await manager.call<{ id: number }>('POST', '/assignments', {
        mission_id: m1,
        number,
        title,
        deadline: new Date(Date.now() + offsetDays * day).toISOString(),
      });
      expect(created.status).toBe(201);
      // On time: taken a day before a passed deadline, or now for the open one.
      const taken = new Date(Date.now() + Math.min(offsetDays - 1, 0) * day).toISOString();
      expect((await sre.call('POST', `/assignments/${created.body.id}/paste`, { text: emails(1, onTime), taken_at: taken, dry_run: false })).status).toBe(201);
      if (late) expect((await sre.call('POST', `/assignments/${created.body.id}/paste`, { text: emails(1 + onTime, late), dry_run: false })).status).toBe(201);
    }
  });

  test('a manager reads attendance by day for a mission, exports it, and opens the other reports (1280 px)', async () => {
    if (!env.browser) return;
    const { page, problems } = await openPage(env, WIDE);
    await signIn(env, page, MANAGER.email);

    // The manager's dashboard: the 14-day trend, today's attendance, mentor load and the weakest assignments.
    await page.getByRole('region', { name: 'Attendance rate, last 14 days' }).locator('.recharts-line').first().waitFor();
    await page.getByRole('region', { name: "Today's attendance" }).locator('.recharts-bar-rectangle').first().waitFor();
    await page.getByRole('region', { name: 'Mentor load: top 10' }).getByText('25 / 60 mentees').first().waitFor();
    const lowest = page.getByRole('region', { name: 'Lowest submission rates' });
    await lowest.getByText('#2 Flexbox gallery').waitFor();
    expect(await lowest.getByRole('list').getByRole('link').count()).toBe(2); // the open assignment is not there yet
    await page.getByText(/^Live · updated \d\d:\d\d:\d\d$/).waitFor();
    await expectNoHorizontalScroll(page);
    await shot(page, 'dashboard-manager-1280');

    // The Reports group of the menu; without a mission chosen the page says to choose one.
    for (const item of REPORTS) expect(await page.getByRole('menuitem', { name: item }).isVisible()).toBe(true);
    await page.getByRole('menuitem', { name: 'Attendance by day' }).click();
    await page.getByText('Choose a mission (or a batch) above').waitFor();

    // DEMO-B01 M1: one line, newest day first, 25 rows a page.
    await page.goto(listUrl('mission_attendance_days', { mission_status: 'active', mission_id: m1 }));
    const chart = page.getByRole('img', { name: 'Attendance rate per day, per mission' });
    // One line once the list has moved from every mission to this one.
    await page.waitForFunction(
      () => document.querySelectorAll('[aria-label="Attendance rate per day, per mission"] .recharts-line').length === 1
    );
    expect(await chart.locator('.recharts-line-dots circle').count()).toBe(0); // 40-odd days: a line without dots
    expect(await page.getByText('Choose a mission (or a batch) above').count()).toBe(0);
    await page.locator('tbody tr').nth(24).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(25);
    expect(await paginationText(page)).toMatch(/^1-25 of 4\d$/);
    const second = page.locator('tbody tr').nth(1); // yesterday: a whole day of check-ins
    expect(await second.locator('td.column-batch_code').innerText()).toBe('DEMO-B01');
    expect(await second.locator('td.column-mission_code').innerText()).toMatch(/^M1\n/);
    expect(Number(await second.locator('td.column-attended').innerText())).toBeGreaterThan(100);
    expect(await second.locator('td.column-rate').innerText()).toMatch(/^\d+%$/);
    await expectNoHorizontalScroll(page);
    await shot(page, 'attendance-by-day-1280');

    // CSV of every matching day (not only this page), with its header line.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8').trim().split(/\r?\n/);
    expect(csv[0]).toMatch(/\bday\b/);
    expect(csv[0]).toMatch(/\brate\b/);
    expect(csv.length).toBeGreaterThanOrEqual(41);

    // Mentor load: the demo mentor's two missions, 25 of 60 and 13 of 60.
    await page.getByRole('menuitem', { name: 'Mentor load' }).click();
    await page.locator('td.column-mentees').first().waitFor();
    expect(await page.locator('thead').getByText('Mentees / capacity').isVisible()).toBe(true);
    await page.goto(listUrl('mentor_load', { mission_status: 'active', q: MENTOR.name }));
    // The list first shows every mentor's rows, then only theirs once the search is applied.
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 2);
    await page.getByText('13 / 60').waitFor();
    expect(await page.getByText('25 / 60').isVisible()).toBe(true);
    expect(await page.getByText('42%').isVisible()).toBe(true);
    await page.goto(listUrl('mentor_load', { mission_status: 'active' }));
    await page.locator('tbody tr').nth(5).waitFor();
    await expectNoHorizontalScroll(page);
    await shot(page, 'mentor-load-1280');

    // Assignments report: newest deadline first; counts per state, "—" missing before the deadline.
    await page.getByRole('menuitem', { name: 'Assignments report' }).click();
    await page.getByText('Flexbox gallery').waitFor();
    const rows = page.locator('tbody tr');
    expect(await rows.count()).toBe(3);
    expect(await rows.nth(0).locator('td.column-title').innerText()).toBe('Forms');
    expect(await rows.nth(0).locator('td.column-missing').innerText()).toBe('—');
    expect(await rows.nth(0).locator('td.column-deadline').innerText()).toMatch(/in \d+ days/);
    expect(await rows.nth(1).locator('td.column-on_time').innerText()).toBe('90');
    expect(await rows.nth(1).locator('td.column-late').innerText()).toBe('30');
    expect(await rows.nth(1).locator('td.column-missing').innerText()).toBe('131'); // 251 enrolled - 120
    expect(await rows.nth(1).locator('td.column-submission_rate').innerText()).toBe('48%');
    expect(await rows.nth(1).getByRole('img', { name: 'On time 90, late 30, missing 131' }).isVisible()).toBe(true);
    await expectNoHorizontalScroll(page);
    await shot(page, 'assignments-report-1280');
    // "Missing" opens the students who have not submitted it.
    await rows.nth(1).getByRole('link', { name: 'Missing: 131' }).click();
    await page.getByText('1-25 of 131').waitFor();

    expect(problems).toEqual([]);
  });

  test("the admin's dashboard: today's attendance rises without a reload when a student checks in", async () => {
    if (!env.browser) return;
    const { page, problems } = await openPage(env, WIDE);
    await signIn(env, page, ADMIN.email);

    const today = page.getByRole('region', { name: "Today's attendance" });
    const total = today.getByRole('link', { name: /^\d+ \/ \d+ checked in today, of the students enrolled in \d+ active missions?$/ });
    await total.waitFor();
    await today.locator('.recharts-bar-rectangle').first().waitFor();
    const [before] = await statNumbers(total);
    const m1Link = today.getByRole('link', { name: /^DEMO-B01 · M1 attended today: \d+$/ });
    const m1Before = Number((await m1Link.getAttribute('aria-label'))!.split(': ')[1]);

    // Recent activity: the latest changes, newest first (our own sign-in is not one of them).
    const activity = page.getByRole('region', { name: 'Recent activity' });
    await activity.getByRole('link').first().waitFor();
    expect(await activity.getByRole('link', { name: /login/ }).count()).toBe(0);
    expect(await activity.getByRole('list').getByRole('link').count()).toBe(10);

    // Counts elsewhere on the page open their lists.
    expect(await page.getByRole('region', { name: 'Students', exact: true }).getByRole('link', { name: /^[\d,]+ active$/ }).isVisible()).toBe(true);
    expect(await page.getByRole('region', { name: 'Active staff accounts' }).getByRole('link', { name: '13 mentors' }).isVisible()).toBe(true);
    await expectNoHorizontalScroll(page);

    // A student checks in through the API (bearer token, the portal's way); the page is not reloaded.
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    const student = await apiAs(env, 'demo.student.b1.3@example.org');
    const posted = await student.call('POST', '/attendance', { mission_id: m1, note: 'Live dashboard check' });
    expect(posted.status).toBe(201);
    await today.getByRole('link', { name: new RegExp(`^${before + 1} / \\d+ checked in today`) }).waitFor({ timeout: 20_000 });
    await today.getByRole('link', { name: `DEMO-B01 · M1 attended today: ${m1Before + 1}` }).waitFor({ timeout: 5_000 });
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    // …and the check-in is the newest recent activity.
    await activity.getByRole('link', { name: /create.*daily_attendance/ }).first().waitFor({ timeout: 20_000 });
    await shot(page, 'dashboard-admin-1280');

    expect(problems).toEqual([]);
  });

  test('a mentor finds "My load" and none of the other reports', async () => {
    if (!env.browser) return;
    const { page, problems } = await openPage(env, WIDE);
    await signIn(env, page, MENTOR.email);

    // Their dashboard: slipping, today, their load and meetings.
    await page.getByRole('region', { name: 'My students slipping' }).waitFor();
    await page.getByRole('region', { name: 'My students today' }).getByRole('link', { name: /^\d+ \/ 38 checked in today, in active missions$/ }).waitFor();
    const load = page.getByRole('region', { name: 'My load', exact: true });
    await load.getByRole('link', { name: '25 / 60 mentees in DEMO-B01 · M1' }).waitFor();
    expect(await load.getByRole('link', { name: '13 / 60 mentees in DEMO-B01 · M2' }).isVisible()).toBe(true);
    await page.getByRole('region', { name: 'Upcoming meetings' }).waitFor();
    await expectNoHorizontalScroll(page);
    await shot(page, 'dashboard-mentor-1280');

    expect(await page.getByRole('menuitem', { name: 'My load' }).isVisible()).toBe(true);
    for (const item of REPORTS) expect(await page.getByRole('menuitem', { name: item }).count()).toBe(0);
    await page.getByRole('menuitem', { name: 'My load' }).click();
    await page.locator('td.column-mentees').nth(1).waitFor();
    expect(await page.getByRole('cell', { name: '25 / 60' }).isVisible()).toBe(true);
    expect(await page.locator('tbody tr').count()).toBe(2);
    expect(await page.locator('thead').getByText('Mentor', { exact: true }).count()).toBe(0); // only their own rows
    await shot(page, 'my-load-mentor-1280');

    expect(problems).toEqual([]);
  });

  test('reports and dashboards on a 360 px phone', async () => {
    if (!env.browser) return;
    const manager = await openPage(env, PHONE);
    await signIn(env, manager.page, MANAGER.email);
    let page = manager.page;
    await page.getByRole('region', { name: 'Attendance rate, last 14 days' }).locator('.recharts-line').first().waitFor();
    await page.getByRole('region', { name: 'Lowest submission rates' }).getByText('#2 Flexbox gallery').waitFor();
    await expectNoHorizontalScroll(page);
    await shot(page, 'dashboard-manager-360');

    await page.goto(listUrl('mission_attendance_days', { mission_status: 'active', mission_id: m1 }));
    await page.getByRole('img', { name: 'Attendance rate per day, per mission' }).locator('.recharts-line').first().waitFor();
    await page.getByText(/DEMO-B01 · M1/).first().waitFor();
    await expectNoHorizontalScroll(page);
    await shot(page, 'attendance-by-day-360');

    await page.goto(`${env.system!.backofficeUrl}/#/assignment_report`);
    await page.getByText(/#2 Flexbox gallery/).waitFor();
    await expectNoHorizontalScroll(page);
    await shot(page, 'assignments-report-360');

    await page.goto(listUrl('mentor_load', { mission_status: 'active' }));
    await page.getByText(/mentees ·/).first().waitFor();
    await expectNoHorizontalScroll(page);
    await shot(page, 'mentor-load-360');
    expect(manager.problems).toEqual([]);

    const admin = await openPage(env, PHONE);
    page = admin.page;
    await signIn(env, page, ADMIN.email);
    await page.getByRole('region', { name: "Today's attendance" }).locator('.recharts-bar-rectangle').first().waitFor();
    await page.getByRole('region', { name: 'Recent activity' }).getByRole('link').first().waitFor();
    await expectNoHorizontalScroll(page);
    await shot(page, 'dashboard-admin-360');
    expect(admin.problems).toEqual([]);

    const mentor = await openPage(env, PHONE);
    page = mentor.page;
    await signIn(env, page, MENTOR.email);
    await page.getByRole('region', { name: 'My load', exact: true }).getByRole('link', { name: '25 / 60 mentees in DEMO-B01 · M1' }).waitFor();
    await expectNoHorizontalScroll(page);
    await shot(page, 'dashboard-mentor-360');
    await page.goto(`${env.system!.backofficeUrl}/#/mentor_load`);
    await page.getByText(/25 \/ 60 mentees/).waitFor();
    await expectNoHorizontalScroll(page);
    await shot(page, 'my-load-mentor-360');
    expect(mentor.problems).toEqual([]);
  });
});
