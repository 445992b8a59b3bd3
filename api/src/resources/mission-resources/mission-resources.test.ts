import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { Role } from '../../core/actor';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
let storageDir: string;
let m1: number;
let otherMission: number;

const as = async (role: Role) => ({ Authorization: `Bearer ${await t.tokenFor(role)}` });
const upload = async (role: Role, missionId: number, name: string, body: Buffer | string, type = 'application/pdf') =>
  request(t.app)
    .post('/mission_resources/upload')
    .query({ mission_id: missionId, title: `Slides ${name}` })
    .set({ ...(await as(role)), 'Content-Type': type, 'X-File-Name': encodeURIComponent(name) })
    .send(Buffer.isBuffer(body) ? body : Buffer.from(body));
const stored = async () => (await readdir(storageDir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).length;

beforeAll(async () => {
  storageDir = await mkdtemp(path.join(os.tmpdir(), 'sms-resources-'));
  t = await createTestApp({ STORAGE_DIR: storageDir, UPLOAD_MAX_MB: '1' }, { cohorts: true });
  const k = t.db.knex;
  m1 = await t.missionId('DEMO-B01', 'M1');
  // A mission the demo mentor is not on.
  otherMission = await t.missionId('DEMO-B02', 'M1');
});
afterAll(async () => {
  await t.close();
  await rm(storageDir, { recursive: true, force: true });
});

it("a mentor adds a link and a file to their mission; its students list them and download the file as an attachment", async () => {
  const link = await request(t.app).post('/mission_resources').set(await as('mentor')).send({ mission_id: m1, title: 'MDN flexbox guide', url: 'https://developer.mozilla.org/en-US/docs/Web/CSS/CSS_flexible_box_layout' });
  expect(link.status).toBe(201);
  expect(link.body).toMatchObject({ kind: 'link', mission_code: 'M1' });
  const file = await upload('mentor', m1, 'Week 1 – intro.pdf', '%PDF-1.4 slides');
  expect(file.status).toBe(201);
  expect(file.body).toMatchObject({ kind: 'file', file_name: 'Week 1 – intro.pdf', file_size: 15, content_type: 'application/pdf' });
  expect(file.body).not.toHaveProperty('file_key');
  expect(await stored()).toBe(1);

  const listed = await request(t.app).get('/mission_resources').query({ filter: JSON.stringify({ mission_id: m1 }) }).set(await as('student'));
  expect(listed.body.map((r: { title: string }) => r.title)).toEqual(['MDN flexbox guide', 'Slides Week 1 – intro.pdf']);
  const download = await request(t.app).get(`/mission_resources/${file.body.id}/download`).set(await as('student')).buffer(true);
  expect(download.status).toBe(200);
  expect(download.body.toString()).toBe('%PDF-1.4 slides');
  expect(download.headers['content-disposition']).toMatch(/^attachment; filename="Week 1 _ intro.pdf"; filename\*=UTF-8''Week%201%20%E2%80%93%20intro.pdf$/);
  expect((await request(t.app).get(`/mission_resources/${link.body.id}/download`).set(await as('student'))).status).toBe(409);
  expect(await t.db.knex('audit_log').where({ resource: 'mission_resources', action: 'create' }).count<{ count: string }[]>('id as count')).toEqual([{ count: 2 }]);
});

it('refuses what should not be stored, with a reason, and stores nothing', async () => {
  const before = await stored();
  const big = await upload('mentor', m1, 'huge.bin', Buffer.alloc(1024 * 1024 + 1), 'application/octet-stream');
  expect(big.status).toBe(413);
  expect(big.body.message).toBe('The file is too large: at most 1 MB.');
  expect((await upload('mentor', otherMission, 'x.pdf', 'x')).status).toBe(404);
  expect((await upload('student', m1, 'x.pdf', 'x')).status).toBe(403);
  const nameless = await request(t.app).post('/mission_resources/upload').query({ mission_id: m1, title: 'No name' }).set({ ...(await as('mentor')), 'Content-Type': 'text/plain' }).send('x');
  expect(nameless.body.message).toMatch(/X-File-Name/);
  const untitled = await request(t.app).post('/mission_resources/upload').query({ mission_id: m1 }).set({ ...(await as('mentor')), 'Content-Type': 'text/plain', 'X-File-Name': 'y.txt' }).send('x');
  expect(untitled.status).toBe(422);
  expect(untitled.body.message).toBe('Give the file a title.');
  // A JSON file is stored as it came, not parsed.
  const json = await upload('mentor', m1, 'data.json', '{"a": 1}', 'application/json');
  expect(json.status).toBe(201);
  const badLink = await request(t.app).post('/mission_resources').set(await as('mentor')).send({ mission_id: m1, title: 'Bad', url: 'javascript:alert(1)' });
  expect(badLink.status).toBe(422);
  expect(badLink.body.message).toMatch(/https:\/\//);
  expect(await stored()).toBe(before + 1);
});

it('students of other missions, and restricted students, cannot open them; deleting a file resource deletes the file', async () => {
  const k = t.db.knex;
  const [file] = await k('mission_resources').where({ mission_id: m1, kind: 'file' }).orderBy('id').limit(1);
  const outsider = await k('users').whereIn('id', k('batch_enrolments').join('batches', 'batches.id', 'batch_enrolments.batch_id').where('batches.code', 'DEMO-B02').select('student_id')).first('email');
  const outsiderToken = (await request(t.app).post('/auth/token').send({ email: outsider.email, password: 'sms-demo-2026' })).body.token;
  expect((await request(t.app).get(`/mission_resources/${file.id}/download`).set({ Authorization: `Bearer ${outsiderToken}` })).status).toBe(404);

  const student = await t.userId('student');
  const [kase] = await k('integrity_cases').insert({ student_id: student, kind: 'plagiarism', description: 'Copied', opened_by: await t.userId('sre') }).returning('id');
  await k('integrity_actions').insert({ case_id: kase.id, student_id: student, action: 'restrict', reason: 'Copied work', taken_by: await t.userId('sre') });
  const restricted = (await request(t.app).post('/auth/token').send({ email: 'student@example.com', password: 'sms-demo-2026' })).body.token;
  const refused = await request(t.app).get('/mission_resources').set({ Authorization: `Bearer ${restricted}` });
  expect(refused.status).toBe(403);
  expect(refused.body.message).toMatch(/restricted/);

  const before = await stored();
  expect((await request(t.app).delete(`/mission_resources/${file.id}`).set(await as('manager'))).status).toBe(200);
  expect(await stored()).toBe(before - 1);
});
