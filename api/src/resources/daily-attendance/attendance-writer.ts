import type { Knex } from 'knex';
import { Batcher } from '../../core/batcher';
import { preparedQuery } from '../../core/prepared';
import { AppError } from '../../core/errors';

export interface AttendanceSubmission {
  studentId: number;
  missionId: number;
  note: string;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export interface AttendanceRow {
  id: number;
  student_id: number;
  mission_id: number;
  day: string;
  submitted_at: Date;
  note: string;
}

const INSERT_ATTENDANCE_SQL = `
  WITH input AS (
    SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY
      AS i(student_id, mission_id, note, ip, user_agent, request_id, n)
  ), inserted AS (
    INSERT INTO daily_attendance (student_id, mission_id, note)
    SELECT student_id, mission_id, note FROM input ORDER BY n
    ON CONFLICT (student_id, mission_id, local_date) DO NOTHING
    RETURNING *
  ), audited AS (
    INSERT INTO audit_log (actor_user_id, actor_role, action, resource, record_id, after, ip, user_agent, request_id)
    SELECT ins.student_id, 'student', 'create', 'daily_attendance', ins.id::text, to_jsonb(ins), i.ip, i.user_agent, i.request_id
    FROM inserted ins
    JOIN (SELECT DISTINCT ON (student_id, mission_id) * FROM input ORDER BY student_id, mission_id, n) i USING (student_id, mission_id)
  )
  SELECT id, student_id, mission_id, to_char(local_date, 'YYYY-MM-DD') AS day, submitted_at, note
  FROM inserted`;

const alreadySubmitted = () => new AppError(409, 'CONFLICT', "You already submitted today's attendance for this mission.", { already_submitted: true });

/**
 * Commits synchronously like every other write: an answered submission is on disk. What keeps a cohort's burst
 * fast is the group commit — the submissions that arrive together share one statement, one commit and one WAL
 * flush (core/batcher.ts), so a slow fsync is paid once per batch, not once per student.
 *
 * Writes the submissions that arrive together as one statement: the rows, their audit entries and (by trigger)
 * their points. The database decides the day and refuses a second one; a batch broken by one refused row is
 * replayed row by row so each submitter gets their own answer.
 */
export function attendanceWriter(knex: Knex): Batcher<AttendanceSubmission, AttendanceRow> {
  const write = async (items: AttendanceSubmission[]): Promise<(AttendanceRow | Error)[]> => {
    const order = items.map((_, i) => i).sort((a, b) => items[a].studentId - items[b].studentId || items[a].missionId - items[b].missionId);
    const sorted = order.map((i) => items[i]);
    const column = <T>(pick: (item: AttendanceSubmission) => T) => sorted.map(pick);
    const rows = await preparedQuery<AttendanceRow>(knex, 'attendance_insert', INSERT_ATTENDANCE_SQL, [
      column((s) => s.studentId),
      column((s) => s.missionId),
      column((s) => s.note),
      column((s) => s.ip),
      column((s) => s.userAgent),
      column((s) => s.requestId),
    ]);
    const byKey = new Map(rows.map((row) => [`${row.student_id}:${row.mission_id}`, row]));
    return items.map((item) => {
      const key = `${item.studentId}:${item.missionId}`;
      const row = byKey.get(key);
      if (!row) return alreadySubmitted();
      byKey.delete(key); // a second submission in the same batch is a repeat
      return row;
    });
  };

  return new Batcher(async (items) => {
    try {
      return await write(items);
    } catch (error) {
      if (items.length === 1) return [error as Error];
      return Promise.all(items.map(async (item) => (await write([item]).catch((e: Error) => [e]))[0]));
    }
  }, 300);
}
