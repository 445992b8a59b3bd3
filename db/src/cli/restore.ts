import fs from 'node:fs';
import { BackupError } from '../backup/format';
import { restoreDatabase } from '../backup/restore';
import { displayPath, formatCount, openCommandDatabase, resolveFromInvocation, runCommand } from './database';

const USAGE = 'Usage: npm run db:restore -- <file> [--force]   (--force replaces a database that already holds data)';

/** `npm run db:restore -- <file> [--force]`: restores a backup into DATABASE_URL or the embedded database. */
runCommand(async () => {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return;
  }
  const force = args.includes('--force');
  const unknown = args.filter((arg) => arg.startsWith('-') && arg !== '--force');
  const files = args.filter((arg) => !arg.startsWith('-'));
  if (unknown.length > 0 || files.length !== 1) throw new BackupError(`${unknown.length ? `Unknown option ${unknown[0]}. ` : ''}${USAGE}`);
  const file = resolveFromInvocation(files[0]);
  if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) throw new BackupError(`No backup file at ${displayPath(file)}.`);

  const database = await openCommandDatabase('restore');
  let summary;
  const started = Date.now();
  try {
    summary = await restoreDatabase(database.url, fs.createReadStream(file), { force });
  } finally {
    await database.close();
  }
  const seconds = (Date.now() - started) / 1000;
  const { manifest, migratedAfter } = summary;
  console.log(
    `Restored ${summary.tables} tables, ${formatCount(summary.rows)} rows from ${displayPath(file)} ` +
      `(made ${manifest.created_at} at migration ${manifest.migrations.at(-1)}) in ${seconds.toFixed(1)} s` +
      `${summary.replaced ? ', replacing what the database held' : ''}.`,
  );
  if (migratedAfter.length > 0) console.log(`Then applied ${migratedAfter.length} newer migration(s): ${migratedAfter.join(', ')}.`);
  console.log(`Into ${database.label}.`);
});
