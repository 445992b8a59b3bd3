// Recognition and feedback in the back office: a manager writes a mission's guidelines in markdown and
// sees them rendered; the demo mentor gives one of their students a shout-out from the student's page;
// an SRE marks an enrolment completed, issues the mission's certificates (the notification counts them)
// and downloads one as PDF; after a student rated a meeting, the mentor reads it under "My feedback"
// without the student's name (a manager sees the name). Screenshots of each new screen at 1280 and 360 px
// go to /tmp/recognition-shots (RECOGNITION_SHOTS overrides).
import { mkdirSync, readFileSync } from 'node:fs';
import type { Knex } from 'knex';
import type { Page } from 'playwright-core';
import { createKnex } from '../../db/src';
import { DEMO_ACCOUNTS } from '../../db/src/seeds/demo-accounts';
import { PHONE, WIDE, apiAs, expectNoHorizontalScroll, filterQuery, missionIdOf, openPage, signIn, useSystem, screenshotsIn } from './helpers';

jest.setTimeout(240_000);

const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;
const MANAGER = account('manager');
const MENTOR = account('mentor');
const SRE = account('sre');
const STUDENT = account('student');
const SHOTS = process.env.RECOGNITION_SHOTS || '/tmp/recognition-shots';
const env = useSystem();

const { shot, shotDialog } = screenshotsIn(SHOTS);

const GUIDELINES = [
  '## Ground rules',
  '',
  '- Check in **every day** before 22:00',
  '- Ask your mentor early, not late',
  '',
  'Read the [style guide](https://example.org/style) first.',
  '',
  '<img src=x onerror="window.__hacked = true">',
].join('\n');
const SHOUTOUT = 'Great work on the landing page: clean and on time!';
const COMMENT = 'Clear examples, a bit fast';
const MEETING = 'Recognition E2E review';

describe('recognition and feedback', () => {
  let knex: Knex;
  let m1: number;
  let studentId: number;

  beforeAll(async () => {
    if (!env.browser) return;
    mkdirSync(SHOTS, { recursive: true });
    knex = createKnex(env.system!.databaseUrl, 2);
    const manager = await apiAs(env, MANAGER.email);
    m1 = await missionIdOf(manager, 'DEMO-B01', 'M1');
    studentId = Number((await knex('users').where({ email: STUDENT.email }).first('id')).id);
    // Eight days in a row of check-ins in M1 (yesterday and the seven before): the 7-day streak badge.
    await knex.raw(
      `INSERT INTO daily_attendance (student_id, mission_id, submitted_at, note)
       SELECT ?, ?, now() - make_interval(days => d), 'E2E' FROM generate_series(1, 8) d`,
      [studentId, m1]
    );
  });

  afterAll(async () => {
    await knex?.destroy();
  });

  test('a manager writes mission guidelines in markdown and sees them rendered', async () => {
    if (!env.browser) return;
    const { page, problems } = await openPage(env, WIDE);
    await signIn(env, page, MANAGER.email);
    await page.goto(`${env.system!.backofficeUrl}/#/missions/${m1}`);
    const field = page.getByLabel('Guidelines for students');
    await field.fill(GUIDELINES);
    await page.getByText(/^Markdown: \*\*bold\*\*/).waitFor();
    await field.scrollIntoViewIfNeeded();
    await shot(page, 'mission-edit-guidelines-1280');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/missions\/\d+\/show/);

    await page.getByRole('tab', { name: 'Guidelines' }).click();
    const rendered = page.getByLabel('Guidelines for students');
    await rendered.getByRole('heading', { name: 'Ground rules' }).waitFor();
    expect(await rendered.locator('strong').innerText()).toBe('every day');
    expect(await rendered.getByRole('listitem').count()).toBe(2);
    expect(await rendered.getByRole('link', { name: 'style guide' }).getAttribute('href')).toBe('https://example.org/style');
    // Sanitised by the API: the handler is gone and never ran.
    expect(await rendered.locator('[onerror]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __hacked?: boolean }).__hacked)).toBeUndefined();
    await expectNoHorizontalScroll(page);
    await shot(page, 'mission-guidelines-1280');
    expect(problems).toEqual([]);
  });

  test('a mentor gives one of their students a shout-out from the student page and sees it listed', async () => {
    if (!env.browser) return;
    const { page, problems } = await openPage(env, WIDE);
    await signIn(env, page, MENTOR.email);
    await page.goto(`${env.system!.backofficeUrl}/#/students/${studentId}/show`);
    await page.getByRole('button', { name: 'Give a shout-out' }).click();
    const dialog = page.getByRole('dialog', { name: `Give ${STUDENT.name} a shout-out` });
    await dialog.getByRole('combobox', { name: 'Badge' }).click();
    // Human labels for the API's badges.
    const options = (await page.getByRole('option').allInnerTexts()).map((t) => t.trim());
    expect(options).toEqual(['Helpful', 'Great progress', 'Consistent', 'Creative', 'Team player', 'Comeback']);
    await page.getByRole('option', { name: 'Great progress' }).click();
    // Only the missions this mentor mentors the student in.
    await dialog.getByRole('combobox', { name: 'Mission' }).click();
    const missions = (await page.getByRole('option').allInnerTexts()).map((t) => t.trim());
    expect(missions.filter((m) => m !== 'No particular mission').map((m) => m.slice(0, 2)).sort()).toEqual(['M1', 'M2']);
    await page.getByRole('option', { name: /^M1 — / }).click();
    await dialog.getByLabel('Message').fill(SHOUTOUT);
    await shotDialog(page, 'shoutout-dialog-1280');
    await dialog.getByRole('button', { name: 'Send shout-out' }).click();
    await page.getByText(`Shout-out sent to ${STUDENT.name}.`).waitFor();
    await dialog.waitFor({ state: 'detached' });

    // On the student's Achievements tab…
    await page.getByRole('tab', { name: 'Achievements' }).click();
    const shoutouts = page.getByRole('region', { name: 'Shout-outs' });
    const row = shoutouts.getByRole('row', { name: new RegExp(SHOUTOUT) });
    await row.getByText('★ Great progress').waitFor();
    await row.getByText(MENTOR.name).waitFor();
    await row.getByRole('button', { name: 'Delete' }).waitFor(); // their own: they may take it back
    const badges = page.getByRole('region', { name: 'Streaks and badges' });
    await badges.getByRole('row', { name: /^M1 — / }).getByText('7-day streak').waitFor();
    expect(await badges.getByRole('row', { name: /^M1 — / }).getByText('8 days').count()).toBe(1);

    // …and in the Shout-outs list.
    await page.getByRole('menuitem', { name: 'Shout-outs' }).click();
    const listed = page.getByRole('row', { name: new RegExp(SHOUTOUT) });
    await listed.getByRole('link', { name: STUDENT.name }).waitFor();
    await listed.getByText('★ Great progress').waitFor();
    await listed.getByRole('link', { name: 'M1' }).waitFor();
    await expectNoHorizontalScroll(page);
    await shot(page, 'shoutouts-1280');
    expect(problems).toEqual([]);
  });

  test('an SRE marks an enrolment completed, issues certificates from the mission page and downloads a PDF', async () => {
    if (!env.browser) return;
    const { page, problems } = await openPage(env, WIDE);
    await signIn(env, page, SRE.email);
    const sre = await apiAs(env, SRE.email);
    const enrolled = await sre.call<{ id: number; status: string }[]>('GET', `/mission_enrolments?${filterQuery({ mission_id: m1 })}&range=[0,999]`);
    const completedBefore = enrolled.body.filter((e) => e.status === 'completed').length;
    const total = enrolled.body.length;

    // Mark the demo student's enrolment completed on the enrolments list (select, "Mark completed").
    await page.goto(
      `${env.system!.backofficeUrl}/#/mission_enrolments?filter=${encodeURIComponent(JSON.stringify({ mission_id: m1, q: STUDENT.email }))}`
    );
    const enrolment = page.getByRole('row', { name: new RegExp(STUDENT.name) });
    await enrolment.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Mark completed' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('1 enrolment marked completed.').waitFor();
    await enrolment.getByText('Completed').waitFor();
    const completed = completedBefore + 1;

    // Issue the mission's certificates.
    await page.goto(`${env.system!.backofficeUrl}/#/missions/${m1}/show`);
    await page.getByRole('button', { name: 'Issue certificates' }).click();
    const dialog = page.getByRole('dialog', { name: /^Issue certificates for M1/ });
    await dialog.getByRole('link', { name: 'Mission enrolments' }).waitFor();
    await shotDialog(page, 'issue-certificates-1280');
    await dialog.getByRole('button', { name: 'Issue certificates' }).click();
    const notCompleted = total - completed;
    const issuedText = `${completed === 1 ? '1 certificate' : `${completed} certificates`} issued; ${notCompleted} students have not completed this mission`;
    await page.getByText(issuedText).waitFor();
    await dialog.waitFor({ state: 'detached' });
    await shot(page, 'issue-certificates-done-1280');
    // Once each: a second run issues none.
    await page.getByRole('button', { name: 'Issue certificates' }).click();
    await dialog.getByRole('button', { name: 'Issue certificates' }).click();
    await page.getByText(`0 certificates issued; ${completed} already had one; ${notCompleted} students have not completed this mission`).waitFor();

    // The certificates list, and the PDF.
    await page.getByRole('menuitem', { name: 'Certificates' }).click();
    const row = page.getByRole('row', { name: new RegExp(STUDENT.name) });
    await row.getByText('DEMO-B01', { exact: true }).waitFor();
    const code = (await row.locator('td.column-code').innerText()).trim();
    expect(code).toMatch(/^[A-Z0-9]{12}$/);
    await expectNoHorizontalScroll(page);
    await shot(page, 'certificates-1280');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('button', { name: `Download the certificate of ${STUDENT.name} as PDF` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`certificate-${code}.pdf`);
    const pdf = readFileSync((await download.path())!);
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(problems).toEqual([]);
  });

  test('a mentor reads a meeting rating under "My feedback" without the student’s name; a manager sees the name', async () => {
    if (!env.browser) return;
    const mentor = await apiAs(env, MENTOR.email);
    const student = await apiAs(env, STUDENT.email);
    const meeting = await mentor.call<{ id: number }>('POST', '/meetings', {
      mission_id: m1,
      title: MEETING,
      starts_at: new Date(Date.now() - 20 * 60_000).toISOString(),
      duration_minutes: 60,
      requires_code: false,
    });
    expect(meeting.status).toBe(201);
    expect((await student.call('POST', `/meetings/${meeting.body.id}/check-in`, {})).status).toBe(201);
    const rated = await student.call('POST', '/mentor_feedback', { meeting_id: meeting.body.id, rating: 4, comment: COMMENT });
    expect(rated.status).toBe(201);

    const { page, problems } = await openPage(env, WIDE);
    await signIn(env, page, MENTOR.email);
    await page.getByRole('menuitem', { name: 'My feedback' }).click();
    await page.locator('#react-admin-title').getByText('My feedback').waitFor();
    const row = page.getByRole('row', { name: new RegExp(COMMENT) });
    await row.getByRole('link', { name: MEETING }).waitFor();
    await row.getByLabel('4 of 5 stars').waitFor();
    await row.getByRole('link', { name: 'DEMO-B01 · M1' }).waitFor();
    expect(await page.getByRole('columnheader', { name: 'Student' }).count()).toBe(0);
    expect(await page.getByText(STUDENT.name).count()).toBe(0);
    await expectNoHorizontalScroll(page);
    await shot(page, 'my-feedback-1280');
    expect(problems).toEqual([]);

    const other = await openPage(env, WIDE);
    await signIn(env, other.page, MANAGER.email);
    await other.page.getByRole('menuitem', { name: 'Meeting feedback' }).click();
    const managerRow = other.page.getByRole('row', { name: new RegExp(COMMENT) });
    await managerRow.getByText(STUDENT.name).waitFor();
    await managerRow.getByText(MENTOR.name).waitFor();
    await shot(other.page, 'meeting-feedback-1280');
    expect(other.problems).toEqual([]);
  });

  test('the SRE directory (Outreach)', async () => {
    if (!env.browser) return;
    const { page, problems } = await openPage(env, WIDE);
    await signIn(env, page, SRE.email);
    await page.getByRole('menuitem', { name: 'SREs' }).click();
    const row = page.getByRole('row', { name: new RegExp(SRE.name) });
    await row.getByText(SRE.email).waitFor();
    await page.getByRole('columnheader', { name: 'Due calls' }).waitFor();
    await expectNoHorizontalScroll(page);
    await shot(page, 'sres-1280');
    expect(problems).toEqual([]);
  });

  test('the new screens on a 360 px phone', async () => {
    if (!env.browser) return;
    const base = env.system!.backofficeUrl;
    const visit = async (page: Page, url: string, ready: string | RegExp, name: string) => {
      await page.goto(`${base}/#${url}`);
      await page.getByText(ready).first().waitFor();
      await expectNoHorizontalScroll(page);
      await shot(page, name);
    };

    const manager = await openPage(env, PHONE);
    await signIn(env, manager.page, MANAGER.email);
    await visit(manager.page, `/missions/${m1}`, 'Guidelines for students', 'mission-edit-guidelines-360');
    await visit(manager.page, `/missions/${m1}/show?tab=guidelines`, 'Ground rules', 'mission-guidelines-360');
    await visit(manager.page, '/mentor_feedback', COMMENT, 'meeting-feedback-360');
    await visit(manager.page, '/sres', SRE.name, 'sres-360');
    await manager.page.goto(`${base}/#/missions/${m1}/show`);
    await manager.page.getByRole('button', { name: 'Issue certificates' }).click();
    await manager.page.getByRole('dialog').getByRole('link', { name: 'Mission enrolments' }).waitFor();
    await shotDialog(manager.page, 'issue-certificates-360');
    expect(manager.problems).toEqual([]);

    const mentor = await openPage(env, PHONE);
    await signIn(env, mentor.page, MENTOR.email);
    await visit(mentor.page, `/students/${studentId}/show?tab=achievements`, SHOUTOUT, 'student-achievements-360');
    await visit(mentor.page, '/shoutouts', SHOUTOUT, 'shoutouts-360');
    await visit(mentor.page, '/mentor_feedback', COMMENT, 'my-feedback-360');
    await visit(mentor.page, '/certificates', STUDENT.name, 'certificates-360');
    await mentor.page.goto(`${base}/#/students/${studentId}/show`);
    await mentor.page.getByRole('button', { name: 'Give a shout-out' }).click();
    await mentor.page.getByRole('dialog').getByRole('combobox', { name: 'Badge' }).waitFor();
    await shotDialog(mentor.page, 'shoutout-dialog-360');
    expect(mentor.problems).toEqual([]);

    // The student's page at 1280 with everything on it.
    const wide = await openPage(env, WIDE);
    await signIn(env, wide.page, MENTOR.email);
    await visit(wide.page, `/students/${studentId}/show?tab=achievements`, SHOUTOUT, 'student-achievements-1280');
    expect(wide.problems).toEqual([]);
  });
});
