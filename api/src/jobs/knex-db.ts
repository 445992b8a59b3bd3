import type { Knex } from 'knex';
import type PgBoss from 'pg-boss';

/**
 * pg-boss's database seam on a knex connection or transaction, so a job is inserted in the writing transaction
 * (committed or rolled back with the change that asked for it). pg-boss writes `$1` placeholders; knex wants `?`.
 * Only for sending and queue set-up: the workers use pg-boss's own pool.
 */
export function knexDb(db: Knex | Knex.Transaction): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const bindings: Knex.RawBinding[] = [];
      const sql = text.replace(/\?/g, '\\?').replace(/\$(\d+)/g, (_whole, n: string) => {
        const value = values[Number(n) - 1];
        if (Array.isArray(value)) throw new Error('knexDb: array parameters are not supported');
        bindings.push((value === undefined ? null : value !== null && typeof value === 'object' && !(value instanceof Date) ? JSON.stringify(value) : value) as Knex.RawBinding);
        return '?';
      });
      const result = await db.raw(sql, bindings);
      return { rows: (result as { rows?: unknown[] }).rows ?? [] };
    },
  };
}
