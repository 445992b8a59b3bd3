import type { Model, QueryBuilder } from 'objection';
import type { Actor } from './actor';
import { errors } from './errors';
import { columnOf, type FilterOperator, type ResourceDefinition } from './resource';

export const MAX_PAGE_SIZE = 1000;
export const DEFAULT_PAGE_SIZE = 25;

export interface ListParams {
  sort: [string, 'ASC' | 'DESC'];
  range: [number, number];
  filter: Record<string, unknown>;
}

const SUFFIXES: readonly FilterOperator[] = ['gte', 'lte', 'gt', 'lt', 'neq', 'in', 'q'];
const SQL_OPERATORS: Record<Exclude<FilterOperator, 'in' | 'q' | 'eq'>, string> = {
  gte: '>=',
  lte: '<=',
  gt: '>',
  lt: '<',
  neq: '<>',
};

function parseJson(raw: unknown, name: string): unknown {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string') throw errors.invalidQuery(`The "${name}" parameter must be given once, as JSON.`);
  try {
    return JSON.parse(raw);
  } catch {
    throw errors.invalidQuery(`The "${name}" parameter is not valid JSON.`);
  }
}

export function parseFilter(raw: unknown): Record<string, unknown> {
  const filter = parseJson(raw, 'filter') ?? {};
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) {
    throw errors.invalidQuery('The "filter" parameter must be a JSON object, e.g. {"status":"active"}.');
  }
  return filter as Record<string, unknown>;
}

/** Reads ra-data-simple-rest's sort/range/filter, accepting only what the resource declares. */
export function parseListParams(query: Record<string, unknown>, resource: ResourceDefinition, options: { uncapped?: boolean } = {}): ListParams {
  const sortRaw = parseJson(query.sort, 'sort') ?? resource.defaultSort ?? ['id', 'ASC'];
  if (!Array.isArray(sortRaw) || sortRaw.length !== 2 || typeof sortRaw[0] !== 'string' || typeof sortRaw[1] !== 'string') {
    throw errors.invalidQuery('The "sort" parameter must look like ["field","ASC"].');
  }
  const [field, orderRaw] = sortRaw as [string, string];
  if (field !== 'id' && !resource.sortable.includes(field)) {
    throw errors.invalidQuery(`You can't sort ${resource.name} by "${field}". Sortable fields: ${['id', ...resource.sortable].join(', ')}.`, { field });
  }
  const order = orderRaw.toUpperCase();
  if (order !== 'ASC' && order !== 'DESC') throw errors.invalidQuery(`Sort order must be ASC or DESC, not "${orderRaw}".`);

  let range: [number, number] = [0, DEFAULT_PAGE_SIZE - 1];
  const rangeRaw = parseJson(query.range, 'range');
  if (rangeRaw !== undefined) {
    if (!Array.isArray(rangeRaw) || rangeRaw.length !== 2 || !rangeRaw.every((n) => Number.isInteger(n) && n >= 0) || rangeRaw[1] < rangeRaw[0]) {
      throw errors.invalidQuery('The "range" parameter must look like [0,24]: two whole numbers, the second not smaller.');
    }
    range = rangeRaw as [number, number];
  }
  if (!options.uncapped) range = [range[0], Math.min(range[1], range[0] + MAX_PAGE_SIZE - 1)];
  const filter = parseFilter(query.filter);
  // Validate every key now, so a bad one fails before any SQL is built.
  for (const key of Object.keys(filter)) resolveFilterKey(resource, key);
  return { sort: [field, order], range, filter };
}

function resolveFilterKey(resource: ResourceDefinition, key: string): { field: string; op: FilterOperator } {
  if (key === 'q' || key === 'id') return { field: key, op: key === 'q' ? 'q' : 'eq' };
  const allowed = (field: string) => {
    const spec = resource.filterable[field];
    return spec ? (Array.isArray(spec) ? spec : (spec as { ops: readonly FilterOperator[] }).ops) : undefined;
  };
  const exact = allowed(key);
  if (exact?.includes('eq') || (exact && exact.includes('in'))) return { field: key, op: 'eq' };
  const match = /^(.+)_(gte|lte|gt|lt|neq|in|q)$/.exec(key);
  if (match && SUFFIXES.includes(match[2] as FilterOperator)) {
    const ops = allowed(match[1]);
    if (ops?.includes(match[2] as FilterOperator)) return { field: match[1], op: match[2] as FilterOperator };
  }
  const fields = Object.entries(resource.filterable).map(([name, spec]) => `${name} (${(Array.isArray(spec) ? spec : (spec as { ops: readonly FilterOperator[] }).ops).join('/')})`);
  throw errors.invalidQuery(`You can't filter ${resource.name} by "${key}". Filters: q, id${fields.length ? `, ${fields.join(', ')}` : ''}.`, { field: key });
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function scalar(value: unknown, key: string): string | number | boolean {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  throw errors.invalidQuery(`The filter "${key}" needs a single value.`);
}

/** Applies a validated filter to a query; column names come only from the declaration. */
export function applyFilter(query: QueryBuilder<Model>, resource: ResourceDefinition, filter: Record<string, unknown>, actor: Actor): void {
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === '') continue;
    const { field, op } = resolveFilterKey(resource, key);
    if (field === 'q') {
      const text = String(scalar(value, key)).trim();
      const searchable = typeof resource.searchable === 'function' ? resource.searchable(actor) : resource.searchable;
      if (!text || searchable.length === 0) continue;
      const pattern = `%${escapeLike(text)}%`;
      query.where((builder) => {
        for (const field of searchable) builder.orWhere(columnOf(resource, field), 'ilike', pattern);
      });
      continue;
    }
    if (field === 'id') {
      const ids = Array.isArray(value) ? value : [value];
      if (!ids.every((id) => Number.isInteger(Number(id)))) throw errors.invalidQuery('Ids in the "id" filter must be whole numbers.');
      query.whereIn(columnOf(resource, 'id'), ids.map(Number));
      continue;
    }
    const spec = resource.filterable[field];
    const effectiveOp: FilterOperator = op === 'eq' && Array.isArray(value) ? 'in' : op;
    if (spec && !Array.isArray(spec)) {
      (spec as { apply: (q: QueryBuilder<Model>, o: FilterOperator, v: unknown, a: Actor) => void }).apply(query, effectiveOp, value, actor);
      continue;
    }
    const column = columnOf(resource, field);
    if (effectiveOp === 'in') {
      if (!Array.isArray(value)) throw errors.invalidQuery(`The filter "${key}" needs a list of values.`);
      query.whereIn(column, value.map((v) => scalar(v, key)));
    } else if (effectiveOp === 'eq') {
      if (value === null) query.whereNull(column);
      else query.where(column, scalar(value, key));
    } else if (effectiveOp === 'q') {
      query.where(column, 'ilike', `%${escapeLike(String(scalar(value, key)))}%`);
    } else if (effectiveOp === 'neq' && value === null) {
      query.whereNotNull(column);
    } else {
      query.where(column, SQL_OPERATORS[effectiveOp], scalar(value, key));
    }
  }
}
