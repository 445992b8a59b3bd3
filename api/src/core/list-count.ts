import type { Readable } from 'node:stream';
import type { Knex } from 'knex';
import type { Model, QueryBuilder } from 'objection';
import QueryStream from 'pg-query-stream';
import type { Actor } from './actor';
import { applyFilter } from './list-query';
import type { ResourceDefinition } from './resource';

/**
 * Above this many rows (LIST_ESTIMATE_ABOVE, default 100,000), an unfiltered list's total is the planner's estimate
 * rather than a count of every row.
 */
const estimateAbove = () => Number(process.env.LIST_ESTIMATE_ABOVE) || 100_000;
const TABLE_ROWS_TTL_MS = 60_000;

const tableRows = new Map<string, { at: number; rows: Promise<number> }>();

/** pg_class's row estimate of a table (kept by ANALYZE and autovacuum), looked up at most once a minute. */
function approximateRows(knex: Knex, table: string): Promise<number> {
  const cached = tableRows.get(table);
  if (cached && Date.now() - cached.at < TABLE_ROWS_TTL_MS) return cached.rows;
  const rows = knex
    .raw(`SELECT greatest(c.reltuples, 0)::float8 AS n FROM pg_class c WHERE c.oid = to_regclass(?) AND c.relkind IN ('r', 'p')`, [table])
    .then((result: { rows: { n: number }[] }) => Number(result.rows[0]?.n ?? 0));
  rows.catch(() => tableRows.delete(table));
  tableRows.set(table, { at: Date.now(), rows });
  return rows;
}

/**
 * The total of an unfiltered list over a big table as PostgreSQL's planner estimates it (EXPLAIN of the scoped
 * query: a few milliseconds, where an exact count reads millions of rows), or null when the table is small or the
 * actor's scope leaves few rows, which are then counted exactly.
 */
export async function estimatedTotal(knex: Knex, resource: ResourceDefinition, query: QueryBuilder<Model>): Promise<number | null> {
  if ((await approximateRows(knex, resource.model.tableName)) < estimateAbove()) return null;
  const { sql, bindings } = query.clone().clearSelect().clearOrder().select(knex.raw('1')).toKnexQuery().toSQL();
  const { rows } = await knex.raw(`EXPLAIN (FORMAT JSON) ${sql}`, bindings as readonly Knex.Value[]);
  const planned = Number(rows[0]?.['QUERY PLAN']?.[0]?.Plan?.['Plan Rows'] ?? 0);
  return planned >= estimateAbove() ? Math.round(planned) : null;
}

interface JoinShape {
  /** Names the joined table is referred to by (its name and alias). */
  names: string[];
  droppable: boolean;
}

const JOIN = /\b(inner|left(?: outer)?|right|full|cross)?\s*join\s+(lateral\s+)?("?[\w.]+"?)(?:\s+as\s+"?(\w+)"?)?(?:\s+on\s+(.*?))?(?=\s+(?:inner\s+|left\s+|right\s+|full\s+|cross\s+)?join\s|\s+where\s|$)/gi;
const SIMPLE_ON = /^"(\w+)"\."(\w+)"\s*=\s*"(\w+)"\."(\w+)"$/;
const unquote = (name: string) => name.replace(/"/g, '');

const joinShapes = new WeakMap<ResourceDefinition, Promise<JoinShape[]>>();

/**
 * The resource's declared joins, each marked droppable when leaving it out cannot change a count: a left join on the
 * joined table's id, or an inner join on its id from a NOT NULL column with a foreign key to it (the user behind a
 * student). Anything else (a lateral join, a raw or compound condition) keeps every join in the count.
 */
function shapesOf(resource: ResourceDefinition, knex: Knex): Promise<JoinShape[]> {
  let shapes = joinShapes.get(resource);
  if (shapes) return shapes;
  shapes = (async () => {
    if (!resource.joins) return [];
    const base = resource.model.tableName;
    const probe = resource.model.query(knex) as unknown as QueryBuilder<Model>;
    resource.joins(probe);
    const sql = probe.toKnexQuery().toSQL().sql;
    const from = sql.slice(sql.search(/\bfrom\b/i));
    // A subquery or lateral join is not read here: every join then stays in the count.
    if (/\(|\blateral\b/i.test(from)) return [{ names: [], droppable: false }];
    const found: JoinShape[] = [];
    const tables = new Map<string, string>([[base, base]]);
    for (const match of from.matchAll(JOIN)) {
      const [, kind = 'inner', lateral, rawTable, alias, on] = match;
      const table = unquote(rawTable);
      const names = [table, ...(alias ? [alias] : [])];
      for (const name of names) tables.set(name, table);
      found.push({ names, droppable: false });
      const simple = !lateral && on ? SIMPLE_ON.exec(on.trim()) : null;
      if (!simple) continue;
      const [, leftName, leftColumn, rightName, rightColumn] = simple;
      const joinedOnLeft = names.includes(leftName);
      const [joinedColumn, otherName, otherColumn] = joinedOnLeft ? [leftColumn, rightName, rightColumn] : [rightColumn, leftName, leftColumn];
      if (joinedColumn !== 'id' || !tables.has(otherName) || names.includes(otherName)) continue;
      if (/^left/i.test(kind)) {
        found[found.length - 1].droppable = true;
        continue;
      }
      if (!/^inner/i.test(kind)) continue;
      const { rows } = await knex.raw(
        `SELECT a.attnotnull AND EXISTS (
                  SELECT 1 FROM pg_constraint c WHERE c.contype = 'f' AND c.conrelid = a.attrelid AND c.confrelid = to_regclass(?) AND c.conkey = ARRAY[a.attnum]
                ) AS neutral
         FROM pg_attribute a WHERE a.attrelid = to_regclass(?) AND a.attname = ?`,
        [table, tables.get(otherName)!, otherColumn],
      );
      found[found.length - 1].droppable = Boolean(rows[0]?.neutral);
    }
    return found;
  })();
  shapes.catch(() => joinShapes.delete(resource));
  joinShapes.set(resource, shapes);
  return shapes;
}

const mentions = (sql: string, name: string) => new RegExp(`(^|[^\\w"])"?${name}"?\\.`).test(sql);

/**
 * The exact total of a list: `SELECT count(*)` over the scoped, filtered rows, without the joins that only add
 * columns for display (when no filter or scope refers to them), so a count does not read a user row per student.
 */
export async function countRows(resource: ResourceDefinition, actor: Actor, filter: Record<string, unknown>, knex: Knex, shaped: QueryBuilder<Model>): Promise<number> {
  const shapes = await shapesOf(resource, knex);
  let source: QueryBuilder<Model> = shaped;
  if (shapes.length && shapes.every((shape) => shape.droppable)) {
    const bare = resource.model.query(knex) as unknown as QueryBuilder<Model>;
    resource.policy.scope(actor, bare);
    applyFilter(bare, resource, filter, actor);
    const sql = bare.toKnexQuery().toSQL().sql;
    if (!shapes.some((shape) => shape.names.some((name) => mentions(sql, name)))) source = bare;
  }
  if (source === shaped) source = shaped.clone().clearSelect().clear(/orderBy|offset|limit/);
  const count = async (from: QueryBuilder<Model>) =>
    Number(((await knex.count({ count: '*' }).from(from.select(knex.raw('1')).toKnexQuery().as('t'))) as { count: string | number }[])[0]?.count ?? 0);
  if (source === shaped) return count(source);
  try {
    return await count(source);
  } catch (error) {
    // A reference to a joined table this check missed: counted with the joins, as the page is read.
    if (!['42P01', '42703'].includes((error as { code?: string }).code ?? '')) throw error;
    return count(shaped.clone().clearSelect().clear(/orderBy|offset|limit/));
  }
}

/**
 * Runs the query as a stream of rows (pg-query-stream: a cursor, a batch at a time) on a connection of the pool
 * held for the duration of `consume`, so an export of any size needs constant memory.
 */
export async function streamRows(knex: Knex, query: QueryBuilder<Model>, consume: (rows: Readable) => Promise<void>): Promise<void> {
  const { sql, bindings } = query.toKnexQuery().toSQL().toNative();
  const connection = await knex.client.acquireConnection();
  try {
    const rows = connection.query(new QueryStream(sql, bindings as unknown[], { batchSize: 500 })) as Readable;
    await consume(rows);
  } finally {
    await knex.client.releaseConnection(connection);
  }
}
