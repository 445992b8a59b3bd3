import type { Knex } from 'knex';
import type { Role } from '../../core/actor';
import { errors } from '../../core/errors';
import type { CalendarEvent } from '../../contract';

export type { CalendarEvent };

export const CALENDAR_ROLES: readonly Role[] = ['student', 'mentor'];
const MAX_DAYS = 120;

/**
 * A student's or mentor's calendar between two dates (inclusive, in their time zone): meetings, assignment
 * deadlines, mission starts and ends, and for students the days they checked in. A student sees their missions'
 * meetings that include them; a mentor the meetings and deadlines of the missions they are assigned to.
 */
export async function calendarEvents(db: Knex, user: { id: number; role: Role }, from: string, to: string): Promise<CalendarEvent[]> {
  if (!CALENDAR_ROLES.includes(user.role)) throw errors.forbidden('The calendar is for students and mentors.');
  const span = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (!(span >= 0)) throw errors.invalidQuery('The calendar range needs "from" on or before "to", as dates like 2026-01-31.');
  if (span > MAX_DAYS) throw errors.invalidQuery(`Ask for at most ${MAX_DAYS} days of calendar at a time.`);
  const missions =
    user.role === 'student'
      ? 'SELECT mission_id FROM mission_enrolments WHERE student_id = :user'
      : 'SELECT mission_id FROM mission_mentors WHERE mentor_id = :user';
  const { rows } = await db.raw(
    `WITH me AS (SELECT timezone AS tz FROM users WHERE id = :user),
     bounds AS (
       SELECT (:from::date)::timestamp AT TIME ZONE me.tz AS lo, (:to::date + 1)::timestamp AT TIME ZONE me.tz AS hi, me.tz FROM me
     ),
     events AS (
       SELECT 'meeting' AS kind, 'meeting-' || mt.id AS uid, mt.title, m.code AS mission_code, mt.starts_at,
              mt.starts_at + make_interval(mins => mt.duration_minutes) AS ends_at, false AS all_day, NULL::date AS local_day,
              CASE WHEN :role = 'student' AND EXISTS (SELECT 1 FROM meeting_attendance a WHERE a.meeting_id = mt.id AND a.student_id = :user) THEN 'attended' END AS status
       FROM meetings mt JOIN missions m ON m.id = mt.mission_id, bounds
       WHERE mt.mission_id IN (${missions}) AND mt.starts_at >= bounds.lo AND mt.starts_at < bounds.hi
         AND (:role <> 'student' OR NOT EXISTS (SELECT 1 FROM meeting_invitees i WHERE i.meeting_id = mt.id)
              OR EXISTS (SELECT 1 FROM meeting_invitees i WHERE i.meeting_id = mt.id AND i.student_id = :user))
       UNION ALL
       SELECT 'deadline', 'deadline-' || a.id, 'Due: #' || a.number || ' ' || a.title, m.code, a.deadline, NULL, false, NULL,
              CASE WHEN :role = 'student' THEN coalesce((SELECT s.status FROM submissions s WHERE s.assignment_id = a.id AND s.student_id = :user),
                                                        CASE WHEN a.deadline < now() THEN 'missing' END) END
       FROM assignments a JOIN missions m ON m.id = a.mission_id, bounds
       WHERE a.mission_id IN (${missions}) AND a.deadline >= bounds.lo AND a.deadline < bounds.hi
       UNION ALL
       SELECT 'mission_start', 'mission-start-' || m.id, m.code || ' starts: ' || m.title, m.code, NULL, NULL, true, m.starts_on, NULL
       FROM missions m WHERE m.id IN (${missions}) AND m.starts_on BETWEEN :from::date AND :to::date
       UNION ALL
       SELECT 'mission_end', 'mission-end-' || m.id, m.code || ' ends: ' || m.title, m.code, NULL, NULL, true, m.ends_on, NULL
       FROM missions m WHERE m.id IN (${missions}) AND m.ends_on BETWEEN :from::date AND :to::date
       UNION ALL
       SELECT 'attendance', 'attendance-' || da.id, 'Attendance ✓ ' || m.code, m.code, da.submitted_at, NULL, true, da.local_date, 'submitted'
       FROM daily_attendance da JOIN missions m ON m.id = da.mission_id
       WHERE :role = 'student' AND da.student_id = :user AND da.local_date BETWEEN :from::date AND :to::date
     )
     SELECT e.kind, e.uid, e.title, e.mission_code, e.starts_at, e.ends_at, e.all_day, e.status,
            to_char(coalesce(e.local_day, (e.starts_at AT TIME ZONE me.tz)::date), 'YYYY-MM-DD') AS day,
            CASE WHEN e.all_day THEN NULL ELSE to_char(e.starts_at AT TIME ZONE me.tz, 'HH24:MI') END AS time
     FROM events e, me
     ORDER BY day, e.all_day DESC, e.starts_at NULLS FIRST, e.uid`,
    { user: user.id, role: user.role, from, to },
  );
  return rows.map((row: CalendarEvent & { starts_at: Date | null; ends_at: Date | null }) => ({
    ...row,
    starts_at: row.starts_at ? new Date(row.starts_at).toISOString() : `${row.day}`,
    ends_at: row.ends_at ? new Date(row.ends_at).toISOString() : null,
  }));
}
