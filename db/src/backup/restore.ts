import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import type { Knex } from 'knex';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { createKnex } from '../index';
import { migrationSource } from '../migrations';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupError,
  END_OF_BACKUP,
  MIGRATION_TABLES,
  columnList,
  copyHeader,
  quoteIdent,
  type BackupManifest,
} from './format';

export interface RestoreOptions {
  /** Replace a database that already holds data: drop and recreate schema `public` first. */
  force?: boolean;
}

export interface RestoreSummary {
  manifest: BackupManifest;
  tables: number;
  rows: number;
  /** Migrations newer than the backup, applied after loading its data. */
  migratedAfter: string[];
  /** Whether schema `public` was dropped and recreated (--force). */
  replaced: boolean;
}

/** A damaged or incomplete backup file: reported as such, never half restored. */
class DamagedBackupError extends BackupError {}

/**
 * Restores a backup written by backupDatabase into the database at `target`, in ONE transaction: a file that is
 * cut short or damaged, a refusal or any error leaves the database exactly as it was.
 *
 * Refuses a database that already has users unless `force`. Runs the migrations up to exactly the backup's last
 * one, loads every table with COPY FROM STDIN under `session_replication_role = replica` (so triggers such as the
 * append-only audit log, point awards and foreign keys neither fire nor impose an order; the data was consistent
 * when it was read), moves every sequence past the restored ids, then runs the migrations the backup predates.
 */
export async function restoreDatabase(target: Knex | string, input: Readable, options: RestoreOptions = {}): Promise<RestoreSummary> {
  const gunzip = createGunzip({ chunkSize: 64 * 1024 });
  input.once('error', (error) => gunzip.destroy(error));
  const reader = new BackupReader(input.pipe(gunzip));
  try {
    const manifest = await readManifest(reader);
    const known = await migrationSource.getMigrations([]);
    checkMigrations(manifest, known);
    const knex = typeof target === 'string' ? createKnex(target, 1) : target;
    try {
      return await knex.transaction((trx) => restoreInTransaction(trx, reader, manifest, options));
    } finally {
      if (typeof target === 'string') await knex.destroy();
    }
  } catch (error) {
    // The transaction has been rolled back: say so, so nobody wonders what half of the data is there.
    if (error instanceof DamagedBackupError) throw new BackupError(`${error.message} Nothing was restored; the database is as it was.`);
    throw error;
  } finally {
    input.destroy();
    gunzip.destroy();
  }
}

async function restoreInTransaction(
  trx: Knex.Transaction,
  reader: BackupReader,
  manifest: BackupManifest,
  options: RestoreOptions,
): Promise<RestoreSummary> {
  await trx.raw('SET LOCAL statement_timeout = 0');
  await trx.raw('SET LOCAL idle_in_transaction_session_timeout = 0');

  const users = await countUsers(trx);
  if (users > 0 && !options.force) {
    throw new BackupError(
      `The target database already holds data (${users} user${users === 1 ? '' : 's'}); nothing was restored. Add --force to replace everything in it with the backup.`,
    );
  }
  if (options.force) {
    await trx.raw('DROP SCHEMA IF EXISTS public CASCADE');
    await trx.raw('CREATE SCHEMA public');
    await trx.raw('GRANT USAGE ON SCHEMA public TO PUBLIC');
  }

  // Bring the schema to exactly where it was when the backup was made.
  let applied = await appliedMigrations(trx);
  // The migrations build the job queue's schema too: rebuilt with the rest. Jobs are not in a backup (a restored
  // database starts with empty queues).
  if (applied.length === 0) await trx.raw('DROP SCHEMA IF EXISTS pgboss CASCADE');
  const backupLast = manifest.migrations[manifest.migrations.length - 1];
  if (!applied.every((name, i) => manifest.migrations[i] === name)) {
    throw new BackupError(
      `The target database's schema is at migration ${applied[applied.length - 1]}, which the backup (at ${backupLast ?? 'no migration'}) does not have; nothing was restored. Add --force to recreate the schema.`,
    );
  }
  while (applied.length < manifest.migrations.length) {
    const [, ran] = (await trx.migrate.up({ migrationSource })) as [number, string[]];
    const expected = manifest.migrations[applied.length];
    if (ran.length !== 1 || ran[0] !== expected) throw new Error(`Expected to apply migration ${expected}, applied ${ran.join(', ') || 'none'}.`);
    applied = [...applied, ...ran];
  }
  await checkTables(trx, manifest);

  try {
    await trx.raw('SET LOCAL session_replication_role = replica');
  } catch (error) {
    throw new BackupError(
      `Restoring needs a connection allowed to set session_replication_role (a superuser): ${(error as Error).message}. Nothing was restored.`,
    );
  }
  if (manifest.tables.length > 0) {
    // Empty already unless the target had rows without users; a restore leaves exactly the backup's rows.
    await trx.raw(`TRUNCATE ${manifest.tables.map((t) => quoteIdent(t.name)).join(', ')}`);
  }
  const connection = (await trx.client.acquireConnection()) as pg.ClientBase;
  let rows = 0;
  for (const table of manifest.tables) {
    const header = await reader.readLine(`the start of table ${table.name}`);
    if (header !== copyHeader(table)) {
      throw new DamagedBackupError(`The backup file is damaged: expected the data of table ${table.name}, found "${header.slice(0, 80)}".`);
    }
    const copy = copyFrom(`COPY ${quoteIdent(table.name)} (${columnList(table)}) FROM STDIN`);
    try {
      await pipeline(reader.tableData(table.name), connection.query(copy));
    } catch (error) {
      if (error instanceof BackupError) throw error;
      throw new DamagedBackupError(`The backup file is damaged: PostgreSQL refused the data of table ${table.name} (${(error as Error).message}).`);
    }
    if (copy.rowCount !== table.rows) {
      throw new DamagedBackupError(`The backup file is damaged: table ${table.name} has ${copy.rowCount} rows, its manifest says ${table.rows}.`);
    }
    rows += copy.rowCount;
  }
  const trailer = await reader.readLine('its end line');
  if (trailer !== END_OF_BACKUP || !(await reader.atEnd())) {
    throw new DamagedBackupError('The backup file is damaged: unexpected data after the last table.');
  }

  await resetSequences(trx, manifest);
  await trx.raw('SET LOCAL session_replication_role = origin');
  const [, migratedAfter] = (await trx.migrate.latest({ migrationSource })) as [number, string[]];
  return { manifest, tables: manifest.tables.length, rows, migratedAfter, replaced: Boolean(options.force) };
}

async function readManifest(reader: BackupReader): Promise<BackupManifest> {
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(await reader.readLine('its manifest', 16 * 1024 * 1024));
  } catch (error) {
    if (error instanceof DamagedBackupError && /not gzip|incorrect header/i.test(error.message)) {
      throw new BackupError('This is not an SMS backup file (it is not gzip-compressed).');
    }
    if (error instanceof BackupError) throw error;
    throw new BackupError('This is not an SMS backup file (it does not start with a backup manifest).');
  }
  if (manifest?.format !== BACKUP_FORMAT || !Array.isArray(manifest.migrations) || !Array.isArray(manifest.tables)) {
    throw new BackupError('This is not an SMS backup file (it does not start with a backup manifest).');
  }
  if (manifest.version !== BACKUP_FORMAT_VERSION) {
    throw new BackupError(`This backup is in format version ${manifest.version}; this version of SMS reads version ${BACKUP_FORMAT_VERSION}. Restore it with the SMS version that made it.`);
  }
  return manifest;
}

/** The backup's migrations must be the first N of this code's: otherwise the code cannot rebuild its schema. */
function checkMigrations(manifest: BackupManifest, known: string[]): void {
  const unknown = manifest.migrations.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new BackupError(
      `This backup was made by a newer version of SMS: its migration${unknown.length === 1 ? '' : 's'} ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} unknown to this code. Update the code and restore again; nothing was restored.`,
    );
  }
  if (!manifest.migrations.every((name, i) => known[i] === name)) {
    throw new BackupError(
      `This backup's migrations (${manifest.migrations.join(', ')}) are not a prefix of this code's, so its schema cannot be rebuilt; nothing was restored.`,
    );
  }
}

async function countUsers(trx: Knex.Transaction): Promise<number> {
  const { rows } = await trx.raw(`SELECT to_regclass('public.users') IS NOT NULL AS present`);
  if (!rows[0].present) return 0;
  const result = await trx.raw('SELECT count(*)::int AS n FROM public.users');
  return result.rows[0].n;
}

async function appliedMigrations(trx: Knex.Transaction): Promise<string[]> {
  const { rows } = await trx.raw(`SELECT to_regclass('public.knex_migrations') IS NOT NULL AS present`);
  if (!rows[0].present) return [];
  return (await trx.raw('SELECT name FROM public.knex_migrations ORDER BY id')).rows.map((r: { name: string }) => r.name);
}

/** After the backup's migrations the schema must hold the backup's tables and columns: otherwise say what differs. */
async function checkTables(trx: Knex.Transaction, manifest: BackupManifest): Promise<void> {
  const { rows } = await trx.raw(
    `SELECT c.relname::text AS name,
            coalesce(array_agg(a.attname::text ORDER BY a.attnum) FILTER (WHERE a.attnum IS NOT NULL), '{}') AS columns
     FROM pg_class c
     JOIN pg_namespace n ON n.oid = c.relnamespace
     LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> ALL(?::text[])
     GROUP BY c.relname`,
    [MIGRATION_TABLES],
  );
  const schema = new Map<string, string[]>(rows.map((r: { name: string; columns: string[] }) => [r.name, r.columns]));
  const problems: string[] = [];
  for (const table of manifest.tables) {
    const columns = schema.get(table.name);
    if (!columns) {
      problems.push(`table ${table.name} is missing`);
      continue;
    }
    const missing = table.columns.filter((c) => !columns.includes(c));
    if (missing.length) problems.push(`${table.name} lacks ${missing.join(', ')}`);
  }
  const extra = [...schema.keys()].filter((name) => !manifest.tables.some((t) => t.name === name));
  if (extra.length) problems.push(`the backup has no table ${extra.join(', ')}`);
  if (problems.length > 0) {
    throw new BackupError(
      `The backup's tables do not match the schema its migrations build (${problems.join('; ')}): was the schema changed outside the migrations? Nothing was restored.`,
    );
  }
}

/** Every sequence continues after the restored rows: past max(column), and never behind where it stood in the backup. */
async function resetSequences(trx: Knex.Transaction, manifest: BackupManifest): Promise<void> {
  const backupValues = new Map(manifest.sequences.map((s) => [s.name, s.last_value]));
  const { rows } = await trx.raw(
    `SELECT s.oid::regclass::text AS sequence, s.relname::text AS name, t.relname::text AS "table", a.attname::text AS "column"
     FROM pg_class s
     JOIN pg_namespace n ON n.oid = s.relnamespace AND n.nspname = 'public'
     LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.oid
                          AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
     LEFT JOIN pg_class t ON t.oid = d.refobjid
     LEFT JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
     WHERE s.relkind = 'S' AND (t.relname IS NULL OR t.relname <> ALL(?::text[]))`,
    [MIGRATION_TABLES],
  );
  for (const seq of rows as { sequence: string; name: string; table: string | null; column: string | null }[]) {
    const maxInTable = seq.table && seq.column ? `(SELECT max(${quoteIdent(seq.column)}) FROM ${quoteIdent(seq.table)})` : 'NULL';
    const { rows: value } = await trx.raw(`SELECT greatest(${maxInTable}, ?::bigint)::text AS v`, [backupValues.get(seq.name) ?? null]);
    if (value[0].v === null) await trx.raw(`ALTER SEQUENCE ${seq.sequence} RESTART`);
    else await trx.raw('SELECT setval(?::regclass, ?::bigint, true)', [seq.sequence, value[0].v]);
  }
}

/**
 * Reads the decompressed backup: lines (manifest, headers) and each table's COPY data up to its `\.` line,
 * passing the data through in chunks, never a whole table at once. A gzip error or an early end is reported as a
 * damaged or truncated file.
 */
class BackupReader {
  private pending: Buffer = Buffer.alloc(0);
  private ended = false;
  private readonly source: AsyncIterator<Buffer>;
  private static readonly TERMINATOR = Buffer.from('\n\\.\n');

  constructor(stream: Readable) {
    this.source = stream[Symbol.asyncIterator]();
  }

  private async fill(where: string): Promise<boolean> {
    if (this.ended) return false;
    let next: IteratorResult<Buffer>;
    try {
      next = await this.source.next();
    } catch (error) {
      const message = (error as Error).message;
      if (/unexpected end of file/i.test(message)) {
        throw new DamagedBackupError(`The backup file is truncated: it ends inside ${where}.`);
      }
      throw new DamagedBackupError(`The backup file is damaged or not gzip (${message}, in ${where}).`);
    }
    if (next.done) {
      this.ended = true;
      return false;
    }
    this.pending = this.pending.length ? Buffer.concat([this.pending, next.value]) : next.value;
    return true;
  }

  async readLine(where: string, limit = 1024 * 1024): Promise<string> {
    for (;;) {
      const newline = this.pending.indexOf(0x0a);
      if (newline >= 0) {
        const line = this.pending.toString('utf8', 0, newline);
        this.pending = this.pending.subarray(newline + 1);
        return line;
      }
      if (this.pending.length > limit) throw new DamagedBackupError(`The backup file is damaged: no line break in ${where}.`);
      if (!(await this.fill(where))) throw new DamagedBackupError(`The backup file is truncated: it ends before ${where}.`);
    }
  }

  /** One table's COPY data, without its closing `\.` line. */
  async *tableData(table: string): AsyncGenerator<Buffer> {
    let lineStart = true;
    for (;;) {
      const data = this.pending;
      let end = -1;
      if (lineStart && data.length >= 3 && data[0] === 0x5c && data[1] === 0x2e && data[2] === 0x0a) end = 0;
      else {
        const at = data.indexOf(BackupReader.TERMINATOR);
        if (at >= 0) end = at + 1;
      }
      if (end >= 0) {
        this.pending = data.subarray(end + 3);
        if (end > 0) yield data.subarray(0, end);
        return;
      }
      // Keep the last three bytes: they may be the start of the terminator.
      const emit = data.length - Math.min(data.length, 3);
      if (emit > 0) {
        this.pending = data.subarray(emit);
        lineStart = data[emit - 1] === 0x0a;
        yield data.subarray(0, emit);
      }
      if (!(await this.fill(`table ${table}`))) throw new DamagedBackupError(`The backup file is truncated: it ends inside table ${table}.`);
    }
  }

  async atEnd(): Promise<boolean> {
    while (this.pending.length === 0) {
      if (!(await this.fill('its end'))) return true;
    }
    return false;
  }
}
