import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Knex } from 'knex';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupError,
  END_OF_BACKUP,
  END_OF_TABLE,
  MIGRATION_TABLES,
  columnList,
  copyHeader,
  quoteIdent,
  type BackupManifest,
  type BackupSequence,
  type BackupTable,
} from './format';

export interface BackupOptions {
  /** gzip level, 1 (fastest) to 9 (smallest). */
  gzipLevel?: number;
}

export interface BackupSummary {
  manifest: BackupManifest;
  tables: number;
  rows: number;
}

/**
 * Writes a logical backup of schema `public` to `output` (which it ends): the manifest, then every table's
 * rows through `COPY … TO STDOUT`, gzipped. Everything is read in one REPEATABLE READ READ ONLY transaction, so
 * the tables agree with each other even while the system keeps writing; rows stream through and are never
 * held in memory a table at a time.
 */
export async function backupDatabase(source: Knex | string, output: Writable, options: BackupOptions = {}): Promise<BackupSummary> {
  return withConnection(source, async (client) => {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query('SET LOCAL statement_timeout = 0');
    await client.query('SET LOCAL idle_in_transaction_session_timeout = 0');
    const manifest = await readManifest(client);
    await pipeline(backupChunks(client, manifest), createGzip({ level: options.gzipLevel ?? 3 }), output);
    await client.query('COMMIT');
    return { manifest, tables: manifest.tables.length, rows: manifest.tables.reduce((sum, t) => sum + t.rows, 0) };
  });
}

async function readManifest(client: pg.ClientBase): Promise<BackupManifest> {
  const { rows: found } = await client.query(`SELECT to_regclass('public.knex_migrations') IS NOT NULL AS migrated`);
  if (!found[0].migrated) {
    throw new BackupError('This database has no knex_migrations table: it was never migrated, so there is nothing of SMS to back up.');
  }
  const migrations = (await client.query('SELECT name FROM knex_migrations ORDER BY id')).rows.map((r) => String(r.name));
  const { rows: tableRows } = await client.query(
    `SELECT c.relname::text AS name,
            coalesce(array_agg(a.attname::text ORDER BY a.attnum) FILTER (WHERE a.attnum IS NOT NULL), '{}') AS columns
     FROM pg_class c
     JOIN pg_namespace n ON n.oid = c.relnamespace
     LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relpersistence <> 't'
       AND c.relname <> ALL($1::text[])
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
     GROUP BY c.relname
     ORDER BY c.relname`,
    [MIGRATION_TABLES],
  );
  const tables: BackupTable[] = [];
  for (const { name, columns } of tableRows as { name: string; columns: string[] }[]) {
    const { rows } = await client.query(`SELECT count(*)::text AS n FROM ${quoteIdent(name)}`);
    tables.push({ name, columns, rows: Number(rows[0].n) });
  }
  const { rows: sequences } = await client.query(
    `SELECT s.relname::text AS name, t.relname::text AS "table", a.attname::text AS "column", ps.last_value::text AS last_value
     FROM pg_class s
     JOIN pg_namespace n ON n.oid = s.relnamespace AND n.nspname = 'public'
     LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.oid
                          AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
     LEFT JOIN pg_class t ON t.oid = d.refobjid
     LEFT JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
     LEFT JOIN pg_sequences ps ON ps.schemaname = 'public' AND ps.sequencename = s.relname
     WHERE s.relkind = 'S' AND (t.relname IS NULL OR t.relname <> ALL($1::text[]))
     ORDER BY s.relname`,
    [MIGRATION_TABLES],
  );
  const { rows: version } = await client.query('SHOW server_version');
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_FORMAT_VERSION,
    created_at: new Date().toISOString(),
    server_version: String(version[0].server_version),
    migrations,
    tables,
    sequences: sequences as BackupSequence[],
  };
}

async function* backupChunks(client: pg.ClientBase, manifest: BackupManifest): AsyncGenerator<Buffer> {
  yield Buffer.from(`${JSON.stringify(manifest)}\n`);
  for (const table of manifest.tables) {
    yield Buffer.from(`${copyHeader(table)}\n`);
    const copy = client.query(copyTo(`COPY ${quoteIdent(table.name)} (${columnList(table)}) TO STDOUT`));
    for await (const chunk of copy) yield chunk as Buffer;
    // Same snapshot as the count: a difference would be a bug here, not a concurrent write.
    if (copy.rowCount !== table.rows) {
      throw new Error(`Table ${table.name}: counted ${table.rows} rows but COPY wrote ${copy.rowCount}.`);
    }
    yield Buffer.from(END_OF_TABLE);
  }
  yield Buffer.from(`${END_OF_BACKUP}\n`);
}

/**
 * Runs `fn` on one connection of its own: a new client for a URL, or one taken from the knex pool. A connection
 * that failed mid-COPY is closed rather than handed back.
 */
async function withConnection<T>(source: Knex | string, fn: (client: pg.ClientBase) => Promise<T>): Promise<T> {
  let client: pg.Client;
  let release: (failed: boolean) => Promise<void>;
  if (typeof source === 'string') {
    client = new pg.Client({ connectionString: source });
    await client.connect();
    release = () => client.end();
  } else {
    client = (await source.client.acquireConnection()) as pg.Client;
    release = async (failed) => {
      if (failed) await client.end().catch(() => {});
      await source.client.releaseConnection(client);
    };
  }
  try {
    const result = await fn(client);
    await release(false);
    return result;
  } catch (error) {
    await release(true).catch(() => {});
    throw error;
  }
}
