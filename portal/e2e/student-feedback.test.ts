// After a meeting: a student rates it on a phone without JavaScript; the mission's
// guidelines show on the missions page.
import {
  apiCall as callApi,
  clickAndLoad,
  expectNoHorizontalScroll,
  newPage,
  openContext,
  openFromMore,
  PHONE,
  screenshot,
  signIn,
  tokenFor,
  useSystem,
  demoStudent,
} from './helpers';

jest.setTimeout(180_000);

const env = useSystem();

it('a student rates a meeting they attended and reads their mission guidelines', async () => {
  if (!env.browser) return;
  const { token: student, missions } = await demoStudent(env);
  const m1 = missions.M1;
  const mentor = await tokenFor(env, 'mentor@example.com');
  const meeting = await callApi<{ id: number }>(env, mentor, 'POST', '/meetings', {
    mission_id: m1,
    title: 'Feedback sync',
    starts_at: new Date(Date.now() - 20 * 60_000).toISOString(),
    duration_minutes: 60,
  });
  await callApi(env, student, 'POST', `/meetings/${meeting.id}/check-in`, {});
  const manager = await tokenFor(env, 'manager@example.com');
  await callApi(env, manager, 'PUT', `/missions/${m1}`, { guidelines_md: '- Submit **every day**\n- Never share answers' });

  const context = await openContext(env, { javaScriptEnabled: false, viewport: PHONE });
  const { page, problems } = await newPage(context);
  await signIn(env, page);
  await page.goto(`${env.system!.portalUrl}/meetings`);
  const card = page.locator(`#meeting-${meeting.id}`);
  await card.getByText('Rate this meeting').click();
  await clickAndLoad(page, card.getByRole('button', { name: 'Send rating' }));
  await page.getByText('Choose 1 to 5 stars.').first().waitFor();
  await screenshot(page, 'meeting-rate-error-phone');
  const again = page.locator(`#meeting-${meeting.id}`);
  await again.getByLabel(/★★★★☆/).check();
  await again.getByLabel('Anything to add? (optional)').fill('Clear examples');
  await clickAndLoad(page, again.getByRole('button', { name: 'Send rating' }));
  await page.getByText('Thank you: your rating is sent.').waitFor();
  await page.getByText('You rated it 4 of 5').waitFor();
  await expectNoHorizontalScroll(page);
  await screenshot(page, 'meeting-rated-phone');

  await openFromMore(page, 'Missions', '/missions');
  await page.getByRole('heading', { name: 'Guidelines' }).first().waitFor();
  expect(await page.locator('.guidelines strong').first().innerText()).toBe('every day');
  // The refused rating answered 422 on purpose; nothing else may complain.
  expect(problems.filter((problem) => !problem.includes('status of 422'))).toEqual([]);
});
