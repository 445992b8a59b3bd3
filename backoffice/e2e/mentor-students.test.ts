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

    await page.getByRole('menuitem', { name: 'My students' }).click();
    await page.locator('#react-admin-title').getByText('My students').waitFor();
    expect(await paginationText(page)).toBe('1-25 of 25');

    // Every row is a DEMO-B01 student (generated ones are demo.student.b1.N, plus the demo student).
    const emails = (await page.locator('tbody tr td:nth-child(2)').allInnerTexts()).map((e) => e.trim());
    expect(emails).toHaveLength(25);
    expect(new Set(emails).size).toBe(25);
    expect(emails.every((email) => /^demo\.student\.b1\.\d+@example\.org$/.test(email) || email === 'student@example.com')).toBe(true);
    expect(emails.some((email) => email.includes('.b2.'))).toBe(false);

    // Read-only for a mentor: no selection checkboxes, no "Add student", no bulk actions, no import.
    expect(await page.locator('tbody input[type=checkbox]').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Add student' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Bulk actions' }).count()).toBe(0);
    expect(await page.getByRole('menuitem', { name: 'Import CSV' }).count()).toBe(0);
    // …and contact details are theirs to see.
    await page.getByRole('columnheader', { name: 'Phone' }).waitFor();
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'mentor-students-1280');

    // The other batch is invisible to them, and searching for its students finds nothing (an SRE finds 250).
    const [b2] = await apiGet<{ id: number }[]>(env, page, `/batches?filter=${encodeURIComponent(JSON.stringify({ code: 'DEMO-B02' }))}`);
    expect(b2).toBeUndefined(); // the mentor cannot even see that batch
    await page.goto(`${env.system!.backofficeUrl}/#/students?filter=${encodeURIComponent(JSON.stringify({ q: '.b2.' }))}`);
    await page.getByText(/found using the current filters/).waitFor();

    expect(problems).toEqual([]);
  });

  test('"My students" on a 360 px phone', async () => {
    if (!env.browser) return;
    const { page, problems } = await openPage(env, PHONE);
    await signIn(env, page, MENTOR.email);
    await page.goto(`${env.system!.backofficeUrl}/#/students`);
    await page.getByText('1-25 of 25').waitFor();
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'mentor-students-360');
    expect(problems).toEqual([]);
  });
});

describe('menus follow each role’s permissions', () => {
  const ENGAGEMENT = ['Daily attendance', 'Meetings', 'Assignments', 'Submissions'];
  const OUTREACH = ['Low performers', 'Calls', 'Call lists', 'Call logs', 'Call scripts'];
  const RECOGNITION = ['Meeting feedback', 'Shout-outs', 'Certificates'];
  const REPORTS = ['Attendance by day', 'Assignments report', 'Mentor load'];
  const OPERATIONS = ['System', 'Access (RBAC)', 'API keys', 'Webhooks', 'Webhook deliveries'];
  const EXPECTED: Record<string, string[]> = {
    admin: ['Batches', 'Missions', 'Mission resources', 'Students', 'Import CSV', 'Imports', 'Batch enrolments', 'Mission enrolments', 'Mission mentors', 'Mentor pairings', ...ENGAGEMENT, 'Integrity cases', 'Appeals', 'Notices', 'Tickets', 'Feature requests', ...OUTREACH, 'SREs', ...RECOGNITION, ...REPORTS, 'Users', 'Audit log', 'Mail outbox', 'Settings', ...OPERATIONS],
    developer: ['Batches', 'Missions', 'Mission resources', 'Students', 'Imports', 'Batch enrolments', 'Mission enrolments', 'Mission mentors', 'Mentor pairings', ...ENGAGEMENT, 'Integrity cases', 'Appeals', 'Notices', 'Feature requests', ...OUTREACH, 'SREs', ...RECOGNITION, ...REPORTS, 'Audit log', 'Mail outbox', 'Settings', ...OPERATIONS],
    manager: ['Batches', 'Missions', 'Mission resources', 'Students', 'Batch enrolments', 'Mission enrolments', 'Mission mentors', 'Mentor pairings', ...ENGAGEMENT, 'Integrity cases', 'Appeals', 'Notices', 'Feature requests', ...OUTREACH, 'SREs', ...RECOGNITION, ...REPORTS, 'Settings'],
    sre: ['Batches', 'Missions', 'Mission resources', 'Students', 'Import CSV', 'Imports', 'Batch enrolments', 'Mission enrolments', 'Mission mentors', 'Mentor pairings', ...ENGAGEMENT, 'Integrity cases', 'Appeals', 'Notices', 'Tickets', 'Feature requests', 'Low performers', 'My calls', 'Call lists', 'Call logs', 'Call scripts', 'SREs', ...RECOGNITION, ...REPORTS, 'Settings'],
    mentor: ['Batches', 'Missions', 'Mission resources', 'My students', 'Batch enrolments', 'Mission enrolments', 'Mission mentors', 'Mentor pairings', ...ENGAGEMENT, 'Integrity cases', 'Notices', 'Tickets', 'Feature requests', 'Low performers', 'Call logs', 'My feedback', 'Shout-outs', 'Certificates', 'My load', 'Settings'],
  };


  test.each(Object.keys(EXPECTED))('%s', async (role) => {
    if (!env.browser) return;
    const { page, problems } = await openPage(env, WIDE);
    await signIn(env, page, account(role).email);
    await page.getByRole('menuitem', { name: 'My profile' }).waitFor();
    const items = (await page.getByRole('menuitem').allInnerTexts()).map((t) => t.trim());
    expect(items).toEqual(['Dashboard', ...EXPECTED[role], 'My profile']);
    expect(problems).toEqual([]);
  });
});
