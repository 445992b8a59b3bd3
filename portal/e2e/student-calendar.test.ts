// The calendar page on a cheap phone with JavaScript off: meetings and deadlines by day,
// then a private iCal link that a calendar app can fetch without signing in.
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
  WIDE,
  demoStudent,
} from './helpers';

jest.setTimeout(180_000);

const env = useSystem();

beforeAll(async () => {
  if (!env.browser) return;
  const { missions } = await demoStudent(env);
  const m1 = missions.M1;
  const sre = await tokenFor(env, 'sre@example.com');
  await callApi(env, sre, 'POST', '/assignments', {
    mission_id: m1,
    number: 12,
    title: 'Calendar homework',
    deadline: new Date(Date.now() + 3 * 86_400_000).toISOString(),
  });
  const mentor = await tokenFor(env, 'mentor@example.com');
  await callApi(env, mentor, 'POST', '/meetings', {
    mission_id: m1,
    title: 'Calendar sync',
    starts_at: new Date(Date.now() + 2 * 86_400_000).toISOString(),
    duration_minutes: 45,
  });
});

it('a student reads their calendar on a phone without JavaScript and gets a working calendar link', async () => {
  if (!env.browser) return;
  const context = await openContext(env, { javaScriptEnabled: false, viewport: PHONE });
  const { page, problems } = await newPage(context);
  await signIn(env, page);
  await openFromMore(page, 'Calendar', '/calendar');
  await expectNoHorizontalScroll(page);
  const today = page.locator('.calendar-today');
  await today.waitFor();
  await page.getByText('Calendar sync').waitFor();
  await page.getByText('Due: #12 Calendar homework').waitFor();
  await screenshot(page, 'calendar-phone');

  await clickAndLoad(page, page.getByRole('button', { name: 'Get my calendar link' }));
  await page.getByText('Here is your private calendar link.').waitFor();
  const url = await page.locator('#feed-url').inputValue();
  const feed = await fetch(url);
  expect(feed.status).toBe(200);
  const ics = await feed.text();
  expect(ics).toContain('SUMMARY:Calendar sync');
  expect(ics).toContain('Calendar homework');
  await screenshot(page, 'calendar-phone-link');

  await clickAndLoad(page, page.getByRole('button', { name: 'Turn the link off' }));
  await page.getByText('Your calendar link is turned off.').waitFor();
  expect((await fetch(url)).status).toBe(404);
  await context.close();

  const wide = await openContext(env, { javaScriptEnabled: true, viewport: WIDE });
  const { page: desktop, problems: desktopProblems } = await newPage(wide);
  await signIn(env, desktop);
  await desktop.goto(`${env.system!.portalUrl}/calendar`);
  await desktop.getByText('Calendar sync').waitFor();
  await screenshot(desktop, 'calendar-desktop');
  expect([...problems, ...desktopProblems]).toEqual([]);
  await wide.close();
});
