import type { Knex } from 'knex';
import { Batcher } from '../../core/batcher';
import { AppError, errors } from '../../core/errors';
import { preparedQuery } from '../../core/prepared';

/** A file already in storage, to be recorded as the submission's file. */
export interface StoredFile {
  key: string;
  name: string;
  size: number;
  contentType: string;
}

/** One handing-in by a student: what is sent replaces what was there, what is not sent is kept. */
export interface HandIn {
  studentId: number;
  assignmentId: number;
  linkUrl: string | null;
  note: string | null;
  file: StoredFile | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export interface HandedIn {
  id: number;
  assignment_id: number;
  mission_id: number;
  student_id: number;
  status: 'on_time' | 'late';
  submitted_at: Date;
  work_submitted_at: Date;
  link_url: string | null;
  note: string;
  file_name: string | null;
  file_size: number | null;
  resubmission_count: number;
  created: boolean;
  /** The file this handing-in replaced, to remove from storage after the commit. */
  replaced_file_key: string | null;
}

// Only an enrolled (not withdrawn) student hands in, and only to an assignment of their mission; the rest are
// left out (answered 404). The first handing-in is a new row (on time or late by the database's clock against the
// deadline) or work attached to a pasted record; a later one only until the deadline (the row is left as it was).
// `submitted_at` never moves, so neither does the status nor the points the ledger holds for it.
const HAND_IN_SQL = `
  WITH input AS (
    SELECT DISTINCT ON (student_id, assignment_id) *
    FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::text[], $9::text[], $10::text[], $11::text[])
      WITH ORDINALITY AS i(student_id, assignment_id, link_url, note, file_key, file_name, file_size, content_type, ip, user_agent, request_id, n)
    ORDER BY student_id, assignment_id, n DESC
  ), allowed AS (
    SELECT i.* FROM input i
    JOIN assignments a ON a.id = i.assignment_id
    JOIN mission_enrolments me ON me.student_id = i.student_id AND me.mission_id = a.mission_id AND me.status <> 'withdrawn'
  ), previous AS (
    SELECT s.student_id, s.assignment_id, s.file_key FROM submissions s JOIN allowed USING (student_id, assignment_id)
  ), written AS (
    INSERT INTO submissions AS s (assignment_id, mission_id, student_id, submitted_at, link_url, note, file_key, file_name, file_size, content_type, work_submitted_at, recorded_by)
    SELECT assignment_id, 0, student_id, now(), link_url, coalesce(note, ''), file_key, file_name, file_size, content_type, now(), student_id
    FROM allowed ORDER BY student_id, assignment_id
    ON CONFLICT (assignment_id, student_id) DO UPDATE SET
      link_url = coalesce(EXCLUDED.link_url, s.link_url),
      note = CASE WHEN EXCLUDED.note = '' THEN s.note ELSE EXCLUDED.note END,
      file_key = coalesce(EXCLUDED.file_key, s.file_key),
      file_name = CASE WHEN EXCLUDED.file_key IS NULL THEN s.file_name ELSE EXCLUDED.file_name END,
      file_size = CASE WHEN EXCLUDED.file_key IS NULL THEN s.file_size ELSE EXCLUDED.file_size END,
      content_type = CASE WHEN EXCLUDED.file_key IS NULL THEN s.content_type ELSE EXCLUDED.content_type END,
      work_submitted_at = now(),
      resubmission_count = s.resubmission_count + (s.work_submitted_at IS NOT NULL)::int
    WHERE s.work_submitted_at IS NULL OR now() <= (SELECT deadline FROM assignments WHERE id = s.assignment_id)
    RETURNING s.*, (xmax = 0) AS created
  ), audited AS (
    INSERT INTO audit_log (actor_user_id, actor_role, action, resource, record_id, after, ip, user_agent, request_id)
    SELECT w.student_id, 'student', CASE WHEN w.created THEN 'create' ELSE 'update' END, 'submissions', w.id::text,
           to_jsonb(w) - 'file_key' - 'created', i.ip, i.user_agent, i.request_id
    FROM written w JOIN allowed i USING (student_id, assignment_id)
  )
  SELECT w.id, w.assignment_id, w.mission_id, w.student_id, w.status, w.submitted_at, w.work_submitted_at, w.link_url, w.note,
         w.file_name, w.file_size, w.resubmission_count, w.created,
         CASE WHEN p.file_key IS DISTINCT FROM w.file_key THEN p.file_key END AS replaced_file_key
  FROM written w LEFT JOIN previous p USING (student_id, assignment_id)
  CROSS JOIN (SELECT set_config('synchronous_commit', 'off', true)) AS asynchronous_commit`;

const deadlinePassed = () =>
  new AppError(409, 'CONFLICT', 'The deadline has passed, so your submission stands as you handed it in.', { deadline_passed: true });

/**
 * Students hand in at a deadline all at once: the handings-in that arrive together are written as one statement
 * (rows, audit entries and, by trigger, points), committed asynchronously as attendance is (attendance-writer.ts
 * says why; a student whose acknowledged submission a database crash lost hands it in again). A batch broken by
 * one row is replayed row by row so each student gets their own answer.
 */
export function ownSubmissionWriter(knex: Knex): Batcher<HandIn, HandedIn> {
  const write = async (items: HandIn[]): Promise<(HandedIn | Error)[]> => {
    const column = <T>(pick: (item: HandIn) => T) => items.map(pick);
    const rows = await preparedQuery<HandedIn>(knex, 'own_submission_hand_in', HAND_IN_SQL, [
      column((s) => s.studentId),
      column((s) => s.assignmentId),
      column((s) => s.linkUrl),
      column((s) => s.note ?? ''),
      column((s) => s.file?.key ?? null),
      column((s) => s.file?.name ?? null),
      column((s) => s.file?.size ?? null),
      column((s) => s.file?.contentType ?? null),
      column((s) => s.ip),
      column((s) => s.userAgent),
      column((s) => s.requestId),
    ]);
    const byKey = new Map(rows.map((row) => [`${row.student_id}:${row.assignment_id}`, row]));
    const missing = items.filter((item) => !byKey.has(`${item.studentId}:${item.assignmentId}`));
    const visible = new Set<string>();
    if (missing.length > 0) {
      const { rows: found } = await knex.raw<{ rows: { key: string }[] }>(
        `SELECT i.student_id || ':' || i.assignment_id AS key
         FROM unnest(?::bigint[], ?::bigint[]) AS i(student_id, assignment_id)
         JOIN assignments a ON a.id = i.assignment_id
         JOIN mission_enrolments me ON me.student_id = i.student_id AND me.mission_id = a.mission_id AND me.status <> 'withdrawn'`,
        [missing.map((m) => m.studentId), missing.map((m) => m.assignmentId)],
      );
      for (const row of found) visible.add(row.key);
    }
    return items.map((item) => {
      const key = `${item.studentId}:${item.assignmentId}`;
      const row = byKey.get(key);
      if (row) return row;
      return visible.has(key) ? deadlinePassed() : errors.notFound('assignment');
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
