import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import request from 'supertest';
import { insertDemoAccounts, DEMO_PASSWORD } from '@sms/db/seeds/demo-accounts';
import { insertDemoCohorts } from '@sms/db/seeds/seed-demo';
import { createTestDatabase, type TestDatabase } from '@sms/db/testing/test-database';
import { startMailCatcher, type MailCatcher } from '@sms/db/testing/mail-catcher';
import { totpCode } from '@sms/db/testing/totp';
import { createApp, type ApiListener } from '../app';
import { loadConfig } from '../config';
import type { Role } from '../core/actor';

export { DEMO_PASSWORD };

export interface TestApp {
  app: ApiListener;
  db: TestDatabase;
  /**
   * Signs a demo account in through the API and returns its bearer token. Admins and developers must use two-factor
   * sign-in: their first sign-in enrols an authenticator through the API like a person would (see `totpSecret`).
   */
  tokenFor(role: Role): Promise<string>;
  /** Signs any account in (bearer), going through two-factor sign-in as its owner would; the token of a full session. */
  signIn(email: string, password?: string): Promise<string>;
  /** The TOTP secret of an account enrolled by `tokenFor`/`signIn`, for making codes. */
  totpSecret(email: string): string | undefined;
  userId(role: Role): Promise<number>;
  /** The id of a demo mission by its batch and mission codes, e.g. ('DEMO-B01', 'M1'). */
  missionId(batchCode: string, missionCode: string): Promise<number>;
  /** Serves the app on a free port, for HTTP clients other than supertest. */
  listen(): Promise<{ url: string; close(): Promise<void> }>;
  close(): Promise<void>;
}

export const emailOf = (role: Role) => `${role}@example.com`;

/** Each test app's mail catcher (its SMTP_URL), by its database, for `lastMailTo`. */
const catchers = new WeakMap<TestDatabase, MailCatcher>();

/**
 * A real app on its own fresh database, seeded with one demo account per role (and the demo cohorts if asked). Mail
 * goes over SMTP to a catcher of its own (read it with `lastMailTo`); `{mail: 'outbox'}` runs without SMTP instead.
 * Its job workers run (`app.jobs`), cron schedules excepted; `{jobs: false}` starts none.
 */
export async function createTestApp(env: Record<string, string> = {}, options: { cohorts?: boolean; mail?: 'catcher' | 'outbox'; jobs?: boolean } = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const catcher = options.mail === 'outbox' || env.SMTP_URL ? undefined : await startMailCatcher();
  if (catcher) catchers.set(db, catcher);
  await db.knex.transaction(async (trx) => {
    await insertDemoAccounts(trx);
    if (options.cohorts) await insertDemoCohorts(trx);
  });
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      BACKOFFICE_URL: 'http://backoffice.test',
      PORTAL_URL: 'http://portal.test',
      LOG_LEVEL: 'silent',
      // Tests make thousands of writes from one address in seconds; limits.test.ts sets its own.
      WRITE_LIMIT_PER_USER: '1000000',
      WRITE_LIMIT_PER_ADDRESS: '1000000',
      JOBS_POLL_SECONDS: '0.5',
      MAIL_RETRY_DELAY_SECONDS: '1',
      ...(catcher ? { SMTP_URL: catcher.url } : {}),
      ...env,
    });
  } catch (error) {
    await catcher?.close();
    await db.destroy();
    throw error;
  }
  const app = createApp({ config, knex: db.knex, logger: pino({ level: 'silent' }) });
  // Mail and imports are jobs: a test app works them (schedules off, so no cron tick lands in a test), unless
  // `jobs: false` leaves the queue to the test.
  if (options.jobs !== false) {
    try {
      await app.jobs.start({ schedules: false });
    } catch (error) {
      await catcher?.close();
      await db.destroy();
      throw error;
    }
  }
  const tokens = new Map<Role, string>();
  const secrets = new Map<string, string>();
  const servers: Server[] = [];
  async function signIn(email: string, password = DEMO_PASSWORD): Promise<string> {
    const response = await request(app).post('/auth/token').send({ email, password });
    if (response.status !== 200) throw new Error(`sign-in as ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
    return completeTwoFactor(app, response.body, email, secrets);
  }
  return {
    app,
    db,
    async tokenFor(role) {
      const cached = tokens.get(role);
      if (cached) return cached;
      const token = await signIn(emailOf(role));
      tokens.set(role, token);
      return token;
    },
    signIn,
    totpSecret: (email) => secrets.get(email),
    async userId(role) {
      const row = await db.knex('users').where({ email: emailOf(role) }).first('id');
      return Number(row.id);
    },
    async missionId(batchCode, missionCode) {
      const row = await db.knex('missions').join('batches', 'batches.id', 'missions.batch_id').where({ 'batches.code': batchCode, 'missions.code': missionCode }).first('missions.id');
      return Number(row.id);
    },
    listen() {
      return new Promise((resolve) => {
        const server = createServer(app).listen(0, '127.0.0.1', () => {
          servers.push(server);
          const { port } = server.address() as AddressInfo;
          resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) });
        });
      });
    },
    async close() {
      await app.close();
      for (const server of servers) server.closeAllConnections?.();
      const working = app.jobs.started;
      await app.jobs.stop();
      // pg-boss checks each second that its stopped worker loops have ended (a timer that looks up a module): let
      // that check run before Jest tears the test file's modules down.
      if (working) await new Promise((resolve) => setTimeout(resolve, 1100));
      await catcher?.close();
      await db.destroy();
    },
  };
}

/**
 * The latest mail sent to an address as its recipient got it (from the app's mail catcher: the outbox keeps only a
 * redacted copy), and the first link in it. Waits for delivery, which follows the commit.
 */
export async function lastMailTo(db: TestDatabase, to: string): Promise<{ subject: string; text: string; link: string; token: string }> {
  const catcher = catchers.get(db);
  if (!catcher) throw new Error('this test app sends no mail over SMTP (created with mail: "outbox")');
  const [{ n }] = await db.knex('outbox_messages').where({ to }).count({ n: '*' });
  if (Number(n) === 0) throw new Error(`no mail to ${to}`);
  const deadline = Date.now() + 5000;
  let mails = catcher.mails.filter((mail) => mail.to.includes(to.toLowerCase()));
  while (mails.length < Number(n)) {
    if (Date.now() > deadline) throw new Error(`mail to ${to} was recorded but not delivered`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    mails = catcher.mails.filter((mail) => mail.to.includes(to.toLowerCase()));
  }
  const row = mails[mails.length - 1];
  const link = /(https?:\/\/\S+)/.exec(row.text)?.[1] ?? '';
  const token = /token=([\w-]+)/.exec(link)?.[1] ?? '';
  return { subject: row.subject, text: row.text, link, token };
}

/**
 * Finishes a bearer sign-in that asks for two-factor: enrols an authenticator (keeping its secret in `secrets`) or
 * enters the next code from the kept secret, and answers the token of the full session.
 */
export async function completeTwoFactor(
  app: ApiListener,
  answer: { token: string; user: { two_factor?: { step: 'verify' | 'enrol' | null } } },
  email: string,
  secrets: Map<string, string>,
): Promise<string> {
  const step = answer.user.two_factor?.step;
  if (!step) return answer.token;
  const auth = { Authorization: `Bearer ${answer.token}` };
  let finished: request.Response;
  if (step === 'enrol') {
    const setup = await request(app).post('/auth/2fa/setup').set(auth).send({});
    if (setup.status !== 201) throw new Error(`2FA setup for ${email} failed: ${setup.status} ${JSON.stringify(setup.body)}`);
    secrets.set(email, setup.body.secret);
    finished = await request(app).post('/auth/2fa/enable').set(auth).send({ code: await totpCode(setup.body.secret) });
  } else {
    const secret = secrets.get(email);
    if (!secret) throw new Error(`${email} has two-factor sign-in on, but its secret is unknown to this test`);
    finished = await request(app).post('/auth/2fa/verify').set(auth).send({ code: await totpCode(secret) });
  }
  if (finished.status !== 200 || !finished.body.token) throw new Error(`2FA ${step} for ${email} failed: ${finished.status} ${JSON.stringify(finished.body)}`);
  return finished.body.token;
}
