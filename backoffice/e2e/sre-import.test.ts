// An SRE imports three students from a CSV file through the wizard (dry run, import, progress),
// finds them in the students list, then pairs them with mentors on the pairing screen.
// Screenshots of the wizard, the students list and the pairing screen at 1280 and 360 px.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

import { DEMO_ACCOUNTS } from '../../db/src/seeds/demo-accounts';
import { PHONE, WIDE, apiGet, expectNoHorizontalScroll, openPage, paginationText, screenshot, signIn, useSystem } from './helpers';

jest.setTimeout(180_000);

const SRE = DEMO_ACCOUNTS.find((account) => account.role === 'sre')!;
const env = useSystem();

const CSV = [
  'email,name,phone,address,batch_code,mission_codes',
  'e2e.import.1@example.org,Imported Student One,+8801711000001,Dhaka,DEMO-B01,M1',
  'e2e.import.2@example.org,Imported Student Two,+8801711000002,Chattogram,DEMO-B01,M1',
  'e2e.import.3@example.org,Imported Student Three,,Sylhet,DEMO-B01,M1',
].join('\n');
const EMAILS = ['e2e.import.1@example.org', 'e2e.import.2@example.org', 'e2e.import.3@example.org'];

async function missionId(page: Page, batchCode: string, code: string): Promise<number> {
  const [batch] = await apiGet<{ id: number }[]>(env, page, `/batches?filter=${encodeURIComponent(JSON.stringify({ code: batchCode }))}`);
  const [mission] = await apiGet<{ id: number }[]>(
    env,
    page,
    `/missions?filter=${encodeURIComponent(JSON.stringify({ batch_id: batch.id, code }))}`,
  );
  return mission.id;
}

describe('CSV import and mentor pairing (SRE)', () => {
  test('an SRE imports 3 students with a dry run first, then finds them in the students list', async () => {
    if (!env.browser) return;
    const { page, problems } = await openPage(env, WIDE);
    await signIn(env, page, SRE.email);

    await page.getByRole('menuitem', { name: 'Import CSV' }).click();
    await page.getByRole('heading', { name: 'Import CSV', level: 1 }).waitFor();
    // The expected columns are shown for the chosen kind.
    await page.getByText('email (required)').waitFor();
    expect(await page.getByText('mission_codes', { exact: true }).first().isVisible()).toBe(true);
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'import-wizard-1280');

    // Step 1: the file, read in the browser.
    await page.locator('input[type=file]').setInputFiles({ name: 'new-students.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await page.getByText('new-students.csv: 3 rows').waitFor();
    await page.getByRole('button', { name: 'Check the file' }).click();

    // Step 2: the dry run: 3 creates, no errors, one row per student.
    await page.getByText('Create: 3').waitFor();
    expect(await page.getByText('Error: 0').isVisible()).toBe(true);
    for (const email of EMAILS) await page.getByRole('cell', { name: email }).waitFor();
    expect(await page.getByRole('cell', { name: 'Create', exact: true }).count()).toBe(3);
    await screenshot(page, 'import-wizard-preview-1280');

    // Step 3: the import runs in the background; the page follows its progress to the end.
    await page.getByRole('button', { name: 'Import 3 rows' }).click();
    await page.getByRole('status').filter({ hasText: 'Imported 3 rows: 3 created' }).waitFor();
    expect(await page.getByText('3 of 3 rows processed.').isVisible()).toBe(true);
    await screenshot(page, 'import-wizard-done-1280');

    // The new students are in the list.
    await page.getByRole('link', { name: 'Go to the students list' }).click();
    await page.getByPlaceholder('Search name, email or phone').fill('e2e.import');
    for (const email of EMAILS) await page.getByText(email, { exact: true }).waitFor();
    expect(await paginationText(page)).toBe('1-3 of 3');

    // …and the import is in the history (opened from the import screen) with its author and counts.
    await page.getByRole('menuitem', { name: 'Import CSV' }).click();
    await page.getByRole('link', { name: 'Past imports' }).click();
    await page.getByRole('cell', { name: SRE.name }).first().waitFor();
    expect(await page.getByRole('cell', { name: 'new-students.csv' }).isVisible()).toBe(true);

    expect(problems).toEqual([]);
  });

  test('a file with errors is refused by the dry run, and nothing can be imported', async () => {
    if (!env.browser) return;
    const { page, problems } = await openPage(env, WIDE);
    await signIn(env, page, SRE.email);
    await page.goto(`${env.system!.backofficeUrl}/#/imports/new`);
    await page.getByLabel('…or paste the CSV text').fill('email,name,batch_code\nnot-an-email,Someone,DEMO-B01\nok.e2e@example.org,Ok,NO-SUCH-BATCH');
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByText('Error: 2').waitFor();
    expect(await page.getByText('rows have errors. Nothing can be imported').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: /^Import/ }).isDisabled()).toBe(true);
    expect(problems).toEqual([]);
  });

  test('the students list, the pairing screen and the wizard fit a 360 px phone', async () => {
    if (!env.browser) return;
    const { page, problems } = await openPage(env, PHONE);
    await signIn(env, page, SRE.email);

    await page.goto(`${env.system!.backofficeUrl}/#/students`);
    await page.getByText(/of 50[0-9]/).first().waitFor();
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'students-360');

    const m1 = await missionId(page, 'DEMO-B01', 'M1');
    await page.goto(`${env.system!.backofficeUrl}/#/missions/${m1}/pairing`);
    await page.getByRole('heading', { name: /Unpaired students/ }).waitFor();
    await page.getByText('Imported Student One').waitFor();
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'pairing-360');

    await page.goto(`${env.system!.backofficeUrl}/#/imports/new`);
    await page.getByText('email (required)').waitFor();
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'import-wizard-360');
    await page.getByLabel('…or paste the CSV text').fill(CSV.replace(/e2e\.import/g, 'e2e.phone'));
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByText('Create: 3').waitFor();
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'import-wizard-preview-360');

    expect(problems).toEqual([]);
  });

  test('the SRE pairs the imported students on the pairing screen: one by hand, the rest automatically', async () => {
    if (!env.browser) return;
    const { page, problems } = await openPage(env, WIDE);
    await signIn(env, page, SRE.email);
    const m1 = await missionId(page, 'DEMO-B01', 'M1');

    await page.goto(`${env.system!.backofficeUrl}/#/missions/${m1}/pairing`);
    await page.getByRole('heading', { name: 'Unpaired students (3)' }).waitFor();
    await page.getByRole('cell', { name: 'Mahin Ahmed', exact: true }).waitFor();
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'pairing-1280');

    // By hand: select one unpaired student, pair them with the demo mentor.
    await page.getByRole('row', { name: /Imported Student One/ }).getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Pair with mentor' }).click();
    const dialog = page.getByRole('dialog', { name: 'Pair with a mentor' });
    await dialog.getByLabel('Mentor').click();
    await page.getByRole('option', { name: /Mahin Ahmed/ }).click();
    await dialog.getByRole('button', { name: 'Pair' }).click();
    await page.getByText('Paired 1 student with the mentor.').waitFor();
    await page.getByRole('heading', { name: 'Unpaired students (2)' }).waitFor();

    // Automatically: the preview shows 2 assignments and the loads before/after; applying pairs them.
    await page.getByRole('button', { name: 'Preview auto-pairing' }).click();
    await page.getByText('2 assignments', { exact: true }).waitFor();
    expect(await page.getByRole('table', { name: 'Load per mentor before and after' }).isVisible()).toBe(true);
    await screenshot(page, 'pairing-preview-1280');
    await page.getByRole('button', { name: 'Apply: pair 2 students' }).click();
    await page.getByRole('alert').filter({ hasText: 'Paired 2 students.' }).waitFor();
    await page.getByRole('heading', { name: 'Unpaired students (0)' }).waitFor();

    expect(problems).toEqual([]);
  });

  test('the students list at 1280 px: phone column, filters and bulk actions for an SRE', async () => {
    if (!env.browser) return;
    const { page, problems } = await openPage(env, WIDE);
    await signIn(env, page, SRE.email);
    await page.getByRole('menuitem', { name: 'Students' }).click();
    await page.getByRole('columnheader', { name: 'Phone' }).waitFor();
    expect(await paginationText(page)).toMatch(/^1-25 of 50\d$/);
    // Selecting a row offers the bulk actions.
    await page.locator('tbody tr').first().getByRole('checkbox').check();
    for (const action of ['Enrol in mission', 'Pair with mentor', 'Change status', 'Move to batch']) {
      expect(await page.getByRole('button', { name: action }).isVisible()).toBe(true);
    }
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'students-1280');

    // Export CSV gives every row matching the filters (not just the page).
    await page.locator('tbody tr').first().getByRole('checkbox').uncheck();
    await page.getByPlaceholder('Search name, email or phone').fill('e2e.import');
    await page.getByText('e2e.import.3@example.org', { exact: true }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines).toHaveLength(4);
    for (const email of EMAILS) expect(csv).toContain(email);
    expect(problems).toEqual([]);
  });
});
