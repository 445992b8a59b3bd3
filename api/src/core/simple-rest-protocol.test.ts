import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils } from 'ra-core';
import { createTestApp, type TestApp } from '../testing/test-app';

// The published react-admin client, driven against a running API: the protocol the back office relies on.
let t: TestApp;
let server: { url: string; close(): Promise<void> };
let provider: ReturnType<typeof simpleRestProvider>;

beforeAll(async () => {
  t = await createTestApp();
  server = await t.listen();
  const token = await t.tokenFor('admin');
  provider = simpleRestProvider(server.url, (url: string, options: fetchUtils.Options = {}) =>
    fetchUtils.fetchJson(url, { ...options, headers: new Headers({ Accept: 'application/json', Authorization: `Bearer ${token}` }) }),
  );
  // A few more users to page and filter over.
  await t.db.knex('users').insert(
    Array.from({ length: 30 }, (_, i) => ({
      email: `mentor${String(i).padStart(2, '0')}@school.test`,
      name: `Mentor ${String(i).padStart(2, '0')}`,
      role: 'mentor',
      status: i % 3 === 0 ? 'disabled' : 'active',
    })),
  );
});
afterAll(async () => {
  await server.close();
  await t.close();
});

it('getList sorts, pages, filters with q and suffixes, and reports the total', async () => {
  const page = await provider.getList('users', {
    pagination: { page: 2, perPage: 5 },
    sort: { field: 'name', order: 'DESC' },
    filter: { role: 'mentor', status_neq: 'disabled' },
  });
  expect(page.total).toBe(21); // 20 active school mentors + the demo mentor
  expect(page.data).toHaveLength(5);
  const names = page.data.map((u) => u.name);
  expect([...names].sort().reverse()).toEqual(names);

  const search = await provider.getList('users', { pagination: { page: 1, perPage: 50 }, sort: { field: 'email', order: 'ASC' }, filter: { q: 'MENTOR1' } });
  expect(search.data.map((u) => u.email)).toEqual(Array.from({ length: 10 }, (_, i) => `mentor1${i}@school.test`));

  const inList = await provider.getList('users', { pagination: { page: 1, perPage: 50 }, sort: { field: 'id', order: 'ASC' }, filter: { role_in: ['sre', 'manager'] } });
  expect(inList.data.map((u) => u.role).sort()).toEqual(['manager', 'sre']);

  const recent = await provider.getList('users', { pagination: { page: 1, perPage: 50 }, sort: { field: 'id', order: 'ASC' }, filter: { created_at_gte: '2000-01-01', created_at_lte: '1999-01-01' } });
  expect(recent.total).toBe(0);
});

it('getOne, getMany and getManyReference', async () => {
  const { data: admin } = await provider.getOne('users', { id: await t.userId('admin') });
  expect(admin.email).toBe('admin@example.com');
  const ids = [await t.userId('sre'), await t.userId('mentor')];
  const many = await provider.getMany('users', { ids });
  expect(many.data.map((u) => u.id).sort()).toEqual([...ids].sort());
  const reference = await provider.getManyReference('users', {
    target: 'role',
    id: 'student',
    pagination: { page: 1, perPage: 10 },
    sort: { field: 'id', order: 'ASC' },
    filter: {},
  });
  expect(reference.data.map((u) => u.email)).toEqual(['student@example.com']);
});

it('create, update, delete, updateMany and deleteMany', async () => {
  const { data: created } = await provider.create('users', { data: { name: 'Rina Das', email: 'Rina@School.test', role: 'sre' } });
  expect(created).toMatchObject({ email: 'rina@school.test', role: 'sre', status: 'active' });
  const { data: updated } = await provider.update('users', { id: created.id, data: { ...created, phone: '+880 1711 000000' }, previousData: created });
  expect(updated.phone).toBe('+880 1711 000000');

  const { data: second } = await provider.create('users', { data: { name: 'Omar Faruk', email: 'omar@school.test', role: 'mentor' } });
  const { data: changed } = await provider.updateMany('users', { ids: [created.id, second.id], data: { status: 'disabled' } });
  expect((changed ?? []).map(Number).sort()).toEqual([created.id, second.id].sort());
  const statuses = await t.db.knex('users').whereIn('id', [created.id, second.id]).pluck('status');
  expect(statuses).toEqual(['disabled', 'disabled']);

  const { data: removed } = await provider.delete('users', { id: second.id, previousData: second });
  expect(removed.id).toBe(second.id);
  const { data: removedMany } = await provider.deleteMany('users', { ids: [created.id] });
  expect((removedMany ?? []).map(Number)).toEqual([created.id]);
  expect(await t.db.knex('users').whereIn('id', [created.id, second.id]).count({ n: '*' })).toEqual([{ n: 0 }]);
});
