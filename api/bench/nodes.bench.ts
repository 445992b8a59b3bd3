/* eslint-disable @typescript-eslint/no-explicit-any */
import autocannon from 'autocannon';
import { insertDemoAccounts } from '@sms/db/seeds/demo-accounts';
import { generateCohorts } from '@sms/db/seeds/cohorts';
import { createTestDatabase, type TestDatabase } from '@sms/db/testing/test-database';
import { insertSessions } from '../src/testing/bulk-sessions';
import { startApiNode, startRoundRobinProxy, type ApiNode, type RoundRobinProxy } from '../src/testing/api-nodes';

// Benchmark (after npm run build): attendance with synchronous commit (every acknowledged submission on disk), on one
// API node, then on two nodes behind a health-checked round-robin load balancer (a small Node proxy standing in for
// HAProxy, on this same 2-core machine, as is the load generator). Each phase prints its numbers as ratios to a
// trivial authenticated GET (/auth/me) measured the same way (same node or same balancer) in the same run.
const CONNECTIONS = 128;
const SECONDS = 8;
// One load generator is one address: the per-address write limit (6,000 a minute) would answer most of it 429.
const BENCH_NODE_ENV = { LOG_LEVEL: 'warn', DB_POOL_MAX: '20', WRITE_LIMIT_PER_ADDRESS: '100000000' };

let db: TestDatabase;
const nodes: ApiNode[] = [];
let proxy: RoundRobinProxy | undefined;
let prepared: { method: string; path: string; headers: Record<string, string>; body: string }[] = [];
let next = 0;
let adminToken: string;

beforeAll(async () => {
  db = await createTestDatabase();
  await db.knex.transaction(async (trx) => {
    await insertDemoAccounts(trx);
    // Missions 1 and 2 of each batch run today (statuses follow the dates): 42,000 fresh submissions for both phases.
    await generateCohorts(trx, { prefix: 'NODESB', batches: 7, studentsPerBatch: 3000, missionsPerBatch: 2, mentorsPerBatch: 30, passwordHash: null });
  });
  await db.knex.raw('VACUUM ANALYZE');
  await db.knex.raw('CHECKPOINT');
  const { rows } = await db.knex.raw(
    `SELECT me.student_id, me.mission_id FROM mission_enrolments me JOIN missions m ON m.id = me.mission_id WHERE m.status = 'active' ORDER BY random()`,
  );
  const studentIds: number[] = [...new Set<number>(rows.map((r: any) => Number(r.student_id)))];
  const tokens = await insertSessions(db.knex, studentIds);
  const tokenOf = new Map(studentIds.map((id, i) => [id, tokens[i]]));
  prepared = rows.map((r: any) => ({
    method: 'POST',
    path: '/attendance',
    headers: { authorization: `Bearer ${tokenOf.get(Number(r.student_id))}`, 'content-type': 'application/json' },
    body: JSON.stringify({ mission_id: Number(r.mission_id), note: 'bench' }),
  }));
  const [manager] = await db.knex('users').where({ email: 'manager@example.com' }).pluck('id');
  [adminToken] = await insertSessions(db.knex, [manager]);
  await db.knex.raw('VACUUM ANALYZE sessions');
  nodes.push(await startApiNode(db.url, BENCH_NODE_ENV));
}, 300_000);

afterAll(async () => {
  await proxy?.close();
  await Promise.all(nodes.map((node) => node.stop()));
  await db?.destroy();
});

const run = (options: autocannon.Options) => new Promise<autocannon.Result>((resolve, reject) => autocannon(options, (error, result) => (error ? reject(error) : resolve(result))));

async function measure(label: string, url: string) {
  const baseline = await run({ url: `${url}/auth/me`, connections: CONNECTIONS, duration: 4, headers: { authorization: `Bearer ${adminToken}` } });
  const statuses: Record<string, number> = {};
  const load = (duration: number) =>
    run({
      url,
      connections: CONNECTIONS,
      duration,
      requests: [{ method: 'POST', path: '/attendance', setupRequest: () => prepared[next++ % prepared.length], onResponse: (status: number) => void (statuses[status] = (statuses[status] ?? 0) + 1) } as any],
    });
  await load(2);
  for (const key of Object.keys(statuses)) delete statuses[key];
  const result = await load(SECONDS);
  const line =
    `${label}: attendance ${result.requests.average.toFixed(0)}/s, p50 ${result.latency.p50} / p99 ${result.latency.p99} ms (synchronous commit); ` +
    `baseline GET /auth/me ${baseline.requests.average.toFixed(0)}/s, p99 ${baseline.latency.p99} ms; ` +
    `${(result.requests.average / baseline.requests.average).toFixed(2)}× the baseline's throughput, p99 ${(result.latency.p99 / Math.max(baseline.latency.p99, 1)).toFixed(2)}× its p99; statuses ${JSON.stringify(statuses)}`;
  console.log(line);
  if (next > prepared.length) throw new Error('the data set ran out of fresh submissions');
  expect(Object.keys(statuses)).toEqual(['201']);
  return result;
}

it('one node', async () => {
  await measure('one API node', nodes[0].url);
});

it('two nodes behind the load balancer', async () => {
  nodes.push(await startApiNode(db.url, BENCH_NODE_ENV));
  proxy = await startRoundRobinProxy(nodes.map((node) => node.url));
  await measure('two API nodes behind the round-robin balancer', proxy.url);
});
