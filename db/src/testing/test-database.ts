import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { createKnex, withDatabase } from '../index';
import { TEMPLATE_DATABASE } from './global-setup';

export interface TestDatabase {
  url: string;
  knex: Knex;
  destroy(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env.SMS_TEST_ADMIN_URL;
  if (!url) throw new Error('SMS_TEST_ADMIN_URL is not set: run tests through jest (its global setup starts PostgreSQL).');
  return url;
}

/** A fresh, migrated database for one test file, cloned from the template the global setup built. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `sms_t_${randomBytes(6).toString('hex')}`;
  const admin = createKnex(adminUrl(), 1);
  try {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await admin.raw('CREATE DATABASE ?? TEMPLATE ??', [name, TEMPLATE_DATABASE]);
        break;
      } catch (error) {
        // Two files cloning the template in the same instant can collide; a retry settles it.
        if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.destroy();
  }
  const url = withDatabase(adminUrl(), name);
  const knex = createKnex(url, 5);
  return {
    url,
    knex,
    async destroy() {
      await knex.destroy();
      const dropper = createKnex(adminUrl(), 1);
      try {
        await dropper.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [name]);
      } finally {
        await dropper.destroy();
      }
    },
  };
}
