import type { Knex } from 'knex';
import { insertDemoAccounts } from './demo-accounts';

/**
 * Seeds the demo data set once: only into a database that has no users yet, so it never runs twice
 * and never lands on top of real data. Returns whether it seeded.
 */
export async function seedDemoIfEmpty(knex: Knex, password?: string): Promise<boolean> {
  return knex.transaction(async (trx) => {
    // Serialises two launchers racing on the same empty database.
    await trx.raw('LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE');
    const [{ count }] = await trx('users').count<{ count: string }[]>({ count: '*' });
    if (Number(count) > 0) return false;
    await insertDemoAccounts(trx, password);
    return true;
  });
}
