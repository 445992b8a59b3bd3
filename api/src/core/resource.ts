import type { Knex } from 'knex';
import type { Model, ModelClass, QueryBuilder } from 'objection';
import type { z } from 'zod';
import type { Actor, RequestContext, Role } from './actor';

export type Action = 'list' | 'read' | 'create' | 'update' | 'delete';
export const ACTIONS: readonly Action[] = ['list', 'read', 'create', 'update', 'delete'];

export type FilterOperator = 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'q';

/** What a filter's value must be (checked before SQL; see core/filter-values.ts). `any`: one scalar, checked by `apply`. */
export type FilterValueType = 'id' | 'bigint' | 'integer' | 'smallint' | 'number' | 'boolean' | 'date' | 'timestamp' | 'uuid' | 'text' | 'json' | 'array' | 'any';

/** A filter key: the operators it allows, and optionally how to apply it when it is not a plain column. */
export type FilterSpec =
  | readonly FilterOperator[]
  | {
      ops: readonly FilterOperator[];
      /** The value's type; `*_id` filters default to ids, others to `any` (then `apply` checks it). */
      type?: FilterValueType;
      apply: (query: QueryBuilder<Model>, op: FilterOperator, value: unknown, actor: Actor) => void;
    };

export interface Policy {
  /** Which actions a role may take at all. */
  can(actor: Actor, action: Action): boolean;
  /** Narrows a query to the rows this actor may see; applied to every read and write. */
  scope(actor: Actor, query: QueryBuilder<Model>): void;
  /** Narrows further the rows this actor may change or delete (e.g. only what they wrote); 404 outside it. */
  writeScope?(actor: Actor, query: QueryBuilder<Model>): void;
}

export interface WriteContext {
  actor: Actor;
  trx: Knex.Transaction;
  context: RequestContext;
}

export interface ResourceDefinition<M extends Model = Model> {
  name: string;
  model: ModelClass<M>;
  policy: Policy;
  sortable: readonly string[];
  /** Fields `q` searches; a function when what an actor may search depends on what they may see. */
  searchable: readonly string[] | ((actor: Actor) => readonly string[]);
  filterable: Record<string, FilterSpec>;
  /** Fields each role may set; `any` applies to every role the policy lets write. */
  writable: Partial<Record<Role | 'any', readonly string[]>>;
  /** Validates and normalises writable fields; `.partial()` of it is used for updates. */
  schema: z.ZodObject<z.ZodRawShape>;
  /** Columns never sent to clients. */
  hidden?: readonly string[];
  /**
   * Contact details under names that don't say so (e.g. the outbox's `to`); fields named `email`, `phone`,
   * `address` or `<who>_email` … are contact fields anyway (core/contacts.ts).
   */
  contactFields?: readonly string[];
  /** Columns sent only to some actors. */
  visible?: (actor: Actor, row: Record<string, unknown>) => readonly string[] | '*';
  defaultSort?: [string, 'ASC' | 'DESC'];
  /** Cross-field rules that need the current row or the actor; throw an AppError to refuse. */
  validate?: (data: Record<string, unknown>, existing: Record<string, unknown> | null, ctx: WriteContext) => void | Promise<void>;
  beforeCreate?: (data: Record<string, unknown>, ctx: WriteContext) => Record<string, unknown> | Promise<Record<string, unknown>>;
  afterCreate?: (row: Record<string, unknown>, ctx: WriteContext) => void | Promise<void>;
  /** Runs after a delete has committed, once per deleted row (e.g. removing a stored file). */
  afterDelete?: (row: Record<string, unknown>) => Promise<void>;
  constraintMessages?: Record<string, string>;
  /** Fields read from joined tables: API field → qualified column, usable in sort, filter and search. */
  columns?: Record<string, string>;
  /** Joins every read query needs for `columns` (e.g. the user behind a student). */
  joins?: (query: QueryBuilder<Model>) => void;
  /** Columns the server sets on create (who made it, how); requests can only set writable fields, so these stand. */
  stamp?: (ctx: WriteContext) => Record<string, unknown>;
  /** Writes spanning several tables; the defaults insert into / patch the resource's own table. */
  insert?: (data: Record<string, unknown>, ctx: WriteContext) => Promise<number>;
  patch?: (ids: number[], data: Record<string, unknown>, ctx: WriteContext) => Promise<void>;
}

/** The SQL column behind an API field: declared joined columns, else the resource's own table. */
export function columnOf(resource: ResourceDefinition, field: string): string {
  return resource.columns?.[field] ?? `${resource.model.tableName}.${field}`;
}

export function defineResource<M extends Model>(definition: ResourceDefinition<M>): ResourceDefinition<M> {
  return definition;
}

/** A policy from a role → actions table plus a scope function. */
export function rolePolicy(
  table: Partial<Record<Role, readonly Action[] | '*'>>,
  scope: Policy['scope'] = () => {},
  writeScope?: Policy['writeScope'],
): Policy {
  return {
    can(actor, action) {
      const allowed = table[actor.role];
      return allowed === '*' || (allowed ?? []).includes(action);
    },
    scope,
    writeScope,
  };
}
