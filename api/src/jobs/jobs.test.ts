import request from 'supertest';
import { startMailCatcher } from '@sms/db/testing/mail-catcher';
import type { Role } from '../core/actor';
import { reapInterruptedImports } from '../resources/imports/import-job';
import { createTestApp, type TestApp } from '../testing/test-app';
import { JOB_QUEUES } from './queues';

// Issue 10 item 1: the job monitor (queues, counts by state, failures with their error, retry and cancel), and
// background work that can never be left half done.

const waitFor = async <T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 20_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

describe('job monitor', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    const probe = await startMailCatcher();
    port = Number(new URL(probe.url).port);
    await probe.close();
    t = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_RETRY_LIMIT: '0' });
  });
  afterAll(() => t.close());
  const as = async (role: Role) => ({ Authorization: `Bearer ${await t.tokenFor(role)}` });

  it('shows every declared queue with counts by state, and a failed job with its error; a developer retries it', async () => {
    await request(t.app).post('/auth/password/forgot').send({ email: 'student@example.com' });
    const failure = await waitFor('a failed mail job', async () => {
      const overview = await request(t.app).get('/ops/jobs').set(await as('developer'));
      return overview.body.failures?.[0];
    });
    const overview = await request(t.app).get('/ops/jobs').set(await as('admin'));
    expect(overview.status).toBe(200);
    expect(overview.body.queues.map((queue: { name: string }) => queue.name)).toEqual(JOB_QUEUES.map((queue) => queue.name));
    const mail = overview.body.queues.find((queue: { name: string }) => queue.name === 'mail');
    expect(mail.counts).toMatchObject({ failed: 1, created: 0 });
    expect(overview.body.queues.find((queue: { name: string }) => queue.name === 'cohort-statuses')).toMatchObject({ cron: null }); // schedules off in tests
    expect(failure).toMatchObject({ queue: 'mail', attempts: 1, data: { outbox_id: expect.any(Number) } });
    expect(failure.error).toMatch(/SMTP delivery failed: .*ECONNREFUSED/);
    expect(JSON.stringify(overview.body)).not.toMatch(/token=|reset-password|student@example\.com/);

    const catcher = await startMailCatcher({ port });
    try {
      const retried = await request(t.app).post(`/ops/jobs/mail/${failure.id}/retry`).set(await as('developer'));
      expect(retried.status).toBe(200);
      await catcher.lastTo('student@example.com', { timeoutMs: 20_000 });
      const row = await waitFor('the sent mail', async () => {
        const found = await t.db.knex('outbox_messages').where({ id: failure.data.outbox_id }).first();
        return found.status === 'sent' && found;
      });
      expect(row.attempts.map((attempt: { outcome: string }) => attempt.outcome)).toEqual(['failed', 'sent']);
      const audit = await t.db.knex('audit_log').where({ resource: 'jobs', action: 'retry', record_id: failure.id }).first('actor_role');
      expect(audit).toEqual({ actor_role: 'developer' });
      // Only a failed job can be retried.
      const again = await waitFor('the completed job', async () => {
        const answer = await request(t.app).post(`/ops/jobs/mail/${failure.id}/retry`).set(await as('admin'));
        return answer.status === 409 && answer;
      });
      expect(again.body.message).toMatch(/^Only a failed job can be retried; this one is completed\.$/);
    } finally {
      await catcher.close();
    }
  });

  it('is for developers and admins only, and answers unknown jobs with 404', async () => {
    for (const role of ['manager', 'sre', 'mentor', 'student'] as Role[]) {
      expect((await request(t.app).get('/ops/jobs').set(await as(role))).status).toBe(403);
      expect((await request(t.app).post('/ops/jobs/mail/00000000-0000-0000-0000-000000000000/retry').set(await as(role))).status).toBe(403);
    }
    expect((await request(t.app).post('/ops/jobs/mail/not-a-uuid/retry').set(await as('admin'))).status).toBe(404);
    expect((await request(t.app).post('/ops/jobs/nope/00000000-0000-0000-0000-000000000000/cancel').set(await as('admin'))).status).toBe(404);
    expect((await request(t.app).get('/ops/jobs').query({ queue: 'mail', extra: 'x' }).set(await as('admin'))).status).toBe(422);
  });
});

describe('work nobody runs yet', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, { jobs: false, cohorts: true });
  });
  afterAll(() => t.close());
  const as = async (role: Role) => ({ Authorization: `Bearer ${await t.tokenFor(role)}` });

  it('a cancelled mail is failed in the outbox and its sealed body is gone; a cancelled import is failed', async () => {
    await request(t.app).post('/auth/password/forgot').send({ email: 'student@example.com' });
    const outbox = await t.db.knex('outbox_messages').where({ to: 'student@example.com' }).first('id', 'status');
    expect(outbox.status).toBe('queued');
    const job = await t.db.knex('pgboss.job').where({ name: 'mail' }).first('id');
    const cancelled = await request(t.app).post(`/ops/jobs/mail/${job.id}/cancel`).set(await as('admin'));
    expect(cancelled.status).toBe(200);
    expect(await t.db.knex('outbox_messages').where({ id: outbox.id }).first('status', 'error')).toEqual({ status: 'failed', error: 'Cancelled in the job monitor.' });
    expect(await t.db.knex('outbox_sealed_bodies').where({ outbox_message_id: outbox.id }).first()).toBeUndefined();
    expect((await request(t.app).post(`/ops/jobs/mail/${job.id}/cancel`).set(await as('admin'))).status).toBe(409);

    const started = await request(t.app).post('/imports').set(await as('sre')).send({ kind: 'students', csv: 'email,name\nnew.one@x.test,New One', dry_run: false });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: 'running', job_id: expect.any(String) });
    expect((await request(t.app).post(`/ops/jobs/imports/${started.body.job_id}/cancel`).set(await as('developer'))).status).toBe(200);
    expect(await t.db.knex('imports').where({ id: started.body.id }).first('status', 'message')).toEqual({ status: 'failed', message: 'The import was cancelled before it ran, so nothing was imported.' });
    expect(await t.db.knex('import_sources').where({ import_id: started.body.id }).first()).toBeUndefined();
  });

  it('an import whose job will not run again is marked failed with a reason, never left running', async () => {
    const started = await request(t.app).post('/imports').set(await as('sre')).send({ kind: 'students', csv: 'email,name\nnew.two@x.test,New Two', dry_run: false });
    // Its job ran out of attempts (as after crashes), and the import is no longer new.
    await t.db.knex('pgboss.job').where({ name: 'imports', id: started.body.job_id }).update({ state: 'failed', completed_on: t.db.knex.fn.now() });
    await t.db.knex('imports').where({ id: started.body.id }).update({ created_at: t.db.knex.raw("now() - interval '1 minute'") });
    expect(await reapInterruptedImports(t.db.knex)).toBe(1);
    const record = await t.db.knex('imports').where({ id: started.body.id }).first('status', 'message', 'finished_at');
    expect(record.status).toBe('failed');
    expect(record.message).toMatch(/^The import was interrupted \(a server stopped\)/);
    expect(await reapInterruptedImports(t.db.knex)).toBe(0);
  });

  it('lists a job whose attempt failed and that waits for the next one, with when it runs; it can be cancelled, not retried', async () => {
    await request(t.app).post('/auth/password/forgot').send({ email: 'mentor@example.com' });
    const outbox = await t.db.knex('outbox_messages').where({ to: 'mentor@example.com' }).first('id');
    const job = await t.db.knex('pgboss.job').where({ name: 'mail' }).whereRaw("(data->>'outbox_id')::int = ?", [outbox.id]).first('id');
    // As pg-boss leaves it after a failed attempt with retries left.
    await t.db.knex('pgboss.job').where({ name: 'mail', id: job.id }).update({
      state: 'retry',
      started_on: t.db.knex.fn.now(),
      start_after: t.db.knex.raw("now() + interval '1 hour'"),
      output: JSON.stringify({ message: 'SMTP delivery failed: connect ECONNREFUSED' }),
    });
    const overview = await request(t.app).get('/ops/jobs').set(await as('developer'));
    const listed = overview.body.failures.find((failure: { id: string }) => failure.id === job.id);
    expect(listed).toMatchObject({ queue: 'mail', state: 'retry', attempts: 1, error: 'SMTP delivery failed: connect ECONNREFUSED', failed_at: expect.any(String), next_attempt_at: expect.any(String) });
    expect((await request(t.app).post(`/ops/jobs/mail/${job.id}/retry`).set(await as('admin'))).status).toBe(409);
    expect((await request(t.app).post(`/ops/jobs/mail/${job.id}/cancel`).set(await as('admin'))).status).toBe(200);
    const after = await request(t.app).get('/ops/jobs').set(await as('developer'));
    expect(after.body.failures.find((failure: { id: string }) => failure.id === job.id)).toBeUndefined();
  });
});
