import type { Knex } from 'knex';
import { z } from 'zod';
import { ROLES } from '../core/actor';
import type { FilterOperator, FilterSpec, ResourceDefinition } from '../core/resource';
import { CUSTOM_ROUTES } from './custom-routes';
import { resourceMatrix, routeRoles } from './rbac';

type Schema = Record<string, unknown>;

const PG_TYPES: Record<string, Schema> = {
  bigint: { type: 'integer' },
  integer: { type: 'integer' },
  smallint: { type: 'integer' },
  numeric: { type: 'string', description: 'decimal number, as a string' },
  'double precision': { type: 'number' },
  real: { type: 'number' },
  boolean: { type: 'boolean' },
  text: { type: 'string' },
  'character varying': { type: 'string' },
  date: { type: 'string', format: 'date' },
  'timestamp with time zone': { type: 'string', format: 'date-time' },
  jsonb: {},
  json: {},
  bytea: { type: 'string' },
  ARRAY: { type: 'array' },
};

const opsOf = (spec: FilterSpec): readonly FilterOperator[] => (Array.isArray(spec) ? spec : (spec as { ops: readonly FilterOperator[] }).ops);

/** The filter keys a resource accepts (`status`, `status_in`, `created_at_gte` …), as the list query parses them. */
export function filterKeys(resource: ResourceDefinition): string[] {
  const keys = ['id'];
  const searchable = typeof resource.searchable === 'function' ? ['(depends on role)'] : resource.searchable;
  if (searchable.length) keys.push('q');
  for (const [field, spec] of Object.entries(resource.filterable)) {
    for (const op of opsOf(spec)) keys.push(op === 'eq' ? field : `${field}_${op}`);
  }
  return [...new Set(keys)];
}

/** A zod schema as JSON Schema (zod 4's own converter); the field names alone if it cannot be represented. */
export function writeSchema(schema: z.ZodObject<z.ZodRawShape>): Schema {
  try {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Schema;
    delete json.$schema;
    return json;
  } catch {
    return { type: 'object', properties: Object.fromEntries(Object.keys(schema.shape).map((key) => [key, {}])) };
  }
}

async function tableColumns(knex: Knex, tables: string[]): Promise<Map<string, Map<string, Schema>>> {
  const rows = (await knex('information_schema.columns')
    .where('table_schema', 'public')
    .whereIn('table_name', tables)
    .orderBy(['table_name', 'ordinal_position'])
    .select('table_name', 'column_name', 'data_type', 'is_nullable')) as { table_name: string; column_name: string; data_type: string; is_nullable: string }[];
  const byTable = new Map<string, Map<string, Schema>>();
  for (const row of rows) {
    const type = { ...(PG_TYPES[row.data_type] ?? {}) };
    const schema: Schema = row.is_nullable === 'YES' && type.type ? { ...type, type: [type.type, 'null'] } : type;
    if (!byTable.has(row.table_name)) byTable.set(row.table_name, new Map());
    byTable.get(row.table_name)!.set(row.column_name, schema);
  }
  return byTable;
}

const toOpenApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');
const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } };
const errorResponses = {
  '400': { $ref: '#/components/responses/Error' },
  '401': { $ref: '#/components/responses/Error' },
  '403': { $ref: '#/components/responses/Error' },
  '404': { $ref: '#/components/responses/Error' },
  '409': { $ref: '#/components/responses/Error' },
  '422': { $ref: '#/components/responses/Error' },
};

/**
 * The OpenAPI 3.1 description of the API, generated from what the code declares: every registered resource (its
 * fields from the database catalogue, its sort and filter keys, its write schema per role from its zod schema, and
 * the roles its policy admits per operation, as `x-roles`) and the custom route table.
 */
export async function openApiDocument(knex: Knex, resources: readonly ResourceDefinition[], info: { version: string; serverUrl: string }): Promise<Schema> {
  const columns = await tableColumns(knex, [...new Set(resources.map((r) => r.model.tableName))]);
  const matrix = new Map(resourceMatrix(resources).map((entry) => [entry.resource, entry]));
  const schemas: Record<string, Schema> = {
    Error: {
      type: 'object',
      required: ['message', 'code', 'details'],
      properties: {
        message: { type: 'string', description: 'A sentence a person can act on.' },
        code: { type: 'string', enum: ['INVALID_QUERY', 'INVALID_INPUT', 'VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'CSRF_FAILED', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED', 'ACCOUNT_BLOCKED', 'ACCOUNT_SUSPENDED', 'EMAIL_NOT_VERIFIED', 'INVALID_TOKEN', 'INTERNAL'] },
        details: { type: 'object', description: '`fields` ({field: message}) for VALIDATION_FAILED, `requestId` for INTERNAL, `retryAfterSeconds` for RATE_LIMITED.' },
      },
    },
  };
  const paths: Record<string, Record<string, Schema>> = {};
  const add = (path: string, method: string, operation: Schema) => {
    (paths[toOpenApiPath(path)] ??= {})[method.toLowerCase()] = operation;
  };
  const rolesFor = (resource: ResourceDefinition, action: 'list' | 'read' | 'create' | 'update' | 'delete') =>
    ROLES.filter((role) => matrix.get(resource.name)!.roles[role].includes(action));

  for (const resource of resources) {
    const name = resource.name;
    const own = columns.get(resource.model.tableName) ?? new Map<string, Schema>();
    const hidden = new Set(resource.hidden ?? []);
    const properties: Record<string, Schema> = {};
    for (const [column, schema] of own) if (!hidden.has(column)) properties[column] = schema;
    for (const field of Object.keys(resource.columns ?? {})) properties[field] ??= { description: 'joined, read-only' };
    schemas[name] = { type: 'object', properties };
    const permissions = matrix.get(name)!;
    const writable = Object.keys(permissions.writable).length > 0;
    if (writable) {
      schemas[`${name}_write`] = { ...writeSchema(resource.schema), 'x-writable-by-role': permissions.writable };
    }
    const scoped = permissions.scoped_roles;
    const common = (action: 'list' | 'read' | 'create' | 'update' | 'delete') => ({
      tags: [name],
      'x-roles': rolesFor(resource, action),
      ...(scoped.length ? { 'x-scoped-roles': scoped } : {}),
    });
    const keys = filterKeys(resource);
    const listParameters = [
      { name: 'sort', in: 'query', schema: { type: 'string' }, description: `JSON ["field","ASC"|"DESC"]; fields: ${['id', ...resource.sortable].join(', ')}.`, example: JSON.stringify(resource.defaultSort ?? ['id', 'ASC']) },
      { name: 'range', in: 'query', schema: { type: 'string' }, description: 'JSON [first, last] (0-based, inclusive; at most 1000 rows a page).', example: '[0,24]' },
      { name: 'filter', in: 'query', schema: { type: 'string' }, description: `JSON object; keys: ${keys.join(', ')}.`, example: '{}' },
    ];
    const rowRef = { $ref: `#/components/schemas/${name}` };
    const writeBody = { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}_write` } } } };
    if (ROLES.some((role) => permissions.roles[role].includes('list'))) {
      add(`/${name}`, 'GET', {
        ...common('list'),
        summary: `List ${name.replace(/_/g, ' ')}`,
        operationId: `list_${name}`,
        parameters: listParameters,
        'x-filters': Object.fromEntries(Object.entries(resource.filterable).map(([field, spec]) => [field, opsOf(spec)])),
        'x-sortable': ['id', ...resource.sortable],
        responses: {
          '200': {
            description: 'One page of rows.',
            headers: { 'Content-Range': { schema: { type: 'string' }, description: `${name} <first>-<last>/<total>` } },
            content: { 'application/json': { schema: { type: 'array', items: rowRef } } },
          },
          ...errorResponses,
        },
      });
      add(`/${name}/export.csv`, 'GET', {
        ...common('list'),
        summary: `Export every matching ${name.replace(/_/g, ' ')} row as CSV`,
        operationId: `export_${name}`,
        parameters: listParameters.filter((p) => p.name !== 'range'),
        responses: { '200': { description: 'CSV with a header row.', content: { 'text/csv': { schema: { type: 'string' } } } }, ...errorResponses },
      });
    }
    if (ROLES.some((role) => permissions.roles[role].includes('read'))) {
      add(`/${name}/:id`, 'GET', { ...common('read'), summary: `Read one`, operationId: `get_${name}`, parameters: [idParameter], responses: { '200': { description: 'The row.', content: { 'application/json': { schema: rowRef } } }, ...errorResponses } });
    }
    if (ROLES.some((role) => permissions.roles[role].includes('create')) && writable) {
      add(`/${name}`, 'POST', { ...common('create'), summary: 'Create', operationId: `create_${name}`, requestBody: writeBody, responses: { '201': { description: 'The created row.', content: { 'application/json': { schema: rowRef } } }, ...errorResponses } });
    }
    if (ROLES.some((role) => permissions.roles[role].includes('update')) && writable) {
      add(`/${name}/:id`, 'PUT', { ...common('update'), summary: 'Update (only the fields sent)', operationId: `update_${name}`, parameters: [idParameter], requestBody: writeBody, responses: { '200': { description: 'The updated row.', content: { 'application/json': { schema: rowRef } } }, ...errorResponses } });
      add(`/${name}`, 'PUT', { ...common('update'), summary: 'Update every row matching `filter`, in one transaction', operationId: `update_many_${name}`, parameters: listParameters.filter((p) => p.name === 'filter'), requestBody: writeBody, responses: { '200': { description: 'The ids changed.', content: { 'application/json': { schema: { type: 'array', items: { type: 'integer' } } } } }, ...errorResponses } });
    }
    if (ROLES.some((role) => permissions.roles[role].includes('delete'))) {
      add(`/${name}/:id`, 'DELETE', { ...common('delete'), summary: 'Delete', operationId: `delete_${name}`, parameters: [idParameter], responses: { '200': { description: 'The deleted row.', content: { 'application/json': { schema: rowRef } } }, ...errorResponses } });
      add(`/${name}`, 'DELETE', { ...common('delete'), summary: 'Delete every row matching `filter`, in one transaction', operationId: `delete_many_${name}`, parameters: listParameters.filter((p) => p.name === 'filter'), responses: { '200': { description: 'The ids deleted.', content: { 'application/json': { schema: { type: 'array', items: { type: 'integer' } } } } }, ...errorResponses } });
    }
  }

  for (const route of CUSTOM_ROUTES) {
    const roles = routeRoles(route.access, resources);
    const parameters = [...route.path.matchAll(/:(\w+)/g)].map((match) => ({ ...idParameter, name: match[1] }));
    add(route.path, route.method, {
      tags: [route.tag],
      summary: route.summary,
      operationId: `${route.method.toLowerCase()}_${route.path.replace(/[^\w]+/g, '_').replace(/^_|_$/g, '')}`,
      'x-roles': roles,
      ...(route.access.public ? { security: [] } : {}),
      ...(route.access.token ? { 'x-token': route.access.token } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(route.body ? { requestBody: { required: true, description: route.body, content: { 'application/json': { schema: { type: 'object' } } } } } : {}),
      responses: { '200': { description: 'See api/API.md.' }, ...errorResponses },
    });
  }

  const resourceTags = resources.map((r) => ({ name: r.name, description: `Generic simple-rest resource (table ${r.model.tableName}).` }));
  const routeTags = [...new Set(CUSTOM_ROUTES.map((r) => r.tag))].filter((tag) => !resources.some((r) => r.name === tag)).map((name) => ({ name }));
  return {
    openapi: '3.1.0',
    info: {
      title: 'SMS API',
      version: info.version,
      description:
        'Generated from the resource declarations and the custom route table. `x-roles` lists the roles an operation admits; `x-scoped-roles` those whose rows are narrowed to their own (others answer 404). The protocol is ra-data-simple-rest; see api/API.md.',
    },
    servers: [{ url: info.serverUrl }],
    security: [{ bearer: [] }, { cookie: [] }],
    tags: [...resourceTags, ...routeTags],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'POST /auth/token' },
        cookie: { type: 'apiKey', in: 'cookie', name: 'sms_session', description: 'POST /auth/login; writes need X-CSRF-Token.' },
      },
      responses: { Error: { description: 'The one error shape.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } },
      schemas,
    },
  };
}
