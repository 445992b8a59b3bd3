import request from 'supertest';
import { ROLES, type Role } from '../../core/actor';
import { createTestApp, emailOf, lastMailTo, type TestApp } from '../../testing/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const as = async (role: Role) => ({ Authorization: `Bearer ${await t.tokenFor(role)}` });
const auditCount = async () => Number((await t.db.knex('audit_log').count({ n: '*' }))[0].n);

describe('role × action table for users', () => {
  const others: Role[] = ROLES.filter((role) => role !== 'admin');

  it('admin lists everyone; no other role lists users', async () => {
    const admin = await request(t.app).get('/users').set(await as('admin'));
    expect(admin.status).toBe(200);
    expect(admin.headers['content-range']).toBe('users 0-5/6');
    for (const role of others) {
      const response = await request(t.app).get('/users').set(await as(role));
      expect(response.status).toBe(403);
      expect(response.body.message).toBe(`Your role (${role}) can't list users.`);
    }
  });

  it.each(others)('%s reads and edits their own profile but gets 404 for another user', async (role) => {
    const self = await t.userId(role);
    const other = await t.userId(role === 'student' ? 'mentor' : 'student');
    expect((await request(t.app).get(`/users/${self}`).set(await as(role))).status).toBe(200);
    const read = await request(t.app).get(`/users/${other}`).set(await as(role));
    expect(read.status).toBe(404);
    expect(read.body.email).toBeUndefined();
    expect((await request(t.app).put(`/users/${other}`).set(await as(role)).send({ name: 'Hijacked' })).status).toBe(404);
    expect((await request(t.app).delete(`/users/${other}`).set(await as(role))).status).toBe(403);
    expect((await request(t.app).post('/users').set(await as(role)).send({ name: 'X', email: 'x@x.test', role: 'admin' })).status).toBe(403);
    const own = await request(t.app).put(`/users/${self}`).set(await as(role)).send({ phone: '+8801711111111', timezone: 'Asia/Dhaka' });
    expect(own.status).toBe(200);
    const escalate = await request(t.app).put(`/users/${self}`).set(await as(role)).send({ role: 'admin' });
    expect(escalate.status).toBe(400);
    expect(escalate.body.message).toBe('You can\'t set "role" on users.');
    expect((await t.db.knex('users').where({ id: self }).first('role')).role).toBe(role);
    expect((await t.db.knex('users').where({ id: other }).first('name')).name).not.toBe('Hijacked');
  });

  it('an anonymous request is asked to sign in', async () => {
    const response = await request(t.app).get('/users');
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ message: 'Please sign in to continue.', code: 'UNAUTHENTICATED', details: {} });
  });

  it('an admin cannot disable or demote themselves', async () => {
    const self = await t.userId('admin');
    const response = await request(t.app).put(`/users/${self}`).set(await as('admin')).send({ status: 'disabled' });
    expect(response.status).toBe(422);
    expect(response.body.message).toMatch(/can't disable your own account/);
  });
});

describe('list query is whitelisted', () => {
  it('rejects an unknown sort field and an injection attempt by name, leaving the table intact', async () => {
    const unknown = await request(t.app).get('/users').query({ sort: JSON.stringify(['password_hash', 'ASC']) }).set(await as('admin'));
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('INVALID_QUERY');
    expect(unknown.body.message).toMatch(/sort users by "password_hash"/);
    const injection = await request(t.app).get('/users').query({ sort: JSON.stringify(['id; drop table users', 'ASC']) }).set(await as('admin'));
    expect(injection.status).toBe(400);
    expect(injection.body.message).toContain('"id; drop table users"');
    const order = await request(t.app).get('/users').query({ sort: JSON.stringify(['name', 'ASC; drop table users']) }).set(await as('admin'));
    expect(order.status).toBe(400);
    expect((await t.db.knex('users').count({ n: '*' }))[0].n).toBeGreaterThan(0);
  });

  it('rejects an unknown filter field and a bad operator by name', async () => {
    const unknown = await request(t.app).get('/users').query({ filter: JSON.stringify({ password_hash: 'x' }) }).set(await as('admin'));
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toMatch(/filter users by "password_hash"/);
    expect(unknown.body.details.field).toBe('password_hash');
    const op = await request(t.app).get('/users').query({ filter: JSON.stringify({ role_gte: 'a' }) }).set(await as('admin'));
    expect(op.status).toBe(400);
    expect(op.body.message).toMatch(/"role_gte"/);
    const badJson = await request(t.app).get('/users').query({ filter: '{not json' }).set(await as('admin'));
    expect(badJson.status).toBe(400);
    const badDate = await request(t.app).get('/users').query({ filter: JSON.stringify({ created_at_gte: 'yesterday-ish' }) }).set(await as('admin'));
    expect(badDate.status).toBe(400);
    expect(badDate.body.message).toBe('The filter "created_at_gte" needs a date or time like 2026-01-31 or 2026-01-31T09:00:00Z, not "yesterday-ish".');
  });

  it('caps a range larger than the page limit', async () => {
    await t.db.knex('users').insert(Array.from({ length: 1100 }, (_, i) => ({ email: `bulk${i}@cap.test`, name: `Bulk ${i}`, role: 'student' })));
    const response = await request(t.app).get('/users').query({ range: JSON.stringify([0, 4999]) }).set(await as('admin'));
    expect(response.status).toBe(200);
    expect(response.body).toHaveLength(1000);
    expect(response.headers['content-range']).toMatch(/^users 0-999\/\d+$/);
    await t.db.knex('users').where('email', 'like', '%@cap.test').delete();
  });
});

describe('writes: errors, invitations, bulk and audit', () => {
  it('maps a duplicate email to 409 naming it, writing nothing and auditing nothing', async () => {
    const before = await auditCount();
    const response = await request(t.app).post('/users').set(await as('admin')).send({ name: 'Dup', email: 'SRE@example.com', role: 'sre' });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'CONFLICT', message: 'An account with this email already exists.' });
    expect(await auditCount()).toBe(before);
  });

  it('names each bad field', async () => {
    const response = await request(t.app).post('/users').set(await as('admin')).send({ name: '', email: 'not-an-email', role: 'wizard' });
    expect(response.status).toBe(422);
    expect(Object.keys(response.body.details.fields).sort()).toEqual(['email', 'name', 'role']);
    const unknown = await request(t.app).post('/users').set(await as('admin')).send({ name: 'A', email: 'a@b.test', role: 'sre', password_hash: 'x' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('"password_hash"');
  });

  it('invites a staff member who sets a password from the emailed link and signs in', async () => {
    const created = await request(t.app).post('/users').set(await as('admin')).send({ name: 'Tariq Aziz', email: 'tariq@school.test', role: 'mentor' });
    expect(created.status).toBe(201);
    expect(created.body.password_hash).toBeUndefined();
    const mail = await lastMailTo(t.db, 'tariq@school.test');
    expect(mail.link).toMatch(/^http:\/\/backoffice\.test\/#\/reset-password\?token=.+&invite=1$/);
    expect((await request(t.app).post('/auth/password/reset').send({ token: mail.token, password: 'mentor-password-1' })).status).toBe(200);
    const login = await request(t.app).post('/auth/token').send({ email: 'tariq@school.test', password: 'mentor-password-1' });
    expect(login.status).toBe(200);
  });

  it('audits create, update, delete and bulk update in the same transaction, with before and after', async () => {
    const headers = await as('admin');
    const created = await request(t.app).post('/users').set(headers).set('X-Request-Id', 'req-create-1').send({ name: 'Audit Me', email: 'audit@school.test', role: 'sre' });
    const id = created.body.id;
    await request(t.app).put(`/users/${id}`).set(headers).send({ name: 'Audited' });
    const other = await request(t.app).post('/users').set(headers).send({ name: 'Audit Two', email: 'audit2@school.test', role: 'sre' });
    const bulk = await request(t.app).put('/users').query({ filter: JSON.stringify({ id: [id, other.body.id] }) }).set(headers).send({ status: 'disabled' });
    expect(bulk.body.sort()).toEqual([id, other.body.id].sort());
    await request(t.app).delete(`/users/${other.body.id}`).set(headers);

    const rows = await t.db.knex('audit_log').where({ resource: 'users', record_id: String(id) }).orderBy('id');
    expect(rows.map((r) => r.action)).toEqual(['create', 'update', 'update']);
    expect(rows[0]).toMatchObject({ actor_role: 'admin', request_id: 'req-create-1' });
    expect(rows[0].after).toMatchObject({ email: 'audit@school.test' });
    expect(rows[0].after.password_hash).toBeUndefined();
    expect(rows[1].before.name).toBe('Audit Me');
    expect(rows[1].after.name).toBe('Audited');
    expect(rows[2].after.status).toBe('disabled');
    const deleted = await t.db.knex('audit_log').where({ resource: 'users', record_id: String(other.body.id), action: 'delete' }).first();
    expect(deleted.before.email).toBe('audit2@school.test');
  });

  it('bulk-changes exactly the rows matching a filter, all or nothing', async () => {
    const headers = await as('admin');
    await t.db.knex('users').insert(Array.from({ length: 40 }, (_, i) => ({ email: `s${i}@bulk.test`, name: `Bulk student ${i}`, role: 'student', status: 'active' })));
    // The admin's own row in the selection makes the whole change fail: nothing is written.
    const self = await t.userId('admin');
    const ids = [...(await t.db.knex('users').where('email', 'like', '%@bulk.test').pluck('id')), self];
    const refused = await request(t.app).put('/users').query({ filter: JSON.stringify({ id: ids }) }).set(headers).send({ status: 'disabled' });
    expect(refused.status).toBe(422);
    expect(await t.db.knex('users').where('email', 'like', '%@bulk.test').andWhere({ status: 'disabled' }).count({ n: '*' })).toEqual([{ n: 0 }]);

    const before = await auditCount();
    const response = await request(t.app).put('/users').query({ filter: JSON.stringify({ q: '@bulk.test' }) }).set(headers).send({ status: 'disabled' });
    expect(response.status).toBe(200);
    expect(response.body).toHaveLength(40);
    expect(await t.db.knex('users').where('email', 'like', '%@bulk.test').andWhere({ status: 'disabled' }).count({ n: '*' })).toEqual([{ n: 40 }]);
    expect(await t.db.knex('users').where('email', 'not like', '%@bulk.test').andWhere({ status: 'disabled', role: 'student' }).count({ n: '*' })).toEqual([{ n: 0 }]);
    expect((await auditCount()) - before).toBe(40);

    const noFilter = await request(t.app).put('/users').set(headers).send({ status: 'disabled' });
    expect(noFilter.status).toBe(400);
    expect(noFilter.body.message).toMatch(/needs a filter/);
  });

  it('exports every matching row as CSV, not one page', async () => {
    const response = await request(t.app).get('/users/export.csv').query({ filter: JSON.stringify({ q: '@bulk.test' }), sort: JSON.stringify(['email', 'ASC']) }).set(await as('admin'));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/csv/);
    const lines = response.text.trim().split('\n');
    expect(lines).toHaveLength(41);
    expect(lines[0]).toContain('email');
    expect(lines[0]).not.toContain('password_hash');
    const studentExport = await request(t.app).get('/users/export.csv').set(await as('student'));
    expect(studentExport.status).toBe(403);
  });

  it('answers an unknown id or a non-numeric id with 404', async () => {
    expect((await request(t.app).get('/users/999999').set(await as('admin'))).status).toBe(404);
    expect((await request(t.app).get('/users/abc').set(await as('admin'))).status).toBe(404);
  });
});
