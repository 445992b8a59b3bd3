import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import request from 'supertest';
import { insertDemoAccounts, DEMO_PASSWORD } from '@sms/db/seeds/demo-accounts';
import { insertDemoCohorts } from '@sms/db/seeds/seed-demo';
import { createTestDatabase, type TestDatabase } from '@sms/db/testing/test-database';
import { startMailCatcher, type MailCatcher } from '@sms/db/testing/mail-catcher';
import { createApp, type ApiListener } from '../app';
import { loadConfig } from '../config';
import type { Role } from '../core/actor';

export { DEMO_PASSWORD };

export interface TestApp {
  app: ApiListener;
  db: TestDatabase;
  /** Signs a demo account in through the API and returns its bearer token. */
  tokenFor(role: Role): Promise<string>;
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
 */
export async function createTestApp(env: Record<string, string> = {}, options: { cohorts?: boolean; mail?: 'catcher' | 'outbox' } = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const catcher = options.mail === 'outbox' || env.SMTP_URL ? undefined : await startMailCatcher();
  if (catcher) catchers.set(db, catcher);
  await db.knex.transaction(async (trx) => {
    await insertDemoAccounts(trx);
    if (options.cohorts) await insertDemoCohorts(trx);
  });
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    BACKOFFICE_URL: 'http://backoffice.test',
    PORTAL_URL: 'http://portal.test',
    LOG_LEVEL: 'silent',
    ...(catcher ? { SMTP_URL: catcher.url } : {}),
    ...env,
  });
  const app = createApp({ config, knex: db.knex, logger: pino({ level: 'silent' }) });
  const tokens = new Map<Role, string>();
  const servers: Server[] = [];
  return {
    app,
    db,
    async tokenFor(role) {
      const cached = tokens.get(role);
      if (cached) return cached;
      const response = await request(app).post('/auth/token').send({ email: emailOf(role), password: DEMO_PASSWORD });
      if (response.status !== 200) throw new Error(`sign-in as ${role} failed: ${response.status} ${JSON.stringify(response.body)}`);
      tokens.set(role, response.body.token);
      return response.body.token;
    },
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
      for (const server of servers) server.closeAllConnections?.();
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
