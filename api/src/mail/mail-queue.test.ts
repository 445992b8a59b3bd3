import request from 'supertest';
import { startMailCatcher, type MailCatcher } from '@sms/db/testing/mail-catcher';
import { createTestApp, type TestApp } from '../testing/test-app';
import { REDACTED_LINK } from './redact';

// Issue 10 item 1: every outgoing email is queued in the change's own transaction and retried with backoff; the
// outbox shows its status and each attempt. The real body waits sealed, never in the job's data.

const waitFor = async <T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 20_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

async function freePort(): Promise<number> {
  const probe = await startMailCatcher();
  const port = Number(new URL(probe.url).port);
  await probe.close();
  return port;
}

describe('SMTP down, then back', () => {
  let t: TestApp;
  let port: number;
  let catcher: MailCatcher | undefined;
  beforeAll(async () => {
    port = await freePort();
    t = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_RETRY_LIMIT: '6' });
  });
  afterAll(async () => {
    await t.close();
    await catcher?.close();
  });

  it('records each failed attempt, retries with backoff, and sends once the server is back', async () => {
    expect((await request(t.app).post('/auth/password/forgot').send({ email: 'student@example.com' })).status).toBe(202);
    const queued = await t.db.knex('outbox_messages').where({ to: 'student@example.com' }).first();
    expect(queued).toMatchObject({ transport: 'smtp' });
    // The job carries the outbox row's id only; the body with its link is sealed until sent.
    const [job] = await t.db.knex('pgboss.job').where({ name: 'mail' }).select('data');
    expect(job.data).toEqual({ outbox_id: Number(queued.id) });
    const sealed = await t.db.knex('outbox_sealed_bodies').where({ outbox_message_id: queued.id }).first('sealed');
    expect(sealed.sealed).not.toMatch(/token|reset-password|Sakib/);

    const failing = await waitFor('two failed attempts', async () => {
      const row = await t.db.knex('outbox_messages').where({ id: queued.id }).first();
      return row.attempts.length >= 2 && row;
    });
    expect(failing.status).toBe('queued');
    expect(failing.error).toMatch(/ECONNREFUSED/);
    expect(failing.attempts.every((attempt: { outcome: string; error: string }) => attempt.outcome === 'failed' && /ECONNREFUSED/.test(attempt.error))).toBe(true);
    const [first, second] = failing.attempts.map((attempt: { at: string }) => new Date(attempt.at).getTime());
    expect(second - first).toBeGreaterThanOrEqual(900); // backoff, not a hot loop

    catcher = await startMailCatcher({ port });
    const mail = await catcher.lastTo('student@example.com', { timeoutMs: 30_000 });
    expect(mail.text).toMatch(/http:\/\/portal\.test\/reset-password\?token=[\w-]{20,}/);
    const sent = await waitFor('the sent status', async () => {
      const row = await t.db.knex('outbox_messages').where({ id: queued.id }).first();
      return row.status === 'sent' && row;
    });
    expect(sent.error).toBeNull();
    expect(sent.sent_at).not.toBeNull();
    expect(sent.attempts.map((attempt: { outcome: string }) => attempt.outcome).slice(-1)).toEqual(['sent']);
    expect(sent.attempts.length).toBeGreaterThanOrEqual(3);
    expect(sent.text).toContain(REDACTED_LINK);
    expect(await t.db.knex('outbox_sealed_bodies').where({ outbox_message_id: queued.id }).first()).toBeUndefined();
    expect(catcher.mails.filter((m) => m.to.includes('student@example.com'))).toHaveLength(1);

    // An admin reads the status and every attempt in the outbox.
    const admin = await request(t.app).get(`/outbox_messages/${queued.id}`).set({ Authorization: `Bearer ${await t.tokenFor('admin')}` });
    expect(admin.body).toMatchObject({ status: 'sent' });
    expect(admin.body.attempts.length).toBe(sent.attempts.length);
  });

  it('a job sent in a transaction that rolls back is never queued', async () => {
    const count = async () => Number((await t.db.knex('pgboss.job').where({ name: 'mail' }).count({ n: '*' }))[0].n);
    const before = await count();
    await expect(
      t.db.knex.transaction(async (trx) => {
        await t.app.jobs.send(trx, 'mail', { outbox_id: 0 });
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    expect(await count()).toBe(before);
  });
});

it('after its last attempt a mail is failed, with the reason', async () => {
  const port = await freePort();
  const t = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_RETRY_LIMIT: '1' });
  try {
    await request(t.app).post('/auth/password/forgot').send({ email: 'student@example.com' });
    const failed = await waitFor('the failed status', async () => {
      const row = await t.db.knex('outbox_messages').where({ to: 'student@example.com' }).first();
      return row.status === 'failed' && row;
    });
    expect(failed.attempts).toHaveLength(2);
    expect(failed.error).toMatch(/ECONNREFUSED/);
    const job = await waitFor<{ output: unknown }>('the failed job', () => t.db.knex('pgboss.job').where({ name: 'mail', state: 'failed' }).first('output'));
    expect(JSON.stringify(job.output)).toMatch(/SMTP delivery failed/);
  } finally {
    await t.close();
  }
});
