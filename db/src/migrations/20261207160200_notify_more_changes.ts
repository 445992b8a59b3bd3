import type { Knex } from 'knex';

/**
 * Live updates for the rest of what a student is alerted about: a new or changed assignment, a shout-out, a
 * certificate, an appeal's decision and a meeting (the same `notify_changes()` as 2026120712001_notify_changes: ids
 * only, sent at commit; each node checks every subscriber's policy before sending).
 */
const WATCHED: readonly (readonly [table: string, ops: readonly ('INSERT' | 'UPDATE')[]])[] = [
  ['assignments', ['INSERT', 'UPDATE']],
  ['shoutouts', ['INSERT']],
  ['certificates', ['INSERT']],
  ['appeals', ['INSERT', 'UPDATE']],
  ['meetings', ['INSERT', 'UPDATE']],
];

export async function up(knex: Knex): Promise<void> {
  for (const [table, ops] of WATCHED) {
    for (const op of ops) {
      await knex.raw(`CREATE TRIGGER ${table}_notify_${op.toLowerCase()} AFTER ${op} ON ${table} REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION notify_changes()`);
    }
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const [table, ops] of WATCHED) {
    for (const op of ops) await knex.raw(`DROP TRIGGER IF EXISTS ${table}_notify_${op.toLowerCase()} ON ${table}`);
  }
}
