import request from 'supertest';
import { z } from 'zod';
import { ROLES, type Actor, type Role } from './actor';
import type { Action, ResourceDefinition } from './resource';
import { CUSTOM_ROUTES } from '../ops/custom-routes';
import { createTestApp, type TestApp } from '../testing/test-app';

// Issue 15 acceptance: hostile input on every list route (sort, filter, range) and every write route (arrays,
// strings, null, deep nesting, unknown fields, prototype keys, wrong types, oversize) is answered with a 4xx (or
// a 2xx when it happens to be valid), never a 500, never driver or SQL text, always a message. Generated from the
// declared resources and the custom route table; case counts are fixed, so the file stays fast.
let t: TestApp;
let served: { url: string; close(): Promise<void> };
const headers = new Map<Role, Record<string, string>>();
beforeAll(async () => {
  t = await createTestApp({}, { cohorts: true });
  for (const role of ROLES) headers.set(role, { Authorization: `Bearer ${await t.tokenFor(role)}` });
  // One listening server for the whole file (supertest would start one per request).
  served = await t.listen();
}, 60_000);
afterAll(async () => {
  console.log(`fuzz: ${answered} hostile requests answered`);
  await served.close();
  await t.close();
});
const api = () => request(served.url);

// What PostgreSQL and Knex write (statements with quoted identifiers, the driver's error sentences), as opposed to
// the client's own input echoed back in a message.
const DRIVER_TEXT = /(select|from|into|update|join) \\?"\w+\\?"|select \*|invalid input syntax|out of range for type|violates (?:check|foreign key|unique|not-null)|relation \\?"|column \\?"\w+\\?" (?:of|does)|syntax error at|\bpg_\w+|duplicate key value|\$\d+\b|at character \d|knex|returning \*/i;
const resources = () => t.app.resources as readonly ResourceDefinition[];
const actorOf = (role: Role) => ({ role, id: 0 }) as unknown as Actor;
const firstRole = (resource: ResourceDefinition, action: Action) => (['admin', 'sre', 'manager', 'mentor', 'developer', 'student'] as Role[]).find((role) => resource.policy.can(actorOf(role), action));

const problems: string[] = [];
let answered = 0;
function check(what: string, response: request.Response) {
  answered += 1;
  const body = response.body as { message?: unknown } | undefined;
  if (response.status >= 500) problems.push(`${what}: ${response.status} ${response.text.slice(0, 200)}`);
  else if (DRIVER_TEXT.test(response.text) && response.status >= 400) problems.push(`${what}: driver text in ${response.text.slice(0, 200)}`);
  else if (response.status >= 400 && (typeof body?.message !== 'string' || body.message.length < 10)) problems.push(`${what}: ${response.status} without a message`);
}

const deep = (levels: number): unknown => (levels === 0 ? 1 : { a: deep(levels - 1) });
const HOSTILE_VALUES: unknown[] = [true, [1, 2], { a: 1 }, '0x3', "x' or 1=1 --", -1e308, 1e308, 2 ** 63, '', null, 'x'.repeat(70_000), '\u0000', '2026-02-30', deep(4)];

const listCases = (resource: ResourceDefinition): Record<string, string>[] => {
  const fields = Object.keys(resource.filterable).slice(0, 3);
  const sortField = resource.sortable[0] ?? 'id';
  return [
    { sort: '["id; drop table users","ASC"]' },
    { sort: `["${sortField}","DESC; select 1"]` },
    { sort: '{"a":1}' },
    { range: '[1e300,1e301]' },
    { range: '[-5,"x"]' },
    { filter: '[]' },
    { filter: '{"__proto__":{"x":1}}' },
    { filter: JSON.stringify({ q: "%' or 1=1 --" }) },
    { filter: JSON.stringify({ id: 1e20 }) },
    { filter: JSON.stringify({ id: ['1; select 1', null] }) },
    ...fields.flatMap((field) => [
      { filter: JSON.stringify({ [field]: HOSTILE_VALUES[fields.indexOf(field) % HOSTILE_VALUES.length] }) },
      { filter: JSON.stringify({ [`${field}_gte`]: "x' or 1=1" }) },
      { filter: JSON.stringify({ [`${field}_in`]: [{ a: 1 }, 'x'.repeat(600)] }) },
    ]),
  ];
};

it('every list route answers hostile sort, filter and range with a message, never a 500 or driver text', async () => {
  for (const resource of resources()) {
    const role = firstRole(resource, 'list');
    if (!role) continue;
    for (const query of listCases(resource)) {
      check(`GET /${resource.name} ${JSON.stringify(query)} as ${role}`, await api().get(`/${resource.name}`).query(query).set(headers.get(role)!));
    }
    check(`GET /${resource.name}/export.csv hostile filter`, await api().get(`/${resource.name}/export.csv`).query({ filter: JSON.stringify({ id: 'x' }) }).set(headers.get(role)!));
  }
  expect(problems).toEqual([]);
  expect(answered).toBeGreaterThan(resources().length * 10);
}, 120_000);

/** Bodies every write must refuse or take safely. */
function bodies(schema: z.ZodObject<z.ZodRawShape> | undefined): (string | Record<string, unknown>)[] {
  const fields = schema ? Object.keys(schema.shape) : [];
  const raw = ['[1,2,3]', '"a string"', 'null', '123', '{"a":', '{"__proto__":{"admin":true}}', `{"constructor":{"prototype":{"x":1}}}`, JSON.stringify(deep(40))];
  // Each field gets two hostile values (rotating through the list, so every value meets some field) and a
  // prototype key inside it.
  const typed = fields.slice(0, 6).flatMap((field, index) => [
    { [field]: HOSTILE_VALUES[index % HOSTILE_VALUES.length] },
    { [field]: HOSTILE_VALUES[(index + 7) % HOSTILE_VALUES.length] },
  ]);
  const proto = fields.length ? [`{"${fields[fields.length - 1]}":{"__proto__":{"polluted":true}}}`] : [];
  return [...raw, ...proto, { unknown_field_xyz: 1 }, { id: 'x' }, { [fields[0] ?? 'x']: 'y'.repeat(200_000) }, ...typed];
}

async function send(method: 'post' | 'put', path: string, role: Role, body: string | Record<string, unknown>) {
  const req = api()[method](path).set(headers.get(role)!).set('Content-Type', 'application/json');
  return req.send(typeof body === 'string' ? body : JSON.stringify(body));
}

it('every generic write route answers hostile bodies with a message, never a 500 or driver text', async () => {
  for (const resource of resources()) {
    const creator = firstRole(resource, 'create');
    const updater = firstRole(resource, 'update');
    const cases = bodies(resource.schema);
    if (creator) for (const body of cases) check(`POST /${resource.name} ${String(JSON.stringify(body)).slice(0, 80)} as ${creator}`, await send('post', `/${resource.name}`, creator, body));
    if (updater) {
      const row = (await api().get(`/${resource.name}`).query({ range: '[0,0]' }).set(headers.get(updater)!)).body?.[0];
      const id = row?.id ?? 1;
      for (const body of cases.slice(0, 12)) check(`PUT /${resource.name}/${id} ${String(JSON.stringify(body)).slice(0, 80)} as ${updater}`, await send('put', `/${resource.name}/${id}`, updater, body));
      check(`PUT /${resource.name}?filter=hostile`, await api().put(`/${resource.name}`).query({ filter: '{"id":["x"]}' }).set(headers.get(updater)!).send({}));
    }
  }
  expect(problems).toEqual([]);
}, 120_000);

it('every custom write route answers hostile bodies with a message, never a 500 or driver text', async () => {
  const writes = CUSTOM_ROUTES.filter((route) => route.method === 'POST' || route.method === 'PUT').filter((route) => route.path !== '/mission_resources/upload');
  for (const route of writes) {
    const roles: Role[] = route.access.public ? ['student'] : route.access.roles ? [route.access.roles[0]] : ['admin'];
    const path = route.path.replace(/:id\b/g, '1').replace(/:\w+/g, 'x');
    for (const role of roles) {
      for (const body of bodies(undefined)) check(`${route.method} ${path} ${String(JSON.stringify(body)).slice(0, 60)} as ${role}`, await send(route.method === 'POST' ? 'post' : 'put', path, role, body));
      for (const value of HOSTILE_VALUES.slice(0, 8)) {
        const field = /\{(\w+)/.exec(route.body ?? '')?.[1] ?? 'id';
        check(`${route.method} ${path} {${field}: ${String(JSON.stringify(value)).slice(0, 30)}} as ${role}`, await send(route.method === 'POST' ? 'post' : 'put', path, role, { [field]: value }));
      }
    }
  }
  expect(problems).toEqual([]);
}, 120_000);
