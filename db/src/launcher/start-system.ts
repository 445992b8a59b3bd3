import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createKnex, ensureDatabase, migrateLatest, withDatabase } from '../index';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../seeds/demo-accounts';
import { seedDemoIfEmpty } from '../seeds/seed-demo';
import { superviseEmbeddedPostgres, type SupervisedPostgres } from './postgres-supervisor';
import { REPO_ROOT, startServices, type RunningServices } from './services';
import { isPortFree } from './port';

/** The roles that must use two-factor sign-in, as the API reads TWO_FACTOR_REQUIRED_ROLES (for the printout). */
const TWO_FACTOR_ROLES: readonly string[] =
  (process.env.TWO_FACTOR_REQUIRED_ROLES ?? 'admin,developer').trim().toLowerCase() === 'none'
    ? []
    : (process.env.TWO_FACTOR_REQUIRED_ROLES || 'admin,developer').split(',').map((role) => role.trim());

const TWO_FACTOR_NOTE = `
  ${TWO_FACTOR_ROLES.join(' and ')} accounts must use two-factor sign-in: their first sign-in in the back office
  shows a QR code (and the key as text) for an authenticator app (Google Authenticator, Microsoft Authenticator,
  1Password…), asks for its 6-digit code, then shows recovery codes to keep. Later sign-ins ask for a code (or a
  recovery code); "Remember this device" skips it for 30 days. Lost the phone? Another admin resets it on the
  user's page in the back office.
`;

function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${name} must be a port number between 1 and 65535, got "${raw}".`);
  }
  return port;
}

/** A secret from the environment, or one generated once and kept beside the data (so it survives restarts). */
function keptSecret(variable: string, fileName: string): string {
  if (process.env[variable]) return process.env[variable]!;
  const file = path.resolve(REPO_ROOT, process.env.DATA_DIR || '.data', fileName);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

/** The portal's cookie secret (SESSION_SECRET). */
const sessionSecret = () => keptSecret('SESSION_SECRET', 'session-secret');
/** The key the API encrypts two-factor secrets with (TOTP_ENCRYPTION_KEY): lose it and everyone must enrol again. */
const totpKey = () => keptSecret('TOTP_ENCRYPTION_KEY', 'totp-encryption-key');

async function main(): Promise<void> {
  const ports = {
    api: portFromEnv('API_PORT', 4000),
    backoffice: portFromEnv('BACKOFFICE_PORT', 4001),
    portal: portFromEnv('PORTAL_PORT', 4002),
  };
  for (const [name, port] of Object.entries(ports)) {
    if (!(await isPortFree(port))) {
      throw new Error(`Port ${port} for the ${name} is already in use. Stop what holds it or set ${name.toUpperCase()}_PORT.`);
    }
  }

  let postgres: SupervisedPostgres | undefined;
  let services: RunningServices | undefined;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    // Each part stops within seconds (children: SIGTERM, SIGKILL after 5 s; PostgreSQL: fast, immediate, SIGKILL);
    // whatever still hangs, the launcher exits.
    setTimeout(() => {
      console.error('Some parts did not stop within 15 s; exiting anyway.');
      process.exit(code || 1);
    }, 15_000).unref();
    await Promise.all([services?.stop().catch((error) => console.error(error)), postgres?.stop().catch((error) => console.error(error))]);
    console.log('Stopped.');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    let databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) {
      const dataDir = path.resolve(REPO_ROOT, process.env.DATA_DIR || '.data', 'postgres');
      const pgPort = portFromEnv('PG_PORT', 5433);
      console.log(`Starting embedded PostgreSQL on port ${pgPort} (data in ${dataDir})…`);
      postgres = await superviseEmbeddedPostgres(dataDir, pgPort, { onGiveUp: () => void shutdown(1) });
      databaseUrl = withDatabase(postgres.adminUrl, 'sms');
      await ensureDatabase(databaseUrl);
    }

    const knex = createKnex(databaseUrl, 2);
    try {
      const applied = await migrateLatest(knex);
      console.log(applied.length ? `Applied ${applied.length} migration(s).` : 'Database schema is up to date.');
      if (process.env.SEED_DEMO !== 'false') {
        const seeded = await seedDemoIfEmpty(knex);
        console.log(seeded ? 'Seeded the demo data.' : 'Database already has users: demo data not seeded.');
      }
    } finally {
      await knex.destroy();
    }

    services = await startServices({ databaseUrl, ports, extraEnv: { SESSION_SECRET: sessionSecret(), TOTP_ENCRYPTION_KEY: totpKey() } });
    console.log(`
  SMS is running.
    API          ${services.apiUrl}   (health: ${services.apiUrl}/health)
    Back office  ${services.backofficeUrl}
    Portal       ${services.portalUrl}

  Demo accounts (password: ${DEMO_PASSWORD}):
${DEMO_ACCOUNTS.map((a) => `    ${a.role.padEnd(10)} ${a.email}${TWO_FACTOR_ROLES.includes(a.role) ? '   (two-factor sign-in)' : ''}`).join('\n')}
${TWO_FACTOR_ROLES.length ? TWO_FACTOR_NOTE : ''}
  Ctrl-C stops everything.
`);
  } catch (error) {
    console.error(`\nCould not start SMS: ${error instanceof Error ? error.message : String(error)}`);
    await shutdown(1);
  }
}

void main();
