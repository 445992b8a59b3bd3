import type { Knex } from 'knex';
import type { Model, QueryBuilder } from 'objection';
import { errors } from './errors';
import type { FilterOperator, FilterValueType, ResourceDefinition } from './resource';

/**
 * What kind of value a filter compares with, so a value is checked (and refused with a sentence) before any SQL is
 * built, instead of reaching PostgreSQL as a cast error. Plain column filters take the column's type from the
 * database itself (the resource's row query run once with LIMIT 0: its own columns, joined columns and views
 * alike); custom filters declare theirs (`*_id` ones are ids unless they say otherwise).
 */
export type ColumnTypes = ReadonlyMap<string, FilterValueType>;

// PostgreSQL type OIDs (pg_type.oid; fixed for built-in types).
const BY_OID: Record<number, FilterValueType> = {
  16: 'boolean',
  20: 'bigint',
  21: 'smallint',
  23: 'integer',
  700: 'number',
  701: 'number',
  1700: 'number',
  1082: 'date',
  1114: 'timestamp',
  1184: 'timestamp',
  25: 'text',
  1043: 'text',
  1042: 'text',
  19: 'text',
  2950: 'uuid',
  114: 'json',
  3802: 'json',
};

const ARRAY_OIDS = new Set([199, 1000, 1001, 1005, 1007, 1009, 1014, 1015, 1016, 1021, 1022, 1028, 1115, 1182, 1183, 1185, 1231, 2951, 3807]);

const cache = new WeakMap<ResourceDefinition, Promise<ColumnTypes>>();

/** The type of every field of the resource's rows, read once per process from the database's answer. */
export function columnTypes(resource: ResourceDefinition, knex: Knex, shaped: () => QueryBuilder<Model>): Promise<ColumnTypes> {
  let types = cache.get(resource);
  if (!types) {
    types = (async () => {
      const sql = shaped().limit(0).toKnexQuery().toQuery();
      const result = (await knex.raw(sql)) as { fields?: { name: string; dataTypeID: number }[] };
      return new Map((result.fields ?? []).map((field) => [field.name, BY_OID[field.dataTypeID] ?? (ARRAY_OIDS.has(field.dataTypeID) ? 'array' : 'any')]));
    })();
    types.catch(() => cache.delete(resource));
    cache.set(resource, types);
  }
  return types;
}

const INTEGER_RANGE: Partial<Record<FilterValueType, [number, number]>> = {
  id: [1, Number.MAX_SAFE_INTEGER],
  bigint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  integer: [-2147483648, 2147483647],
  smallint: [-32768, 32767],
};

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DECIMAL = /^-?\d{1,20}(?:\.\d{1,20})?$/;
export const MAX_TEXT_FILTER = 500;

function realDate(year: string, month: string, day: string): boolean {
  const y = Number(year);
  const date = new Date(Date.UTC(y, Number(month) - 1, Number(day)));
  return y >= 1 && date.getUTCFullYear() === y && date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day);
}

const describe: Record<FilterValueType, string> = {
  id: 'an id (a whole number from 1)',
  bigint: 'a whole number',
  integer: 'a whole number',
  smallint: 'a small whole number',
  number: 'a number',
  boolean: 'true or false',
  date: 'a date like 2026-01-31',
  timestamp: 'a date or time like 2026-01-31 or 2026-01-31T09:00:00Z',
  uuid: 'a UUID',
  text: `text (at most ${MAX_TEXT_FILTER} characters)`,
  json: 'nothing: it cannot be filtered on',
  array: 'nothing: it cannot be filtered on',
  any: 'a single value',
};

/** One filter value checked against its type and normalised (numbers as numbers, booleans as booleans). */
export function checkFilterValue(key: string, type: FilterValueType, value: unknown): string | number | boolean {
  const refuse = () => errors.invalidQuery(`The filter "${key}" needs ${describe[type]}, not ${JSON.stringify(value)?.slice(0, 60) ?? 'that'}.`, { field: key });
  const range = INTEGER_RANGE[type];
  if (range) {
    const number = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d{1,16}$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(number) || number < range[0] || number > range[1]) throw refuse();
    return number;
  }
  switch (type) {
    case 'number': {
      const number = typeof value === 'number' ? value : typeof value === 'string' && DECIMAL.test(value) ? Number(value) : NaN;
      if (!Number.isFinite(number) || Math.abs(number) > 1e15) throw refuse();
      return number;
    }
    case 'boolean':
      if (value === true || value === 'true') return true;
      if (value === false || value === 'false') return false;
      throw refuse();
    case 'date': {
      const match = typeof value === 'string' ? DATE.exec(value) : null;
      if (!match || !realDate(match[1], match[2], match[3])) throw refuse();
      return value as string;
    }
    case 'timestamp': {
      const match = typeof value === 'string' ? TIMESTAMP.exec(value) : null;
      if (!match || !realDate(match[1], match[2], match[3]) || Number(match[4] ?? 0) > 23 || Number(match[5] ?? 0) > 59 || Number(match[6] ?? 0) > 59) throw refuse();
      return value as string;
    }
    case 'uuid':
      if (typeof value !== 'string' || !UUID.test(value)) throw refuse();
      return value;
    case 'json':
    case 'array':
      throw refuse();
    case 'text':
      if (typeof value === 'number' && Number.isFinite(value)) return String(value);
      if (typeof value !== 'string' || value.length > MAX_TEXT_FILTER || value.includes('\u0000')) throw refuse();
      return value;
    default:
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      if (typeof value === 'boolean') return value;
      if (typeof value !== 'string' || value.length > MAX_TEXT_FILTER || value.includes('\u0000')) throw refuse();
      return value;
  }
}

/** The value type of a filter: declared on a custom filter, else `*_id` → id, else the column's type. */
export function filterValueType(resource: ResourceDefinition, field: string, types: ColumnTypes | undefined, op: FilterOperator): FilterValueType {
  if (op === 'q') return 'text';
  const spec = Object.hasOwn(resource.filterable, field) ? resource.filterable[field] : undefined;
  if (spec && !Array.isArray(spec)) {
    const declared = (spec as { type?: FilterValueType }).type;
    if (declared) return declared;
    return field === 'id' || field.endsWith('_id') ? 'id' : 'any';
  }
  const type = types?.get(field);
  if (type === 'bigint' && (field === 'id' || field.endsWith('_id'))) return 'id';
  return type ?? (field === 'id' || field.endsWith('_id') ? 'id' : 'any');
}
