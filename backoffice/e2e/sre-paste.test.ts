// An SRE pastes the list of students who submitted an assignment (copied from the main platform,
// messy): the preview shows new / unknown / duplicate counts, recording applies them, and pasting
// the same list again records nothing new. Screenshots of the paste screen at 1280 and 360 px.
import { DEMO_ACCOUNTS } from '../../db/src/seeds/demo-accounts';
import { PHONE, WIDE, apiAs, expectNoHorizontalScroll, filterQuery, missionIdOf, openPage, screenshot, signIn, useSystem } from './helpers';

jest.setTimeout(180_000);

const SRE = DEMO_ACCOUNTS.find((account) => account.role === 'sre')!;
const env = useSystem();

describe('pasting a list of submitters (SRE)', () => {
  let assignmentId: number;
  let text: string;

  beforeAll(async () => {
    if (!env.browser) return;
    const sre = await apiAs(env, SRE.email);
    const m1 = await missionIdOf(sre, 'DEMO-B01', 'M1');
    // Due on the mission's last day (an assignment is due within its mission), still ahead: on time.
    const mission = await sre.call<{ ends_on: string }>('GET', `/missions/${m1}`);
    const deadline = `${mission.body.ends_on}T23:59`;
    const created = await sre.call<{ id: number; deadline_local: string }>('POST', '/assignments', {
      mission_id: m1,
      number: 7,
      title: 'E2E: responsive landing page',
      deadline_local: deadline,
    });
    expect(created.status).toBe(201);
    expect(created.body.deadline_local).toBe(deadline);
    assignmentId = created.body.id;

    // Three real students of the mission, in the shapes a copied list comes in, one of them twice
    // (upper case), and an address nobody has.
    const students = await sre.call<{ name: string; email: string }[]>('GET', `/students?${filterQuery({ mission_id: m1 })}&range=[0,2]&sort=["name","ASC"]`);
    const [a, b, c] = students.body;
    text = [`${a.name} <${a.email}>, ${b.email}`, `"${c.name}" <${c.email}>; ghost.e2e@nowhere.test`, `${a.email.toUpperCase()}`].join('\n');
  });

  test('preview, record, then the same list again records nothing new', async () => {
    if (!env.browser) return;
    const { page, problems } = await openPage(env, WIDE);
    await signIn(env, page, SRE.email);

    // From the menu to the assignment, then its paste screen (the first tab for an SRE).
    await page.getByRole('menuitem', { name: 'Assignments', exact: true }).click();
    await page.getByRole('cell', { name: 'E2E: responsive landing page' }).click();
    await page.getByRole('tab', { name: 'Paste a list' }).waitFor();
    await page.getByLabel('Emails of students who submitted').fill(text);
    await page.getByRole('button', { name: 'Preview' }).click();

    const preview = page.getByRole('region', { name: 'Preview of the pasted list' });
    await preview.getByText('New: 3').waitFor();
    for (const chip of ['Emails found: 4', 'Unknown: 1', 'Duplicates: 1', 'Already recorded: 0', 'Not enrolled: 0']) {
      expect(await preview.getByText(chip, { exact: true }).isVisible()).toBe(true);
    }
    expect(await preview.getByText(/will count as on time/).isVisible()).toBe(true);
    expect(await preview.getByText('ghost.e2e@nowhere.test').isVisible()).toBe(true);
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'paste-preview-1280');

    await page.getByRole('button', { name: 'Record 3 submissions' }).click();
    const recorded = page.getByRole('region', { name: 'Recorded' });
    await recorded.getByText('Recorded 3 submissions as on time.').waitFor();
    expect(await recorded.getByText('Recorded: 3', { exact: true }).isVisible()).toBe(true);
    expect(await recorded.getByText('Unknown: 1', { exact: true }).isVisible()).toBe(true);
    expect(await recorded.getByRole('button', { name: 'Download unmatched' }).isVisible()).toBe(true);
    // The counts on the page follow.
    await page.getByRole('tab', { name: 'Submissions (3)' }).waitFor();
    await screenshot(page, 'paste-recorded-1280');

    // The same list again: nothing new.
    await page.getByRole('button', { name: 'Preview' }).click();
    await preview.getByText('New: 0').waitFor();
    expect(await preview.getByText('Already recorded: 3', { exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: /^Record/ }).isDisabled()).toBe(true);

    // The paste history keeps the list with its counts; the submissions are on time.
    await page.getByRole('tab', { name: 'Paste history' }).click();
    await page.getByRole('button', { name: 'Download unmatched' }).waitFor();
    await page.getByRole('tab', { name: 'Submissions (3)' }).click();
    await page.locator('tbody tr').nth(2).getByText('On time', { exact: true }).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(3);

    expect(problems).toEqual([]);
  });

  test('the paste screen on a 360 px phone', async () => {
    if (!env.browser) return;
    const { page, problems } = await openPage(env, PHONE);
    await signIn(env, page, SRE.email);
    await page.goto(`${env.system!.backofficeUrl}/#/assignments/${assignmentId}/show`);
    await page.getByLabel('Emails of students who submitted').fill(`${text}\nanother.ghost@nowhere.test`);
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByText('New: 0').waitFor();
    expect(await page.getByText('Unknown: 2', { exact: true }).isVisible()).toBe(true);
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'paste-preview-360');
    expect(problems).toEqual([]);
  });
});
