// Achievements on a phone without JavaScript: a mentor's shout-out, badges, and a
// completion certificate downloaded as a PDF through the portal; the same news on the Alerts page.
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

it('a student sees a shout-out and downloads their certificate', async () => {
  if (!env.browser) return;
  const { id: studentId, missions } = await demoStudent(env);
  const m1 = missions.M1;
  const mentor = await tokenFor(env, 'mentor@example.com');
  await callApi(env, mentor, 'POST', '/shoutouts', { student_id: studentId, mission_id: m1, badge: 'great_progress', message: 'Your flexbox page was lovely' });
  const sre = await tokenFor(env, 'sre@example.com');
  const [enrolment] = await callApi<{ id: number }[]>(env, sre, 'GET', `/mission_enrolments?filter=${encodeURIComponent(JSON.stringify({ mission_id: m1, student_id: studentId }))}`);
  await callApi(env, sre, 'PUT', `/mission_enrolments/${enrolment.id}`, { status: 'completed' });
  const issued = await callApi<{ issued: number }>(env, sre, 'POST', '/certificates/issue', { mission_id: m1, student_ids: [studentId] });
  expect(issued.issued).toBe(1);

  const context = await openContext(env, { javaScriptEnabled: false, viewport: PHONE });
  const { page, problems } = await newPage(context);
  await signIn(env, page);
  await openFromMore(page, 'Achievements', '/achievements');
  await page.getByText('Your flexbox page was lovely').waitFor();
  await expectNoHorizontalScroll(page);
  await screenshot(page, 'achievements-phone');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download certificate (PDF)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^certificate-[A-Z0-9]{12}\.pdf$/);
  expect((await readFile((await download.path())!)).subarray(0, 5).toString()).toBe('%PDF-');

  // The same news reaches the Alerts page, counted on "More" until marked seen.
  await page.reload();
  expect(await page.locator('.nav-more summary .nav-count').innerText()).toMatch(/^[1-9]/);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.locator('summary').click();
  await Promise.all([page.waitForURL('**/alerts'), nav.getByRole('link', { name: /^Alerts/ }).click()]);
  await page.getByText('Mahin Ahmed gave you a shout-out: Great Progress').waitFor();
  await page.getByText('Your certificate for Mission 1: Foundations is ready').waitFor();
  await screenshot(page, 'alerts-phone');
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Mark all as seen' }).click()]);
  expect(await page.locator('.alert-new').count()).toBe(0);
  expect(await page.locator('.nav-more summary .nav-count').count()).toBe(0);
  expect(problems).toEqual([]);
});
