// An SRE works the outreach screens: the low-performer report shows the students at risk in a
// mission, "Make call list" previews the split among SREs and creates the list, and "My calls"
// is the follow-up queue where calls are logged: "no answer" keeps the call open and due tomorrow
// (it leaves today's queue), "picked up" closes it, and "call back later" needs a date.
// Screenshots of the report and the log-call form at 1280 and 360 px go to /tmp/outreach-shots
// (OUTREACH_SHOTS overrides).
import { mkdirSync, readFileSync } from 'node:fs';
import type { Knex } from 'knex';
import { createKnex } from '../../db/src';
import { DEMO_ACCOUNTS } from '../../db/src/seeds/demo-accounts';
import { PHONE, WIDE, apiAs, expectNoHorizontalScroll, filterQuery, openPage, paginationText, signIn, useSystem, screenshotsIn, statNumbers } from './helpers';

jest.setTimeout(240_000);

const SRE = DEMO_ACCOUNTS.find((account) => account.role === 'sre')!;
const MANAGER = DEMO_ACCOUNTS.find((account) => account.role === 'manager')!;
const MENTOR = DEMO_ACCOUNTS.find((account) => account.role === 'mentor')!;
const SHOTS = process.env.OUTREACH_SHOTS || '/tmp/outreach-shots';
const env = useSystem();

const { shot, shotDialog } = screenshotsIn(SHOTS);

const NAMES = {
  alpha: 'Outreach Alpha E2E',
  beta: 'Outreach Beta E2E',
  gamma: 'Outreach Gamma E2E',
  delta: 'Outreach Delta E2E',
};

describe('SRE outreach: low performers → call list → follow-up queue', () => {
  let knex: Knex;
  let missionId: number;
  let reportUrl: string;
  let callListId: number;

  beforeAll(async () => {
    if (!env.browser) return;
    mkdirSync(SHOTS, { recursive: true });
    knex = createKnex(env.system!.databaseUrl, 2);
    // A batch whose mission began 20 days ago (batch time), four students who joined then: Beta came
    // every day (not at risk), Gamma 11 days of 20 (low attendance only: medium), Alpha and Delta
    // never (low attendance and low points: high). A second SRE shares the calls.
    await knex.transaction(async (trx) => {
      await trx('users').insert({ email: 'second.sre.e2e@example.org', name: 'Rafi Second', role: 'sre', status: 'active' });
      const [{ today }] = (await trx.raw(`SELECT (now() AT TIME ZONE 'Asia/Dhaka')::date AS today`)).rows as { today: string }[];
      const [batch] = await trx('batches')
        .insert({
          code: 'E2E-OUT',
          title: 'Outreach batch',
          status: 'active',
          starts_on: trx.raw(`?::date - 20`, [today]),
          ends_on: trx.raw(`?::date + 160`, [today]),
          timezone: 'Asia/Dhaka',
          capacity: 10,
        })
        .returning('id');
      const [mission] = await trx('missions')
        .insert({
          batch_id: batch.id,
          code: 'M1',
          title: 'Outreach mission',
          status: 'active',
          starts_on: trx.raw(`?::date - 20`, [today]),
          ends_on: trx.raw(`?::date + 25`, [today]),
          position: 1,
        })
        .returning('id');
      missionId = Number(mission.id);
      const students = await trx('users')
        .insert(
          Object.values(NAMES).map((name, i) => ({
            email: `outreach.${i}.e2e@example.org`,
            name,
            role: 'student',
            phone: `+8801900000${100 + i}`,
          }))
        )
        .returning(['id', 'name']);
      const idOf = (name: string) => Number(students.find((s: { name: string }) => s.name === name)!.id);
      await trx('batch_enrolments').insert(students.map((s: { id: number }) => ({ batch_id: batch.id, student_id: s.id })));
      await trx('mission_enrolments').insert(
        students.map((s: { id: number }) => ({
          mission_id: missionId,
          batch_id: batch.id,
          student_id: s.id,
          created_at: trx.raw(`(?::date - 20)::timestamp AT TIME ZONE 'Asia/Dhaka'`, [today]),
        }))
      );
      const attend = (studentId: number, days: number[]) =>
        trx.raw(
          `INSERT INTO daily_attendance (student_id, mission_id, submitted_at, note)
           SELECT ?, ?, now() - make_interval(days => d), 'E2E' FROM unnest(?::int[]) d`,
          [studentId, missionId, days]
        );
      await attend(idOf(NAMES.beta), Array.from({ length: 20 }, (_, i) => i + 1));
      await attend(idOf(NAMES.gamma), Array.from({ length: 11 }, (_, i) => i + 1));
    });
    reportUrl = `${env.system!.backofficeUrl}/#/student_progress?filter=${encodeURIComponent(
      JSON.stringify({ risk: ['high', 'medium'], mission_status: 'active', mission_id: missionId })
    )}&displayedFilters=${encodeURIComponent(JSON.stringify({ mission_id: true }))}`;
  });

  afterAll(async () => {
    await knex?.destroy();
  });

  test('the report, a call list, and logging calls from the queue (1280 px)', async () => {
    if (!env.browser) return;
    const { page, problems } = await openPage(env, WIDE);
    await signIn(env, page, SRE.email);

    // The dashboard counts students at risk and the calls due.
    await page.getByRole('region', { name: 'At risk' }).waitFor();
    await page.getByRole('region', { name: 'Calls due today / overdue' }).getByRole('link', { name: '0 due today' }).waitFor();

    // The report from the menu (risk high and medium by default), then this mission's students.
    await page.getByRole('menuitem', { name: 'Low performers' }).click();
    await page.locator('tbody tr').first().waitFor();
    await page.goto(reportUrl);
    await page.getByRole('link', { name: NAMES.gamma }).waitFor();
    expect(await paginationText(page)).toBe('1-3 of 3');
    const rows = page.locator('tbody tr');
    // Riskiest first: the two who never came, then Gamma (low attendance only); Beta is fine.
    expect(await rows.nth(0).getByText('High', { exact: true }).isVisible()).toBe(true);
    expect(await rows.nth(1).getByText('High', { exact: true }).isVisible()).toBe(true);
    expect(await rows.nth(2).getByText('Medium', { exact: true }).isVisible()).toBe(true);
    // 11 days of 20: 55% attendance (below the 60% threshold), 11 of 20 points (55%, above 50%).
    expect(await rows.nth(2).locator('td.column-attendance_rate').innerText()).toBe('55%\n11/20 days');
    expect(await rows.nth(2).locator('td.column-points').innerText()).toBe('11/20');
    expect(await rows.nth(0).getByText('Low points').isVisible()).toBe(true);
    expect(await page.getByText(NAMES.beta).count()).toBe(0);
    await expectNoHorizontalScroll(page);
    await shot(page, 'low-performers-1280');

    // The CSV export holds the filtered report: every matching row, with the risk and reasons.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.trim().split(/\r?\n/)).toHaveLength(4);
    expect(csv).toContain(NAMES.delta);
    expect(csv).not.toContain(NAMES.beta);

    // Make a call list: the mission comes from the filter; preview, then create.
    await page.getByRole('button', { name: 'Make call list' }).click();
    const dialog = page.getByRole('dialog', { name: 'Make a call list' });
    await dialog.getByLabel('Sadia Islam (0 open calls)').waitFor();
    expect(await dialog.getByLabel('Rafi Second (0 open calls)').isChecked()).toBe(true);
    expect(await dialog.getByLabel('High and medium risk').isChecked()).toBe(true);
    expect(await dialog.getByRole('button', { name: 'Create list' }).isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: 'Preview' }).click();
    const preview = dialog.getByRole('region', { name: 'Call list preview' });
    await preview.getByText('Students to call: 3').waitFor();
    expect(await preview.getByText('Skipped, already on an open call: 0').isVisible()).toBe(true);
    const perSre = preview.getByRole('table', { name: 'Calls per SRE' });
    // Sadia (the older account) takes the first and third call, Rafi the second: 2 and 1.
    expect(await perSre.getByRole('row', { name: 'Sadia Islam 0 2 2' }).isVisible()).toBe(true);
    expect(await perSre.getByRole('row', { name: 'Rafi Second 0 1 1' }).isVisible()).toBe(true);
    await shotDialog(page, 'make-call-list-1280');
    await dialog.getByRole('button', { name: 'Create list: 3 calls' }).click();

    // The new call list opens with its three calls.
    await page.getByText('Call list: E2E-OUT M1: high and medium risk').waitFor();
    callListId = Number(/#\/call_lists\/(\d+)\/show/.exec(page.url())?.[1]);
    expect(callListId).toBeGreaterThan(0);
    await page.getByRole('link', { name: NAMES.delta }).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(3);
    await expectNoHorizontalScroll(page);
    await shot(page, 'call-list-1280');

    // My calls: the SRE's queue of calls due (today's new calls), with the script title.
    await page.getByRole('menuitem', { name: 'My calls' }).click();
    await page.getByRole('group', { name: 'Which calls' }).waitFor();
    await page.getByRole('link', { name: NAMES.alpha }).waitFor();
    await page.getByRole('link', { name: NAMES.gamma }).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(2);
    expect(await page.getByRole('cell', { name: 'Missing daily attendance' }).count()).toBe(2);
    await expectNoHorizontalScroll(page);
    await shot(page, 'my-calls-1280');

    // "No answer": still open, due tomorrow, so it leaves the queue of calls due.
    await page.getByRole('button', { name: `Log call to ${NAMES.alpha}` }).click();
    const form = page.getByRole('dialog', { name: `Log a call to ${NAMES.alpha}` });
    await form.getByLabel('No answer').waitFor();
    await shotDialog(page, 'log-call-1280');
    await form.getByLabel('No answer').check();
    await form.getByLabel('Notes').fill('Rang twice, no answer.');
    await form.getByRole('button', { name: 'Save call' }).click();
    await page.getByText('Call logged. It is due again tomorrow.').waitFor();
    await page.getByRole('link', { name: NAMES.alpha }).waitFor({ state: 'detached' });
    expect(await page.locator('tbody tr').count()).toBe(1);

    // Every call: Alpha is open with one attempt.
    await page.getByRole('button', { name: 'Any' }).click();
    const alphaRow = page.locator('tbody tr', { has: page.getByRole('link', { name: NAMES.alpha }) });
    await alphaRow.getByText('No answer').waitFor();
    expect(await alphaRow.getByText('Open', { exact: true }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'All due' }).click();
    await page.getByRole('link', { name: NAMES.alpha }).waitFor({ state: 'detached' });

    // "Call back later" needs the day; then "picked up" closes the call.
    await page.getByRole('button', { name: `Log call to ${NAMES.gamma}` }).click();
    const second = page.getByRole('dialog', { name: `Log a call to ${NAMES.gamma}` });
    await second.getByLabel('Asked to be called back later').check();
    await second.getByRole('button', { name: 'Save call' }).click();
    await second.getByText('Pick the follow-up date the student asked for.').waitFor();
    await second.getByLabel('Picked up: we talked').check();
    await second.getByLabel('Notes').fill('Internet at home is down this week; back on Monday.');
    await second.getByRole('button', { name: 'Save call' }).click();
    await page.getByText('Call logged. The call is done.').waitFor();
    await page.getByText('No call due: the queue is clear.').waitFor();

    // What the API holds now: Alpha open and due tomorrow (batch time), Gamma done, Delta untouched.
    const sre = await apiAs(env, SRE.email);
    const calls = await sre.call<{ student_name: string; status: string; due_on: string; attempts: number; last_outcome: string | null }[]>(
      'GET',
      `/calls?${filterQuery({ call_list_id: callListId })}&sort=${encodeURIComponent('["student_name","ASC"]')}`
    );
    const [{ tomorrow }] = (await knex.raw(`SELECT ((now() AT TIME ZONE 'Asia/Dhaka')::date + 1)::text AS tomorrow`)).rows;
    const byName = Object.fromEntries(calls.body.map((c) => [c.student_name, c]));
    expect(byName[NAMES.alpha]).toMatchObject({ status: 'open', due_on: tomorrow, attempts: 1, last_outcome: 'no_answer' });
    expect(byName[NAMES.gamma]).toMatchObject({ status: 'done', attempts: 1, last_outcome: 'picked' });
    expect(byName[NAMES.delta]).toMatchObject({ status: 'open', attempts: 0, last_outcome: null });

    // The call's page shows the script for its reasons and its history.
    await page.goto(`${env.system!.backofficeUrl}/#/calls/${(await callIdOf(sre, callListId, NAMES.alpha))}/show`);
    await page.getByRole('heading', { name: 'Suggested script' }).waitFor();
    await page.getByRole('heading', { name: 'Missing daily attendance (Low attendance)' }).waitFor();
    await page.getByRole('heading', { name: 'Falling behind on points (Low points)' }).waitFor();
    await page.getByText('Rang twice, no answer.').waitFor();
    await expectNoHorizontalScroll(page);
    await shot(page, 'call-1280');

    // The student's page lists the call log too.
    await page.goto(`${env.system!.backofficeUrl}/#/students/${await studentIdOf(sre, NAMES.gamma)}/show?tab=calls`);
    await page.getByText('Internet at home is down this week; back on Monday.').waitFor();
    await expectNoHorizontalScroll(page);
    await shot(page, 'student-calls-1280');

    expect(problems).toEqual([]);
  });

  test('the report, the call-list dialog and the log-call form on a 360 px phone', async () => {
    if (!env.browser) return;
    const { page, problems } = await openPage(env, PHONE);
    await signIn(env, page, SRE.email);
    await page.goto(reportUrl);
    await page.getByText(NAMES.gamma).waitFor();
    await expectNoHorizontalScroll(page);
    await shot(page, 'low-performers-360');

    await page.getByRole('button', { name: 'Make call list' }).click();
    const dialog = page.getByRole('dialog', { name: 'Make a call list' });
    await dialog.getByLabel('Sadia Islam (1 open call)').waitFor();
    await dialog.getByRole('button', { name: 'Preview' }).click();
    // Everyone is on an open call now, except Gamma, whose call is done.
    await dialog.getByText('Students to call: 1').waitFor();
    expect(await dialog.getByText('Skipped, already on an open call: 2').isVisible()).toBe(true);
    await expectNoHorizontalScroll(page);
    await shotDialog(page, 'make-call-list-360');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // A call on a phone: its page, then the log-call form.
    const sre = await apiAs(env, SRE.email);
    await page.goto(`${env.system!.backofficeUrl}/#/calls/${await callIdOf(sre, callListId, NAMES.delta)}/show`);
    await page.getByRole('button', { name: `Log call to ${NAMES.delta}` }).click();
    const form = page.getByRole('dialog', { name: `Log a call to ${NAMES.delta}` });
    await form.getByLabel('Asked to be called back later').check();
    await form.getByLabel('Call back on').waitFor();
    await expectNoHorizontalScroll(page);
    await shotDialog(page, 'log-call-360');
    await form.getByRole('button', { name: 'Cancel' }).click();

    // The queue on a phone: a simple list.
    await page.goto(`${env.system!.backofficeUrl}/#/calls`);
    await page.getByText('No call due: the queue is clear.').waitFor();
    await page.getByRole('button', { name: 'Any' }).click();
    await page.getByText(NAMES.alpha).waitFor();
    await expectNoHorizontalScroll(page);
    await shot(page, 'my-calls-360');

    // The dashboard's cards on a phone.
    await page.goto(`${env.system!.backofficeUrl}/#/`);
    await page.getByRole('region', { name: 'At risk' }).waitFor();
    await expectNoHorizontalScroll(page);
    await shot(page, 'dashboard-360');
    expect(problems).toEqual([]);
  });

  test('reassigning a call, the call logs, the scripts, and every call for an admin', async () => {
    if (!env.browser) return;
    const { page, problems } = await openPage(env, WIDE);
    await signIn(env, page, SRE.email);
    const sre = await apiAs(env, SRE.email);

    // Delta's call goes from Rafi to Sadia.
    const deltaCall = await callIdOf(sre, callListId, NAMES.delta);
    await page.goto(`${env.system!.backofficeUrl}/#/calls/${deltaCall}/show`);
    await page.getByRole('link', { name: 'Reassign' }).click();
    await page.getByRole('combobox', { name: 'Assigned to' }).click();
    await page.getByRole('option', { name: 'Sadia Islam (1 open call)' }).click();
    await expectNoHorizontalScroll(page);
    await shot(page, 'call-edit-1280');
    await page.getByRole('button', { name: 'Save' }).click();
    // Back on the call's page, assigned to Sadia.
    await page.getByRole('button', { name: `Log call to ${NAMES.delta}` }).waitFor();
    await page.locator('#main-content').getByText('Sadia Islam', { exact: true }).waitFor();
    const moved = await sre.call<{ assignee_name: string }>('GET', `/calls/${deltaCall}`);
    expect(moved.body.assignee_name).toBe('Sadia Islam');

    // The call logs, latest first (opened from the calls list).
    await page.getByRole('menuitem', { name: 'My calls' }).click();
    await page.getByRole('link', { name: 'Call logs' }).click();
    await page.getByText('Internet at home is down this week; back on Monday.').waitFor();
    expect(await page.locator('tbody tr').count()).toBe(2);
    await expectNoHorizontalScroll(page);
    await shot(page, 'call-logs-1280');

    // A script, edited.
    await page.getByRole('menuitem', { name: 'Call scripts' }).click();
    await page.locator('td.column-title', { hasText: 'Missed assignments' }).click();
    const body = page.getByLabel('Script');
    await body.fill('Ask which assignment was hard to finish and why.\nOffer a session with their mentor.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('cell', { name: /^Ask which assignment was hard to finish and why\./ }).waitFor();
    await expectNoHorizontalScroll(page);
    await shot(page, 'call-scripts-1280');
    expect(problems).toEqual([]);

    // An admin sees every open call with its assignee.
    const admin = await openPage(env, WIDE);
    await signIn(env, admin.page, DEMO_ACCOUNTS.find((a) => a.role === 'admin')!.email);
    await admin.page.getByRole('menuitem', { name: 'Calls' }).click();
    await admin.page.getByRole('link', { name: NAMES.delta }).waitFor();
    expect(await admin.page.locator('tbody tr').count()).toBe(2);
    expect(await admin.page.getByRole('columnheader', { name: 'Assigned to' }).isVisible()).toBe(true);
    await expectNoHorizontalScroll(admin.page);
    await shot(admin.page, 'calls-admin-1280');
    expect(admin.problems).toEqual([]);
  });
});

describe('a mentor’s students slipping', () => {
  test('the dashboard count opens the report of their own students, without call lists', async () => {
    if (!env.browser) return;
    const { page, problems } = await openPage(env, WIDE);
    await signIn(env, page, MENTOR.email);
    const card = page.getByRole('region', { name: 'My students slipping' });
    const stat = card.getByRole('link', { name: /^\d+ high or medium risk, in active missions$/ });
    await stat.waitFor();
    const [shown] = await statNumbers(stat);
    expect(shown).toBeGreaterThan(0);
    await stat.click();
    expect(await paginationText(page)).toMatch(new RegExp(`of ${shown}$`));
    expect(await page.locator('tbody tr').count()).toBe(Math.min(shown, 25));
    expect(await page.getByRole('button', { name: 'Make call list' }).count()).toBe(0);
    expect(problems).toEqual([]);
  });
});

describe('risk thresholds (manager)', () => {
  test('a manager edits a mission’s thresholds as percentages', async () => {
    if (!env.browser) return;
    const { page, problems } = await openPage(env, WIDE);
    await signIn(env, page, MANAGER.email);
    const manager = await apiAs(env, MANAGER.email);
    const missions = await manager.call<{ id: number }[]>('GET', `/missions?${filterQuery({ code: 'M1', q: 'Outreach mission' })}`);
    const id = missions.body[0].id;
    await page.goto(`${env.system!.backofficeUrl}/#/missions/${id}`);
    const attendance = page.getByLabel('Attendance below (%)');
    await attendance.waitFor();
    expect(await attendance.inputValue()).toBe('60');
    expect(await page.getByLabel('Progress below (%)').inputValue()).toBe('50');
    await attendance.fill('70');
    await page.getByLabel('Missed assignments (at least)').fill('3');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('tab', { name: 'Points' }).click();
    await page.getByText('Attendance below: 70%').waitFor();
    expect(await page.getByText('Missed assignments: 3 or more').isVisible()).toBe(true);
    const saved = await manager.call<Record<string, unknown>>('GET', `/missions/${id}`);
    expect(Number(saved.body.risk_attendance_rate)).toBe(0.7);
    expect(Number(saved.body.risk_missed_assignments)).toBe(3);
    expect(Number(saved.body.risk_progress)).toBe(0.5);
    expect(problems).toEqual([]);
  });
});

async function callIdOf(client: Awaited<ReturnType<typeof apiAs>>, callListId: number, studentName: string): Promise<number> {
  const calls = await client.call<{ id: number; student_name: string }[]>('GET', `/calls?${filterQuery({ call_list_id: callListId })}`);
  return calls.body.find((c) => c.student_name === studentName)!.id;
}

async function studentIdOf(client: Awaited<ReturnType<typeof apiAs>>, name: string): Promise<number> {
  const students = await client.call<{ id: number }[]>('GET', `/students?${filterQuery({ q: name })}`);
  return students.body[0].id;
}
