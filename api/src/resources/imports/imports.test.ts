import request from 'supertest';
import type { Role } from '../../core/actor';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, { cohorts: true });
});
afterAll(() => t.close());

const as = async (role: Role) => ({ Authorization: `Bearer ${await t.tokenFor(role)}` });
const count = async (table: string, where: Record<string, unknown> = {}) => Number((await t.db.knex(table).where(where).count({ n: '*' }))[0].n);

function studentsCsv(n: number, domain: string, extra = ''): string {
  const lines = ['email,name,phone,address,batch_code,mission_codes'];
  for (let i = 0; i < n; i += 1) lines.push(`Student${i}@${domain},Imported Student ${i},+88018${String(i).padStart(8, '0')},"House ${i}, Road 2, Dhaka",DEMO-B01,M1;M2`);
  return lines.join('\n') + extra;
}

async function startImport(body: object, role: Role = 'sre') {
  return request(t.app).post('/imports').set(await as(role)).send(body);
}

async function finished(id: number) {
  for (let i = 0; i < 400; i += 1) {
    const response = await request(t.app).get(`/imports/${id}`).set(await as('sre'));
    if (response.body.status !== 'running') return response.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`import ${id} did not finish`);
}

it('a dry run shows row by row what would happen and writes nothing', async () => {
  const csv = ['email,name,batch_code,mission_codes', 'new.one@x.test,New One,DEMO-B01,M1', 'student@example.com,Sakib Hossain,DEMO-B01,M1', 'student@example.com,Again,,', 'bad-email,Bad,,', 'mentor@example.com,Staff,,', 'no.batch@x.test,No Batch,NOPE,', 'no.mission@x.test,No Mission,DEMO-B01,M9', 'noname@x.test,,,', 'sakib.update@x.test,Updated,,'].join('\n');
  await as('sre');
  const before = { users: await count('users'), audit: await count('audit_log'), imports: await count('imports') };
  const response = await startImport({ kind: 'students', csv, dry_run: true });
  expect(response.status).toBe(200);
  const byLine = Object.fromEntries(response.body.rows.map((row: { line: number; action: string; messages: string[] }) => [row.line, row]));
  expect(byLine[2]).toMatchObject({ action: 'create' });
  expect(byLine[3]).toMatchObject({ action: 'skip', messages: ['Already up to date.'] });
  expect(byLine[4].messages).toContain('Duplicate of line 3 in this file.');
  expect(byLine[5].messages).toContain('"bad-email" is not a valid email address.');
  expect(byLine[6].messages).toContain('This email belongs to a staff account, not a student.');
  expect(byLine[7].messages).toContain('Unknown batch code "NOPE".');
  expect(byLine[8].messages).toContain('Batch "DEMO-B01" has no mission "M9".');
  expect(byLine[9].messages).toContain('Name is missing for a new student.');
  expect(response.body.counts).toEqual({ create: 2, update: 0, skip: 1, error: 6 });
  expect({ users: await count('users'), audit: await count('audit_log'), imports: await count('imports') }).toEqual(before);
});

it('imports 3,000 students in one transaction, with their batch and missions, and audits them', async () => {
  const csv = studentsCsv(3000, 'bulk.test');
  const dry = await startImport({ kind: 'students', csv, dry_run: true });
  expect(dry.body.counts).toEqual({ create: 3000, update: 0, skip: 0, error: 0 });
  const started = await startImport({ kind: 'students', csv, dry_run: false, filename: 'cohort.csv' });
  expect(started.status).toBe(202);
  const done = await finished(started.body.id);
  expect(done).toMatchObject({ status: 'succeeded', total_rows: 3000, processed_rows: 3000, created_count: 3000, error_count: 0, filename: 'cohort.csv' });
  expect(await t.db.knex('users').where('email', 'like', '%@bulk.test').count({ n: '*' })).toEqual([{ n: 3000 }]);
  const sample = await t.db.knex('users as u').join('students as s', 's.id', 'u.id').where('u.email', 'student7@bulk.test').first('u.name', 'u.phone', 's.address', 'u.id');
  expect(sample).toMatchObject({ name: 'Imported Student 7', phone: '+8801800000007', address: 'House 7, Road 2, Dhaka' });
  expect(await count('mission_enrolments', { student_id: sample.id })).toBe(2);
  const audits = await t.db.knex('audit_log').where({ resource: 'students', action: 'create' }).whereRaw("after->>'import_id' = ?", [String(started.body.id)]).count({ n: '*' });
  expect(audits).toEqual([{ n: 3000 }]);
});

it('re-importing the same file changes nothing', async () => {
  const csv = studentsCsv(3000, 'bulk.test');
  const snapshot = async () => ({
    users: await t.db.knex('users').where('email', 'like', '%@bulk.test').max('updated_at as at').first(),
    enrolments: await count('mission_enrolments'),
    audit: Number((await t.db.knex('audit_log').whereNot({ resource: 'imports' }).count({ n: '*' }))[0].n),
  });
  const before = await snapshot();
  const started = await startImport({ kind: 'students', csv, dry_run: false });
  const done = await finished(started.body.id);
  expect(done).toMatchObject({ status: 'succeeded', created_count: 0, updated_count: 0, skipped_count: 3000 });
  expect(await snapshot()).toEqual(before);
});

it('a file with one bad row imports nothing and reports that row with its reason, downloadable as CSV', async () => {
  const csv = studentsCsv(500, 'partial.test', '\nbroken-email,Broken,,,,');
  const started = await startImport({ kind: 'students', csv, dry_run: false });
  const done = await finished(started.body.id);
  expect(done.status).toBe('failed');
  expect(done.message).toBe('1 row has errors, so nothing was imported. Fix them and import the file again.');
  expect(done.errors).toEqual([{ line: 502, email: 'broken-email', action: 'error', messages: ['"broken-email" is not a valid email address.'] }]);
  expect(await t.db.knex('users').where('email', 'like', '%@partial.test').count({ n: '*' })).toEqual([{ n: 0 }]);
  const report = await request(t.app).get(`/imports/${started.body.id}/errors.csv`).set(await as('sre'));
  expect(report.status).toBe(200);
  expect(report.text).toBe('line,email,error\n502,broken-email,"""broken-email"" is not a valid email address."\n');
});

it('updates existing students matched by email instead of duplicating them', async () => {
  const csv = 'email,name,phone\nSTUDENT7@bulk.test,Renamed Seven,\n';
  const done = await finished((await startImport({ kind: 'students', csv, dry_run: false })).body.id);
  expect(done).toMatchObject({ status: 'succeeded', updated_count: 1 });
  expect(await t.db.knex('users').where({ email: 'student7@bulk.test' }).first('name', 'phone')).toEqual({ name: 'Renamed Seven', phone: '+8801800000007' });
});

it('imports enrolments and pairings, refusing rows that break the cohort rules', async () => {
  const enrolments = 'email,batch_code,mission_code\nstudent8@bulk.test,DEMO-B01,M3\nstudent9@bulk.test,DEMO-B02,M1\n';
  const enrolled = await finished((await startImport({ kind: 'enrolments', csv: enrolments, dry_run: false })).body.id);
  expect(enrolled).toMatchObject({ status: 'succeeded', created_count: 2 });
  const mentor = 'mentor@example.com';
  const pairingsBad = `email,batch_code,mission_code,mentor_email\nstudent8@bulk.test,DEMO-B01,M3,${mentor}\nstudent8@bulk.test,DEMO-B01,M1,${mentor}\n`;
  const dry = await startImport({ kind: 'pairings', csv: pairingsBad, dry_run: true });
  expect(dry.body.rows[0].messages).toEqual([`${mentor} is not a mentor of M3. A manager must add them to the mission first.`]);
  expect(dry.body.rows[1]).toMatchObject({ action: 'create' });
  const pairings = `email,batch_code,mission_code,mentor_email\nstudent8@bulk.test,DEMO-B01,M1,${mentor}\nnobody@bulk.test,DEMO-B01,M1,${mentor}\n`;
  const refused = await finished((await startImport({ kind: 'pairings', csv: pairings, dry_run: false })).body.id);
  expect(refused.status).toBe('failed');
  expect(refused.errors[0].messages).toContain('No student has this email. Import the students first.');
});

it('refuses roles that may not import, and explains a file without the right columns', async () => {
  expect((await startImport({ kind: 'students', csv: 'email\na@b.test', dry_run: true }, 'manager')).status).toBe(403);
  expect((await startImport({ kind: 'pairings', csv: 'email\na@b.test', dry_run: true }, 'mentor')).status).toBe(403);
  const columns = await startImport({ kind: 'students', csv: 'mail,name\na@b.test,A', dry_run: true });
  expect(columns.status).toBe(422);
  expect(columns.body.message).toBe('The first row must name the columns. Missing: email. Expected columns: email, name, phone, address, batch_code, mission_codes.');
  const empty = await startImport({ kind: 'students', csv: '', dry_run: true });
  expect(empty.body.message).toBe('Paste CSV text or choose a CSV file first.');
});
