import { DEMO_PASSWORD, insertDemoAccounts } from '@sms/db/seeds/demo-accounts';
import { insertDemoCohorts } from '@sms/db/seeds/seed-demo';
import { createTestDatabase, type TestDatabase } from '@sms/db/testing/test-database';
import { startApiNode, type ApiNode } from '../testing/api-nodes';
import { insertSessions } from '../testing/bulk-sessions';

// Two API processes from the build (`node api/dist/server.js`, npm test builds first) on one database, each working
// every queue and keeping the schedules: limits and jobs are shared through PostgreSQL, never one process's memory.
// Imports expire after 5 s here (900 s by default), so a run cut off by kill -9 is taken up again within the test.
const NODE_ENV = { IMPORT_TIMEOUT_SECONDS: '5', JOBS_MAINTENANCE_SECONDS: '1', JOBS_POLL_SECONDS: '0.5', WRITE_LIMIT_PER_ADDRESS: '1000000' };
let db: TestDatabase;
const nodes: ApiNode[] = [];
const started = Date.now();

beforeAll(async () => {
  db = await createTestDatabase();
  await db.knex.transaction(async (trx) => {
    await insertDemoAccounts(trx);
    await insertDemoCohorts(trx);
  });
  nodes.push(...(await Promise.all([startApiNode(db.url, NODE_ENV), startApiNode(db.url, NODE_ENV)])));
}, 120_000);
afterAll(async () => {
  await Promise.all(nodes.map((node) => node.stop()));
  await db?.destroy();
});

const post = (node: ApiNode, path: string, body: object, token?: string) =>
  fetch(`${node.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

it('five failed sign-ins spread over two processes lock the account on both', async () => {
  const email = 'mentor@example.com';
  for (let i = 0; i < 5; i += 1) expect((await post(nodes[i % 2], '/auth/token', { email, password: 'wrong password' })).status).toBe(401);
  for (const node of nodes) {
    const locked = await post(node, '/auth/token', { email, password: DEMO_PASSWORD });
    expect(locked.status).toBe(429);
    expect(((await locked.json()) as { message: string }).message).toMatch(/^Too many failed sign-ins/);
  }
});

it('an import whose process is killed -9 mid-run is finished on the other node or failed with a reason, never left running', async () => {
  const [a] = nodes;
  const sre = Number((await db.knex('users').where({ email: 'sre@example.com' }).first('id')).id);
  const [token] = await insertSessions(db.knex, [sre]);
  const batch = (await db.knex('batches').where({ code: 'DEMO-B01' }).first('code')).code;
  const lines = Array.from({ length: 4000 }, (_, i) => `killed.import.${i}@example.com,Imported Student ${i},${batch}`);
  // Only node A works jobs while the import starts, so the run that is killed is A's.
  await nodes[1].stop();
  const answer = await post(a, '/imports', { kind: 'students', csv: ['email,name,batch_code', ...lines].join('\n'), dry_run: false }, token);
  expect(answer.status).toBe(202);
  const { id, job_id: jobId } = (await answer.json()) as { id: number; job_id: string };
  for (let i = 0; ; i += 1) {
    const job = await db.knex('pgboss.job').where({ id: jobId }).first('state');
    if (job?.state === 'active') break;
    if (i > 200) throw new Error(`the import's job never started (${job?.state})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  a.process.kill('SIGKILL');
  await a.exited;
  expect((await db.knex('imports').where({ id }).first('status')).status).toBe('running');

  nodes.splice(0, 2, await startApiNode(db.url, NODE_ENV), await startApiNode(db.url, NODE_ENV));
  let record: { status: string; message: string | null; created_count: number } | undefined;
  for (let i = 0; i < 600; i += 1) {
    record = await db.knex('imports').where({ id }).first('status', 'message', 'created_count');
    if (record?.status !== 'running') break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  console.log(`import killed -9 on node A: ${record?.status} — ${record?.message}`);
  expect(record?.status).not.toBe('running');
  if (record?.status === 'succeeded') {
    expect(record.created_count).toBe(4000);
    expect(await db.knex('users').where('email', 'like', 'killed.import.%').count({ n: '*' })).toEqual([{ n: 4000 }]);
  } else {
    expect(record?.status).toBe('failed');
    expect(record?.message).toMatch(/nothing was imported/);
    expect(await db.knex('users').where('email', 'like', 'killed.import.%').count({ n: '*' })).toEqual([{ n: 0 }]);
  }
}, 120_000);

it('a schedule kept by every node runs once per tick', async () => {
  // pg-boss ticks each cron once across nodes; wait for two minutes' ticks of the every-minute schedules.
  const ticks = async () =>
    (
      await db.knex.raw(
        `SELECT date_trunc('minute', created_on) AS minute, count(*)::int AS n FROM pgboss.job WHERE name = 'cohort-statuses' AND created_on >= to_timestamp(?) GROUP BY 1 ORDER BY 1`,
        [started / 1000],
      )
    ).rows as { minute: Date; n: number }[];
  const deadline = Date.now() + 150_000;
  while ((await ticks()).length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 1000));
  const seen = await ticks();
  expect(seen.length).toBeGreaterThanOrEqual(2);
  expect(seen.map((tick) => tick.n)).toEqual(seen.map(() => 1));
  // Both processes keep the schedules: each has its job connections open.
  const { rows } = await db.knex.raw(`SELECT count(DISTINCT client_port)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'sms-jobs'`);
  expect(rows[0].n).toBeGreaterThanOrEqual(2);
}, 180_000);
