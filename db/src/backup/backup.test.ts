import { Readable, Writable } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Knex } from 'knex';
import { migrationSource } from '../migrations';
import { generateAttendanceHistory, generateCohorts } from '../seeds/cohorts';
import { insertDemoAccounts } from '../seeds/demo-accounts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { backupDatabase } from './backup';
import type { BackupManifest } from './format';
import { restoreDatabase } from './restore';

const databases: TestDatabase[] = [];
async function database(): Promise<TestDatabase> {
  const db = await createTestDatabase();
  databases.push(db);
  return db;
}
afterAll(() => Promise.all(databases.map((db) => db.destroy())));

/** A value COPY has to escape, with a line that is exactly `\.` (the end-of-table marker) inside it. */
const AWKWARD_TEXT = 'tab\there, back\\slash, "quotes", ünïcødé ✓\n\\.\nand a last line\r\n';

async function seed(knex: Knex, prefix: string): Promise<void> {
  await knex.transaction(async (trx) => {
    await insertDemoAccounts(trx, 'backup-test');
    await generateCohorts(trx, { prefix, batches: 2, studentsPerBatch: 40, missionsPerBatch: 2, mentorsPerBatch: 3, passwordHash: null });
    await generateAttendanceHistory(trx, { prefix, days: 5 });
    const admin = await trx('users').where({ email: 'admin@example.com' }).first('id');
    await trx('notices').insert({ title: 'Backups', body_md: AWKWARD_TEXT, body_html: '<p>x</p>', audience: 'everyone', created_by: admin.id });
  });
}

async function backup(knex: Knex): Promise<{ file: Buffer; manifest: BackupManifest }> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const { manifest } = await backupDatabase(knex, sink);
  return { file: Buffer.concat(chunks), manifest };
}

const restore = (db: TestDatabase, file: Buffer, force = false) => restoreDatabase(db.knex, Readable.from([file]), { force });

/** Row count and a hash of every row, per table. */
async function fingerprint(knex: Knex, tables: string[]): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of tables) {
    const { rows } = await knex.raw(`SELECT count(*) AS n, md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) AS h FROM ?? t`, [table]);
    result[table] = `${rows[0].n} ${rows[0].h}`;
  }
  return result;
}

const appliedMigrations = async (knex: Knex) => (await knex('knex_migrations').orderBy('id').pluck('name')) as string[];

/** Rewrites a backup's decompressed text (for damaged and foreign files). */
const rewrite = (file: Buffer, edit: (text: string) => string) => gzipSync(Buffer.from(edit(gunzipSync(file).toString('utf8'))));

let source: TestDatabase;
let file: Buffer;
let manifest: BackupManifest;
let tables: string[];
let original: Record<string, string>;

beforeAll(async () => {
  source = await database();
  await seed(source.knex, 'BK');
  ({ file, manifest } = await backup(source.knex));
  tables = manifest.tables.map((t) => t.name);
  original = await fingerprint(source.knex, tables);
});

it('writes a manifest of the migrations, tables, columns and row counts', async () => {
  expect(manifest).toMatchObject({ format: 'sms-backup', version: 1 });
  expect(manifest.migrations).toEqual(await migrationSource.getMigrations([]));
  expect(tables).toEqual(expect.arrayContaining(['users', 'audit_log', 'daily_attendance', 'points_ledger', 'notices']));
  expect(tables).not.toContain('knex_migrations');
  expect(tables).not.toContain('knex_migrations_lock');
  expect(manifest.tables.find((t) => t.name === 'users')?.columns).toEqual(expect.arrayContaining(['id', 'email', 'password_hash']));
  for (const table of manifest.tables) expect(`${table.rows}`).toBe(original[table.name].split(' ')[0]);
  expect(manifest.tables.find((t) => t.name === 'daily_attendance')?.rows).toBeGreaterThan(200);
});

describe('into an empty, migrated database', () => {
  let target: TestDatabase;
  beforeAll(async () => {
    target = await database();
  });

  it('restores identical contents, table by table', async () => {
    const summary = await restore(target, file);
    expect(summary).toMatchObject({ tables: tables.length, migratedAfter: [], replaced: false });
    expect(await fingerprint(target.knex, tables)).toEqual(original);
    expect(await appliedMigrations(target.knex)).toEqual(manifest.migrations);
    const notice = await target.knex('notices').first('body_md');
    expect(notice.body_md).toBe(AWKWARD_TEXT);
  });

  it('keeps the audit log append-only and every sequence going past the restored ids', async () => {
    const last = await target.knex('audit_log').max({ id: 'id' }).first();
    await expect(target.knex('audit_log').where({ id: last!.id }).update({ action: 'forged' })).rejects.toThrow(/append-only/);
    const [entry] = await target.knex('audit_log').insert({ action: 'create', resource: 'users', record_id: '1' }).returning('id');
    expect(entry.id).toBeGreaterThan(last!.id);
    const maxUser = await target.knex('users').max({ id: 'id' }).first();
    const [user] = await target.knex('users').insert({ email: 'after.restore@example.org', name: 'After Restore', role: 'student' }).returning('id');
    expect(user.id).toBeGreaterThan(maxUser!.id);
    // The restored triggers fire again: a new student user gets their students row.
    expect(await target.knex('students').where({ id: user.id }).first()).toBeDefined();
  });

  it('refuses a database that already holds data, changing nothing; --force replaces it', async () => {
    const before = await fingerprint(target.knex, tables);
    await expect(restore(target, file)).rejects.toThrow(/^The target database already holds data \(\d+ users\); nothing was restored\. Add --force/);
    expect(await fingerprint(target.knex, tables)).toEqual(before);

    const summary = await restore(target, file, true);
    expect(summary.replaced).toBe(true);
    expect(await fingerprint(target.knex, tables)).toEqual(original);
  });

  it('fails on a truncated or damaged file with --force and leaves the data as it was', async () => {
    const before = await fingerprint(target.knex, tables);
    await expect(restore(target, file.subarray(0, Math.floor(file.length * 0.6)), true)).rejects.toThrow(/truncated.*Nothing was restored/);
    // A row PostgreSQL cannot read (an id that is not a number) in the middle of the users table.
    const badRow = rewrite(file, (text) => text.replace(/(\nCOPY "users" [^\n]*\n)\d+\t/, '$1not-a-number\t'));
    await expect(restore(target, badRow, true)).rejects.toThrow(
      /^The backup file is damaged: PostgreSQL refused the data of table users \(.*not-a-number.*\)\. Nothing was restored; the database is as it was\.$/,
    );
    // Bytes flipped inside the compressed data.
    const flipped = Buffer.from(file);
    for (let i = 0; i < 64; i += 1) flipped[Math.floor(file.length / 2) + i] ^= 0x5a;
    await expect(restore(target, flipped, true)).rejects.toThrow(/^The backup file is damaged.*Nothing was restored; the database is as it was\.$/);
    expect(await fingerprint(target.knex, tables)).toEqual(before);
  });
});

it('restores into a database with no schema at all, and fails there on a truncated file leaving it empty', async () => {
  const target = await database();
  await target.knex.raw('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
  // Cut at the end of a table: well-formed gzip, but tables missing.
  const cut = rewrite(file, (text) => text.slice(0, text.indexOf('\n\\.\n', text.indexOf('\nCOPY "daily_attendance"')) + 4));
  await expect(restore(target, cut)).rejects.toThrow(/^The backup file is truncated: it ends before the start of table \w+\. Nothing was restored/);
  const { rows } = await target.knex.raw("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'");
  expect(rows[0].n).toBe(0);

  await restore(target, file);
  expect(await fingerprint(target.knex, tables)).toEqual(original);
});

it('leaves an empty database as it was when the file is cut short', async () => {
  const target = await database();
  const before = await fingerprint(target.knex, tables);
  await expect(restore(target, file.subarray(0, file.length - 200))).rejects.toThrow(/truncated/);
  expect(await fingerprint(target.knex, tables)).toEqual(before);
  expect(await target.knex('users').count({ n: '*' })).toEqual([{ n: 0 }]);
});

it('refuses a backup made by newer code, and a file that is not a backup', async () => {
  const target = await database();
  const before = await fingerprint(target.knex, tables);
  const future = rewrite(file, (text) => text.replace('"migrations":[', '"migrations":["20991231000000_from_the_future",'));
  await expect(restore(target, future)).rejects.toThrow(/newer version of SMS.*20991231000000_from_the_future/);
  await expect(restore(target, Buffer.from('id,name\n1,x\n'))).rejects.toThrow(/not an SMS backup file/);
  await expect(restore(target, gzipSync('hello\n'))).rejects.toThrow(/not an SMS backup file/);
  expect(await fingerprint(target.knex, tables)).toEqual(before);
});

it('restores a backup made before the newest migration, then applies that migration to the restored data', async () => {
  const all = await migrationSource.getMigrations([]);
  const older = await database();
  await older.knex.migrate.down();
  await seed(older.knex, 'OLD');
  const { file: oldFile, manifest: oldManifest } = await backup(older.knex);
  expect(oldManifest.migrations).toEqual(all.slice(0, -1));

  const target = await database();
  await target.knex.raw('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
  const summary = await restore(target, oldFile);
  expect(summary.migratedAfter).toEqual(all.slice(-1));
  expect(await appliedMigrations(target.knex)).toEqual(all);
  // The same data as the source once that is migrated too (tables the newest migration adds may hold rows it
  // wrote with its own timestamps, so compare the backup's tables).
  await older.knex.migrate.latest();
  const oldTables = oldManifest.tables.map((t) => t.name);
  expect(await fingerprint(target.knex, oldTables)).toEqual(await fingerprint(older.knex, oldTables));
});
