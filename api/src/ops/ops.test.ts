import request from 'supertest';
import { migrationSource } from '@sms/db';
import type { Role } from '../core/actor';
import { createTestApp, type TestApp } from '../testing/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const as = async (role: Role) => ({ Authorization: `Bearer ${await t.tokenFor(role)}` });
const OPS_PATHS = ['/ops/info', '/ops/migrations', '/ops/rbac', '/ops/errors', '/openapi.json'];

describe.each(OPS_PATHS)('GET %s', (path) => {
  it.each<[Role, number]>([
    ['developer', 200],
    ['admin', 200],
    ['manager', 403],
    ['sre', 403],
    ['mentor', 403],
    ['student', 403],
  ])('as %s answers %i', async (role, status) => {
    const response = await request(t.app).get(path).set(await as(role));
    expect(response.status).toBe(status);
    if (status === 403) expect(response.body).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('developers and admins') });
  });

  it('signed out answers 401 in the error shape', async () => {
    const response = await request(t.app).get(path);
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.any(String), details: {} });
  });
});

it('lists the applied migrations with their times, and none pending', async () => {
  const response = await request(t.app).get('/ops/migrations').set(await as('developer'));
  const names = await migrationSource.getMigrations([]);
  expect(response.body.applied.map((m: { name: string }) => m.name)).toEqual(names);
  expect(response.body.applied.at(-1)).toMatchObject({ batch: expect.any(Number), applied_at: expect.any(String), in_code: true });
  expect(response.body.applied.map((m: { name: string }) => m.name)).toContain('20261127001000_create_settings');
  expect(response.body.pending).toEqual([]);
  expect(response.body.current).toBe(names.at(-1));
});

describe('the RBAC matrix, computed from the policies', () => {
  let rbac: {
    roles: string[];
    resources: { resource: string; roles: Record<Role, string[]>; writable: Partial<Record<Role, string[]>>; scoped_roles: Role[] }[];
    routes: { method: string; path: string; roles: Role[] | 'everyone'; rule: string }[];
    unlisted_routes: { method: string; path: string }[];
  };
  beforeAll(async () => {
    rbac = (await request(t.app).get('/ops/rbac').set(await as('developer'))).body;
  });
  const resource = (name: string) => rbac.resources.find((r) => r.resource === name)!;
  const route = (method: string, path: string) => rbac.routes.find((r) => r.method === method && r.path === path)!;

  it('says a mentor cannot delete (or create) students but may list and read their own', () => {
    expect(resource('students').roles.mentor).toEqual(['list', 'read']);
    expect(resource('students').roles.mentor).not.toContain('delete');
    expect(resource('students').scoped_roles).toEqual(expect.arrayContaining(['mentor', 'student']));
    expect(resource('students').roles.developer).toEqual(['list', 'read']);
    expect(resource('students').writable.sre).toEqual(expect.arrayContaining(['name', 'status']));
  });

  it('keeps developers read-only on business data, and settings writable by admins only', () => {
    // Their own account (the profile page), their API keys and the webhooks are what a developer changes.
    for (const entry of rbac.resources.filter((r) => !['users', 'api_keys', 'webhooks'].includes(r.resource))) {
      expect([entry.resource, entry.roles.developer.filter((action) => !['list', 'read'].includes(action))]).toEqual([entry.resource, []]);
    }
    expect(resource('settings').roles).toMatchObject({ admin: ['list', 'read', 'update'], manager: ['list', 'read'], student: [] });
  });

  it('computes custom routes from the policies they apply', () => {
    expect(route('POST', '/assignments/:id/paste').roles).toEqual(['admin', 'sre']);
    expect(route('POST', '/students/:id/erase').roles).toEqual(['admin']);
    expect(route('POST', '/attendance').roles).toEqual(['student']);
    expect(route('POST', '/auth/login').roles).toBe('everyone');
    expect(route('GET', '/ops/rbac').roles).toEqual(['admin', 'developer']);
  });

  it('lists every route the app serves: generic routes of the listed resources, or the custom route table', () => {
    expect(rbac.unlisted_routes).toEqual([]);
  });
});

it('reports version, runtime, database and the biggest tables', async () => {
  await t.db.knex.raw('ANALYZE');
  const response = await request(t.app).get('/ops/info').set(await as('admin'));
  expect(response.body).toMatchObject({
    version: expect.any(String),
    node: process.version,
    uptime_seconds: expect.any(Number),
    workers: { count: 1 },
    database: { server_version: expect.stringMatching(/^\d+/), size_bytes: expect.any(Number), pool: { max: expect.any(Number), used: expect.any(Number) } },
  });
  expect(response.body.tables.length).toBeGreaterThan(0);
  expect(response.body.tables.map((table: { name: string }) => table.name)).toContain('users');
});

it('keeps the recent unexpected errors, with the request id the client was given', async () => {
  // Break a table for a moment so a request fails the way a bug would.
  await t.db.knex.raw('ALTER TABLE feature_requests RENAME TO feature_requests_away');
  let failed;
  try {
    failed = await request(t.app).get('/feature_requests').set(await as('admin'));
  } finally {
    await t.db.knex.raw('ALTER TABLE feature_requests_away RENAME TO feature_requests');
  }
  expect(failed.status).toBe(500);
  const requestId = failed.body.details.requestId;
  expect(failed.body.message).not.toContain('feature_requests_away');
  const response = await request(t.app).get('/ops/errors').set(await as('developer'));
  expect(response.body).toMatchObject({ capacity: 100, total: expect.any(Number) });
  expect(response.body.errors[0]).toMatchObject({ request_id: requestId, method: 'GET', route: '/feature_requests', db_code: '42P01', message: expect.stringContaining('feature_requests') });
});

describe('the OpenAPI description', () => {
  let doc: { openapi: string; paths: Record<string, Record<string, { 'x-roles': string[]; parameters?: { name: string; description?: string }[] }>>; components: { schemas: Record<string, { properties?: Record<string, unknown>; 'x-writable-by-role'?: Record<string, string[]> }> } };
  let resources: string[];
  beforeAll(async () => {
    doc = (await request(t.app).get('/openapi.json').set(await as('developer'))).body;
    resources = (await request(t.app).get('/ops/rbac').set(await as('developer'))).body.resources.map((r: { resource: string }) => r.resource);
  });

  it('lists every registered resource, with its row and write schemas', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(resources).toEqual(expect.arrayContaining(['students', 'missions', 'daily_attendance', 'audit_log', 'settings', 'call_logs']));
    for (const name of resources) {
      expect(doc.paths[`/${name}`] ?? doc.paths[`/${name}/{id}`]).toBeDefined();
      expect(doc.components.schemas[name].properties).toHaveProperty('id');
    }
    expect(doc.components.schemas.users.properties).not.toHaveProperty('password_hash');
    const missionWrite = doc.components.schemas.missions_write as { properties: Record<string, { type?: string; minimum?: number }> };
    expect(Object.keys(missionWrite.properties)).toEqual(expect.arrayContaining(['code', 'points_attendance', 'risk_progress']));
    expect(doc.components.schemas.settings_write['x-writable-by-role']).toEqual({ admin: expect.arrayContaining(['school_name', 'default_timezone']) });
  });

  it('gives each operation the roles its policy admits, and the filter keys with their suffixes', () => {
    expect(doc.paths['/students/{id}'].delete).toBeUndefined();
    expect(doc.paths['/students'].get['x-roles']).toEqual(['admin', 'developer', 'manager', 'sre', 'mentor', 'student']);
    expect(doc.paths['/settings/{id}'].put['x-roles']).toEqual(['admin']);
    const filter = doc.paths['/students'].get.parameters!.find((p) => p.name === 'filter')!;
    expect(filter.description).toContain('created_at_gte');
    expect(filter.description).toContain('status_in');
  });

  it('includes the custom routes', () => {
    for (const [path, method] of [
      ['/auth/login', 'post'],
      ['/me/dashboard', 'get'],
      ['/attendance', 'post'],
      ['/meetings/{id}/check-in', 'post'],
      ['/assignments/{id}/paste', 'post'],
      ['/missions/{id}/leaderboard', 'get'],
      ['/appeals/{id}/decide', 'post'],
      ['/notices/{id}/acknowledge', 'post'],
      ['/feature_requests/{id}/vote', 'post'],
      ['/call_lists/generate', 'post'],
      ['/imports', 'post'],
      ['/students/{id}/export', 'get'],
    ]) {
      expect(doc.paths[path]?.[method]).toBeDefined();
    }
  });
});
