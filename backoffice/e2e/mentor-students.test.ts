// The demo mentor sees "My students": exactly the 25 students paired with them, all in batch
// DEMO-B01 (none of DEMO-B02), without write actions. Also: each staff role's menu.
import { DEMO_ACCOUNTS } from '../../db/src/seeds/demo-accounts';
import { PHONE, WIDE, apiGet, expectNoHorizontalScroll, openPage, paginationText, screenshot, signIn, useSystem } from './helpers';

jest.setTimeout(180_000);

const MENTOR = DEMO_ACCOUNTS.find((account) => account.role === 'mentor')!;
const env = useSystem();

const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;

describe('a mentor and their students', () => {
  test('"My students" lists exactly the 25 students paired with the demo mentor, none from the other batch', async () => {
    if (!env.browser) return;
    const { page, problems } = await openPage(env, WIDE);
    await signIn(env, page, MENTOR.email);

    // The students the API pairs with them: 25, all of DEMO-B01, with their contact details.
    const mine = await apiGet<{ id: number; email: string; phone: string | null }[]>(env, page, '/students?range=[0,99]');
    expect(mine).toHaveLength(25);
    expect(mine.every((s) => /^demo\.student\.b1\.\d+@example\.org$/.test(s.email) || s.email === 'student@example.com')).toBe(true);
    expect(mine.every((s) => s.phone != null)).toBe(true);

    // "My students" leads with progress: a row per student and active mission (25 in M1, 13 of them in M2 too).
    await page.getByRole('menuitem', { name: 'My students' }).click();
    await page.locator('#react-admin-title').getByText('My students').waitFor();
    expect(await paginationText(page)).toBe('1-25 of 38');
    await page.getByRole('columnheader', { name: 'Risk' }).waitFor();
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'mentor-students-1280');

    // Every row (both pages at once) is one of those 25 students in a DEMO-B01 mission; each of them is there.
    await page.goto(`${env.system!.backofficeUrl}/#/students?perPage=50`);
    await page.getByText('1-38 of 38').waitFor();
    // The first page's 25 rows stay on screen until the 50-row page has arrived.
    await page.waitForFunction(() => document.querySelectorAll('tbody td.column-mission_code').length === 38);
    const scopes = (await page.locator('tbody td.column-mission_code').allInnerTexts()).map((t) => t.trim());
    expect(scopes).toHaveLength(38);
    expect(scopes.every((scope) => /^DEMO-B01 · M\d$/.test(scope))).toBe(true);
    const hrefs = await page.locator('tbody td.column-student_name a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    const ids = new Set(hrefs.map((href) => Number(/students\/(\d+)\/show/.exec(href)![1])));
    expect([...ids].sort((a, b) => a - b)).toEqual(mine.map((s) => s.id).sort((a, b) => a - b));

    // Read-only for a mentor: no selection checkboxes, no "Add student", no bulk actions, no import.
    expect(await page.locator('tbody input[type=checkbox]').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Add student' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Bulk actions' }).count()).toBe(0);
    expect(await page.getByRole('menuitem', { name: 'Import CSV' }).count()).toBe(0);
    // …and they find their students by contact details too.
    await page.getByPlaceholder('Search name, email or phone').waitFor();

    // The other batch is invisible to them, and searching for its students finds nothing (an SRE finds 250).
    const [b2] = await apiGet<{ id: number }[]>(env, page, `/batches?filter=${encodeURIComponent(JSON.stringify({ code: 'DEMO-B02' }))}`);
    expect(b2).toBeUndefined(); // the mentor cannot even see that batch
    await page.goto(`${env.system!.backofficeUrl}/#/students?filter=${encodeURIComponent(JSON.stringify({ q: '.b2.' }))}`);
    await page.getByText('Nothing matches these filters.').waitFor();

    expect(problems).toEqual([]);
  });

  test('"My students" on a 360 px phone', async () => {
    if (!env.browser) return;
    const { page, problems } = await openPage(env, PHONE);
    await signIn(env, page, MENTOR.email);
    await page.goto(`${env.system!.backofficeUrl}/#/students`);
    await page.getByText('1-25 of 38').waitFor();
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'mentor-students-360');
    expect(problems).toEqual([]);
  });
});

describe('menus follow each role’s permissions', () => {
  // Grouped by task (layout/menu.tsx); join tables and logs open from the records that use them.
  const OUTREACH = ['Call lists', 'Call scripts', 'SREs'];
  const COHORTS = ['Students', 'Import CSV', 'Batches', 'Missions'];
  const INTEGRITY = ['Integrity cases', 'Appeals'];
  const OPERATIONS = ['System', 'Jobs', 'Access (RBAC)', 'Logs', 'Webhooks', 'API keys'];
  const EXPECTED: Record<string, string[]> = {
    admin: ['Low performers', 'Calls', ...OUTREACH, ...COHORTS, 'Assignments', 'Meetings', 'Notices', 'Tickets', ...INTEGRITY, 'Attendance by day', 'Assignments report', 'Mentor load', 'Meeting feedback', 'Certificates', 'Users', 'Settings', 'Feature requests', 'Audit log', 'Mail outbox', ...OPERATIONS],
    developer: ['Students', 'Batches', 'Missions', 'Audit log', 'Mail outbox', ...OPERATIONS],
    manager: ['Students', 'Batches', 'Missions', 'Assignments', 'Meetings', 'Notices', 'Mission resources', 'Shout-outs', ...INTEGRITY, 'Low performers', 'Attendance by day', 'Assignments report', 'Mentor load', 'Meeting feedback', 'Certificates', 'Feature requests'],
    sre: ['My calls', 'Low performers', ...OUTREACH, ...COHORTS, 'Assignments', 'Notices', 'Tickets', 'Shout-outs', ...INTEGRITY, 'Attendance by day', 'Assignments report', 'Certificates'],
    mentor: ['My students', 'Who is slipping', 'Tickets', 'Meetings', 'Notices', 'Mission resources', 'Shout-outs', 'My load', 'My feedback'],
  };

  test.each(Object.keys(EXPECTED))('%s', async (role) => {
    if (!env.browser) return;
    const { page, problems } = await openPage(env, WIDE);
    await signIn(env, page, account(role).email);
    await page.getByRole('menuitem', { name: 'My profile' }).waitFor();
    const items = (await page.getByRole('menuitem').allInnerTexts()).map((t) => t.trim());
    expect(items).toEqual(['Home', ...EXPECTED[role], 'My profile']);
    expect(problems).toEqual([]);
  });
});
