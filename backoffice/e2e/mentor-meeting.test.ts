// A mentor schedules a meeting that requires the check-in code, shows the rotating code full screen,
// and a student checks in with the digits on the screen; the mentor then corrects the attendance
// sheet by hand (mark present, remove).
import { DEMO_ACCOUNTS } from '../../db/src/seeds/demo-accounts';
import { PHONE, WIDE, apiAs, chooseOption, expectNoHorizontalScroll, filterQuery, openPage, screenshot, signIn, useSystem, wallTime } from './helpers';

jest.setTimeout(180_000);

const MENTOR = DEMO_ACCOUNTS.find((account) => account.role === 'mentor')!;
const STUDENT = DEMO_ACCOUNTS.find((account) => account.role === 'student')!;
const env = useSystem();

describe('meetings (mentor)', () => {
  test('schedule, show the code, a student checks in with it, hand corrections', async () => {
    if (!env.browser) return;
    const { page, problems } = await openPage(env, WIDE);
    await signIn(env, page, MENTOR.email);

    await page.getByRole('menuitem', { name: 'Meetings' }).click();
    await page.getByRole('link', { name: 'Schedule' }).click();
    await chooseOption(page, 'Mission', /^DEMO-B01 · M1/);
    await page.getByLabel('Title').fill('E2E weekly check-in');
    // Started two minutes ago, typed as a wall time in the mentor's profile zone (the input's zone, whatever the browser's).
    const startsAt = wallTime(Date.now() - 120_000);
    await page.getByLabel('Starts at').fill(startsAt);
    expect(await page.getByLabel('Students check in with the code shown in the meeting').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Attendance sheet' }).waitFor();
    const meetingId = Number(/meetings\/(\d+)\/show/.exec(page.url())![1]);

    // The code, big, with its countdown.
    await page.getByRole('link', { name: 'Show check-in code' }).click();
    const timer = page.getByRole('timer');
    await page.getByText(/^New code in \d+ s$/).waitFor();
    await page.getByText(/^Check-in is open until/).waitFor();
    let code = (await timer.innerText()).trim();
    expect(code).toMatch(/^\d{6}$/);
    await screenshot(page, 'meeting-code-1280');

    // The student types the code shown (read again if it just rotated).
    const student = await apiAs(env, STUDENT.email);
    let checkIn = await student.call('POST', `/meetings/${meetingId}/check-in`, { code });
    if (checkIn.status === 422) {
      code = (await timer.innerText()).trim();
      checkIn = await student.call('POST', `/meetings/${meetingId}/check-in`, { code });
    }
    expect(checkIn.status).toBe(201);

    await page.getByRole('button', { name: 'Close the check-in code' }).click();
    await page.getByRole('row', { name: new RegExp(STUDENT.name) }).getByText('Checked in with code').waitFor();

    // Hand correction: another of the mentor's students was there but could not check in.
    const mentor = await apiAs(env, MENTOR.email);
    const mine = await mentor.call<{ name: string; email: string }[]>('GET', `/students?${filterQuery({ mission_id: 1 })}&sort=["name","ASC"]&range=[0,0]`);
    const other = mine.body[0];
    await page.getByRole('combobox', { name: 'Student' }).fill(other.email);
    await page.getByRole('option', { name: `${other.name} <${other.email}>` }).click();
    await page.getByLabel('Note (optional)').fill('joined by phone');
    await page.getByRole('button', { name: 'Mark present' }).click();
    const row = page.getByRole('row', { name: new RegExp(other.name) });
    await row.getByText('Marked by staff').waitFor();
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'meeting-sheet-1280');

    await row.getByRole('button', { name: 'Remove' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await row.waitFor({ state: 'detached' });
    expect(problems).toEqual([]);
  });

  test('the code screen on a 360 px phone', async () => {
    if (!env.browser) return;
    const { page, problems } = await openPage(env, PHONE);
    await signIn(env, page, MENTOR.email);
    await page.goto(`${env.system!.backofficeUrl}/#/meetings`);
    await page.getByText('E2E weekly check-in').click();
    await page.getByRole('link', { name: 'Show check-in code' }).click();
    await page.getByText(/^New code in \d+ s$/).waitFor();
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'meeting-code-360');
    expect(problems).toEqual([]);
  });
});
