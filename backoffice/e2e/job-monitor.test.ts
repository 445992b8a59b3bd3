// The job monitor in the back office (issue: queues, counts by state, failures with their error, retry and cancel).
// Mail goes to an SMTP port nobody listens on, so password-reset mails fail for real (ECONNREFUSED); one attempt
// more is allowed an hour later, so a failed mail waits to retry. Then:
// - an admin sees the mail queue's counts and the failures with their error; a mail that failed for good is retried
//   (a mail catcher now listens: it is sent and leaves the list); one waiting to retry is cancelled (confirmed);
// - a developer sees the screen (360 px), with no serious or critical axe violation at 360 and 1280 px (the sweep in
//   accessibility.test.ts finds the screen from the menu too); an SRE has no menu line and is refused the page.
// Screenshots at 1280 and 360 px go to /tmp/job-monitor-shots (JOB_SHOTS overrides).
import { readFileSync } from 'node:fs';
import type { Knex } from 'knex';
import { createKnex } from '../../db/src';
import { freePort } from '../../db/src/launcher/port';
import { DEMO_ACCOUNTS } from '../../db/src/seeds/demo-accounts';
import { startMailCatcher, type MailCatcher } from '../../db/src/testing/mail-catcher';
import { PHONE, WIDE, expectNoHorizontalScroll, openPage, signIn, useSystem, screenshotsIn } from './helpers';

jest.setTimeout(300_000);

const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;
const SHOTS = process.env.JOB_SHOTS || '/tmp/job-monitor-shots';
const { shot, shotDialog } = screenshotsIn(SHOTS);

// The SMTP port is chosen before the system starts (this hook runs before useSystem's, which reads the object then).
const smtp = { port: 0 };
const extraEnv: NodeJS.ProcessEnv = { MAIL_RETRY_LIMIT: '1', MAIL_RETRY_DELAY_SECONDS: '3600' };
beforeAll(async () => {
  smtp.port = await freePort();
  extraEnv.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
});
const env = useSystem(extraEnv);

const url = (hash: string) => `${env.system!.backofficeUrl}/#${hash}`;

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('job monitor', () => {
  let knex: Knex;
  let catcher: MailCatcher | undefined;

  beforeAll(() => {
    if (!env.browser) return;
    knex = createKnex(env.system!.databaseUrl, 2);
  });
  afterAll(async () => {
    await catcher?.close();
    await knex?.destroy();
  });

  /** A password-reset mail to `email`, whose first attempt failed: its job (waiting to retry) and outbox row. */
  async function failingMail(email: string) {
    const response = await fetch(`${env.system!.apiUrl}/auth/password/forgot`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email }) });
    expect(response.status).toBeLessThan(300);
    return waitFor(`a failed attempt of the mail to ${email}`, async () => {
      const { rows } = await knex.raw(
        `SELECT j.id::text AS id, j.state::text AS state, o.id AS outbox_id FROM pgboss.job j JOIN outbox_messages o ON o.id = (j.data->>'outbox_id')::int
         WHERE j.name = 'mail' AND o."to" = ? AND j.state = 'retry' AND j.output IS NOT NULL ORDER BY j.created_on DESC LIMIT 1`,
        [email],
      );
      return rows[0] as { id: string; state: string; outbox_id: number } | undefined;
    });
  }

  test('an admin sees the failures with their error, retries one that failed for good and cancels one waiting to retry', async () => {
    if (!env.browser) return;
    const student = account('student').email;
    const mentor = account('mentor').email;
    const gaveUp = await failingMail(student);
    const waiting = await failingMail(mentor);
    // The second (last) attempt now rather than in an hour: it fails for real too, and the job fails for good.
    await knex('pgboss.job').where({ name: 'mail', id: gaveUp.id }).update({ start_after: knex.fn.now() });
    await waitFor('the mail job to fail for good', async () => (await knex('pgboss.job').where({ id: gaveUp.id }).first('state'))?.state === 'failed');

    const { page, problems } = await openPage(env, WIDE);
    await signIn(env, page, account('admin').email);
    await page.getByRole('menuitem', { name: 'Jobs' }).click();
    await page.getByRole('heading', { name: 'Jobs', level: 1 }).waitFor();

    // The mail queue's card: its counts by state.
    const mailQueue = page.getByRole('region', { name: 'mail', exact: true });
    await mailQueue.waitFor();
    expect(await mailQueue.getByText('No schedule: runs when work is queued.').count()).toBe(1);
    const count = (state: string) => mailQueue.locator('dt', { hasText: new RegExp(`^${state}$`) }).locator('xpath=following-sibling::dd[1]').innerText();
    expect(await count('Failed')).toBe('1');
    expect(Number(await count('Retry'))).toBeGreaterThanOrEqual(1);
    // Scheduled queues show their cron.
    await page.getByRole('region', { name: 'webhooks', exact: true }).waitFor();

    // The failures, each with its error as text.
    const failed = page.getByRole('listitem', { name: `Job ${gaveUp.id}` });
    await failed.getByText(/SMTP delivery failed: .*ECONNREFUSED/).waitFor();
    await failed.getByText('Failed', { exact: true }).waitFor();
    await failed.getByText(/2 attempts/).waitFor();
    expect(await failed.getByRole('button', { name: `Cancel job ${gaveUp.id}` }).count()).toBe(0);
    const pending = page.getByRole('listitem', { name: `Job ${waiting.id}` });
    await pending.getByText('Waiting to retry').waitFor();
    await pending.getByText(/1 attempt · next attempt/).waitFor();
    await pending.getByText(/ECONNREFUSED/).waitFor();
    expect(await pending.getByRole('button', { name: `Retry job ${waiting.id}` }).count()).toBe(0);
    expect(await page.locator('pre, code').count()).toBe(0); // no JSON dump
    await expectNoHorizontalScroll(page);
    await shot(page, 'jobs-1280');

    // Retry, with a mail server listening now: the mail is sent and the job leaves the failures.
    catcher = await startMailCatcher({ port: smtp.port });
    await failed.getByRole('button', { name: `Retry job ${gaveUp.id}` }).click();
    await page.getByText(`Job ${gaveUp.id} queued to run again.`).waitFor();
    await catcher.lastTo(student, { timeoutMs: 30_000 });
    await failed.waitFor({ state: 'detached', timeout: 30_000 });
    expect(await knex('outbox_messages').where({ id: gaveUp.outbox_id }).first('status')).toEqual({ status: 'sent' });
    expect(await knex('audit_log').where({ resource: 'jobs', action: 'retry', record_id: gaveUp.id }).first('actor_role')).toEqual({ actor_role: 'admin' });

    // Cancel asks first; keeping it changes nothing.
    await pending.getByRole('button', { name: `Cancel job ${waiting.id}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`Cancel job ${waiting.id}?`).waitFor();
    await shotDialog(page, 'jobs-cancel-1280');
    await dialog.getByRole('button', { name: 'Keep it' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await knex('pgboss.job').where({ id: waiting.id }).first('state')).state).toBe('retry');
    await pending.getByRole('button', { name: `Cancel job ${waiting.id}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel the job' }).click();
    await page.getByText(`Job ${waiting.id} cancelled.`).waitFor();
    await pending.waitFor({ state: 'detached' });
    expect(await count('Cancelled')).toBe('1');
    expect(await knex('outbox_messages').where({ id: waiting.outbox_id }).first('status', 'error')).toEqual({ status: 'failed', error: 'Cancelled in the job monitor.' });
    expect(await knex('audit_log').where({ resource: 'jobs', action: 'cancel', record_id: waiting.id }).first('actor_role')).toEqual({ actor_role: 'admin' });
    expect(problems).toEqual([]);
  });

  test('a developer sees the screen on a phone; axe finds no serious or critical violation', async () => {
    if (!env.browser) return;
    await catcher?.close();
    catcher = undefined;
    const waiting = await failingMail(account('manager').email);
    const { page, problems } = await openPage(env, PHONE);
    await signIn(env, page, account('developer').email);
    await page.goto(url('/jobs'));
    await page.getByRole('heading', { name: 'Latest failures' }).waitFor();
    await page.getByRole('region', { name: 'mail', exact: true }).waitFor();
    const pending = page.getByRole('listitem', { name: `Job ${waiting.id}` });
    await pending.getByText(/ECONNREFUSED/).waitFor();
    await pending.getByRole('button', { name: `Cancel job ${waiting.id}` }).waitFor();
    await expectNoHorizontalScroll(page);
    await shot(page, 'jobs-360');
    expect(problems).toEqual([]);

    // axe, injected as a script (bypassCSP: the app's CSP rightly refuses it), at both widths.
    const context = await env.browser.newContext({ viewport: PHONE, bypassCSP: true });
    try {
      const checked = await context.newPage();
      checked.setDefaultTimeout(15_000);
      await signIn(env, checked, account('developer').email);
      await checked.goto(url('/jobs'));
      await checked.getByRole('listitem', { name: `Job ${waiting.id}` }).waitFor();
      await checked.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
      for (const width of [PHONE, WIDE]) {
        await checked.setViewportSize(width);
        await checked.waitForTimeout(300);
        const violations = await checked.evaluate(async () => {
          const result = await (window as any).axe.run(document, { resultTypes: ['violations'] }); // eslint-disable-line @typescript-eslint/no-explicit-any
          return result.violations
            .filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical')
            .map((v: { id: string; help: string; nodes: { target: unknown }[] }) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => String(n.target)).join(' | ')}`);
        });
        expect({ width: width.width, violations }).toEqual({ width: width.width, violations: [] });
      }
    } finally {
      await context.close();
    }
  });

  test('an SRE has no menu line and is refused the page', async () => {
    if (!env.browser) return;
    const { page, problems } = await openPage(env, WIDE);
    await signIn(env, page, account('sre').email);
    await page.getByRole('menuitem', { name: 'My calls' }).waitFor();
    expect(await page.getByRole('menuitem', { name: 'Jobs' }).count()).toBe(0);
    await page.goto(url('/jobs'));
    await page.getByRole('heading', { name: 'Not found or no access', level: 1 }).waitFor();
    expect(await page.getByRole('heading', { name: 'Latest failures' }).count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
