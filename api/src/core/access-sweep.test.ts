import request from 'supertest';
import { ROLES, type Actor, type Role } from './actor';
import { ACTIONS, type Action, type ResourceDefinition } from './resource';
import { scopedQuery, shapedQuery } from './resource-router';
import { CUSTOM_ROUTES } from '../ops/custom-routes';
import { createTestApp, emailOf, type TestApp } from '../testing/test-app';

// Issue 15 acceptance: the role × resource × action matrix answered over HTTP agrees with every policy, and for
// every role the ids outside its scope answer 404 on read, update and delete. Both are generated from the
// declared resources (the app's own list), so a new resource is covered without a new test.
let t: TestApp;
const actors = new Map<Role, Actor>();
const headers = new Map<Role, Record<string, string>>();
const NO_SUCH_ID = 987654321;

beforeAll(async () => {
  t = await createTestApp({}, { cohorts: true });
  for (const role of ROLES) {
    const user = await t.db.knex('users').where({ email: emailOf(role) }).first('id', 'name', 'email');
    actors.set(role, { id: Number(user.id), role, name: user.name, email: user.email, sessionId: 0, via: 'bearer', csrfToken: '', standing: role === 'student' ? { status: 'active', restricted: false } : undefined });
    headers.set(role, { Authorization: `Bearer ${await t.tokenFor(role)}` });
  }
}, 60_000);
afterAll(() => t.close());

const resources = () => t.app.resources as readonly ResourceDefinition[];
const can = (resource: ResourceDefinition, role: Role, action: Action) => resource.policy.can(actors.get(role)!, action);

const GENERIC: Record<Action, [string, (name: string) => string]> = {
  list: ['GET', (name) => `/${name}`],
  read: ['GET', (name) => `/${name}/:id`],
  create: ['POST', (name) => `/${name}`],
  update: ['PUT', (name) => `/${name}/:id`],
  delete: ['DELETE', (name) => `/${name}/:id`],
};
/** A custom route served in place of the generic one (e.g. POST /imports): its own access rule, in ops/custom-routes.ts. */
const overridden = (resource: ResourceDefinition, action: Action) =>
  CUSTOM_ROUTES.some((route) => route.method === GENERIC[action][0] && route.path === GENERIC[action][1](resource.name));

/** What the API answers a role for an action on a resource, with requests that change nothing. */
async function attempt(resource: ResourceDefinition, role: Role, action: Action, visibleId: number | undefined): Promise<number> {
  const path = `/${resource.name}`;
  const h = headers.get(role)!;
  switch (action) {
    case 'list':
      return (await request(t.app).get(path).query({ range: '[0,0]' }).set(h)).status;
    case 'read':
      return (await request(t.app).get(`${path}/${visibleId ?? NO_SUCH_ID}`).set(h)).status;
    case 'create':
      // An empty body: refused by the policy (403) or by validation (4xx), never written.
      return (await request(t.app).post(path).set(h).send({ id: null, __sweep__: true })).status;
    case 'update':
      return (await request(t.app).put(`${path}/${NO_SUCH_ID}`).set(h).send({})).status;
    case 'delete':
      return (await request(t.app).delete(`${path}/${NO_SUCH_ID}`).set(h)).status;
  }
}

it('every resource answers every role and action as its policy says (role × resource × action)', async () => {
  const mismatches: string[] = [];
  let checked = 0;
  for (const resource of resources()) {
    for (const role of ROLES) {
      const visible = can(resource, role, 'read')
        ? ((await scopedQuery(resource, actors.get(role)!, t.db.knex).clearSelect().select(`${resource.model.tableName}.id`).first()) as { id?: number } | undefined)?.id
        : undefined;
      for (const action of ACTIONS) {
        if (overridden(resource, action)) continue;
        const status = await attempt(resource, role, action, visible === undefined ? undefined : Number(visible));
        checked += 1;
        const allowed = can(resource, role, action);
        const ok = allowed ? status !== 403 && status < 500 && (action !== 'list' || status === 200) && (action !== 'read' || visible === undefined || status === 200) : status === 403;
        if (!ok) mismatches.push(`${role} ${action} ${resource.name}: ${status} (policy: ${allowed ? 'allowed' : 'refused'})`);
      }
    }
  }
  expect(mismatches).toEqual([]);
  expect(checked).toBeGreaterThan(resources().length * ROLES.length * (ACTIONS.length - 1));
}, 120_000);

it('ids outside a role’s scope answer 404 on read, update and delete, for every resource and role', async () => {
  const leaks: string[] = [];
  let probed = 0;
  for (const resource of resources()) {
    const table = resource.model.tableName;
    const all = ((await shapedQuery(resource, t.db.knex).clearSelect().select(`${table}.id`).orderBy(`${table}.id`).limit(5000)) as unknown as { id: number }[]).map((row) => Number(row.id));
    if (all.length === 0) continue;
    for (const role of ROLES) {
      const actor = actors.get(role)!;
      if (!can(resource, role, 'read')) continue;
      const readable = new Set(((await scopedQuery(resource, actor, t.db.knex).clearSelect().select(`${table}.id`)) as unknown as { id: number }[]).map((row) => Number(row.id)));
      const writable = new Set(
        ((await (() => {
          const query = scopedQuery(resource, actor, t.db.knex).clearSelect().select(`${table}.id`);
          resource.policy.writeScope?.(actor, query);
          return query;
        })()) as unknown as { id: number }[]).map((row) => Number(row.id)),
      );
      // A few ids of each kind: outside the read scope, and readable but outside the write scope.
      const outside = all.filter((id) => !readable.has(id)).slice(0, 2);
      const readOnly = all.filter((id) => readable.has(id) && !writable.has(id)).slice(0, 2);
      const h = headers.get(role)!;
      for (const id of outside) {
        probed += 1;
        const read = await request(t.app).get(`/${resource.name}/${id}`).set(h);
        if (read.status !== 404) leaks.push(`${role} read ${resource.name}/${id} outside the scope: ${read.status}`);
      }
      for (const id of [...outside, ...readOnly]) {
        if (can(resource, role, 'update')) {
          const update = await request(t.app).put(`/${resource.name}/${id}`).set(h).send({});
          if (update.status !== 404) leaks.push(`${role} update ${resource.name}/${id} outside the scope: ${update.status}`);
        }
        if (can(resource, role, 'delete')) {
          const removed = await request(t.app).delete(`/${resource.name}/${id}`).set(h);
          if (removed.status !== 404) leaks.push(`${role} delete ${resource.name}/${id} outside the scope: ${removed.status}`);
        }
      }
      // A list asking for those ids by name gets none of them.
      if (outside.length && can(resource, role, 'list')) {
        const listed = await request(t.app).get(`/${resource.name}`).query({ filter: JSON.stringify({ id: outside }) }).set(h);
        if (listed.status !== 200 || listed.body.length !== 0) leaks.push(`${role} listed ${resource.name} ids ${outside.join(',')} outside the scope: ${listed.status} ${listed.body.length}`);
      }
    }
  }
  expect(leaks).toEqual([]);
  // The demo data gives every scoped role rows it may not see: the sweep is not vacuous.
  expect(probed).toBeGreaterThan(50);
}, 120_000);
