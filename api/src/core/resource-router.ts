import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import type { Model, QueryBuilder } from 'objection';
import { stringify } from 'csv-stringify';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { contextOf, requireActor, type Actor } from './actor';
import { auditContactRead, writeAudit } from './audit';
import { disclosedContacts } from './contacts';
import { errors } from './errors';
import { assertPlainBody, idParam } from './input';
import { columnTypes } from './filter-values';
import { applyFilter, parseFilter, parseListParams } from './list-query';
import { countRows, estimatedTotal, streamRows } from './list-count';
import { columnOf, type Action, type ResourceDefinition, type WriteContext } from './resource';
import { auditable, serialize } from './serialize';

type Row = Record<string, unknown>;

export function assertCan(resource: ResourceDefinition, actor: Actor, action: Action): void {
  if (!resource.policy.can(actor, action)) {
    throw errors.forbidden(`Your role (${actor.role}) can't ${action} ${resource.name.replace(/_/g, ' ')}.`);
  }
}

/** The resource's rows as clients see them: own columns plus declared joined columns. */
export function shapedQuery(resource: ResourceDefinition, db: Knex | Knex.Transaction): QueryBuilder<Model> {
  const table = resource.model.tableName;
  const query = resource.model.query(db) as unknown as QueryBuilder<Model>;
  resource.joins?.(query);
  query.select(`${table}.*`, ...Object.entries(resource.columns ?? {}).map(([field, column]) => `${column} as ${field}`));
  return query;
}

/** A query over the resource narrowed to what the actor may see: the only way handlers read rows. */
export function scopedQuery(resource: ResourceDefinition, actor: Actor, db: Knex | Knex.Transaction): QueryBuilder<Model> {
  const query = shapedQuery(resource, db);
  resource.policy.scope(actor, query);
  return query;
}

async function insertRow(resource: ResourceDefinition, data: Row, ctx: WriteContext): Promise<number> {
  if (resource.insert) return resource.insert(data, ctx);
  const created = (await resource.model.query(ctx.trx).insert({ ...resource.stamp?.(ctx), ...data }).returning('id')) as unknown as Row;
  return Number(created.id);
}

async function patchRows(resource: ResourceDefinition, ids: number[], data: Row, ctx: WriteContext): Promise<void> {
  if (resource.patch) return resource.patch(ids, data, ctx);
  await resource.model.query(ctx.trx).whereIn(`${resource.model.tableName}.id`, ids).patch(data);
}

async function readRows(resource: ResourceDefinition, ids: number[], db: Knex | Knex.Transaction): Promise<Row[]> {
  const table = resource.model.tableName;
  return (await shapedQuery(resource, db).whereIn(`${table}.id`, ids).orderBy(`${table}.id`)) as unknown as Row[];
}

function parseId(raw: unknown, resource: ResourceDefinition): number {
  const id = idParam(raw);
  if (!id) throw errors.notFound(singular(resource));
  return id;
}

/**
 * The row with this id if the actor may read it (policy `can` and `scope`), else 404: the one check custom
 * routes make before acting on a record.
 */
export async function findVisible<T = Row>(resource: ResourceDefinition, actor: Actor, db: Knex | Knex.Transaction, rawId: unknown): Promise<T> {
  assertCan(resource, actor, 'read');
  const id = idParam(rawId);
  const row = id ? await scopedQuery(resource, actor, db).findById(id) : undefined;
  if (!row) throw errors.notFound(singular(resource));
  return row as unknown as T;
}

const singular = (resource: ResourceDefinition) => resource.name.replace(/_/g, ' ').replace(/s$/, '');

function sameValue(a: unknown, b: unknown): boolean {
  const normal = (v: unknown) => (v instanceof Date ? v.toISOString() : v === undefined ? null : v);
  return JSON.stringify(normal(a)) === JSON.stringify(normal(b));
}

function writableFields(resource: ResourceDefinition, actor: Actor): Set<string> {
  return new Set([...(resource.writable.any ?? []), ...(resource.writable[actor.role] ?? [])]);
}

/** Checks the body against what this actor may set and against the schema; returns clean data. */
function validateBody(resource: ResourceDefinition, actor: Actor, body: unknown, existing: Row | null, partial: boolean): Row {
  assertPlainBody(body ?? null);
  const allowed = writableFields(resource, actor);
  const fields: Row = {};
  const refused: string[] = [];
  for (const [key, value] of Object.entries(body as Row)) {
    // react-admin sends the whole record back on edit: unchanged read-only fields are fine.
    if (existing && sameValue(existing[key], value)) continue;
    if (!existing && key === 'id' && (value === undefined || value === null)) continue;
    if (!allowed.has(key)) refused.push(key);
    else fields[key] = value;
  }
  if (refused.length) {
    throw errors.invalidInput(`You can't set ${refused.map((f) => `"${f}"`).join(', ')} on ${resource.name.replace(/_/g, ' ')}.`, {
      fields: Object.fromEntries(refused.map((f) => [f, 'not writable'])),
    });
  }
  const schema = partial ? resource.schema.partial() : resource.schema;
  const parsed = schema.safeParse(fields);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? 'body');
      fieldErrors[name] ??= issue.message;
    }
    throw errors.validation(Object.values(fieldErrors).map((message) => (/[.!?]$/.test(message) ? message : `${message}.`)).join(' '), fieldErrors);
  }
  return Object.fromEntries(Object.entries(parsed.data).filter(([key]) => key in fields || !partial)) as Row;
}

/**
 * Ids of the rows matching a list filter (a selection's ids, or "everything matching"), under the actor's
 * scope, locked for the rest of the transaction. An empty filter is refused so nothing touches every row by accident.
 */
export async function lockMatchingIds(resource: ResourceDefinition, ctx: WriteContext, rawFilter: unknown, changing = false): Promise<number[]> {
  const table = resource.model.tableName;
  const filter = parseFilter(rawFilter);
  if (Object.keys(filter).length === 0) {
    throw errors.invalidQuery(`A bulk change needs a filter, e.g. filter={"id":[1,2,3]}, so it never touches every ${singular(resource)} by accident.`);
  }
  const types = await columnTypes(resource, ctx.trx, () => shapedQuery(resource, ctx.trx));
  const params = parseListParams({ filter: rawFilter }, resource, { types, actor: ctx.actor });
  const query = scopedQuery(resource, ctx.actor, ctx.trx).clearSelect().select(`${table}.id`);
  if (changing) resource.policy.writeScope?.(ctx.actor, query);
  applyFilter(query, resource, params.filter, ctx.actor);
  const ids = ((await query) as unknown as Row[]).map((row) => Number(row.id));
  if (ids.length) await resource.model.query(ctx.trx).whereIn(`${table}.id`, ids).orderBy(`${table}.id`).forUpdate();
  return ids;
}

/** A custom write over "the rows matching this filter" (POST /<resource>/actions/<name>), in one transaction. */
export function collectionAction(
  resource: ResourceDefinition,
  knex: Knex,
  name: string,
  handler: (ctx: WriteContext, ids: number[], body: Row) => Promise<unknown>,
): Router {
  const router = Router();
  router.post(`/${resource.name}/actions/${name}`, async (req: Request, res: Response) => {
    const actor = requireActor(req);
    assertPlainBody(req.body);
    const body = (req.body ?? {}) as Row;
    const result = await knex.transaction(async (trx) => {
      const ctx = { actor, trx, context: contextOf(req) };
      assertCan(resource, actor, 'read');
      return handler(ctx, await lockMatchingIds(resource, ctx, req.query.filter), body);
    });
    res.json(result);
  });
  return router;
}

export function resourceRouter(resource: ResourceDefinition, knex: Knex): Router {
  const router = Router();
  const base = `/${resource.name}`;
  const table = resource.model.tableName;
  const label = singular(resource);

  async function withWrite<T>(req: Request, work: (ctx: WriteContext) => Promise<T>): Promise<T> {
    const actor = requireActor(req);
    return knex.transaction((trx) => work({ actor, trx, context: contextOf(req) }));
  }

  async function listQuery(req: Request, actor: Actor, uncapped = false) {
    const types = await columnTypes(resource, knex, () => shapedQuery(resource, knex));
    const params = parseListParams(req.query as Row, resource, { uncapped, types, actor });
    const query = scopedQuery(resource, actor, knex);
    applyFilter(query, resource, params.filter, actor);
    return { params, query };
  }

  // Exports are uncapped and streamed: rows go out as PostgreSQL sends them, in constant memory at any size.
  router.get(`${base}/export.csv`, async (req: Request, res: Response) => {
    const actor = requireActor(req);
    assertCan(resource, actor, 'list');
    const { params, query } = await listQuery(req, actor, true);
    const ordered = query.orderBy(columnOf(resource, params.sort[0]), params.sort[1]).orderBy(`${table}.id`, 'ASC');
    const fields = new Set<string>();
    let disclosing = 0;
    let columns: string[] | undefined;
    let audited = false;
    const audit = async () => {
      if (audited || resource.name === 'audit_log') return;
      audited = true;
      await auditContactRead(knex, contextOf(req), { action: 'export', resource: resource.name, fields: [...fields], rows: disclosing, filter: params.filter });
    };
    // Records go to the CSV writer as arrays: the header is the first row's fields (or "id" when there is no row).
    const shape = new Transform({
      objectMode: true,
      transform(row: Row, _encoding, done) {
        const data = serialize(resource, actor, row);
        const shown = disclosedContacts(actor, data, resource.contactFields);
        if (shown.length) disclosing += 1;
        for (const field of shown) fields.add(field);
        if (!columns) {
          columns = Object.keys(data);
          this.push(columns);
        }
        done(null, columns.map((column) => data[column]));
      },
      flush(done) {
        if (!columns) this.push(['id']);
        // The file ends only once what it disclosed is in the audit log.
        audit().then(() => done(), done);
      },
    });
    const csv = stringify({
      cast: { object: (value) => JSON.stringify(value), date: (value) => value.toISOString(), boolean: (value) => String(value) },
    });
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${resource.name}.csv"`);
    try {
      await streamRows(knex, ordered, (rows) => pipeline(rows, shape, csv, res));
    } finally {
      // A download cut short is audited as far as it went.
      await audit();
    }
  });

  router.get(base, async (req: Request, res: Response) => {
    const actor = requireActor(req);
    assertCan(resource, actor, 'list');
    const { params, query } = await listQuery(req, actor);
    const [start, end] = params.range;
    // range=[0,-1] (perPage 0) asks for the total alone (a dashboard's count): no page is read.
    const countOnly = end < start;
    const unfiltered = Object.values(params.filter).every((value) => value === undefined || value === '');
    // A big table's unfiltered total is the planner's estimate: an exact count would read every row.
    const estimate = unfiltered ? await estimatedTotal(knex, resource, query) : null;
    const [total, rows] = await Promise.all([
      estimate ?? countRows(resource, actor, params.filter, knex, query.clone()),
      countOnly
        ? ([] as Row[])
        : (query
            .orderBy(columnOf(resource, params.sort[0]), params.sort[1])
            .orderBy(`${table}.id`, params.sort[1])
            .offset(start)
            .limit(end - start + 1) as unknown as Promise<Row[]>),
    ]);
    const last = rows.length ? start + rows.length - 1 : start;
    const data = rows.map((row) => serialize(resource, actor, row));
    await auditDisclosure(req, actor, data, 'list_contacts', params.filter);
    if (estimate !== null) {
      res.setHeader('Content-Range', `${resource.name} ${start}-${last}/*`);
      res.setHeader('X-Total-Estimate', String(estimate));
    } else {
      res.setHeader('Content-Range', `${resource.name} ${start}-${last}/${total}`);
    }
    res.json(data);
  });

  router.get(`${base}/:id`, async (req: Request, res: Response) => {
    const actor = requireActor(req);
    assertCan(resource, actor, 'read');
    const id = parseId(req.params.id, resource);
    const row = await scopedQuery(resource, actor, knex).findById(id);
    if (!row) throw errors.notFound(label);
    const data = serialize(resource, actor, row);
    await auditDisclosure(req, actor, [data], 'read_contacts', undefined, id);
    res.json(data);
  });

  router.post(base, async (req: Request, res: Response) => {
    const row = await withWrite(req, async (ctx) => {
      assertCan(resource, ctx.actor, 'create');
      let data = validateBody(resource, ctx.actor, req.body, null, false);
      await resource.validate?.(data, null, ctx);
      if (resource.beforeCreate) data = await resource.beforeCreate(data, ctx);
      const id = await insertRow(resource, data, ctx);
      const [created] = await readRows(resource, [id], ctx.trx);
      await writeAudit(ctx.trx, ctx.context, { action: 'create', resource: resource.name, recordId: created.id as number, after: auditable(resource, created) });
      await resource.afterCreate?.(created, ctx);
      return created;
    });
    res.status(201).json(serialize(resource, req.actor!, row));
  });

  router.put(`${base}/:id`, async (req: Request, res: Response) => {
    const id = parseId(req.params.id, resource);
    const row = await withWrite(req, async (ctx) => {
      assertCan(resource, ctx.actor, 'update');
      const existing = await lockOne(ctx, id);
      const data = validateBody(resource, ctx.actor, req.body, existing, true);
      await resource.validate?.(data, existing, ctx);
      if (Object.keys(data).length === 0) return existing;
      await patchRows(resource, [id], data, ctx);
      const [updated] = await readRows(resource, [id], ctx.trx);
      await writeAudit(ctx.trx, ctx.context, {
        action: 'update',
        resource: resource.name,
        recordId: id,
        before: auditable(resource, existing),
        after: auditable(resource, updated),
      });
      return updated;
    });
    res.json(serialize(resource, req.actor!, row));
  });

  router.delete(`${base}/:id`, async (req: Request, res: Response) => {
    const id = parseId(req.params.id, resource);
    const row = await withWrite(req, async (ctx) => {
      assertCan(resource, ctx.actor, 'delete');
      const existing = await lockOne(ctx, id);
      await resource.model.query(ctx.trx).deleteById(id);
      await writeAudit(ctx.trx, ctx.context, { action: 'delete', resource: resource.name, recordId: id, before: auditable(resource, existing) });
      return existing;
    });
    await afterDelete(req, [row]);
    res.json(serialize(resource, req.actor!, row));
  });

  /** Reads that showed someone else's contact details are audited: who, which fields, how many rows. */
  async function auditDisclosure(req: Request, actor: Actor, rows: Row[], action: 'read_contacts' | 'list_contacts' | 'export', filter?: unknown, recordId?: number) {
    // Looking at the audit trail is not itself audited, or every look would grow it.
    if (resource.name === 'audit_log') return;
    const fields = new Set<string>();
    let disclosing = 0;
    for (const row of rows) {
      const shown = disclosedContacts(actor, row, resource.contactFields);
      if (shown.length) disclosing += 1;
      for (const field of shown) fields.add(field);
    }
    await auditContactRead(knex, contextOf(req), { action, resource: resource.name, recordId, fields: [...fields], rows: disclosing, filter });
  }

  /** The row under the actor's scope (and write scope), locked for the rest of the transaction; 404 outside it. */
  async function lockOne(ctx: WriteContext, id: number): Promise<Row> {
    const query = scopedQuery(resource, ctx.actor, ctx.trx).clearSelect().select(`${table}.id`).where(`${table}.id`, id);
    resource.policy.writeScope?.(ctx.actor, query);
    const visible = await query.first();
    if (!visible) throw errors.notFound(label);
    await resource.model.query(ctx.trx).findById(id).forUpdate();
    const [row] = await readRows(resource, [id], ctx.trx);
    return row;
  }

  /** Bulk: the rows matching `filter` (ids from a selection, or any list filter), in one transaction. */
  async function lockMatching(ctx: WriteContext, req: Request): Promise<Row[]> {
    const ids = await lockMatchingIds(resource, ctx, req.query.filter, true);
    return ids.length ? readRows(resource, ids, ctx.trx) : [];
  }

  router.put(base, async (req: Request, res: Response) => {
    const ids = await withWrite(req, async (ctx) => {
      assertCan(resource, ctx.actor, 'update');
      const rows = await lockMatching(ctx, req);
      const data = validateBody(resource, ctx.actor, req.body, null, true);
      if (rows.length === 0 || Object.keys(data).length === 0) return rows.map((row) => row.id);
      for (const row of rows) await resource.validate?.(data, row, ctx);
      const ids = rows.map((row) => Number(row.id));
      await patchRows(resource, ids, data, ctx);
      const updated = await readRows(resource, ids, ctx.trx);
      const before = new Map(rows.map((row) => [row.id, row]));
      await writeAudit(
        ctx.trx,
        ctx.context,
        updated.map((row) => ({
          action: 'update',
          resource: resource.name,
          recordId: row.id as number,
          before: auditable(resource, before.get(row.id)),
          after: auditable(resource, row),
        })),
      );
      return updated.map((row) => row.id);
    });
    res.json(ids);
  });

  router.delete(base, async (req: Request, res: Response) => {
    const deleted: Row[] = [];
    const ids = await withWrite(req, async (ctx) => {
      assertCan(resource, ctx.actor, 'delete');
      const rows = await lockMatching(ctx, req);
      if (rows.length === 0) return [];
      deleted.push(...rows);
      await resource.model.query(ctx.trx).whereIn(`${table}.id`, rows.map((row) => row.id as number)).delete();
      await writeAudit(
        ctx.trx,
        ctx.context,
        rows.map((row) => ({ action: 'delete', resource: resource.name, recordId: row.id as number, before: auditable(resource, row) })),
      );
      return rows.map((row) => row.id);
    });
    await afterDelete(req, deleted);
    res.json(ids);
  });

  /** Clean-up outside the database, once the delete has committed; a failure is logged, the rows stay deleted. */
  async function afterDelete(req: Request, rows: Row[]): Promise<void> {
    if (!resource.afterDelete) return;
    for (const row of rows) {
      try {
        await resource.afterDelete(row);
      } catch (error) {
        req.log?.error({ err: error, resource: resource.name, id: row.id }, 'clean-up after delete failed');
      }
    }
  }

  return router;
}
