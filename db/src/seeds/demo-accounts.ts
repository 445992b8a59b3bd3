import type { Knex } from 'knex';
import { hashPassword } from '../password-hash';

export const DEMO_PASSWORD = process.env.DEMO_PASSWORD || 'sms-demo-2026';

export const DEMO_ACCOUNTS = [
  { email: 'admin@example.com', name: 'Ayesha Rahman', role: 'admin' },
  { email: 'developer@example.com', name: 'Dev Hasan', role: 'developer' },
  { email: 'manager@example.com', name: 'Mona Chowdhury', role: 'manager' },
  { email: 'sre@example.com', name: 'Sadia Islam', role: 'sre' },
  { email: 'mentor@example.com', name: 'Mahin Ahmed', role: 'mentor' },
  { email: 'student@example.com', name: 'Sakib Hossain', role: 'student' },
] as const;

export async function insertDemoAccounts(trx: Knex.Transaction, password = DEMO_PASSWORD): Promise<void> {
  const passwordHash = await hashPassword(password);
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
