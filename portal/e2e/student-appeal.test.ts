// Browser test of a ban and its appeal: an SRE bans the demo student through the API; the
// student (360 px phone, JavaScript off) signs in to find only their standing, reads why and
// appeals; the SRE accepts the appeal through the API and the student is back in the portal,
// the standing page keeping the decision and its note.
import {
  apiCall,
  clickAndLoad,
  DEMO_STUDENT,
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
} from './helpers';

jest.setTimeout(180_000);

const env = useSystem();

const STATEMENT = 'I wrote this project myself; my commit history shows every step since the first week.';
const EVIDENCE = 'https://github.com/sakib/portfolio/commits/main';

describe('a banned student appeals', () => {
  it('sees only the standing page, appeals, and is back once the SRE accepts', async () => {
    if (!env.browser) return;
    const sre = await tokenFor(env, 'sre@example.com');
    const [student] = await apiCall<{ id: number; email: string }[]>(
      env,
      sre,
      'GET',
      `/students?filter=${encodeURIComponent(JSON.stringify({ q: DEMO_STUDENT.email }))}`,
    );
    expect(student.email).toBe(DEMO_STUDENT.email);
    const kase = await apiCall<{ id: number }>(env, sre, 'POST', '/integrity_cases', {
      student_id: student.id,
      kind: 'plagiarism',
      description: 'Project 2 matches another student’s submission line for line.',
    });
    await apiCall(env, sre, 'POST', '/integrity_actions', { case_id: kase.id, action: 'ban', reason: 'Copied project' });

    // Signing in lands on the standing page: why, and the appeal form.
    const context = await openContext(env, { javaScriptEnabled: false, viewport: PHONE });
    const { page } = await newPage(context);
    await signIn(env, page, DEMO_STUDENT.email, '/standing');
    await page.getByRole('heading', { level: 1, name: 'Your standing' }).waitFor();
    await page.getByRole('heading', { name: 'Your account is banned' }).waitFor();
    await page.locator('.standing').getByText('Copied project').waitFor();
    const caseCard = page.locator(`#case-${kase.id}`);
    await caseCard.getByRole('heading', { name: 'Plagiarism case' }).waitFor();
    await caseCard.getByText('Ban', { exact: true }).waitFor();
    await caseCard.getByText('In force').waitFor();
    await caseCard.getByText('No end date: until it is lifted').waitFor();

    // The nav shrinks to the standing page and signing out.
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['Standing']);
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'standing-banned-360');

    // Any other page sends them back here.
    for (const route of ['/dashboard', '/notices', '/tickets/new', '/ideas', '/profile']) {
      await page.goto(env.system!.portalUrl + route);
      expect(new URL(page.url()).pathname).toBe('/standing');
    }

    // The appeal, with a link to the evidence.
    await caseCard.getByLabel('Your statement').fill(STATEMENT);
    await caseCard.getByLabel('Link to evidence (optional)').fill(EVIDENCE);
    await clickAndLoad(page, caseCard.getByRole('button', { name: 'Send appeal' }));
    const sent = page.locator(`#case-${kase.id}`);
    await sent.getByText('Your appeal is sent.').waitFor();
    await sent.getByText(STATEMENT).waitFor();
    await sent.getByText('Under review', { exact: true }).waitFor();
    await sent.getByRole('link', { name: EVIDENCE }).waitFor();
    expect(await sent.getByRole('button', { name: 'Send appeal' }).count()).toBe(0);
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'standing-appealed-360');

    // The SRE accepts it.
    const [appeal] = await apiCall<{ id: number; statement: string }[]>(
      env,
      sre,
      'GET',
      `/appeals?filter=${encodeURIComponent(JSON.stringify({ case_id: kase.id }))}`,
    );
    expect(appeal.statement).toBe(STATEMENT);
    await apiCall(env, sre, 'POST', `/appeals/${appeal.id}/decide`, { decision: 'accept', note: 'Original work confirmed' });

    // Reloaded, the standing page says the account is fine again and points back to the dashboard.
    await page.reload();
    await page.getByRole('heading', { name: 'Your account is in good standing' }).waitFor();
    await clickAndLoad(page, page.getByRole('link', { name: 'Go to your dashboard' }));
    expect(new URL(page.url()).pathname).toBe('/dashboard');
    await page.getByRole('heading', { name: `Welcome, ${DEMO_STUDENT.name}` }).waitFor();
    await page.getByRole('heading', { name: 'Your missions' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Dashboard', exact: true }).count()).toBe(1);

    // The standing page keeps the case: the ban lifted, the appeal accepted with its note.
    await openFromMore(page, 'Standing', '/standing');
    const restored = page.locator(`#case-${kase.id}`);
    await restored.getByText('Accepted', { exact: true }).waitFor();
    await restored.getByText('Original work confirmed', { exact: true }).waitFor();
    await restored.getByText('Lifted', { exact: true }).waitFor();
    expect(await restored.getByRole('button', { name: 'Send appeal' }).count()).toBe(0);
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'standing-restored-360');
  });

  it('shows the standing page on a desktop with JavaScript, without console errors', async () => {
    if (!env.browser) return;
    const context = await openContext(env, { javaScriptEnabled: true, viewport: WIDE });
    const { page, problems } = await newPage(context);
    await signIn(env, page);
    await openFromMore(page, 'Standing', '/standing');
    await page.getByText('Original work confirmed', { exact: true }).waitFor();
    await screenshot(page, 'standing-1280');
    expect(problems).toEqual([]);
  });
});
