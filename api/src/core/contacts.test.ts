import request from 'supertest';
import type { Role } from './actor';
import type { ResourceDefinition } from './resource';
import { emailOf, createTestApp, type TestApp } from '../testing/test-app';

// Issue 15, items 9 and 14: contact details (email, phone, address) reach only the roles that need them, on every
// path; reads and exports that show them are audited. The sweep walks every declared resource, so a new one (or a
// new joined column) is covered without a new test.
let t: TestApp;
let student: number;
beforeAll(async () => {
  t = await createTestApp({}, { cohorts: true });
  student = await t.userId('student');
  const k = t.db.knex;
  await k('students').where({ id: student }).update({ address: '12 Lake Road, Dhaka' });
  await k('users').where({ id: student }).update({ phone: '+8801711111111' });
  // Rows on the less common paths: an import error report quoting addresses, a notice with acknowledgements.
  await request(t.app).post('/imports').set(await as('sre')).send({ kind: 'pairings', csv: `email,batch_code,mission_code,mentor_email\n${emailOf('student')},DEMO-B01,M1,nobody@school.test`, dry_run: false });
  await request(t.app).post('/notices').set(await as('manager')).send({ title: 'Hello', body_md: 'Hi', audience: 'everyone', requires_ack: true });
}, 60_000);
afterAll(() => t.close());

const as = async (role: Role) => ({ Authorization: `Bearer ${await t.tokenFor(role)}` });
const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;
const PHONE = /\+880\d{9,}|\+8801711111111/;

/** Contact data in an answer that isn't the reader's own. */
function leaks(text: string, role: Role): string[] {
  const found = [...text.matchAll(EMAIL)].map((m) => m[0]).filter((email) => email !== emailOf(role) && !email.endsWith('@sms.local'));
  if (PHONE.test(text)) found.push('a phone number');
  if (text.includes('Lake Road')) found.push('an address');
  return found;
}

const listable = (role: Role) => t.app.resources.filter((resource: ResourceDefinition) => resource.policy.can({ role } as never, 'list'));

describe.each(['manager', 'developer'] as Role[])('%s', (role) => {
  it('sees nobody else’s email, phone or address in any list, record or CSV export', async () => {
    const headers = await as(role);
    for (const resource of listable(role)) {
      const list = await request(t.app).get(`/${resource.name}`).query({ range: '[0,99]' }).set(headers);
      expect({ resource: resource.name, status: list.status }).toEqual({ resource: resource.name, status: 200 });
      expect({ resource: resource.name, leaks: leaks(list.text, role) }).toEqual({ resource: resource.name, leaks: [] });
      if (list.body[0]?.id !== undefined && resource.policy.can({ role } as never, 'read')) {
        const one = await request(t.app).get(`/${resource.name}/${list.body[0].id}`).set(headers);
        expect({ resource: resource.name, leaks: leaks(one.text, role) }).toEqual({ resource: resource.name, leaks: [] });
      }
      const csv = await request(t.app).get(`/${resource.name}/export.csv`).set(headers);
      expect({ resource: resource.name, leaks: leaks(csv.text, role) }).toEqual({ resource: resource.name, leaks: [] });
    }
  }, 60_000);

  it('can neither search, filter nor sort by a contact field', async () => {
    const headers = await as(role);
    const byEmail = await request(t.app).get('/students').query({ filter: JSON.stringify({ q: emailOf('student') }) }).set(headers);
    expect(byEmail.body).toEqual([]);
    const byPhone = await request(t.app).get('/student_progress').query({ filter: JSON.stringify({ q: '+8801711111111' }) }).set(headers);
    expect(byPhone.body).toEqual([]);
    const sorted = await request(t.app).get('/students').query({ sort: JSON.stringify(['email', 'ASC']) }).set(headers);
    expect(sorted.status).toBe(400);
    expect(sorted.body.message).toMatch(/can't sort students by "email"/);
  });

  it('custom routes follow the same rule (acknowledgements, import error reports, the audit trail)', async () => {
    const headers = await as(role);
    const notice = await t.db.knex('notices').orderBy('id', 'desc').first('id');
    for (const path of [`/notices/${notice.id}/acknowledgements`, `/notices/${notice.id}/acknowledgements.csv`, '/audit_log?range=[0,199]', '/imports']) {
      const response = await request(t.app).get(path).set(headers);
      if (response.status === 403) continue;
      expect({ path, status: response.status, leaks: leaks(response.text, role) }).toEqual({ path, status: 200, leaks: [] });
    }
    const imported = await t.db.knex('imports').orderBy('id', 'desc').first('id');
    const report = await request(t.app).get(`/imports/${imported.id}/errors.csv`).set(headers);
    if (report.status === 200) expect(leaks(report.text, role)).toEqual([]);
    const me = await request(t.app).get('/auth/me').set(headers);
    expect(me.body.email).toBe(emailOf(role));
  });
});

it('the paths swept above do hold contact details (for an admin)', async () => {
  const headers = await as('admin');
  const notice = await t.db.knex('notices').orderBy('id', 'desc').first('id');
  for (const path of ['/students', '/mentors', '/mentor_pairings', '/student_progress', '/calls', '/audit_log?range=[0,199]', '/imports', `/notices/${notice.id}/acknowledgements`]) {
    const response = await request(t.app).get(path).set(headers);
    expect({ path, found: leaks(response.text, 'admin').length > 0 }).toEqual({ path, found: !path.startsWith('/calls') });
  }
});

it('admins, SREs, the mentor of a student and the student themselves see them', async () => {
  for (const role of ['admin', 'sre', 'mentor', 'student'] as Role[]) {
    const one = await request(t.app).get(`/students/${student}`).set(await as(role));
    expect(one.body).toMatchObject({ email: emailOf('student'), phone: '+8801711111111', address: '12 Lake Road, Dhaka' });
  }
  const search = await request(t.app).get('/students').query({ filter: JSON.stringify({ q: '+8801711111111' }) }).set(await as('sre'));
  expect(search.body.map((row: { id: number }) => row.id)).toEqual([student]);
});

describe('reads of contact details are audited (item 14)', () => {
  const entries = async (action: string, resource: string) =>
    t.db.knex('audit_log').where({ action, resource, actor_user_id: await t.userId('sre') }).orderBy('id', 'desc').select('record_id', 'after');

  it("reading a student's record, a list page and a CSV export write who, what and how many rows", async () => {
    const headers = await as('sre');
    await request(t.app).get(`/students/${student}`).set(headers);
    const [read] = await entries('read_contacts', 'students');
    expect(read).toMatchObject({ record_id: String(student), after: { rows: 1 } });
    expect(read.after.contact_fields.sort()).toEqual(['address', 'email', 'phone']);

    const page = await request(t.app).get('/students').query({ range: '[0,9]', filter: JSON.stringify({ status: 'active' }) }).set(headers);
    const [listed] = await entries('list_contacts', 'students');
    expect(listed.after).toMatchObject({ rows: page.body.length, filter: { status: 'active' } });

    const csv = await request(t.app).get('/students/export.csv').set(headers);
    const [exported] = await entries('export', 'students');
    expect(exported.after.rows).toBe(csv.text.trim().split('\n').length - 1);
    expect(exported.after.rows).toBeGreaterThan(100);
  });

  it("exporting a student's data is audited, and nothing is audited when no contact detail was shown", async () => {
    await request(t.app).get(`/students/${student}/export`).set(await as('admin'));
    expect(await t.db.knex('audit_log').where({ action: 'export', resource: 'students', record_id: String(student) }).count({ n: '*' })).toEqual([{ n: 1 }]);
    const before = await t.db.knex('audit_log').count({ n: '*' });
    await request(t.app).get('/students').set(await as('manager'));
    await request(t.app).get('/batches').set(await as('sre'));
    expect(await t.db.knex('audit_log').count({ n: '*' })).toEqual(before);
  });
});
