// Browser tests of the student portal's engagement pages (dashboard, attendance,
// meetings, assignments, points) against the whole system, on a cheap phone's
// screen with JavaScript turned off, and on a desktop with it on.
// Screenshots land in portal/e2e/screenshots/ (git-ignored).
import type { Locator, Page } from 'playwright-core';

import {
  apiCall as callApi,
  clickAndLoad,
  expectNoHorizontalScroll,
  newPage,
  openContext as open,
  openFromMore,
  PHONE,
  screenshot,
  signIn as signInAs,
  tokenFor as tokenOf,
  useSystem,
  WIDE,
  DEMO_STUDENT,
} from './helpers';

jest.setTimeout(180_000);

const ALREADY_SUBMITTED = "You already submitted today's attendance for this mission.";

const env = useSystem();

/** Ids the API gave the demo data, and the meetings made for these tests. */
const demo = { studentId: 0, m1: 0, m2: 0, openMeeting: 0, codeMeeting: 0 };

const apiCall = <T>(token: string | null, method: string, route: string, body?: unknown) =>
  callApi<T>(env, token, method, route, body);
const tokenFor = (email: string) => tokenOf(env, email);
const openContext = (options: { javaScriptEnabled: boolean; viewport: { width: number; height: number } }) =>
  open(env, options);

/**
 * Data for the pages, made through the API as staff would: three assignments of M1
 * (one recorded on time, one missed, one due next week) and two meetings open now
 * (one asks for a check-in code) plus one tomorrow.
 */
async function createEngagementData() {
  const studentToken = await tokenFor(DEMO_STUDENT.email);
  const dashboard = await apiCall<{ student: { id: number }; missions: { mission_id: number; code: string }[] }>(
    studentToken,
    'GET',
    '/me/dashboard',
  );
  demo.studentId = dashboard.student.id;
  demo.m1 = dashboard.missions.find((mission) => mission.code === 'M1')!.mission_id;
  demo.m2 = dashboard.missions.find((mission) => mission.code === 'M2')!.mission_id;

  const sre = await tokenFor('sre@example.com');
  const day = 24 * 60 * 60 * 1000;
  const onTime = await apiCall<{ id: number }>(sre, 'POST', '/assignments', {
    mission_id: demo.m1,
    number: 1,
    title: 'A page in plain HTML',
    deadline: new Date(Date.now() - 3 * day).toISOString(),
  });
  await apiCall(sre, 'POST', '/assignments', {
    mission_id: demo.m1,
    number: 2,
    title: 'Forms that work',
    deadline: new Date(Date.now() - 6 * 60 * 60 * 1000).toISOString(),
  });
  await apiCall(sre, 'POST', '/assignments', {
    mission_id: demo.m1,
    number: 3,
    title: 'Accessibility audit',
    deadline: new Date(Date.now() + 7 * day).toISOString(),
  });
  await apiCall(sre, 'POST', '/submissions', {
    assignment_id: onTime.id,
    student_id: demo.studentId,
    submitted_at: new Date(Date.now() - 4 * day).toISOString(),
  });

  const mentor = await tokenFor('mentor@example.com');
  const startedAt = new Date(Date.now() - 5 * 60 * 1000).toISOString();
  demo.openMeeting = (
    await apiCall<{ id: number }>(mentor, 'POST', '/meetings', {
      mission_id: demo.m2,
      title: 'Web basics Q&A',
      starts_at: startedAt,
      duration_minutes: 120,
      requires_code: false,
    })
  ).id;
  demo.codeMeeting = (
    await apiCall<{ id: number }>(mentor, 'POST', '/meetings', {
      mission_id: demo.m1,
      title: 'Weekly check-in',
      starts_at: startedAt,
      duration_minutes: 120,
      requires_code: true,
    })
  ).id;
  await apiCall(mentor, 'POST', '/meetings', {
    mission_id: demo.m1,
    title: 'Code review',
    starts_at: new Date(Date.now() + day).toISOString(),
    duration_minutes: 60,
  });
}

beforeAll(async () => {
  if (env.browser) await createEngagementData();
});

async function signIn(page: Page) {
  await signInAs(env, page);
  await page.getByRole('heading', { name: `Welcome, ${DEMO_STUDENT.name}` }).waitFor();
}

/** The card of a mission on the dashboard or the attendance page (a region named after it). */
const missionCard = (page: Page, code: string) => page.getByRole('region', { name: new RegExp(`^${code} · `) });

/** "Points 15 …", "Streak 1 day": the number after a label in a mission card's figures. */
async function figure(card: Locator, label: 'Points' | 'Streak'): Promise<number> {
  const text = await card.locator('.stats').innerText();
  const match = new RegExp(`${label}\\s+(\\d+)`).exec(text);
  if (!match) throw new Error(`No ${label} figure in: ${text}`);
  return Number(match[1]);
}

describe('student engagement pages', () => {
  it('submits today’s attendance from the dashboard on a 360 px phone with JavaScript disabled', async () => {
    if (!env.browser) return;
    const context = await openContext({ javaScriptEnabled: false, viewport: PHONE });
    const { page } = await newPage(context);
    await signIn(page);

    // Both demo missions are active: each has the one-tap form with the optional note.
    const m1 = missionCard(page, 'M1');
    await m1.getByText('Not submitted yet today').waitFor();
    await missionCard(page, 'M2').getByRole('button', { name: /Submit today's attendance/ }).waitFor();
    const pointsBefore = await figure(m1, 'Points');
    expect(await figure(m1, 'Streak')).toBe(0);
    await expectNoHorizontalScroll(page);

    // A second tab keeps the form open, as a student double-submitting would.
    const { page: otherTab } = await newPage(context);
    await otherTab.goto(`${env.system!.portalUrl}/dashboard`);

    await m1.getByLabel('What did you do today? (optional)').fill('Finished the flexbox exercises.');
    await clickAndLoad(page, m1.getByRole('button', { name: /Submit today's attendance/ }));

    // Counted: submitted today, a streak of 1, one more point.
    await m1.getByText(/Attendance recorded for today/).waitFor();
    await m1.locator('.status-done', { hasText: 'Submitted today' }).waitFor();
    expect(await m1.getByRole('button', { name: /Submit today's attendance/ }).count()).toBe(0);
    expect(await figure(m1, 'Streak')).toBe(1);
    expect(await figure(m1, 'Points')).toBe(pointsBefore + 1);
    await screenshot(page, 'engagement-dashboard-360');

    // The second submission is refused with the API's sentence.
    const otherM1 = missionCard(otherTab, 'M1');
    await clickAndLoad(otherTab, otherM1.getByRole('button', { name: /Submit today's attendance/ }));
    await otherM1.getByRole('alert').filter({ hasText: ALREADY_SUBMITTED }).waitFor();
    await otherM1.locator('.status-done', { hasText: 'Submitted today' }).waitFor();
    expect(await figure(otherM1, 'Points')).toBe(pointsBefore + 1);

    // The points page lists the award, and the awards add up to the total.
    await clickAndLoad(page, page.getByRole('link', { name: 'Points', exact: true }));
    expect(new URL(page.url()).pathname).toBe('/points');
    const m1Points = page.getByRole('region', { name: /^M1 · / });
    await m1Points.getByRole('row', { name: /Daily attendance on \d{4}-\d{2}-\d{2}\s+\+1/ }).waitFor();
    const amounts = await m1Points.locator('table.ledger tbody td.num').allInnerTexts();
    const listed = amounts.reduce((sum, text) => sum + Number(text.replace('−', '-').replace('+', '')), 0);
    expect(listed).toBe(pointsBefore + 1);
    expect(await m1Points.locator('table.ledger tfoot td.num').last().innerText()).toBe(String(pointsBefore + 1));
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'engagement-points-360');

    // Attendance: M1 shows "Submitted today" and the streak; the calendar marks today.
    await clickAndLoad(page, page.getByRole('link', { name: 'Attendance', exact: true }));
    await missionCard(page, 'M1').locator('.status-done', { hasText: 'Submitted today' }).waitFor();
    await missionCard(page, 'M1').getByText('1 day', { exact: true }).waitFor();
    await page.locator('td[aria-current="date"]').filter({ hasText: 'M1' }).waitFor();
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'engagement-attendance-360');

    // Assignments: on time, missing and still due, each said in words.
    await clickAndLoad(page, page.getByRole('link', { name: 'Assignments', exact: true }));
    const assignments = page.getByRole('region', { name: /^M1 · / });
    await assignments.getByText('Submitted on time').waitFor();
    await assignments.getByText('Missing', { exact: true }).waitFor();
    await assignments.getByText('Not submitted yet').waitFor();
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'engagement-assignments-360');
  });

  it('checks in to meetings without JavaScript, showing the API’s message for a wrong code', async () => {
    if (!env.browser) return;
    const context = await openContext({ javaScriptEnabled: false, viewport: PHONE });
    const { page } = await newPage(context);
    await signIn(page);
    await clickAndLoad(page, page.getByRole('link', { name: 'Meetings', exact: true }));

    const withCode = page.locator(`#meeting-${demo.codeMeeting}`);
    await withCode.getByLabel('Check-in code').fill('000000');
    await clickAndLoad(page, withCode.getByRole('button', { name: /Check in/ }));
    await page
      .locator(`#meeting-${demo.codeMeeting}`)
      .getByRole('alert')
      .filter({ hasText: 'That check-in code is wrong or has expired.' })
      .waitFor();
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'engagement-meetings-360');

    const open = page.locator(`#meeting-${demo.openMeeting}`);
    await clickAndLoad(page, open.getByRole('button', { name: /Check in/ }));
    await page.locator(`#meeting-${demo.openMeeting}`).getByText('You are checked in to “Web basics Q&A”.').waitFor();
    expect(await page.locator(`#meeting-${demo.openMeeting}`).getByRole('button').count()).toBe(0);

    // The dashboard says so too, and the meeting's points are in the ledger.
    await clickAndLoad(page, page.getByRole('link', { name: 'Dashboard', exact: true }));
    await page.getByRole('region', { name: 'Upcoming meetings' }).getByText('Checked in').waitFor();
    await clickAndLoad(page, page.getByRole('link', { name: 'Points', exact: true }));
    await page
      .getByRole('region', { name: /^M2 · / })
      .getByRole('row', { name: /Attended meeting “Web basics Q&A”/ })
      .waitFor();
  });

  it('shows the same pages on a desktop with JavaScript, without console errors', async () => {
    if (!env.browser) return;
    const context = await openContext({ javaScriptEnabled: true, viewport: WIDE });
    const { page, problems } = await newPage(context);
    await signIn(page);
    await missionCard(page, 'M1').locator('.status-done', { hasText: 'Submitted today' }).waitFor();
    await screenshot(page, 'engagement-dashboard-1280');

    for (const [link, name] of [
      ['Attendance', 'engagement-attendance-1280'],
      ['Assignments', 'engagement-assignments-1280'],
      ['Points', 'engagement-points-1280'],
      ['Meetings', 'engagement-meetings-1280'],
      ['Missions', 'engagement-missions-1280'],
    ] as const) {
      if (link === 'Missions') {
        await openFromMore(page, link, '/missions'); // the less used pages sit behind "More"
      } else {
        await page.getByRole('link', { name: link, exact: true }).click();
        await page.waitForURL(`**/${link.toLowerCase()}`);
      }
      await page.getByRole('heading', { level: 1, name: link }).waitFor();
      await screenshot(page, name);
    }
    // Missions: my mentor, with contact details from the dashboard.
    await page.getByRole('link', { name: 'mentor@example.com' }).first().waitFor();

    // With JavaScript too: M2's form goes through, and a stale second tab gets the
    // API's refusal and, with it, the refreshed card.
    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    await page.waitForURL('**/dashboard');
    const { page: otherTab } = await newPage(context);
    await otherTab.goto(`${env.system!.portalUrl}/dashboard`);
    const m2 = missionCard(page, 'M2');
    await m2.getByRole('button', { name: /Submit today's attendance/ }).click();
    await m2.getByText(/Attendance recorded for today/).waitFor();
    expect(await figure(m2, 'Streak')).toBe(1);

    const otherM2 = missionCard(otherTab, 'M2');
    await otherM2.getByRole('button', { name: /Submit today's attendance/ }).click();
    await otherM2.getByRole('alert').filter({ hasText: ALREADY_SUBMITTED }).waitFor();
    await otherM2.locator('.status-done', { hasText: 'Submitted today' }).waitFor();
    expect(await figure(otherM2, 'Streak')).toBe(1);

    expect(problems).toEqual([]);
  });

  it('shows a banned student only their standing: every other page redirects there', async () => {
    if (!env.browser) return;
    const email = 'demo.student.b1.2@example.org';
    const reason = 'Copied the solution of Assignment 1 (integrity case 14).';
    const sre = await tokenFor('sre@example.com');
    const [student] = await apiCall<{ id: number }[]>(
      sre,
      'GET',
      `/students?filter=${encodeURIComponent(JSON.stringify({ q: email }))}`,
    );
    await apiCall(sre, 'PUT', `/students/${student.id}`, { status: 'banned', status_reason: reason });

    const context = await openContext({ javaScriptEnabled: false, viewport: PHONE });
    const { page } = await newPage(context);
    await signInAs(env, page, email, '/standing');
    await page.getByRole('heading', { name: 'Your account is banned' }).waitFor();
    await page.getByText(reason).waitFor();
    expect(await page.getByRole('heading', { name: 'Your missions' }).count()).toBe(0);
    await screenshot(page, 'engagement-banned-360');

    // Every engagement page sends them back to their standing, without its forms and data.
    for (const route of ['/dashboard', '/attendance', '/meetings', '/assignments', '/points', '/missions', '/profile']) {
      await page.goto(env.system!.portalUrl + route);
      expect(new URL(page.url()).pathname).toBe('/standing');
      await page.getByRole('heading', { name: 'Your account is banned' }).waitFor();
      expect(await page.getByRole('button', { name: /Submit today's attendance/ }).count()).toBe(0);
    }
  });
});
