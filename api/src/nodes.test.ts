import { insertDemoAccounts } from '@sms/db/seeds/demo-accounts';
import { insertDemoCohorts } from '@sms/db/seeds/seed-demo';
import { generateCohorts } from '@sms/db/seeds/cohorts';
import { createTestDatabase, type TestDatabase } from '@sms/db/testing/test-database';
import { startApiNode, startRoundRobinProxy, type ApiNode } from './testing/api-nodes';
import { insertSessions } from './testing/bulk-sessions';
import { changeOf, openEventStream, type SseStream } from './testing/sse-client';

// Two API processes from the build (`node api/dist/server.js`, npm test builds first) on one database.
let db: TestDatabase;
let a: ApiNode;
let b: ApiNode;
const streams: SseStream[] = [];
beforeAll(async () => {
  db = await createTestDatabase();
  await db.knex.transaction(async (trx) => {
    await insertDemoAccounts(trx);
    await insertDemoCohorts(trx);
    await generateCohorts(trx, { prefix: 'NODES', batches: 1, studentsPerBatch: 3000, missionsPerBatch: 1, mentorsPerBatch: 10, passwordHash: null });
  });
  await db.knex.raw('VACUUM ANALYZE');
  [a, b] = await Promise.all([startApiNode(db.url), startApiNode(db.url)]);
}, 120_000);
afterAll(async () => {
  for (const stream of streams) stream.close();
  await Promise.all([a?.stop(), b?.stop()]);
  await db?.destroy();
});

const userId = async (email: string) => Number((await db.knex('users').where({ email }).first('id')).id);
const tokenOf = async (id: number) => (await insertSessions(db.knex, [id]))[0];
const submit = async (node: string, token: string, missionId: number) =>
  fetch(`${node}/attendance`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ mission_id: missionId }) });

it("delivers a write made on node B to a stream on node A within 2 s, and a mentor's stream carries nothing about students not theirs", async () => {
  const mentor = await userId('mentor@example.com');
  const m1 = Number((await db.knex('missions').join('batches', 'batches.id', 'missions.batch_id').where({ 'batches.code': 'DEMO-B01', 'missions.code': 'M1' }).first('missions.id')).id);
  const paired = Number((await db.knex('mentor_pairings').where({ mentor_id: mentor, mission_id: m1 }).orderBy('student_id', 'desc').first('student_id')).student_id);
  const unpaired = Number(
    (await db.knex('mission_enrolments').where({ mission_id: m1 }).whereNotIn('student_id', db.knex('mentor_pairings').where({ mentor_id: mentor }).select('student_id')).first('student_id')).student_id,
  );
  const open = async (token: string) => {
    const stream = await openEventStream(`${a.url}/events`, { authorization: `Bearer ${token}` });
    streams.push(stream);
    await stream.next((m) => m.event === 'ready');
    return stream;
  };
  const sreStream = await open(await tokenOf(await userId('sre@example.com')));
  const mentorStream = await open(await tokenOf(mentor));

  const started = Date.now();
  const notTheirs = await submit(b.url, await tokenOf(unpaired), m1);
  expect(notTheirs.status).toBe(201);
  const notTheirsId = Number(((await notTheirs.json()) as { id: number }).id);
  await sreStream.next(changeOf('daily_attendance', notTheirsId), 2000);
  const latency = Date.now() - started;
  console.log(`node B's write reached node A's stream in ${latency} ms`);
  expect(latency).toBeLessThan(2000);

  const theirs = await submit(b.url, await tokenOf(paired), m1);
  const theirsId = Number(((await theirs.json()) as { id: number }).id);
  await mentorStream.next(changeOf('daily_attendance', theirsId), 2000);
  const heard = mentorStream.messages.flatMap((m) => (m.event === 'message' ? (m.data as { ids: number[] }).ids : []));
  expect(heard).toEqual([theirsId]);
});

it('loses no acknowledged write when one node is killed -9 during a 3,000-student burst through the load balancer', async () => {
  const proxy = await startRoundRobinProxy([a.url, b.url]);
  try {
    const mission = Number((await db.knex('missions').join('batches', 'batches.id', 'missions.batch_id').where('batches.code', 'like', 'NODES%').where('missions.status', 'active').first('missions.id')).id);
    const students = (await db.knex('mission_enrolments').where({ mission_id: mission }).orderBy('student_id').pluck('student_id')).map(Number);
    expect(students.length).toBe(3000);
    const tokens = await insertSessions(db.knex, students);
    const answers: { student: number; status: number; id?: number; afterKill: boolean }[] = [];
    let killed = false;
    let sent = 0;
    const CONCURRENCY = 64;
    const worker = async () => {
      while (sent < students.length) {
        const i = sent++;
        if (i === 1000 && !killed) {
          killed = true;
          b.process.kill('SIGKILL');
        }
        const afterKill = killed;
        const response = await submit(proxy.url, tokens[i], mission).catch(() => undefined);
        const body = response ? ((await response.json().catch(() => ({}))) as { id?: number }) : {};
        answers.push({ student: students[i], status: response?.status ?? 0, id: body.id, afterKill });
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    await b.exited;

    const rows = (await db.knex('daily_attendance').where({ mission_id: mission }).select('id', 'student_id')) as { id: string; student_id: string }[];
    const rowIds = new Set(rows.map((row) => Number(row.id)));
    const ok = answers.filter((answer) => answer.status >= 200 && answer.status < 300);
    const byStatus = answers.reduce<Record<number, number>>((counts, answer) => ({ ...counts, [answer.status]: (counts[answer.status] ?? 0) + 1 }), {});
    console.log(`burst through the proxy with node B killed -9 after 1,000 requests: statuses ${JSON.stringify(byStatus)}, rows ${rows.length}`);
    // Every 2xx answer is a row, and nothing is doubled (one row per student).
    for (const answer of ok) expect(rowIds.has(Number(answer.id))).toBe(true);
    expect(new Set(rows.map((row) => row.student_id)).size).toBe(rows.length);
    // The other node kept serving after the kill.
    expect(ok.filter((answer) => answer.afterKill).length).toBeGreaterThan(1500);
    // Only requests cut off in flight failed (502); a client that tries them again gets its row, or is told it has it.
    const failed = answers.filter((answer) => answer.status < 200 || answer.status >= 300);
    expect(failed.every((answer) => answer.status === 502)).toBe(true);
    expect(failed.length).toBeLessThanOrEqual(CONCURRENCY);
    for (const answer of failed) {
      const retry = await submit(proxy.url, tokens[students.indexOf(answer.student)], mission);
      expect([201, 409]).toContain(retry.status);
    }
    expect(await db.knex('daily_attendance').where({ mission_id: mission }).count({ n: '*' })).toEqual([{ n: 3000 }]);
    expect(proxy.healthy()).toEqual([a.url]);
  } finally {
    await proxy.close();
  }
});
