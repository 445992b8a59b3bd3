import request from 'supertest';
import type { Role } from '../../core/actor';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const as = async (role: Role) => ({ Authorization: `Bearer ${await t.tokenFor(role)}` });

describe('who reads and writes the settings', () => {
  it.each<[Role, number]>([
    ['admin', 200],
    ['developer', 200],
    ['manager', 200],
    ['sre', 200],
    ['mentor', 200],
    ['student', 403],
  ])('%s reading the settings gets %i', async (role, status) => {
    const list = await request(t.app).get('/settings').set(await as(role));
    expect(list.status).toBe(status);
    const one = await request(t.app).get('/settings/1').set(await as(role));
    expect(one.status).toBe(status);
    if (status === 200) {
      expect(list.headers['content-range']).toBe('settings 0-0/1');
      expect(one.body).toMatchObject({ id: 1, school_name: expect.any(String), default_timezone: 'Asia/Dhaka', points_attendance: 1, feature_flags: {} });
    }
  });

  it.each<Role>(['developer', 'manager', 'sre', 'mentor', 'student'])('%s cannot change them (403, nothing written)', async (role) => {
    const response = await request(t.app).put('/settings/1').set(await as(role)).send({ school_name: `Changed by ${role}` });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining(role) });
    expect((await t.db.knex('settings').first('school_name')).school_name).not.toBe(`Changed by ${role}`);
  });

  it('nobody creates or deletes the one settings row, not even an admin', async () => {
    expect((await request(t.app).post('/settings').set(await as('admin')).send({ school_name: 'Second' })).status).toBe(403);
    expect((await request(t.app).delete('/settings/1').set(await as('admin'))).status).toBe(403);
    await expect(t.db.knex('settings').delete()).rejects.toMatchObject({ constraint: 'settings_single_row' });
    await expect(t.db.knex('settings').insert({ id: 2 })).rejects.toMatchObject({ constraint: 'settings_single_row' });
    expect(await t.db.knex('settings').count({ n: '*' })).toEqual([{ n: 1 }]);
  });
});

it('an admin changes them, audited, and bad values answer 422 naming the field', async () => {
  const admin = await as('admin');
  const changed = await request(t.app)
    .put('/settings/1')
    .set(admin)
    .send({ school_name: 'Code Academy', feature_flags: { calendar: true }, email_templates: { invite: { subject: 'Welcome', text: 'Hello {name}' } } });
  expect(changed.status).toBe(200);
  expect(changed.body).toMatchObject({ school_name: 'Code Academy', feature_flags: { calendar: true }, email_templates: { invite: { subject: 'Welcome' } } });
  const audit = await t.db.knex('audit_log').where({ resource: 'settings', action: 'update', record_id: '1' }).orderBy('id', 'desc').first();
  expect(audit.after).toMatchObject({ school_name: 'Code Academy' });
  expect(audit.actor_role).toBe('admin');

  for (const [body, field] of [
    [{ default_timezone: 'Mars/Olympus' }, 'default_timezone'],
    [{ points_late: -1 }, 'points_late'],
    [{ risk_attendance_rate: 1.5 }, 'risk_attendance_rate'],
    [{ risk_missed_assignments: 0 }, 'risk_missed_assignments'],
    [{ feature_flags: { calendar: 'yes' } }, 'feature_flags'],
    [{ school_name: '  ' }, 'school_name'],
  ] as const) {
    const refused = await request(t.app).put('/settings/1').set(admin).send(body);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(refused.body.details.fields)).toEqual([field]);
  }
});

it('new batches and missions take their defaults from the settings; given values win', async () => {
  const admin = await as('admin');
  const settings = await request(t.app)
    .put('/settings/1')
    .set(admin)
    .send({ default_timezone: 'Europe/London', points_attendance: 7, points_meeting: 8, points_on_time: 30, points_late: 12, risk_attendance_rate: 0.75, risk_missed_assignments: 3, risk_progress: 0.4 });
  expect(settings.status).toBe(200);

  const batch = await request(t.app).post('/batches').set(admin).send({ code: 'SET-B1', title: 'Settings batch', starts_on: '2026-01-05', ends_on: '2026-03-01' });
  expect(batch.status).toBe(201);
  expect(batch.body.timezone).toBe('Europe/London');

  const mission = await request(t.app).post('/missions').set(admin).send({ batch_id: batch.body.id, code: 'M1', title: 'Defaults', starts_on: '2026-01-05', ends_on: '2026-02-01' });
  expect(mission.status).toBe(201);
  expect(mission.body).toMatchObject({ points_attendance: 7, points_meeting: 8, points_on_time: 30, points_late: 12, risk_missed_assignments: 3 });
  expect(Number(mission.body.risk_attendance_rate)).toBe(0.75);
  expect(Number(mission.body.risk_progress)).toBe(0.4);

  const explicit = await request(t.app)
    .post('/missions')
    .set(admin)
    .send({ batch_id: batch.body.id, code: 'M2', title: 'Own rules', starts_on: '2026-01-05', ends_on: '2026-02-01', points_attendance: 0, risk_progress: 0.9 });
  expect(explicit.body).toMatchObject({ points_attendance: 0, points_meeting: 8 });
  expect(Number(explicit.body.risk_progress)).toBe(0.9);

  // The database does it, so imports, seeds and plain SQL get the same defaults.
  const [plain] = await t.db.knex('missions').insert({ batch_id: batch.body.id, code: 'M3', title: 'SQL', starts_on: '2026-01-05', ends_on: '2026-02-01' }).returning('*');
  expect(plain).toMatchObject({ points_attendance: 7, points_meeting: 8, points_on_time: 30, points_late: 12, risk_missed_assignments: 3 });
  const [plainBatch] = await t.db.knex('batches').insert({ code: 'SET-B2', title: 'SQL batch', starts_on: '2026-01-05', ends_on: '2026-03-01' }).returning('timezone');
  expect(plainBatch.timezone).toBe('Europe/London');
  // Changing the settings later leaves existing missions as they are.
  await request(t.app).put('/settings/1').set(admin).send({ points_attendance: 2 });
  expect((await t.db.knex('missions').where({ id: mission.body.id }).first('points_attendance')).points_attendance).toBe(7);
});
