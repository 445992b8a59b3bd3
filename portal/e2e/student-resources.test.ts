// Mission resources in the portal: a mentor's link and file appear on the student's
// missions page (phone, no JavaScript) and the file downloads through the portal.
import { readFile } from 'node:fs/promises';

import {
  apiCall as callApi,
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

it('a student finds a link and downloads a file their mentor added', async () => {
  if (!env.browser) return;
  const { missions } = await demoStudent(env);
  const m1 = missions.M1;
  const mentor = await tokenFor(env, 'mentor@example.com');
  await callApi(env, mentor, 'POST', '/mission_resources', { mission_id: m1, title: 'Flexbox guide', url: 'https://developer.mozilla.org/' });
  const upload = await fetch(`${env.system!.apiUrl}/mission_resources/upload?mission_id=${m1}&title=Week%201%20slides`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${mentor}`, 'Content-Type': 'application/pdf', 'X-File-Name': 'week-1.pdf' },
    body: '%PDF-1.4 week one',
  });
  expect(upload.status).toBe(201);

  const context = await openContext(env, { javaScriptEnabled: false, viewport: PHONE });
  const { page, problems } = await newPage(context);
  await signIn(env, page);
  await openFromMore(page, 'Missions', '/missions');
  await expectNoHorizontalScroll(page);
  await page.getByRole('link', { name: 'Flexbox guide' }).first().waitFor();
  await screenshot(page, 'missions-resources-phone');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Week 1 slides' }).first().click()]);
  expect(download.suggestedFilename()).toBe('week-1.pdf');
  expect(await readFile((await download.path())!, 'utf8')).toBe('%PDF-1.4 week one');
  expect(problems).toEqual([]);
});
