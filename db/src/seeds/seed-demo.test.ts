import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { seedDemoIfEmpty } from './seed-demo';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.destroy());

const count = async (table: string) => Number((await db.knex(table).count({ n: '*' }))[0].n);

it('seeds the demo cohorts once, with every screen something to show, and never twice', async () => {
  expect(await seedDemoIfEmpty(db.knex)).toBe(true);
  expect(await count('batches')).toBe(2);
  expect(await count('missions')).toBe(6);
  expect(await count('students')).toBe(501);
  expect(await count('mission_enrolments')).toBe(1502);
  // Every enrolment has a mentor; the demo mentor has exactly their 24 + 12 + the demo student twice.
  const unpaired = await db.knex.raw('select count(*)::int as n from mission_enrolments me where not exists (select 1 from mentor_pairings mp where mp.mission_id = me.mission_id and mp.student_id = me.student_id)');
  expect(unpaired.rows[0].n).toBe(0);
  const mentor = await db.knex('users').where({ email: 'mentor@example.com' }).first('id');
  expect(await db.knex('mentor_pairings').where({ mentor_id: mentor.id }).count({ n: '*' })).toEqual([{ n: 38 }]);

  expect(await seedDemoIfEmpty(db.knex)).toBe(false);
  expect(await count('students')).toBe(501);
});
