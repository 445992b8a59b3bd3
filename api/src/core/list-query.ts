import type { Model, QueryBuilder } from 'objection';
import type { Actor } from './actor';
import { isContactField, seesContacts } from './contacts';
import { errors } from './errors';
import { checkFilterValue, filterValueType, type ColumnTypes } from './filter-values';
import { columnOf, type FilterOperator, type ResourceDefinition } from './resource';

export const MAX_PAGE_SIZE = 1000;
export const DEFAULT_PAGE_SIZE = 25;

export interface ListParams {
  sort: [string, 'ASC' | 'DESC'];
  range: [number, number];
  filter: Record<string, unknown>;
}

/** Most values one `in` filter (or a getMany's ids) may list. */
export const MAX_FILTER_VALUES = 10000;

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

export interface ListOptions {
  uncapped?: boolean;
  /** The resource's column types (core/filter-values.ts): filter values are checked against them. */
  types?: ColumnTypes;
  /** Who asks: contact fields are neither sortable nor filterable for roles that may not see them. */
  actor?: Actor;
}

const hiddenContact = (resource: ResourceDefinition, field: string, actor: Actor | undefined) =>
  actor !== undefined && !seesContacts(actor) && isContactField(field, resource.contactFields);

/**
 * `range=[first,last]`: two whole numbers from 0, the second not smaller; a page is at most MAX_PAGE_SIZE rows.
 * `[0,-1]` (react-admin's `perPage: 0`) is an empty page: the total alone.
 */
export function parseRange(raw: unknown, options: { uncapped?: boolean } = {}): [number, number] {
  let range: [number, number] = [0, DEFAULT_PAGE_SIZE - 1];
  const rangeRaw = parseJson(raw, 'range');
  if (Array.isArray(rangeRaw) && rangeRaw.length === 2 && rangeRaw[0] === 0 && rangeRaw[1] === -1) return [0, -1];
  if (rangeRaw !== undefined) {
    if (!Array.isArray(rangeRaw) || rangeRaw.length !== 2 || !rangeRaw.every((n) => Number.isSafeInteger(n) && n >= 0) || rangeRaw[1] < rangeRaw[0]) {
      throw errors.invalidQuery('The "range" parameter must look like [0,24]: two whole numbers from 0 (up to 9007199254740991), the second not smaller; [0,-1] asks for the total alone.');
    }
    range = rangeRaw as [number, number];
  }
  if (!options.uncapped) range = [range[0], Math.min(range[1], range[0] + MAX_PAGE_SIZE - 1)];
  return range;
}

/** Reads ra-data-simple-rest's sort/range/filter, accepting only what the resource declares, values checked by type. */
export function parseListParams(query: Record<string, unknown>, resource: ResourceDefinition, options: ListOptions = {}): ListParams {
  const sortRaw = parseJson(query.sort, 'sort') ?? resource.defaultSort ?? ['id', 'ASC'];
  if (!Array.isArray(sortRaw) || sortRaw.length !== 2 || typeof sortRaw[0] !== 'string' || typeof sortRaw[1] !== 'string') {
    throw errors.invalidQuery('The "sort" parameter must look like ["field","ASC"].');
  }
  const [field, orderRaw] = sortRaw as [string, string];
  const sortable = ['id', ...resource.sortable.filter((name) => !hiddenContact(resource, name, options.actor))];
  if (!sortable.includes(field)) {
    throw errors.invalidQuery(`You can't sort ${resource.name} by "${field.slice(0, 60)}". Sortable fields: ${sortable.join(', ')}.`, { field: field.slice(0, 60) });
  }
  const order = orderRaw.toUpperCase();
  if (order !== 'ASC' && order !== 'DESC') throw errors.invalidQuery(`Sort order must be ASC or DESC, not "${orderRaw.slice(0, 20)}".`);

  const range = parseRange(query.range, options);
  const raw = parseFilter(query.filter);
  // Every key and value is checked now, so a bad one fails before any SQL is built.
  const filter: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const { field: name, op } = resolveFilterKey(resource, key, options.actor);
    filter[key] = checkValue(resource, key, name, op, value, options.types);
  }
  return { sort: [field, order], range, filter };
}

/** A filter's value checked and normalised by its operator and type; `undefined`/`""` mean "no filter". */
function checkValue(resource: ResourceDefinition, key: string, field: string, op: FilterOperator, value: unknown, types: ColumnTypes | undefined): unknown {
  if (value === undefined || value === '') return value;
  const type = field === 'id' ? 'id' : filterValueType(resource, field, types, op);
  if (Array.isArray(value)) {
    if (op !== 'eq' && op !== 'in') throw errors.invalidQuery(`The filter "${key}" needs a single value.`, { field: key });
    if (value.length > MAX_FILTER_VALUES) throw errors.invalidQuery(`The filter "${key}" lists more than ${MAX_FILTER_VALUES} values.`, { field: key });
    return value.map((item) => checkFilterValue(key, type, item));
  }
  if (op === 'in') throw errors.invalidQuery(`The filter "${key}" needs a list of values, e.g. [1,2].`, { field: key });
  if (value === null) {
    if (op === 'eq' || op === 'neq') return null;
    throw errors.invalidQuery(`The filter "${key}" needs a value, not null.`, { field: key });
  }
  return checkFilterValue(key, type, value);
}

function resolveFilterKey(resource: ResourceDefinition, key: string, actor?: Actor): { field: string; op: FilterOperator } {
  if (key === 'q' || key === 'id') return { field: key, op: key === 'q' ? 'q' : 'eq' };
  const allowed = (field: string) => {
    if (hiddenContact(resource, field, actor)) return undefined;
    const spec = Object.hasOwn(resource.filterable, field) ? resource.filterable[field] : undefined;
    return spec ? (Array.isArray(spec) ? spec : (spec as { ops: readonly FilterOperator[] }).ops) : undefined;
  };
  const exact = allowed(key);
  if (exact?.includes('eq') || (exact && exact.includes('in'))) return { field: key, op: 'eq' };
  const match = /^(.+)_(gte|lte|gt|lt|neq|in|q)$/.exec(key);
  if (match && SUFFIXES.includes(match[2] as FilterOperator)) {
    const ops = allowed(match[1]);
    if (ops?.includes(match[2] as FilterOperator)) return { field: match[1], op: match[2] as FilterOperator };
  }
  const fields = Object.entries(resource.filterable).filter(([name]) => !hiddenContact(resource, name, actor)).map(([name, spec]) => `${name} (${(Array.isArray(spec) ? spec : (spec as { ops: readonly FilterOperator[] }).ops).join('/')})`);
  throw errors.invalidQuery(`You can't filter ${resource.name} by "${key.slice(0, 60)}". Filters: q, id${fields.length ? `, ${fields.join(', ')}` : ''}.`, { field: key.slice(0, 60) });
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function scalar(value: unknown, key: string): string | number | boolean {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  throw errors.invalidQuery(`The filter "${key}" needs a single value.`);
}

/** Applies a filter checked by parseListParams to a query; column names come only from the declaration. */
export function applyFilter(query: QueryBuilder<Model>, resource: ResourceDefinition, filter: Record<string, unknown>, actor: Actor): void {
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === '') continue;
    const { field, op } = resolveFilterKey(resource, key, actor);
    if (field === 'q') {
      const text = String(scalar(value, key)).trim();
      const declared = typeof resource.searchable === 'function' ? resource.searchable(actor) : resource.searchable;
      // Searching by a contact field is reading it: only for those who may see it.
      const searchable = declared.filter((name) => !hiddenContact(resource, name, actor));
      if (!text || searchable.length === 0) continue;
      const pattern = `%${escapeLike(text)}%`;
      query.where((builder) => {
        for (const field of searchable) builder.orWhere(columnOf(resource, field), 'ilike', pattern);
      });
      continue;
    }
    if (field === 'id') {
      const ids = Array.isArray(value) ? value : [value];
      query.whereIn(columnOf(resource, 'id'), ids.map((id) => checkFilterValue(key, 'id', id)));
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
