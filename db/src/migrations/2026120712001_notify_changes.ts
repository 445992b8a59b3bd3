import type { Knex } from 'knex';

/**
 * Live updates: a committed write to a table the dashboards and the portal watch sends `NOTIFY sms_events` with
 * the resource's name and the changed ids. NOTIFY is transactional — PostgreSQL delivers it at commit and drops
 * it on rollback — so an event exists only if its write committed, and every API node LISTENing hears it.
 * Statement-level triggers over the transition table: a 300-row attendance batch is a few notifications (100 ids
 * each, well under the 8,000-byte payload limit), not 300. Payloads carry ids only; each node checks what each
 * subscriber may see through the resource policies before sending anything (api/src/live/).
 */
const WATCHED: readonly (readonly [table: string, ops: readonly ('INSERT' | 'UPDATE')[]])[] = [
  ['daily_attendance', ['INSERT']],
  ['submissions', ['INSERT', 'UPDATE']],
  ['tickets', ['INSERT', 'UPDATE']],
  ['ticket_messages', ['INSERT']],
  ['notices', ['INSERT', 'UPDATE']],
  ['calls', ['INSERT', 'UPDATE']],
];

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE FUNCTION notify_changes() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('sms_events', json_build_object('resource', TG_TABLE_NAME, 'op', lower(TG_OP), 'ids', ids)::text)
      FROM (
        SELECT array_agg(id ORDER BY id) AS ids FROM (SELECT id, (row_number() OVER (ORDER BY id) - 1) / 100 AS chunk FROM changed) c GROUP BY chunk
      ) chunks;
      RETURN NULL;
    END $$;
  `);
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
  await knex.raw('DROP FUNCTION IF EXISTS notify_changes()');
}
