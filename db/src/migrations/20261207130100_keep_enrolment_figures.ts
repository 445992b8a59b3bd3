import type { Knex } from 'knex';
import { studentProgressView as firstStudentProgressView } from './20261127000800_create_outreach';

/**
 * Per-enrolment figures kept current by the database, so a student's standing is a few rows to read instead of
 * a year of attendance and ledger rows to add up on every request (the at-risk count over all active missions,
 * the low-performer report, a student's dashboard and rank).
 *
 * `enrolment_figures` holds, for each mission enrolment, what its raw rows add up to: attendance rows and the
 * latest day, points in the ledger, submissions on time and late. Statement-level triggers with transition tables
 * keep it (one UPDATE per statement, so a crowd's attendance batch stays one cheap statement); a new enrolment gets
 * its row from its own trigger. `enrolment_figures_recomputed` is the same figures from the raw rows, and
 * `recompute_enrolment_figures(mission)` rewrites the kept rows from it (after a bulk load with triggers off).
 *
 * `student_progress` reads the kept figures; what depends on the clock (days elapsed, deadlines passed, meetings
 * held, the mission's status by `mission_status_on`) is computed per mission, not per enrolment, and the few
 * submissions to assignments not yet due are looked up by index.
 */
const FIGURES_FROM_ROWS = (where: (alias: string) => string) => `
  SELECT me.mission_id, me.student_id,
         coalesce(att.n, 0)::int AS days_attended, att.first AS first_attended_on, att.last AS last_attended_on,
         coalesce(pts.points, 0)::int AS points,
         coalesce(sub.on_time, 0)::int AS submissions_on_time, coalesce(sub.late, 0)::int AS submissions_late,
         sub.latest AS latest_deadline_submitted
  FROM mission_enrolments me
  LEFT JOIN (SELECT student_id, mission_id, count(*) AS n, min(local_date) AS first, max(local_date) AS last FROM daily_attendance da ${where('da')} GROUP BY student_id, mission_id) att
    ON att.student_id = me.student_id AND att.mission_id = me.mission_id
  LEFT JOIN (SELECT student_id, mission_id, sum(points) AS points FROM points_ledger pl ${where('pl')} GROUP BY student_id, mission_id) pts
    ON pts.student_id = me.student_id AND pts.mission_id = me.mission_id
  LEFT JOIN (SELECT sb.student_id, sb.mission_id, count(*) FILTER (WHERE sb.status = 'on_time') AS on_time, count(*) FILTER (WHERE sb.status = 'late') AS late,
                    max(a.deadline) AS latest
             FROM submissions sb JOIN assignments a ON a.id = sb.assignment_id ${where('sb')} GROUP BY sb.student_id, sb.mission_id) sub
    ON sub.student_id = me.student_id AND sub.mission_id = me.mission_id
  ${where('me')}`;

const UPSERT = `
  INSERT INTO enrolment_figures AS f (mission_id, student_id, days_attended, first_attended_on, last_attended_on, points, submissions_on_time, submissions_late, latest_deadline_submitted)`;
const ON_CONFLICT = `
  ON CONFLICT (mission_id, student_id) DO UPDATE SET
    days_attended = EXCLUDED.days_attended, first_attended_on = EXCLUDED.first_attended_on, last_attended_on = EXCLUDED.last_attended_on, points = EXCLUDED.points,
    submissions_on_time = EXCLUDED.submissions_on_time, submissions_late = EXCLUDED.submissions_late,
    latest_deadline_submitted = EXCLUDED.latest_deadline_submitted
  WHERE (f.days_attended, f.first_attended_on, f.last_attended_on, f.points, f.submissions_on_time, f.submissions_late, f.latest_deadline_submitted)
    IS DISTINCT FROM (EXCLUDED.days_attended, EXCLUDED.first_attended_on, EXCLUDED.last_attended_on, EXCLUDED.points,
                      EXCLUDED.submissions_on_time, EXCLUDED.submissions_late, EXCLUDED.latest_deadline_submitted)`;

/** The latest deadline among the enrolments' submissions (those in \`keys\`), from the rows. */
const RELATEST = (keys: string) => `
      UPDATE enrolment_figures f SET latest_deadline_submitted = (
        SELECT max(a.deadline) FROM submissions sb JOIN assignments a ON a.id = sb.assignment_id
        WHERE sb.student_id = f.student_id AND sb.mission_id = f.mission_id)
      WHERE (f.mission_id, f.student_id) IN (${keys})`;

/** The attendance count and latest day of the enrolments in `keys`, from the rows (after a delete or a move). */
const RECOUNT_ATTENDANCE = (keys: string) => `
      UPDATE enrolment_figures f SET days_attended = fresh.n, first_attended_on = fresh.first, last_attended_on = fresh.last
      FROM (
        SELECT k.mission_id, k.student_id, count(da.id)::int AS n, min(da.local_date) AS first, max(da.local_date) AS last
        FROM (${keys}) k LEFT JOIN daily_attendance da ON da.student_id = k.student_id AND da.mission_id = k.mission_id
        GROUP BY k.mission_id, k.student_id
      ) fresh
      WHERE f.mission_id = fresh.mission_id AND f.student_id = fresh.student_id`;

/** Adds (sign 1) or takes away (sign -1) points and submissions of the rows in `rows`, grouped by enrolment. */
const SHIFT = (column: string, sum: string, rows: string) => `
      UPDATE enrolment_figures f SET ${column}
      FROM (SELECT mission_id, student_id, ${sum} FROM (${rows}) r GROUP BY mission_id, student_id) d
      WHERE f.mission_id = d.mission_id AND f.student_id = d.student_id`;

export const studentProgressView = `
    CREATE VIEW student_progress AS
    SELECT me.id, me.student_id, me.mission_id, me.batch_id, me.status AS enrolment_status,
           u.name AS student_name, u.email AS student_email, u.phone AS student_phone, s.status AS student_status,
           m.code AS mission_code, m.title AS mission_title, day.mission_status, b.code AS batch_code,
           e.days_elapsed, att.days_attended, f.last_attended_on, r.attendance_rate,
           pm.due AS assignments_due, asg.assignments_missed,
           coalesce(f.points, 0) AS points, pos.points_possible, r.progress,
           rr.risk_reasons,
           CASE cardinality(rr.risk_reasons) WHEN 0 THEN 'ok' WHEN 1 THEN 'medium' ELSE 'high' END AS risk
    FROM mission_enrolments me
    JOIN missions m ON m.id = me.mission_id
    -- The mission's batch (the enrolment's, by its foreign key): missions and batches join first, then enrolments.
    JOIN batches b ON b.id = m.batch_id
    CROSS JOIN LATERAL (
      SELECT (now() AT TIME ZONE b.timezone)::date AS today,
             mission_status_on(m.status, m.starts_on, m.ends_on, (now() AT TIME ZONE b.timezone)::date) AS mission_status
    ) day
    -- Left joins on unique keys: a count that does not show names or statuses skips them.
    LEFT JOIN users u ON u.id = me.student_id
    LEFT JOIN students s ON s.id = me.student_id
    LEFT JOIN enrolment_figures f ON f.mission_id = me.mission_id AND f.student_id = me.student_id
    -- Once per mission, whatever the student: deadlines passed (and the points they offered), assignments still
    -- open, meetings held for everyone, and whether any held meeting was for invitees only.
    CROSS JOIN LATERAL (
      SELECT asg.due, asg.due_points, asg.open_ids, mtg.held_all, mtg.any_invited
      FROM (SELECT count(*) FILTER (WHERE a.deadline < now())::int AS due,
                   coalesce(sum(coalesce(a.points_on_time, m.points_on_time)) FILTER (WHERE a.deadline < now()), 0)::int AS due_points,
                   coalesce(array_agg(a.id) FILTER (WHERE a.deadline >= now()), '{}') AS open_ids
            FROM assignments a WHERE a.mission_id = m.id) asg,
           (SELECT count(*) FILTER (WHERE NOT i.invited)::int AS held_all, coalesce(bool_or(i.invited), false) AS any_invited
            FROM meetings mt CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM meeting_invitees mi WHERE mi.meeting_id = mt.id) AS invited) i
            WHERE mt.mission_id = m.id AND mt.starts_at <= now()) mtg
    ) pm
    CROSS JOIN LATERAL (
      SELECT greatest(m.starts_on, (me.created_at AT TIME ZONE b.timezone)::date) AS from_day,
             least(day.today - 1, m.ends_on) AS to_day
    ) span
    CROSS JOIN LATERAL (SELECT greatest(0, span.to_day - span.from_day + 1)::int AS days_elapsed) e
    -- Attendance over the span (through yesterday), from the kept count when the kept first and last days say
    -- every row is inside it, or all but today's; rows dated outside (written around the API) are counted.
    CROSS JOIN LATERAL (
      SELECT CASE
        WHEN coalesce(f.days_attended, 0) = 0 THEN 0
        WHEN f.first_attended_on >= span.from_day AND f.last_attended_on <= span.to_day THEN f.days_attended
        WHEN f.first_attended_on >= span.from_day AND f.last_attended_on = day.today AND span.to_day = day.today - 1 THEN f.days_attended - 1
        ELSE (SELECT count(*) FROM daily_attendance da
              WHERE da.student_id = me.student_id AND da.mission_id = me.mission_id AND da.local_date BETWEEN span.from_day AND span.to_day)
      END::int AS days_attended
    ) att
    -- Missed = due - (submitted - submitted to assignments still open); the last term is looked up by index only
    -- when the mission has open assignments and the student has handed one in (their latest deadline is ahead).
    CROSS JOIN LATERAL (
      SELECT pm.due - coalesce(f.submissions_on_time, 0) - coalesce(f.submissions_late, 0) AS least_missed
    ) lm
    CROSS JOIN LATERAL (
      SELECT (lm.least_missed + CASE WHEN cardinality(pm.open_ids) = 0 OR NOT f.latest_deadline_submitted >= now() THEN 0 ELSE (
                SELECT count(*) FROM submissions sb WHERE sb.assignment_id = ANY (pm.open_ids) AND sb.student_id = me.student_id) END)::int
             AS assignments_missed
    ) asg
    CROSS JOIN LATERAL (
      SELECT (pm.held_all + CASE WHEN pm.any_invited THEN (
                SELECT count(*) FROM meeting_invitees i JOIN meetings mt ON mt.id = i.meeting_id
                WHERE i.student_id = me.student_id AND mt.mission_id = me.mission_id AND mt.starts_at <= now()) ELSE 0 END)::int AS held
    ) mtg
    CROSS JOIN LATERAL (SELECT (e.days_elapsed * m.points_attendance + mtg.held * m.points_meeting + pm.due_points)::int AS points_possible) pos
    CROSS JOIN LATERAL (
      SELECT CASE WHEN e.days_elapsed > 0 THEN round(att.days_attended::numeric / e.days_elapsed, 3) END AS attendance_rate,
             CASE WHEN pos.points_possible > 0 THEN round(least(1, coalesce(f.points, 0)::numeric / pos.points_possible), 3) END AS progress
    ) r
    CROSS JOIN LATERAL (
      SELECT array_remove(ARRAY[
        CASE WHEN r.attendance_rate < m.risk_attendance_rate THEN 'low_attendance' END,
        CASE WHEN asg.assignments_missed >= m.risk_missed_assignments THEN 'missed_assignments' END,
        CASE WHEN r.progress < m.risk_progress THEN 'low_points' END
      ], NULL) AS risk_reasons
    ) rr;
`;

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE enrolment_figures (
      mission_id bigint NOT NULL,
      student_id bigint NOT NULL,
      days_attended integer NOT NULL DEFAULT 0,
      first_attended_on date,
      last_attended_on date,
      points integer NOT NULL DEFAULT 0,
      submissions_on_time integer NOT NULL DEFAULT 0,
      submissions_late integer NOT NULL DEFAULT 0,
      -- While it is in the past, none of the student's submissions is to an assignment still open.
      latest_deadline_submitted timestamptz,
      PRIMARY KEY (mission_id, student_id),
      CONSTRAINT enrolment_figures_enrolment_fkey FOREIGN KEY (student_id, mission_id)
        REFERENCES mission_enrolments (student_id, mission_id) ON DELETE CASCADE ON UPDATE CASCADE
    ) WITH (fillfactor = 70); -- room on each page for in-place (HOT) updates: no other index changes with a count

    CREATE VIEW enrolment_figures_recomputed AS ${FIGURES_FROM_ROWS(() => '')};

    CREATE FUNCTION recompute_enrolment_figures(mission bigint) RETURNS integer LANGUAGE plpgsql AS $$
    DECLARE changed integer;
    BEGIN
      IF mission IS NULL THEN
        ${UPSERT} ${FIGURES_FROM_ROWS(() => '')} ${ON_CONFLICT};
      ELSE
        ${UPSERT} ${FIGURES_FROM_ROWS((alias) => `WHERE ${alias}.mission_id = mission`)} ${ON_CONFLICT};
      END IF;
      GET DIAGNOSTICS changed = ROW_COUNT;
      RETURN changed;
    END $$;

    -- A new enrolment starts from whatever rows it already has (none, as a rule).
    CREATE FUNCTION enrolment_figures_enrolled() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      ${UPSERT}
      SELECT e.mission_id, e.student_id,
             (SELECT count(*) FROM daily_attendance da WHERE da.student_id = e.student_id AND da.mission_id = e.mission_id),
             (SELECT min(local_date) FROM daily_attendance da WHERE da.student_id = e.student_id AND da.mission_id = e.mission_id),
             (SELECT max(local_date) FROM daily_attendance da WHERE da.student_id = e.student_id AND da.mission_id = e.mission_id),
             (SELECT coalesce(sum(points), 0) FROM points_ledger pl WHERE pl.student_id = e.student_id AND pl.mission_id = e.mission_id),
             (SELECT count(*) FROM submissions sb WHERE sb.student_id = e.student_id AND sb.mission_id = e.mission_id AND sb.status = 'on_time'),
             (SELECT count(*) FROM submissions sb WHERE sb.student_id = e.student_id AND sb.mission_id = e.mission_id AND sb.status = 'late'),
             (SELECT max(a.deadline) FROM submissions sb JOIN assignments a ON a.id = sb.assignment_id WHERE sb.student_id = e.student_id AND sb.mission_id = e.mission_id)
      FROM enrolled e
      ${ON_CONFLICT};
      RETURN NULL;
    END $$;
    CREATE TRIGGER mission_enrolments_figures AFTER INSERT ON mission_enrolments
      REFERENCING NEW TABLE AS enrolled FOR EACH STATEMENT EXECUTE FUNCTION enrolment_figures_enrolled();

    -- Attendance: a new day adds one (the common case, one UPDATE for the whole batch); a removed or moved day recounts.
    CREATE FUNCTION enrolment_figures_attendance_added() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE enrolment_figures f SET days_attended = f.days_attended + d.n,
        first_attended_on = least(f.first_attended_on, d.first), last_attended_on = greatest(f.last_attended_on, d.last)
      FROM (SELECT mission_id, student_id, count(*)::int AS n, min(local_date) AS first, max(local_date) AS last FROM added GROUP BY mission_id, student_id) d
      WHERE f.mission_id = d.mission_id AND f.student_id = d.student_id;
      RETURN NULL;
    END $$;
    CREATE TRIGGER daily_attendance_figures_added AFTER INSERT ON daily_attendance
      REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION enrolment_figures_attendance_added();

    CREATE FUNCTION enrolment_figures_attendance_removed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      ${RECOUNT_ATTENDANCE('SELECT DISTINCT mission_id, student_id FROM removed')};
      RETURN NULL;
    END $$;
    CREATE TRIGGER daily_attendance_figures_removed AFTER DELETE ON daily_attendance
      REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION enrolment_figures_attendance_removed();

    CREATE FUNCTION enrolment_figures_attendance_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      ${RECOUNT_ATTENDANCE('SELECT mission_id, student_id FROM removed UNION SELECT mission_id, student_id FROM added')};
      RETURN NULL;
    END $$;
    CREATE TRIGGER daily_attendance_figures_changed AFTER UPDATE ON daily_attendance
      REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION enrolment_figures_attendance_changed();

    -- Points: whatever the ledger gains, loses or has rewritten (awards, a rebuild after a rule change).
    CREATE FUNCTION enrolment_figures_points_added() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      ${SHIFT('points = f.points + d.p', 'sum(points)::int AS p', 'SELECT mission_id, student_id, points FROM added')};
      RETURN NULL;
    END $$;
    CREATE TRIGGER points_ledger_figures_added AFTER INSERT ON points_ledger
      REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION enrolment_figures_points_added();

    CREATE FUNCTION enrolment_figures_points_removed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      ${SHIFT('points = f.points - d.p', 'sum(points)::int AS p', 'SELECT mission_id, student_id, points FROM removed')};
      RETURN NULL;
    END $$;
    CREATE TRIGGER points_ledger_figures_removed AFTER DELETE ON points_ledger
      REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION enrolment_figures_points_removed();

    CREATE FUNCTION enrolment_figures_points_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      ${SHIFT(
        'points = f.points + d.p',
        'sum(points)::int AS p',
        'SELECT mission_id, student_id, points FROM added UNION ALL SELECT mission_id, student_id, -points FROM removed',
      )};
      RETURN NULL;
    END $$;
    CREATE TRIGGER points_ledger_figures_changed AFTER UPDATE ON points_ledger
      REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION enrolment_figures_points_changed();

    -- Submissions on time and late, likewise.
    CREATE FUNCTION enrolment_figures_submissions_added() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      ${SHIFT(
        'submissions_on_time = f.submissions_on_time + d.on_time, submissions_late = f.submissions_late + d.late, latest_deadline_submitted = greatest(f.latest_deadline_submitted, d.latest)',
        `count(*) FILTER (WHERE status = 'on_time')::int AS on_time, count(*) FILTER (WHERE status = 'late')::int AS late, max(deadline) AS latest`,
        'SELECT ad.mission_id, ad.student_id, ad.status, a.deadline FROM added ad JOIN assignments a ON a.id = ad.assignment_id',
      )};
      RETURN NULL;
    END $$;
    CREATE TRIGGER submissions_figures_added AFTER INSERT ON submissions
      REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION enrolment_figures_submissions_added();

    CREATE FUNCTION enrolment_figures_submissions_removed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      ${SHIFT(
        'submissions_on_time = f.submissions_on_time - d.on_time, submissions_late = f.submissions_late - d.late',
        `count(*) FILTER (WHERE status = 'on_time')::int AS on_time, count(*) FILTER (WHERE status = 'late')::int AS late`,
        'SELECT mission_id, student_id, status FROM removed',
      )};
      ${RELATEST('SELECT mission_id, student_id FROM removed')};
      RETURN NULL;
    END $$;
    CREATE TRIGGER submissions_figures_removed AFTER DELETE ON submissions
      REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION enrolment_figures_submissions_removed();

    CREATE FUNCTION enrolment_figures_submissions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      ${SHIFT(
        'submissions_on_time = f.submissions_on_time + d.on_time, submissions_late = f.submissions_late + d.late',
        `sum(CASE WHEN status = 'on_time' THEN sign ELSE 0 END)::int AS on_time, sum(CASE WHEN status = 'late' THEN sign ELSE 0 END)::int AS late`,
        'SELECT mission_id, student_id, status, 1 AS sign FROM added UNION ALL SELECT mission_id, student_id, status, -1 FROM removed',
      )};
      ${RELATEST('SELECT mission_id, student_id FROM removed UNION SELECT mission_id, student_id FROM added')};
      RETURN NULL;
    END $$;
    CREATE TRIGGER submissions_figures_changed AFTER UPDATE ON submissions
      REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION enrolment_figures_submissions_changed();

    -- A moved deadline moves the latest deadline its submitters handed in to.
    CREATE FUNCTION enrolment_figures_deadline_moved() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      ${RELATEST('SELECT sb.mission_id, sb.student_id FROM submissions sb WHERE sb.assignment_id IN (SELECT id FROM added)')};
      RETURN NULL;
    END $$;
    CREATE TRIGGER assignments_figures_deadline AFTER UPDATE ON assignments
      REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION enrolment_figures_deadline_moved();

    -- Every enrolment's figures from what is there now.
    ${UPSERT} ${FIGURES_FROM_ROWS(() => '')} ${ON_CONFLICT};

    DROP VIEW student_progress;
    ${studentProgressView}
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP VIEW student_progress;
    ${firstStudentProgressView}
    DROP TRIGGER submissions_figures_changed ON submissions;
    DROP TRIGGER submissions_figures_removed ON submissions;
    DROP TRIGGER submissions_figures_added ON submissions;
    DROP TRIGGER points_ledger_figures_changed ON points_ledger;
    DROP TRIGGER points_ledger_figures_removed ON points_ledger;
    DROP TRIGGER points_ledger_figures_added ON points_ledger;
    DROP TRIGGER daily_attendance_figures_changed ON daily_attendance;
    DROP TRIGGER daily_attendance_figures_removed ON daily_attendance;
    DROP TRIGGER daily_attendance_figures_added ON daily_attendance;
    DROP TRIGGER mission_enrolments_figures ON mission_enrolments;
    DROP TRIGGER assignments_figures_deadline ON assignments;
    DROP FUNCTION enrolment_figures_submissions_changed(), enrolment_figures_submissions_removed(), enrolment_figures_submissions_added(),
      enrolment_figures_points_changed(), enrolment_figures_points_removed(), enrolment_figures_points_added(),
      enrolment_figures_attendance_changed(), enrolment_figures_attendance_removed(), enrolment_figures_attendance_added(),
      enrolment_figures_enrolled(), enrolment_figures_deadline_moved(), recompute_enrolment_figures(bigint);
    DROP VIEW enrolment_figures_recomputed;
    DROP TABLE enrolment_figures;
  `);
}
