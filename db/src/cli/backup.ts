import fs from 'node:fs';
import path from 'node:path';
import { backupDatabase } from '../backup/backup';
import { BackupError } from '../backup/format';
import { REPO_ROOT } from '../launcher/services';
import { displayPath, formatCount, openCommandDatabase, resolveFromInvocation, runCommand } from './database';

const USAGE = 'Usage: npm run db:backup -- [file]   (default: backups/sms-YYYY-MM-DDTHH-MM.sms.gz, UTC)';

/** `npm run db:backup -- [file]`: writes a backup of DATABASE_URL or the embedded database. */
runCommand(async () => {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return;
  }
  const unknown = args.filter((arg) => arg.startsWith('-'));
  if (unknown.length > 0 || args.length > 1) throw new BackupError(`${unknown.length ? `Unknown option ${unknown[0]}. ` : ''}${USAGE}`);
  const stamp = new Date().toISOString().slice(0, 16).replace(':', '-');
  const file = args[0] ? resolveFromInvocation(args[0]) : path.join(REPO_ROOT, 'backups', `sms-${stamp}.sms.gz`);
  if (fs.existsSync(file)) throw new BackupError(`${displayPath(file)} already exists: give another file name, or move it away first.`);
  fs.mkdirSync(path.dirname(file), { recursive: true });

  const database = await openCommandDatabase('backup');
  const partial = `${file}.partial`;
  try {
    const started = Date.now();
    const summary = await backupDatabase(database.url, fs.createWriteStream(partial, { flags: 'w' }));
    fs.renameSync(partial, file);
    const seconds = (Date.now() - started) / 1000;
    const largest = [...summary.manifest.tables].sort((a, b) => b.rows - a.rows).slice(0, 3);
    const megabytes = fs.statSync(file).size / 1e6;
    console.log(
      `Backed up ${summary.tables} tables, ${formatCount(summary.rows)} rows (largest: ${largest.map((t) => `${t.name} ${formatCount(t.rows)}`).join(', ')}) ` +
        `at migration ${summary.manifest.migrations.at(-1)} to ${displayPath(file)} (${megabytes.toFixed(1)} MB) in ${seconds.toFixed(1)} s.`,
    );
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    await database.close();
  }
  console.log(`Read from ${database.label}.`);
});
