import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../launcher/port';
import { startServices, type ServiceUrls } from '../launcher/services';
import { seedDemoIfEmpty } from '../seeds/seed-demo';
import { createTestDatabase } from './test-database';

export interface TestSystem extends ServiceUrls {
  databaseUrl: string;
  stop(): Promise<void>;
}

/** The whole system (API, back office, portal from their builds) on a fresh demo-seeded database and free ports. */
export async function startTestSystem(extraEnv: NodeJS.ProcessEnv = {}): Promise<TestSystem> {
  const database = await createTestDatabase();
  await seedDemoIfEmpty(database.knex);
  const ports = { api: await freePort(), backoffice: await freePort(), portal: await freePort() };
  // Uploaded files go to a directory of this run's own, removed with it.
  const storageDir = await mkdtemp(path.join(os.tmpdir(), 'sms-test-uploads-'));
  delete process.env.API_PUBLIC_URL;
  delete process.env.BACKOFFICE_URL;
  delete process.env.PORTAL_URL;
  try {
    const services = await startServices({
      databaseUrl: database.url,
      ports,
      host: '127.0.0.1',
      quiet: !process.env.SMS_TEST_VERBOSE,
      extraEnv: { LOG_LEVEL: 'warn', STORAGE_DIR: storageDir, ...extraEnv },
    });
    return {
      ...services,
      databaseUrl: database.url,
      async stop() {
        await services.stop();
        await database.destroy();
        await rm(storageDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await database.destroy();
    await rm(storageDir, { recursive: true, force: true });
    throw error;
  }
}
