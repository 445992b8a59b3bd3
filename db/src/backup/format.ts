/**
 * The SMS backup file: one gzip stream holding
 *
 *   {"format":"sms-backup","version":1,…manifest…}\n
 *   COPY "users" ("id", "email", …) FROM stdin;\n
 *   …the table's rows exactly as PostgreSQL's `COPY … TO STDOUT` (text format) writes them…
 *   \.\n
 *   …the same for every other table…
 *   -- end of SMS backup\n
 *
 * `zcat file | less` shows it. In COPY's text format a backslash in a value is always written as `\\`, so a
 * line that is exactly `\.` can only be the end of a table. The manifest's row counts, the end line and gzip's
 * own checksum make a truncated or damaged file fail to restore rather than restore part of the data.
 */
export const BACKUP_FORMAT = 'sms-backup';
export const BACKUP_FORMAT_VERSION = 1;

/** knex's own bookkeeping: rebuilt by running the migrations, never copied. */
export const MIGRATION_TABLES = ['knex_migrations', 'knex_migrations_lock'];

export const END_OF_TABLE = '\\.\n';
export const END_OF_BACKUP = '-- end of SMS backup';

export interface BackupTable {
  name: string;
  /** Columns in the order of the COPY data (generated columns are left out: the database computes them). */
  columns: string[];
  rows: number;
}

export interface BackupSequence {
  name: string;
  /** The column owning the sequence (identity or serial), when there is one. */
  table: string | null;
  column: string | null;
  /** As text: a bigint. Null when the sequence has never been used. */
  last_value: string | null;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: number;
  created_at: string;
  server_version: string;
  /** Names of the applied knex migrations, oldest first. */
  migrations: string[];
  tables: BackupTable[];
  sequences: BackupSequence[];
}

/** A failure with a message meant for the person running the command, shown as one line without a stack. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function columnList(table: BackupTable): string {
  return table.columns.map(quoteIdent).join(', ');
}

/** The line before each table's data, as pg_dump writes it (the restore checks it, never runs it). */
export function copyHeader(table: BackupTable): string {
  return `COPY ${quoteIdent(table.name)} (${columnList(table)}) FROM stdin;`;
}
