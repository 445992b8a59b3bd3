// Admin and developer operations in the back office:
// - an admin changes a settings default (daily attendance points) and a manager's new mission, created without
//   touching the points, takes it; a batch created without a time zone takes the default one;
// - a mentor uploads a file to their mission's resources, downloads it, adds and edits a link, and a file over
//   UPLOAD_MAX_MB (1 here) is refused with the API's size message;
// - a developer reads the System and Access (RBAC) pages;
// - an admin creates an API key for the developer (shown once, works as a bearer token) and revokes it;
// - an admin creates a webhook to a local server, a change is delivered, a failed delivery is retried;
// - an admin exports a student's data and erases the student (typing the email; a wrong one shows the API's message).
// Screenshots of every new page at 1280 and 360 px go to /tmp/admin-shots (ADMIN_SHOTS overrides).
import { createHmac } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_ACCOUNTS } from '../../db/src/seeds/demo-accounts';
import { PHONE, WIDE, apiAs, expectNoHorizontalScroll, filterQuery, missionIdOf, openPage, signIn, useSystem, screenshotsIn } from './helpers';

jest.setTimeout(300_000);

const ADMIN = DEMO_ACCOUNTS.find((account) => account.role === 'admin')!;
const DEVELOPER = DEMO_ACCOUNTS.find((account) => account.role === 'developer')!;
const MANAGER = DEMO_ACCOUNTS.find((account) => account.role === 'manager')!;
const MENTOR = DEMO_ACCOUNTS.find((account) => account.role === 'mentor')!;
const SHOTS = process.env.ADMIN_SHOTS || '/tmp/admin-shots';
const env = useSystem({ UPLOAD_MAX_MB: '1' });

const { shot, shotDialog } = screenshotsIn(SHOTS);

const url = (hash: string) => `${env.system!.backofficeUrl}/#${hash}`;

/** A local webhook receiver: records every request; answers `status` (200 unless told otherwise). */
interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}
function startReceiver() {
  const received: Received[] = [];
  const state = { status: 200 };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = state.status;
      res.end(state.status < 300 ? 'ok' : 'not now');
    });
  });
  return new Promise<{ server: Server; received: Received[]; state: typeof state; url: string }>((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({ server, received, state, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook` }));
  });
}

describe('admin and developer operations', () => {
  let missionId: number;

  beforeAll(async () => {
    if (!env.browser) return;
    mkdirSync(SHOTS, { recursive: true });
    missionId = await missionIdOf(await apiAs(env, MENTOR.email), 'DEMO-B01', 'M1');
  });

  test('settings: an admin changes the default attendance points; a new mission and batch take the defaults', async () => {
    if (!env.browser) return;
    const { page, problems } = await openPage(env, WIDE);
    await signIn(env, page, ADMIN.email);
    await page.getByRole('menuitem', { name: 'Settings' }).click();
    const attendance = page.getByLabel('Daily attendance');
    await attendance.waitFor();
    expect(await attendance.inputValue()).toBe('1');
    // Risk thresholds are edited as percentages (stored as shares).
    expect(await page.getByLabel('Attendance below (%)').inputValue()).toBe('60');
    await attendance.fill('7');
    await page.getByLabel('New flag').fill('calendar_sync');
    await page.getByRole('button', { name: 'Add flag' }).click();
    await page.getByLabel('Feature calendar_sync').uncheck();
    await page.getByLabel('New template').fill('welcome');
    await page.getByRole('button', { name: 'Add template' }).click();
    await page.getByLabel('Subject').fill('Welcome to the school');
    await page.getByLabel('Text', { exact: true }).fill('Hello {{name}}, welcome!');
    await expectNoHorizontalScroll(page);
    await shot(page, 'settings-1280');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Settings saved.', { exact: false }).waitFor();
    const admin = await apiAs(env, ADMIN.email);
    const saved = await admin.call('GET', '/settings/1');
    expect(saved.body).toMatchObject({
      points_attendance: 7,
      points_meeting: 2,
      feature_flags: { calendar_sync: false },
      email_templates: { welcome: { subject: 'Welcome to the school', text: 'Hello {{name}}, welcome!' } },
    });
    expect(Number(saved.body.risk_attendance_rate)).toBe(0.6);
    expect(problems).toEqual([]);

    // A manager creates a mission without touching the points: the settings' values, shown beside the inputs, apply.
    const manager = await openPage(env, WIDE);
    await signIn(env, manager.page, MANAGER.email);
    await manager.page.goto(url('/missions/create'));
    await manager.page.getByRole('combobox', { name: 'Batch' }).click();
    await manager.page.getByRole('option', { name: /^DEMO-B01/ }).click();
    await manager.page.getByLabel('Code').fill('E2E-SET');
    await manager.page.getByLabel('Title').fill('Settings defaults mission');
    await manager.page.getByLabel('Starts on').fill('2027-01-04');
    await manager.page.getByLabel('Ends on').fill('2027-02-04');
    await manager.page.getByText('School default: 7').waitFor();
    await manager.page.getByText('School default: 60%').waitFor();
    expect(await manager.page.getByLabel('Daily attendance').inputValue()).toBe('');
    await shot(manager.page, 'mission-create-defaults-1280');
    await manager.page.getByRole('button', { name: 'Save' }).click();
    await manager.page.getByText('Mission DEMO-B01 · E2E-SET').first().waitFor();
    await manager.page.getByText('7 / 2', { exact: true }).waitFor();
    const created = await (await apiAs(env, MANAGER.email)).call<Record<string, unknown>[]>('GET', `/missions?${filterQuery({ code: 'E2E-SET' })}`);
    expect(created.body[0]).toMatchObject({ points_attendance: 7, points_meeting: 2, points_on_time: 10, points_late: 5, risk_missed_assignments: 2 });
    expect(Number(created.body[0].risk_attendance_rate)).toBe(0.6);

    // A batch created without a time zone takes the default one.
    await manager.page.goto(url('/batches/create'));
    await manager.page.getByLabel('Code').fill('E2E-TZ');
    await manager.page.getByLabel('Title').fill('Default zone batch');
    await manager.page.getByLabel('Starts on').fill('2027-03-01');
    await manager.page.getByLabel('Ends on').fill('2027-06-30');
    await manager.page.getByText(/Blank: Asia\/Dhaka \(school default\)/).waitFor();
    await manager.page.getByRole('button', { name: 'Save' }).click();
    await manager.page.getByText('Batch E2E-TZ').first().waitFor();
    const batch = await admin.call<Record<string, unknown>[]>('GET', `/batches?${filterQuery({ code: 'E2E-TZ' })}`);
    expect(batch.body[0].timezone).toBe('Asia/Dhaka');
    expect(manager.problems).toEqual([]);

    // Other staff read the settings without a form.
    await manager.page.goto(url('/settings'));
    await manager.page.getByText('Only admins change the settings.').waitFor();
    await manager.page.getByText('calendar_sync: off').waitFor();
    expect(await manager.page.getByRole('button', { name: 'Save' }).count()).toBe(0);
    await shot(manager.page, 'settings-read-only-1280');
  });

  test("mission resources: a mentor uploads, downloads, adds and edits a link; a too-large file is refused", async () => {
    if (!env.browser) return;
    const { page, problems } = await openPage(env, WIDE);
    await signIn(env, page, MENTOR.email);
    await page.goto(url(`/missions/${missionId}/show`));
    await page.getByRole('tab', { name: 'Resources' }).click();
    await page.getByText('No resource for this mission yet.').waitFor();

    // A file: the title comes from its name.
    await page.getByRole('button', { name: 'Upload a file' }).click();
    await page.locator('input[type=file]').setInputFiles({ name: 'week-1 notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Read chapter 1.\n') });
    await page.getByText('week-1 notes.txt · 16 B').waitFor();
    expect(await page.getByRole('textbox', { name: 'Title' }).inputValue()).toBe('week-1 notes');
    await page.getByLabel('Description (optional)').fill('What to read before Monday');
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await page.getByText('"week-1 notes.txt" uploaded.').waitFor();
    const fileRow = page.locator('tbody tr', { hasText: 'week-1 notes.txt' });
    await fileRow.getByText('What to read before Monday').waitFor();
    expect(await fileRow.getByText(MENTOR.name).isVisible()).toBe(true);

    // Downloaded with the session: the same bytes under the same name.
    const [download] = await Promise.all([page.waitForEvent('download'), fileRow.getByRole('button', { name: 'Download week-1 notes' }).click()]);
    expect(download.suggestedFilename()).toBe('week-1 notes.txt');
    expect(readFileSync((await download.path())!, 'utf8')).toBe('Read chapter 1.\n');

    // Over UPLOAD_MAX_MB (1 MB): the API's message, nothing listed.
    await page.locator('input[type=file]').setInputFiles({ name: 'big.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(1_200_000, 7) });
    await page.getByRole('textbox', { name: 'Title' }).fill('Too big');
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await page.locator('.MuiAlert-message', { hasText: 'The file is too large: at most 1 MB.' }).waitFor();
    await shot(page, 'mission-resources-too-large-1280');
    expect(await page.locator('tbody tr', { hasText: 'big.bin' }).count()).toBe(0);

    // A link.
    await page.getByRole('button', { name: 'Link', exact: true }).click();
    // A blank form (not the mission's own title and description).
    expect(await page.getByRole('textbox', { name: 'Title' }).inputValue()).toBe('');
    expect(await page.getByRole('textbox', { name: 'Description (optional)' }).inputValue()).toBe('');
    await page.getByRole('textbox', { name: 'Title' }).fill('Course handbook');
    await page.getByRole('textbox', { name: 'Link' }).fill('https://example.org/handbook');
    await page.getByLabel('Position').fill('1');
    await page.getByRole('button', { name: 'Add link' }).click();
    await page.getByText('Link added.').waitFor();
    const linkRow = page.locator('tbody tr', { hasText: 'Course handbook' });
    await linkRow.getByRole('link', { name: 'https://example.org/handbook' }).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(2);
    const mentor = await apiAs(env, MENTOR.email);
    const listed = await mentor.call<Record<string, unknown>[]>('GET', `/mission_resources?${filterQuery({ mission_id: missionId })}`);
    expect(listed.body.map((r) => [r.title, r.kind, r.description, r.position])).toEqual([
      ['week-1 notes', 'file', 'What to read before Monday', 0],
      ['Course handbook', 'link', '', 1],
    ]);
    await expectNoHorizontalScroll(page);
    await shot(page, 'mission-resources-1280');

    // Editing the link brings the mentor back to the tab.
    await linkRow.getByRole('link', { name: 'Edit' }).click();
    // The edit page (loaded when opened) replaces the tab's own Title box: wait for it before typing.
    await page.locator('#react-admin-title').getByText('Resource: Course handbook').waitFor();
    await page.getByRole('textbox', { name: 'Title' }).fill('Course handbook (2027)');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('tbody tr', { hasText: 'Course handbook (2027)' }).waitFor();
    expect(page.url()).toContain('tab=resources');

    // The only API error was the refused upload.
    expect(problems.filter((p) => !p.includes('/mission_resources/upload') || !p.includes('413'))).toEqual([]);
    expect(problems.filter((p) => p.includes('413'))).toHaveLength(1);

    // The top-level list (managers see every mission's resources).
    const manager = await openPage(env, WIDE);
    await signIn(env, manager.page, MANAGER.email);
    await manager.page.getByRole('menuitem', { name: 'Mission resources' }).click();
    await manager.page.locator('tbody tr', { hasText: 'Course handbook (2027)' }).waitFor();
    await expectNoHorizontalScroll(manager.page);
    await shot(manager.page, 'mission-resources-list-1280');
    expect(manager.problems).toEqual([]);
  });

  test('a developer reads the System and Access (RBAC) pages', async () => {
    if (!env.browser) return;
    const { page, problems } = await openPage(env, WIDE);
    await signIn(env, page, DEVELOPER.email);
    await page.getByRole('menuitem', { name: 'System' }).click();
    await page.getByText('API: ok').waitFor();
    await page.getByText('Database: ok').waitFor();
    await page.getByText(/^All \d+ migrations applied/).waitFor();
    await page.getByRole('region', { name: 'Biggest tables' }).getByRole('cell', { name: 'users', exact: true }).waitFor();
    await page.getByText('No unexpected error since this worker started.').waitFor();
    expect(await page.getByRole('link', { name: 'Metrics' }).getAttribute('href')).toBe(`${env.system!.apiUrl}/metrics`);
    expect(await page.getByRole('link', { name: 'OpenAPI' }).getAttribute('href')).toBe(`${env.system!.apiUrl}/openapi.json`);
    await expectNoHorizontalScroll(page);
    await shot(page, 'system-1280');

    await page.getByRole('menuitem', { name: 'Access (RBAC)' }).click();
    const matrix = page.getByRole('region', { name: 'Permissions by resource and role' });
    const students = matrix.getByRole('row', { name: /^students/ });
    await students.waitFor();
    // Admins list, read, create and update students (no delete); mentors list and read their own.
    expect(await students.getByLabel('list, read, create, update', { exact: false }).first().isVisible()).toBe(true);
    expect(await students.getByLabel('list, read (own rows only)', { exact: true }).first().isVisible()).toBe(true);
    const routes = page.getByRole('region', { name: 'Custom routes and their roles' });
    await routes.getByRole('row', { name: /POST\s*\/students\/:id\/erase/ }).waitFor();
    await page.getByLabel('Filter resources and routes').fill('webhook');
    await matrix.getByRole('row', { name: /^webhook_deliveries/ }).waitFor();
    expect(await matrix.getByRole('row', { name: /^students/ }).count()).toBe(0);
    await page.getByLabel('Filter resources and routes').fill('');
    await expectNoHorizontalScroll(page);
    await shot(page, 'rbac-1280');
    expect(problems).toEqual([]);
  });

  test('an admin creates an API key for the developer, it works once copied, and is revoked', async () => {
    if (!env.browser) return;
    const { page, problems } = await openPage(env, WIDE);
    await signIn(env, page, ADMIN.email);
    await page.getByRole('menuitem', { name: 'API keys' }).click();
    await page.getByRole('button', { name: 'New API key' }).click();
    const dialog = page.getByRole('dialog', { name: 'New API key' });
    await dialog.getByLabel('Name').fill('Nightly export');
    await dialog.getByRole('combobox', { name: 'Acts as' }).fill('Dev');
    await page.getByRole('option', { name: /^Dev Hasan/ }).click();
    await dialog.getByLabel('Expires after (days)').fill('30');
    await shotDialog(page, 'api-key-new-1280');
    await dialog.getByRole('button', { name: 'Create key' }).click();

    const shown = page.getByRole('dialog', { name: 'Key “Nightly export” created' });
    await shown.getByText('Copy the key now: it is not shown again.').waitFor();
    const token = await shown.getByTestId('new-api-key').inputValue();
    expect(token).toMatch(/^smsk_/);
    await shotDialog(page, 'api-key-token-1280');

    // The key acts as the developer.
    const me = await fetch(`${env.system!.apiUrl}/auth/me`, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { email: string }).email).toBe(DEVELOPER.email);

    await shown.getByRole('button', { name: 'I have copied it' }).click();
    const row = page.locator('tbody tr', { hasText: 'Nightly export' });
    await row.getByText('Dev Hasan').waitFor();
    // Only the prefix is listed, never the key.
    expect(await page.getByText(token).count()).toBe(0);
    await row.getByText(/^smsk_.*…$/).waitFor();
    await expectNoHorizontalScroll(page);
    await shot(page, 'api-keys-1280');

    await row.getByRole('button', { name: 'Revoke' }).click();
    await page.getByRole('dialog', { name: 'Revoke the key “Nightly export”?' }).getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('Key revoked', { exact: false }).waitFor();
    await row.waitFor({ state: 'detached' });
    const after = await fetch(`${env.system!.apiUrl}/auth/me`, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
    expect(after.status).toBe(401);
    expect(problems).toEqual([]);
  });

  test('an admin adds a webhook; a new batch is delivered, signed; a failed delivery is retried', async () => {
    if (!env.browser) return;
    const receiver = await startReceiver();
    try {
      const { page, problems } = await openPage(env, WIDE);
      await signIn(env, page, ADMIN.email);
      await page.getByRole('menuitem', { name: 'Webhooks' }).click();
      await page.getByRole('link', { name: 'New webhook' }).click();
      await page.getByLabel('Address (URL)').fill(receiver.url);
      await page.getByLabel('Description').fill('E2E receiver');
      await page.getByRole('combobox', { name: 'Resources' }).fill('batch');
      await page.getByRole('option', { name: 'batches', exact: true }).click();
      await page.keyboard.press('Escape');
      await expectNoHorizontalScroll(page);
      await shot(page, 'webhook-create-1280');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('heading', { name: 'Signing secret' }).waitFor();
      const webhookUrl = page.url().replace(/\?.*$/, '');
      await page.getByRole('button', { name: 'Show' }).click();
      const secret = (await page.getByTestId('webhook-secret').innerText()).trim();
      expect(secret.length).toBeGreaterThanOrEqual(32);
      await page.getByText('No delivery yet.').waitFor();

      // A change to a batch (the admin creates one).
      await page.goto(url('/batches/create'));
      await page.getByLabel('Code').fill('E2E-HOOK');
      await page.getByLabel('Title').fill('Webhook batch');
      await page.getByLabel('Starts on').fill('2027-04-01');
      await page.getByLabel('Ends on').fill('2027-07-31');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Batch E2E-HOOK').first().waitFor();

      // Delivered within a few seconds (the dispatcher runs every 3 s; the list refreshes itself).
      await page.goto(webhookUrl);
      const deliveries = page.getByRole('region', { name: 'Deliveries' });
      const delivered = deliveries.locator('tbody tr', { hasText: 'batches.create' });
      await delivered.getByText('Delivered', { exact: true }).waitFor({ timeout: 15_000 });
      expect(await delivered.getByText('HTTP 200').isVisible()).toBe(true);
      const request = receiver.received.find((r) => r.headers['x-sms-event'] === 'batches.create')!;
      expect(request).toBeDefined();
      expect(request.headers['x-sms-signature']).toBe(`sha256=${createHmac('sha256', secret).update(request.body).digest('hex')}`);
      expect(JSON.parse(request.body)).toMatchObject({ resource: 'batches', action: 'create', after: { code: 'E2E-HOOK', timezone: 'Asia/Dhaka' } });

      // The receiver fails: the update waits for a retry; "Retry" sends it now, and it goes through.
      receiver.state.status = 503;
      const admin = await apiAs(env, ADMIN.email);
      const batch = await admin.call<{ id: number }[]>('GET', `/batches?${filterQuery({ code: 'E2E-HOOK' })}`);
      expect((await admin.call('PUT', `/batches/${batch.body[0].id}`, { title: 'Webhook batch (renamed)' })).status).toBe(200);
      const updated = deliveries.locator('tbody tr', { hasText: 'batches.update' });
      await updated.getByText('HTTP 503').waitFor({ timeout: 15_000 });
      expect(await updated.getByText('Pending', { exact: true }).isVisible()).toBe(true);
      expect(await updated.getByText('answered 503').isVisible()).toBe(true);
      await expectNoHorizontalScroll(page);
      await shot(page, 'webhook-show-1280');
      receiver.state.status = 200;
      await updated.getByRole('button', { name: /^Retry delivery/ }).click();
      await page.getByText('Delivery queued', { exact: false }).waitFor();
      await updated.getByText('Delivered', { exact: true }).waitFor({ timeout: 15_000 });
      expect(await updated.getByRole('button', { name: /^Retry delivery/ }).count()).toBe(0);

      // Every hook's deliveries.
      await page.getByRole('menuitem', { name: 'Webhooks' }).click();
      await page.getByRole('link', { name: 'All deliveries' }).click();
      await page.locator('tbody tr', { hasText: 'batches.update' }).getByText('Delivered', { exact: true }).waitFor();
      await expectNoHorizontalScroll(page);
      await shot(page, 'webhook-deliveries-1280');
      await page.getByRole('menuitem', { name: 'Webhooks' }).click();
      await page.locator('tbody tr', { hasText: 'E2E receiver' }).waitFor();
      await shot(page, 'webhooks-1280');
      expect(problems).toEqual([]);
    } finally {
      await new Promise((resolve) => receiver.server.close(resolve));
    }
  });

  test("an admin exports a student's data and erases the student", async () => {
    if (!env.browser) return;
    const admin = await apiAs(env, ADMIN.email);
    const created = await admin.call<{ id: number }>('POST', '/students', { name: 'Erase Me E2E', email: 'erase.me.e2e@example.org', phone: '+8801711112222' });
    expect(created.status).toBe(201);
    const studentId = created.body.id;

    const { page, problems } = await openPage(env, WIDE);
    await signIn(env, page, ADMIN.email);
    await page.goto(url(`/students/${studentId}/show`));
    await page.getByText('Student: Erase Me E2E').first().waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export data' }).click()]);
    expect(download.suggestedFilename()).toBe(`student-${studentId}-export.json`);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(exported).toMatchObject({ format: 'sms-student-export/1', user: { email: 'erase.me.e2e@example.org' } });
    expect(exported.user.password_hash).toBeUndefined();

    await page.getByRole('button', { name: 'Erase', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Erase Erase Me E2E?' });
    await dialog.getByText("This can't be undone.", { exact: false }).waitFor();
    await dialog.getByLabel("Type the student's email to confirm").fill('someone.else@example.org');
    await shotDialog(page, 'student-erase-1280');
    await dialog.getByRole('button', { name: 'Erase student' }).click();
    await dialog.getByText("That is not this student's email address, so nothing was erased.", { exact: false }).waitFor();
    await dialog.getByLabel("Type the student's email to confirm").fill('Erase.Me.E2E@example.org');
    await dialog.getByRole('button', { name: 'Erase student' }).click();
    await page.getByText(`Student #${studentId} was erased`, { exact: false }).waitFor();
    await page.getByText(`Student: Erased student #${studentId}`).first().waitFor();
    expect(await page.getByRole('button', { name: 'Erase', exact: true }).count()).toBe(0);
    const after = await admin.call<Record<string, unknown>>('GET', `/students/${studentId}`);
    expect(after.body).toMatchObject({ name: `Erased student #${studentId}`, email: `erased-${studentId}@invalid.example`, phone: null, account_status: 'disabled' });
    await expectNoHorizontalScroll(page);
    await shot(page, 'student-erased-1280');
    // The wrong email was the one refused request.
    expect(problems.filter((p) => !p.includes('/erase → 422'))).toEqual([]);
  });

  test('every new page on a 360 px phone', async () => {
    if (!env.browser) return;
    const admin = await openPage(env, PHONE);
    await signIn(env, admin.page, ADMIN.email);
    const page = admin.page;

    await page.goto(url('/settings'));
    await page.getByLabel('Daily attendance').waitFor();
    await expectNoHorizontalScroll(page);
    await shot(page, 'settings-360');

    await page.goto(url('/system'));
    await page.getByText(/^All \d+ migrations applied/).waitFor();
    await page.getByRole('region', { name: 'Biggest tables' }).getByRole('cell', { name: 'users', exact: true }).waitFor();
    await expectNoHorizontalScroll(page);
    await shot(page, 'system-360');

    await page.goto(url('/rbac'));
    await page.getByRole('region', { name: 'Permissions by resource and role' }).getByRole('row', { name: /^students/ }).waitFor();
    await expectNoHorizontalScroll(page);
    await shot(page, 'rbac-360');

    await page.goto(url('/api_keys'));
    await page.getByRole('button', { name: 'New API key' }).click();
    await page.getByRole('dialog', { name: 'New API key' }).getByLabel('Name').fill('Phone key');
    await page.getByRole('dialog', { name: 'New API key' }).getByRole('button', { name: 'Create key' }).click();
    await page.getByText('Copy the key now: it is not shown again.').waitFor();
    await expectNoHorizontalScroll(page);
    await shotDialog(page, 'api-key-token-360');
    await page.getByRole('button', { name: 'I have copied it' }).click();
    await page.getByText('Phone key').waitFor();
    await expectNoHorizontalScroll(page);
    await shot(page, 'api-keys-360');

    await page.goto(url('/webhooks'));
    await page.getByText('E2E receiver').waitFor();
    await expectNoHorizontalScroll(page);
    await shot(page, 'webhooks-360');
    await page.getByText('E2E receiver').click();
    await page.getByRole('heading', { name: 'Signing secret' }).waitFor();
    await page.getByText('batches.update').waitFor();
    await expectNoHorizontalScroll(page);
    await shot(page, 'webhook-show-360');
    await page.goto(url('/webhooks/create'));
    await page.getByLabel('Address (URL)').waitFor();
    await expectNoHorizontalScroll(page);
    await shot(page, 'webhook-create-360');
    await page.goto(url('/webhook_deliveries'));
    await page.getByText('batches.update').first().waitFor();
    await expectNoHorizontalScroll(page);
    await shot(page, 'webhook-deliveries-360');

    const student = await (await apiAs(env, ADMIN.email)).call<{ id: number }[]>('GET', `/students?${filterQuery({ q: 'student@example.com' })}`);
    await page.goto(url(`/students/${student.body[0].id}/show`));
    await page.getByRole('button', { name: 'Erase', exact: true }).click();
    await page.getByLabel("Type the student's email to confirm").waitFor();
    await expectNoHorizontalScroll(page);
    await shotDialog(page, 'student-erase-360');
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(admin.problems).toEqual([]);

    const mentor = await openPage(env, PHONE);
    await signIn(env, mentor.page, MENTOR.email);
    await mentor.page.goto(url(`/missions/${missionId}/show?tab=resources`));
    await mentor.page.getByText('Course handbook (2027)').waitFor();
    await expectNoHorizontalScroll(mentor.page);
    await shot(mentor.page, 'mission-resources-360');
    await mentor.page.getByRole('button', { name: 'Upload a file' }).click();
    await mentor.page.getByText('No file chosen').waitFor();
    await expectNoHorizontalScroll(mentor.page);
    await shot(mentor.page, 'mission-resources-upload-360');
    expect(mentor.problems).toEqual([]);

    const manager = await openPage(env, PHONE);
    await signIn(env, manager.page, MANAGER.email);
    await manager.page.goto(url('/mission_resources'));
    await manager.page.getByText('Course handbook (2027)').waitFor();
    await expectNoHorizontalScroll(manager.page);
    await shot(manager.page, 'mission-resources-list-360');
    await manager.page.goto(url('/missions/create'));
    await manager.page.getByText('School default: 7').waitFor();
    await expectNoHorizontalScroll(manager.page);
    await shot(manager.page, 'mission-create-defaults-360');
    expect(manager.problems).toEqual([]);
  });
});
