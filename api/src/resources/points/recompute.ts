import type { Knex } from 'knex';

/** Every award a mission's sources earn under its current rules: the ledger as it would be if rebuilt now. */
export const FRESH_AWARDS_SQL = `
  SELECT a.student_id, a.mission_id, m.points_attendance AS points, 'attendance' AS reason, a.id AS attendance_id, NULL::bigint AS meeting_attendance_id, NULL::bigint AS submission_id
  FROM daily_attendance a JOIN missions m ON m.id = a.mission_id WHERE a.mission_id = ?
  UNION ALL
  SELECT ma.student_id, mt.mission_id, m.points_meeting, 'meeting', NULL, ma.id, NULL
  FROM meeting_attendance ma JOIN meetings mt ON mt.id = ma.meeting_id JOIN missions m ON m.id = mt.mission_id WHERE mt.mission_id = ?
  UNION ALL
  SELECT s.student_id, s.mission_id,
         CASE WHEN s.status = 'on_time' THEN coalesce(asg.points_on_time, m.points_on_time) ELSE coalesce(asg.points_late, m.points_late) END,
         'submission_' || s.status, NULL, NULL, s.id
  FROM submissions s JOIN assignments asg ON asg.id = s.assignment_id JOIN missions m ON m.id = s.mission_id WHERE s.mission_id = ?`;

export interface RecomputePreview {
  mission_id: number;
  total_before: number;
  total_after: number;
  students_changed: number;
  changes: { student_id: number; name: string; before: number; after: number }[];
}

/** Per student: the ledger's total now and after a rebuild with the current rules. */
export async function previewRecompute(db: Knex | Knex.Transaction, missionId: number): Promise<RecomputePreview> {
  const { rows } = await db.raw(
    `WITH fresh AS (${FRESH_AWARDS_SQL}),
     after AS (SELECT student_id, sum(points)::int AS points FROM fresh GROUP BY student_id),
     before AS (SELECT student_id, sum(points)::int AS points FROM points_ledger WHERE mission_id = ? GROUP BY student_id)
     SELECT coalesce(a.student_id, b.student_id) AS student_id, u.name, coalesce(b.points, 0) AS before, coalesce(a.points, 0) AS after
     FROM after a FULL JOIN before b ON b.student_id = a.student_id
     JOIN users u ON u.id = coalesce(a.student_id, b.student_id)
     ORDER BY abs(coalesce(a.points, 0) - coalesce(b.points, 0)) DESC, u.name`,
    [missionId, missionId, missionId, missionId],
  );
  const changed = rows.filter((r: { before: number; after: number }) => r.before !== r.after);
  return {
    mission_id: missionId,
    total_before: rows.reduce((sum: number, r: { before: number }) => sum + r.before, 0),
    total_after: rows.reduce((sum: number, r: { after: number }) => sum + r.after, 0),
    students_changed: changed.length,
    changes: changed.slice(0, 500),
  };
}

/** Rebuilds the mission's ledger from its sources, inside the caller's transaction. */
export async function recomputeLedger(trx: Knex.Transaction, missionId: number): Promise<void> {
  await trx('points_ledger').where({ mission_id: missionId }).delete();
  await trx.raw(
    `INSERT INTO points_ledger (student_id, mission_id, points, reason, attendance_id, meeting_attendance_id, submission_id) ${FRESH_AWARDS_SQL}`,
    [missionId, missionId, missionId],
  );
}
