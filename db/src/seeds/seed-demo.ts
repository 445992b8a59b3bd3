import type { Knex } from 'knex';
import { DEMO_PASSWORD, demoPasswordHash, insertDemoAccounts } from './demo-accounts';
import { generateAttendanceHistory, generateCohorts } from './cohorts';

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** Two batches of 250 students, three missions each, six mentors per batch; the demo mentor and student wired in. */
export async function insertDemoCohorts(trx: Knex.Transaction, password = DEMO_PASSWORD): Promise<void> {
  await generateCohorts(trx, {
    prefix: 'DEMO',
    batches: 2,
    studentsPerBatch: 250,
    missionsPerBatch: 3,
    mentorsPerBatch: 6,
    passwordHash: await demoPasswordHash(password),
    // Dated from today, so the demo always shows a batch under way: mission 1 three weeks from its end, mission 2
    // begun, mission 3 to come; DEMO-B02 began ten days ago. Statuses follow from these dates.
    startsOn: daysAgo(40),
    missionDays: 60,
    batchStaggerDays: 30,
  });
  const mentor = await trx('users').where({ email: 'mentor@example.com' }).first('id');
  const student = await trx('users').where({ email: 'student@example.com' }).first('id');
  const batch = await trx('batches').where({ code: 'DEMO-B01' }).first('id');
  const missions = await trx('missions').where({ batch_id: batch.id }).whereIn('code', ['M1', 'M2']).orderBy('position').pluck('id');
  await trx('batch_enrolments').insert({ batch_id: batch.id, student_id: student.id });
  await trx('mission_enrolments').insert(missions.map((missionId: number) => ({ mission_id: missionId, student_id: student.id })));
  await trx('mission_mentors').insert(missions.map((missionId: number) => ({ mission_id: missionId, mentor_id: mentor.id, capacity: 60 })));
  // The demo mentor takes the demo student and the first 24 students of mission 1, and 12 of mission 2.
  await trx('mentor_pairings').insert(missions.map((missionId: number) => ({ mission_id: missionId, student_id: student.id, mentor_id: mentor.id })));
  for (const [missionId, count] of [[missions[0], 24], [missions[1], 12]] as const) {
    await trx.raw(
      `INSERT INTO mentor_pairings (mission_id, student_id, mentor_id)
       SELECT me.mission_id, me.student_id, ? FROM mission_enrolments me
       WHERE me.mission_id = ? AND me.student_id <> ? ORDER BY me.student_id LIMIT ?`,
      [mentor.id, missionId, student.id, count],
    );
  }
}

/**
 * Seeds the demo data set once: only into a database that has no users yet, so it never runs twice
 * and never lands on top of real data. Returns whether it seeded.
 */
export async function seedDemoIfEmpty(knex: Knex, password?: string): Promise<boolean> {
  return knex.transaction(async (trx) => {
    // Serialises two launchers racing on the same empty database.
    await trx.raw('LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE');
    const [{ count }] = await trx('users').count<{ count: string }[]>({ count: '*' });
    if (Number(count) > 0) return false;
    await insertDemoAccounts(trx, password);
    await insertDemoCohorts(trx, password);
    // Six weeks of attendance by the generated students (the demo accounts start fresh), some of them slipping.
    await generateAttendanceHistory(trx, { prefix: 'DEMO', days: 40 });
    return true;
  });
}
