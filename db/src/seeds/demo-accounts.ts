import type { Knex } from 'knex';
import { hashPassword, targetParams, verifyPassword } from '../password-hash';

const DEFAULT_DEMO_PASSWORD = 'sms-demo-2026';
export const DEMO_PASSWORD = process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;

// The default demo password hashed once at today's cost (N=2^17), so seeding a demo database costs no hashing. A
// public password's hash is no secret.
const DEFAULT_DEMO_PASSWORD_HASH = 'scrypt$131072$8$1$GefwFEs4Kyi4IvBYWou9nw==$BDTyyAv2GGBNHWFwC5EX+ljeaHtWzfa6jIND+S/vrjo=';

/** The hash the demo accounts get: the precomputed one for the default password at today's cost, else a fresh one. */
export async function demoPasswordHash(password = DEMO_PASSWORD): Promise<string> {
  const precomputed = password === DEFAULT_DEMO_PASSWORD && targetParams().N === 2 ** 17;
  return precomputed ? DEFAULT_DEMO_PASSWORD_HASH : hashPassword(password);
}

/** For the test of the precomputed hash. */
export const checkPrecomputedDemoHash = () => verifyPassword(DEFAULT_DEMO_PASSWORD, DEFAULT_DEMO_PASSWORD_HASH);

export const DEMO_ACCOUNTS = [
  { email: 'admin@example.com', name: 'Ayesha Rahman', role: 'admin' },
  { email: 'developer@example.com', name: 'Dev Hasan', role: 'developer' },
  { email: 'manager@example.com', name: 'Mona Chowdhury', role: 'manager' },
  { email: 'sre@example.com', name: 'Sadia Islam', role: 'sre' },
  { email: 'mentor@example.com', name: 'Mahin Ahmed', role: 'mentor' },
  { email: 'student@example.com', name: 'Sakib Hossain', role: 'student' },
] as const;

export async function insertDemoAccounts(trx: Knex.Transaction, password = DEMO_PASSWORD): Promise<void> {
  const passwordHash = await demoPasswordHash(password);
  await trx('users').insert(
    DEMO_ACCOUNTS.map((account) => ({
      ...account,
      password_hash: passwordHash,
      password_changed_at: trx.fn.now(),
      email_verified_at: trx.fn.now(),
      phone: account.role === 'student' ? '+8801700000000' : account.role === 'mentor' ? '+8801800000001' : null,
    })),
  );
}
