import type { Knex } from 'knex';
import type { DashboardMission } from '../../contract';

/** A mission of `GET /me/dashboard` before its attendance and mentors are added, with the enrolment's status. */
export type MissionStanding = Omit<DashboardMission, 'attendance' | 'mentors'> & { enrolment_status: 'active' | 'withdrawn' | 'completed' };

/**
 * A student's standing in each of their missions: total points and rank among the mission's students from the
 * kept-current figures (enrolment_figures, the ledger's sums kept by the database), points possible so far (days
 * elapsed, meetings held, deadlines passed), progress.
 */
export async function standingsOf(db: Knex, studentId: number, missionId?: number): Promise<MissionStanding[]> {
  const { rows } = await db.raw(
    `WITH enrolled AS (
       SELECT m.id AS mission_id, m.code, m.title, m.status, me.status AS enrolment_status, b.code AS batch_code, b.timezone, m.starts_on, m.ends_on,
              m.points_attendance, m.points_meeting, m.points_on_time, (now() AT TIME ZONE b.timezone)::date AS today
       FROM mission_enrolments me JOIN missions m ON m.id = me.mission_id JOIN batches b ON b.id = m.batch_id
       WHERE me.student_id = :student AND (:mission::bigint IS NULL OR me.mission_id = :mission::bigint)
     )
     SELECT e.mission_id, e.code, e.title, e.status, e.enrolment_status, e.batch_code, e.timezone, to_char(e.today, 'YYYY-MM-DD') AS today,
            coalesce(own.points, 0) AS points,
            1 + (SELECT count(*) FROM enrolment_figures t WHERE t.mission_id = e.mission_id AND t.points > coalesce(own.points, 0))::int AS rank,
            (SELECT count(*) FROM mission_enrolments x WHERE x.mission_id = e.mission_id)::int AS enrolled_count,
            (greatest(0, least(e.today, e.ends_on) - e.starts_on + 1) * e.points_attendance
             + (SELECT count(*) FROM meetings mt WHERE mt.mission_id = e.mission_id AND mt.starts_at <= now()
                  AND (NOT EXISTS (SELECT 1 FROM meeting_invitees i WHERE i.meeting_id = mt.id)
                       OR EXISTS (SELECT 1 FROM meeting_invitees i WHERE i.meeting_id = mt.id AND i.student_id = :student))) * e.points_meeting
             + (SELECT coalesce(sum(coalesce(a.points_on_time, e.points_on_time)), 0) FROM assignments a WHERE a.mission_id = e.mission_id AND a.deadline <= now())
            )::int AS possible
     FROM enrolled e LEFT JOIN enrolment_figures own ON own.mission_id = e.mission_id AND own.student_id = :student
     ORDER BY e.batch_code, e.code`,
    { student: studentId, mission: missionId ?? null },
  );
  return rows.map((row: MissionStanding) => ({ ...row, progress: row.possible > 0 ? Math.min(1, row.points / row.possible) : 0 }));
}

/** Consecutive local days with attendance, ending today (or yesterday, while today is still open). */
export function streak(days: string[], today: string): number {
  const set = new Set(days);
  const cursor = new Date(`${today}T00:00:00Z`);
  if (!set.has(today)) cursor.setUTCDate(cursor.getUTCDate() - 1);
  let count = 0;
  while (set.has(cursor.toISOString().slice(0, 10))) {
    count += 1;
    cursor.setUTCDate(cursor.getUTCDate() - 1);
  }
  return count;
}
