import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createKnex, migrateLatest, withDatabase } from '../index';
import { startEmbeddedPostgres, type RunningPostgres } from '../launcher/embedded-postgres';
import { freePort } from '../launcher/port';

export const TEMPLATE_DATABASE = 'sms_test_template';

/**
 * Jest global setup: one PostgreSQL for the run (embedded in a temp dir, or the server at TEST_PG_URL),
 * with a migrated template database that every test file clones into a database of its own.
 */
export default async function globalSetup(): Promise<void> {
  // Test-only: hundreds of sign-ins and hashes at OWASP's scrypt cost (128 MiB, ~0.3 s each) would make the suite
  // slow; the cost itself is tested in db/src/password-hash.test.ts. Workers and spawned services inherit both.
  process.env.PASSWORD_HASH_TEST_COST ??= '10';
  // The API refuses to start in production without a key for the TOTP secrets (spawned test servers run so).
  process.env.TOTP_ENCRYPTION_KEY ??= 'test-only-totp-key-0123456789abcdef0123456789';
  let adminUrl = process.env.TEST_PG_URL;
  if (!adminUrl) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sms-test-pg-'));
    const postgres: RunningPostgres = await startEmbeddedPostgres(dataDir, await freePort());
    (globalThis as Record<string, unknown>).__smsTestPostgres = { postgres, dataDir };
    adminUrl = postgres.adminUrl;
  }
  process.env.SMS_TEST_ADMIN_URL = adminUrl;
  const admin = createKnex(adminUrl, 1);
  try {
    await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [TEMPLATE_DATABASE]);
    await admin.raw('CREATE DATABASE ??', [TEMPLATE_DATABASE]);
  } finally {
    await admin.destroy();
  }
  const template = createKnex(withDatabase(adminUrl, TEMPLATE_DATABASE), 1);
  try {
    await migrateLatest(template);
  } finally {
    await template.destroy();
  }
}
