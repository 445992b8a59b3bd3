import type { ResourceDefinition } from './resource';
import { createTestApp, type TestApp } from '../testing/test-app';

// Every column a list may be sorted or filtered by is the leading column of an index of its table (a trigram index
// for text searched with `q` or `_q`), so no list the UI offers reads a whole table to sort or filter it. Views,
// joined columns and filters with their own SQL are the resource's own business and are not checked here.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Tables that stay small (a row per batch, mission, mentor, setting or integration): sorted in memory. */
const SMALL = new Set([
  'api_keys', 'appeals', 'assignments', 'batches', 'call_lists', 'call_scripts', 'certificates', 'feature_requests', 'imports',
  'integrity_actions', 'integrity_cases', 'meetings', 'mentor_feedback', 'mentor_notes', 'mentor_pairings', 'mentors', 'mission_mentors',
  'mission_resources', 'missions', 'shoutouts', 'sres', 'submission_pastes', 'webhooks',
]);
/**
 * Columns of the crowd's write path left without an index of their own: each index there is paid on every check-in.
 * The back office sorts attendance by local_date and opens the ledger by awarded_at; points and reason are filtered
 * with a student or mission, actor_role and record_id with the actor and resource indexes.
 */
const WRITE_PATH = new Set(['daily_attendance.submitted_at', 'points_ledger.points', 'points_ledger.reason', 'audit_log.actor_role', 'audit_log.record_id']);

it('each declared sortable and filterable column of a growing table has an index', async () => {
  const { rows } = await t.db.knex.raw(
    `SELECT t.relname AS table_name, a.attname AS column_name, am.amname AS method
     FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam
     JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = i.indkey[0]
     WHERE t.relkind IN ('r', 'p') AND t.relnamespace = 'public'::regnamespace`,
  );
  const indexed = new Set(rows.map((r: { table_name: string; column_name: string; method: string }) => `${r.table_name}.${r.column_name}:${r.method === 'gin' ? 'trgm' : 'btree'}`));
  const { rows: tables } = await t.db.knex.raw(`SELECT relname FROM pg_class WHERE relkind IN ('r', 'p') AND relnamespace = 'public'::regnamespace`);
  const isTable = new Set(tables.map((r: { relname: string }) => r.relname));
  const missing: string[] = [];
  // Text searched with q on the people behind a resource: a trigram index on users' column.
  const need2 = (resource: ResourceDefinition, field: string) => {
    const column = resource.columns?.[field] ?? `${resource.model.tableName}.${field}`;
    const [alias, name] = column.split('.');
    const table = alias === resource.model.tableName ? alias : /users|actors|authors|students_users/.test(alias) ? 'users' : alias;
    // People are searched by name, email and phone everywhere (students, users, mentors): those need trigrams.
    if (table === 'users' && !indexed.has(`${table}.${name}:trgm`)) missing.push(`${resource.name}: ${field} search (trgm on ${table}.${name})`);
  };
  for (const resource of t.app.resources as readonly ResourceDefinition[]) {
    const table = resource.model.tableName;
    if (!isTable.has(table) || SMALL.has(table)) continue;
    const own = (field: string) => !resource.columns?.[field];
    const need = (field: string, kind: 'btree' | 'trgm') => {
      if (!own(field) || field === 'id' || WRITE_PATH.has(`${table}.${field}`)) return;
      if (!indexed.has(`${table}.${field}:${kind}`)) missing.push(`${resource.name}: ${field} (${kind})`);
    };
    for (const field of [...resource.sortable, ...(resource.defaultSort ? [resource.defaultSort[0]] : [])]) need(field, 'btree');
    for (const [field, spec] of Object.entries(resource.filterable)) {
      if (!Array.isArray(spec)) continue;
      if (spec.some((op) => op !== 'q')) need(field, 'btree');
      if (spec.includes('q')) need(field, 'trgm');
    }
  }
  for (const resource of t.app.resources as readonly ResourceDefinition[]) {
    const searchable = typeof resource.searchable === 'function' ? [] : resource.searchable;
    for (const field of searchable) need2(resource, field);
  }
  expect([...new Set(missing)].sort()).toEqual([]);
});
