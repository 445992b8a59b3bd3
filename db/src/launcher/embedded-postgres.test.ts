import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assertReachableByPostgresUser } from './embedded-postgres';

// Started as root, the embedded PostgreSQL runs as "postgres": a data folder under a folder closed to other
// users (a clone in root's home) is named, with what to do, instead of a bare EACCES stack trace.
it('names the closed folder above the data directory and says what to do', () => {
  const closed = fs.mkdtempSync(path.join(os.tmpdir(), 'sms-closed-'));
  try {
    fs.chmodSync(closed, 0o700);
    const dataDir = path.join(closed, 'clone', '.data');
    // The data directory itself may be closed: it is handed to the postgres user.
    expect(() => assertReachableByPostgresUser([closed])).not.toThrow();
    expect(() => assertReachableByPostgresUser([dataDir])).toThrow(`the folder ${closed} is closed to other users`);
    expect(() => assertReachableByPostgresUser([dataDir])).toThrow(/run `npm start` as a normal user[\s\S]*chmod o\+x[\s\S]*DATABASE_URL/);
    fs.chmodSync(closed, 0o711);
    expect(() => assertReachableByPostgresUser([dataDir])).not.toThrow();
  } finally {
    fs.rmSync(closed, { recursive: true, force: true });
  }
});
