import { migrationSource } from './index';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.destroy());

const insertUser = (fields: Record<string, unknown>) =>
  db.knex('users').insert({ email: 'a@b.test', name: 'A', role: 'student', ...fields }).returning('id');

it('rolls every migration back and forward again', async () => {
  const names = await migrationSource.getMigrations([]);
  await db.knex.migrate.rollback(undefined, true);
  const { rows } = await db.knex.raw("select count(*)::int as n from information_schema.tables where table_schema = 'public' and table_name = 'users'");
  expect(rows[0].n).toBe(0);
  const [, applied] = await db.knex.migrate.latest();
  expect(applied).toEqual(names);
});

describe('users constraints', () => {
  afterEach(() => db.knex('users').delete());

  it.each([
    [{ email: 'Upper@B.test' }, 'users_email_normalised'],
    [{ email: 'no-at-sign' }, 'users_email_normalised'],
    [{ role: 'wizard' }, 'users_role_valid'],
    [{ status: 'banned' }, 'users_status_valid'],
    [{ name: '  ' }, 'users_name_present'],
    [{ avatar_url: 'javascript:alert(1)' }, 'users_avatar_url_http'],
  ])('refuses %o (%s)', async (fields, constraint) => {
    await expect(insertUser(fields)).rejects.toMatchObject({ code: '23514', constraint });
  });

  it('refuses an unknown time zone', async () => {
    await expect(insertUser({ timezone: 'Mars/Olympus' })).rejects.toMatchObject({ code: '22023' });
  });

  it('refuses a second account with the same email', async () => {
    await insertUser({});
    await expect(insertUser({ name: 'B' })).rejects.toMatchObject({ code: '23505', constraint: 'users_email_key' });
  });

  it('ends sessions when an account is disabled or its password changes, whoever changes it', async () => {
    const [{ id }] = await insertUser({});
    const session = () => db.knex('sessions').insert({ token_hash: Buffer.from(String(Math.random())), user_id: id, csrf_token: 'c', expires_at: db.knex.raw("now() + interval '1 day'") });
    await session();
    await db.knex('users').where({ id }).update({ name: 'Renamed' });
    expect(await db.knex('sessions').where({ user_id: id }).count({ n: '*' })).toEqual([{ n: 1 }]);
    await db.knex('users').where({ id }).update({ status: 'disabled' });
    expect(await db.knex('sessions').where({ user_id: id }).count({ n: '*' })).toEqual([{ n: 0 }]);
    await db.knex('users').where({ id }).update({ status: 'active' });
    await session();
    await db.knex('users').where({ id }).update({ password_hash: 'scrypt$new' });
    expect(await db.knex('sessions').where({ user_id: id }).count({ n: '*' })).toEqual([{ n: 0 }]);
  });
});

it('keeps the audit log append-only', async () => {
  const [{ id }] = await db.knex('audit_log').insert({ action: 'create', resource: 'users', record_id: '1' }).returning('id');
  await expect(db.knex('audit_log').where({ id }).update({ action: 'forged' })).rejects.toThrow(/append-only/);
  await expect(db.knex('audit_log').where({ id }).delete()).rejects.toThrow(/append-only/);
  await expect(db.knex.raw('truncate audit_log')).rejects.toThrow(/append-only/);
});

it('keeps regular expressions intact through knex bindings (a ? is not a placeholder)', async () => {
  const { rows } = await db.knex.raw("select pg_get_constraintdef(oid) as def from pg_constraint where conname = 'users_avatar_url_http'");
  expect(rows[0].def).toContain("'^https?://'");
  await db.knex('users').insert({ email: 'avatar@b.test', name: 'A', role: 'mentor', avatar_url: 'https://example.com/a.png' });
  await db.knex('users').where({ email: 'avatar@b.test' }).delete();
});
