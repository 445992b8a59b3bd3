// An SRE opens an integrity case for the demo student in the back office and bans them; the student
// (through the API, as the portal would) is then refused everything but their standing, and appeals;
// the SRE accepts the appeal from the queue and the student's access comes back.
// Screenshots of the case page at 1280 and 360 px.
import { DEMO_ACCOUNTS } from '../../db/src/seeds/demo-accounts';
import { PHONE, WIDE, apiAs, expectNoHorizontalScroll, openPage, screenshot, signIn, useSystem } from './helpers';

jest.setTimeout(180_000);

const SRE = DEMO_ACCOUNTS.find((account) => account.role === 'sre')!;
const STUDENT = DEMO_ACCOUNTS.find((account) => account.role === 'student')!;
const MENTOR = DEMO_ACCOUNTS.find((account) => account.role === 'mentor')!;
const env = useSystem();

const BAN_REASON = 'Submitted a copy of another student’s project for assignment 3 (second offence).';

describe('ban and appeal', () => {
  let caseUrl = '';

  test('the SRE opens a case and bans the student; the student is suspended and appeals', async () => {
    if (!env.browser) return;
    const { page, problems } = await openPage(env, WIDE);
    await signIn(env, page, SRE.email);

    // Open the case through the form.
    await page.getByRole('menuitem', { name: 'Integrity cases' }).click();
    await page.getByRole('link', { name: 'Open a case' }).click();
    await page.getByRole('combobox', { name: 'Student' }).fill('student@example.com');
    await page.getByRole('option', { name: `${STUDENT.name} <${STUDENT.email}>` }).click();
    await page.getByRole('radio', { name: 'Plagiarism' }).check();
    await page.getByLabel('What happened').fill('Assignment 3 matches another student’s repository line for line, including comments.');
    await page.getByRole('button', { name: 'Add a link' }).click();
    await page.getByRole('textbox', { name: 'Link' }).fill('https://evidence.example.org/diff/assignment-3');
    await page.getByRole('button', { name: 'Save' }).click();

    // The case page: no action yet; the SRE bans the student.
    await page.getByText('No action taken on this case.').waitFor();
    caseUrl = page.url();
    const caseId = Number(/integrity_cases\/(\d+)\/show/.exec(caseUrl)![1]);
    await page.getByRole('radio', { name: 'Ban' }).check();
    await page.getByText('Signs the student out everywhere').waitFor();
    await page.getByLabel('Reason').fill(BAN_REASON);
    await page.getByRole('button', { name: 'Ban the student' }).click();
    const actions = page.getByRole('list', { name: 'Actions on the case' });
    await actions.getByText(BAN_REASON).waitFor();
    await actions.getByText('In force, no end').waitFor();
    expect(await actions.getByRole('button', { name: 'Lift' }).isVisible()).toBe(true);
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'case-banned-1280');

    // The student can still sign in, but only to read why and appeal.
    const student = await apiAs(env, STUDENT.email);
    const refused = await student.call('GET', '/me/dashboard');
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('ACCOUNT_SUSPENDED');
    const appeal = await student.call('POST', '/appeals', {
      case_id: caseId,
      statement: 'The similar parts come from the starter template every student was given. My commit history shows my own work.',
      link: 'https://git.example.org/sakib/assignment-3/commits',
    });
    expect(appeal.status).toBe(201);

    // The student's mentor sees the case and its history, but no action, lift or appeal controls.
    const mentorView = await openPage(env, WIDE);
    await signIn(env, mentorView.page, MENTOR.email);
    await mentorView.page.goto(caseUrl);
    await mentorView.page.getByRole('list', { name: 'Actions on the case' }).getByText(BAN_REASON).waitFor();
    expect(await mentorView.page.getByRole('heading', { name: 'Take an action' }).count()).toBe(0);
    expect(await mentorView.page.getByRole('button', { name: 'Lift' }).count()).toBe(0);
    expect(await mentorView.page.getByRole('button', { name: 'Close case' }).count()).toBe(0);
    expect(await mentorView.page.getByRole('heading', { name: 'Appeals' }).count()).toBe(0);
    expect(mentorView.problems).toEqual([]);

    // The case shows the open appeal.
    await page.reload();
    await page.getByRole('heading', { name: 'Appeals' }).waitFor();
    await page.getByRole('cell', { name: /starter template/ }).waitFor();
    expect(problems).toEqual([]);
  });

  test('the SRE accepts the appeal from the queue; the student has access again', async () => {
    if (!env.browser) return;
    const { page, problems } = await openPage(env, WIDE);
    await signIn(env, page, SRE.email);

    // The queue lists open appeals by default.
    await page.getByRole('menuitem', { name: 'Appeals' }).click();
    await page.getByRole('cell', { name: /starter template/ }).click();
    await page.getByText('The student\'s statement').waitFor();
    await page.getByLabel(/Note for the student/).fill('Your commit history shows the work is your own. The ban is lifted.');
    await page.getByRole('button', { name: 'Accept appeal' }).click();
    await page.getByText('Appeal accepted: the case is closed and access restored.').waitFor();
    await page.getByText(/^Accepted by Sadia Islam/).waitFor();
    expect(await page.getByRole('button', { name: 'Accept appeal' }).count()).toBe(0);

    const student = await apiAs(env, STUDENT.email);
    expect((await student.call('GET', '/me/dashboard')).status).toBe(200);

    // The case now shows the ban lifted and the case closed.
    await page.goto(caseUrl);
    await page.getByText(/^Lifted .* by Sadia Islam: Appeal accepted/).waitFor();
    expect(await page.getByRole('button', { name: 'Reopen case' }).isVisible()).toBe(true);
    await screenshot(page, 'case-appeal-accepted-1280');
    expect(problems).toEqual([]);
  });

  test('the case page on a 360 px phone', async () => {
    if (!env.browser) return;
    const { page, problems } = await openPage(env, PHONE);
    await signIn(env, page, SRE.email);
    await page.goto(caseUrl);
    await page.getByRole('list', { name: 'Actions on the case' }).getByText(BAN_REASON).waitFor();
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'case-360');
    expect(problems).toEqual([]);
  });
});
