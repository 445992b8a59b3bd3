// An SRE moves a mentor's students on a mission (issue 12, item 4): some of them first, balanced automatically, then
// all the rest, each time from the preview of who goes where and each mentor's load; then unpairs one student.
// Screenshots of the dialog with its preview at 1280 and 360 px.
import path from 'node:path';
import { DEMO_ACCOUNTS } from '../../db/src/seeds/demo-accounts';
import { PHONE, SCREENSHOTS, WIDE, apiAs, expectNoHorizontalScroll, filterQuery, missionIdOf, openPage, screenshotsIn, signIn, useSystem } from './helpers';

jest.setTimeout(180_000);

const SRE = DEMO_ACCOUNTS.find((account) => account.role === 'sre')!;
const env = useSystem();
const { shot, shotDialog } = screenshotsIn(path.join(SCREENSHOTS, 'mentor-reassign'));

describe('moving a mentor’s students (SRE)', () => {
  let mission: number;
  let mentors: { mentor_id: number; mentor_name: string; load: number }[];
  let sre: Awaited<ReturnType<typeof apiAs>>;
  const pairingsOf = async (mentorId: number) =>
    (await sre.call<{ student_id: number }[]>('GET', `/mentor_pairings?${filterQuery({ mission_id: mission, mentor_id: mentorId })}&range=[0,999]`)).body;

  beforeAll(async () => {
    if (!env.browser) return;
    sre = await apiAs(env, SRE.email);
    mission = await missionIdOf(sre, 'DEMO-B02', 'M1');
    mentors = (await sre.call('GET', `/mission_mentors?${filterQuery({ mission_id: mission })}&sort=["mentor_name","ASC"]&range=[0,99]`)).body;
  });

  test('some students balanced, then all the rest, from the preview; then unpair one', async () => {
    if (!env.browser) return;
    const { page, problems } = await openPage(env, WIDE);
    await signIn(env, page, SRE.email);
    await page.goto(`${env.system!.backofficeUrl}/#/missions/${mission}/pairing`);
    const from = mentors[0];
    const own = await pairingsOf(from.mentor_id);
    expect(own.length).toBeGreaterThan(2);

    await page.getByRole('button', { name: `Move students of ${from.mentor_name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Move students of ${from.mentor_name}` });
    await dialog.getByLabel(`All ${own.length} students`).waitFor();
    await dialog.getByLabel('Choose students').check();
    const boxes = dialog.getByRole('group', { name: 'Students to move' }).getByRole('checkbox');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await dialog.getByRole('button', { name: 'Preview' }).click();
    const moves = dialog.getByRole('table', { name: 'Students and their new mentor' });
    await moves.waitFor();
    expect(await moves.locator('tbody tr').count()).toBe(2);
    const loads = dialog.getByRole('table', { name: 'Load per mentor before and after' });
    await loads.getByRole('row', { name: new RegExp(`^${from.mentor_name} ${own.length} ${own.length - 2}\\b`) }).waitFor();
    await shotDialog(page, 'move-some-preview-1280');
    await dialog.getByRole('button', { name: 'Confirm: move 2 students' }).click();
    await page.getByText(`Moved 2 students from ${from.mentor_name}. The students and their new mentors were emailed.`).waitFor();
    await dialog.waitFor({ state: 'hidden' });
    expect((await pairingsOf(from.mentor_id)).length).toBe(own.length - 2);

    // The rest, to one chosen mentor.
    await page.getByRole('button', { name: `Move students of ${from.mentor_name}` }).click();
    await dialog.getByLabel(`All ${own.length - 2} students`).waitFor();
    await dialog.getByRole('combobox', { name: 'Move to' }).click();
    await page.getByRole('option', { name: new RegExp(`^${mentors[1].mentor_name} \\(`) }).click();
    await dialog.getByLabel(`Then mark ${from.mentor_name} inactive on this mission (no new students)`).check();
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await moves.waitFor();
    expect(await moves.locator('tbody tr').count()).toBe(own.length - 2);
    expect(await moves.getByRole('cell', { name: mentors[1].mentor_name, exact: true }).count()).toBe(own.length - 2);
    await shotDialog(page, 'move-all-preview-1280');
    await dialog.getByRole('button', { name: `Confirm: move ${own.length - 2} students` }).click();
    await page.getByText(`Moved ${own.length - 2} students from ${from.mentor_name}.`, { exact: false }).waitFor();
    await page.getByText(`${from.mentor_name} is now inactive on this mission.`, { exact: false }).waitFor();
    expect(await pairingsOf(from.mentor_id)).toEqual([]);
    await page.getByRole('row', { name: new RegExp(`^${from.mentor_name} Inactive`) }).waitFor();
    expect(await page.getByRole('button', { name: `Move students of ${from.mentor_name}` }).isDisabled()).toBe(true);
    await shot(page, 'pairing-page-after-1280');

    // Unpair one of the moved students.
    const [moved] = await pairingsOf(mentors[1].mentor_id);
    await page.goto(`${env.system!.backofficeUrl}/#/mentor_pairings?${filterQuery({ mission_id: mission, mentor_id: mentors[1].mentor_id })}`);
    const before = (await pairingsOf(mentors[1].mentor_id)).length;
    await page.getByRole('button', { name: new RegExp(`^Unpair .+ from ${mentors[1].mentor_name}$`) }).first().click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    for (let tries = 0; (await pairingsOf(mentors[1].mentor_id)).length !== before - 1 && tries < 50; tries += 1) await page.waitForTimeout(200);
    expect({ left: (await pairingsOf(mentors[1].mentor_id)).length, problems }).toEqual({ left: before - 1, problems: [] });
    await shot(page, 'unpaired-1280');
    expect(moved).toBeDefined();
    expect(problems).toEqual([]);
  });

  test('the dialog and its preview fit a 360 px phone', async () => {
    if (!env.browser) return;
    const { page, problems } = await openPage(env, PHONE);
    await signIn(env, page, SRE.email);
    await page.goto(`${env.system!.backofficeUrl}/#/missions/${mission}/pairing`);
    const from = mentors[2];
    await page.getByRole('button', { name: `Move students of ${from.mentor_name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Move students of ${from.mentor_name}` });
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await dialog.getByRole('table', { name: 'Students and their new mentor' }).waitFor();
    await expectNoHorizontalScroll(page);
    const width = await dialog.evaluate((element) => element.scrollWidth <= element.clientWidth);
    expect(width).toBe(true);
    await shotDialog(page, 'move-preview-360');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expectNoHorizontalScroll(page);
    // The mentors table fits too: names, loads and the move button without scrolling sideways.
    const table = page.getByRole('table', { name: 'Mentors and their load' });
    expect(await table.evaluate((element) => element.parentElement!.scrollWidth <= element.parentElement!.clientWidth)).toBe(true);
    await shot(page, 'pairing-page-360');
    await page.goto(`${env.system!.backofficeUrl}/#/mentor_pairings`);
    await page.getByRole('button', { name: /^Unpair / }).first().waitFor();
    await expectNoHorizontalScroll(page);
    await shot(page, 'pairings-360');
    expect(problems).toEqual([]);
  });
});
