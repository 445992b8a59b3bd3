import type { Knex } from 'knex';

/** Tables the history fills: their plain indexes are dropped before and built after, which is several times faster. */
const FILLED = ['daily_attendance', 'points_ledger', 'audit_log', 'meeting_attendance', 'submissions', 'notice_reads', 'calls', 'call_logs'];

/**
 * A pseudo-random fraction in [0, 1) from a number: reproducible (a regenerated data set is the same one) and
 * evaluated per row, where random() in a subquery may be evaluated once.
 */
const chance = (expression: string) => `((hashint8(${expression}) & 65535) / 65536.0)`;

/** One student in nine is slipping: present one day in three, at few meetings, missing most assignments. */
const SLIPPING = (student: string) => `(${student} % 9 = 0)`;

export interface HistoryCounts {
  [table: string]: number;
}

/**
 * A year of a school's life for the cohorts generated under `prefix` (their missions dated in the past), in
 * set-based SQL: daily attendance for every day of every mission up to yesterday (about 80% present, one student in
 * nine slipping), weekly meetings with check-ins, weekly assignments with on-time, late and missing submissions, the
 * points ledger those imply, notices with reads and acknowledgements, and monthly call lists with their calls and
 * call logs, with the audit entries the API would have written for attendance.
 *
 * Rows are written as the triggers would have written them (local day, on-time status, awards), with the triggers
 * and foreign-key checks off for the load (session_replication_role = replica, which needs a superuser) and plain
 * indexes built afterwards; kept-current figures are then recomputed from the rows by the database's own function.
 */
export async function generateYearOfHistory(knex: Knex, shape: { prefix: string; log?: (line: string) => void }): Promise<HistoryCounts> {
  const log = shape.log ?? (() => {});
  const bindings = { prefix: shape.prefix, like: `${shape.prefix}-B%`, staff: `${shape.prefix.toLowerCase()}.` };
  const counts: HistoryCounts = {};
  // Staff who wrote notices and made calls: a manager and ten SREs.
  await knex.raw(
    `INSERT INTO users (email, name, role, email_verified_at, phone)
     SELECT :staff || 'manager@example.org', 'Manager ' || :prefix, 'manager', now(), NULL
     UNION ALL
     SELECT :staff || 'sre.' || i || '@example.org', 'SRE ' || i || ' ' || :prefix, 'sre', now(), '+88016' || lpad(i::text, 8, '0')
     FROM generate_series(1, 10) i`,
    bindings,
  );
  await knex.transaction(async (trx) => {
    await trx.raw(`SET LOCAL session_replication_role = replica`);
    await trx.raw(`SET LOCAL synchronous_commit = off`);
    const { rows: indexes } = await trx.raw(
      `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
       WHERE t.relname = ANY(:tables) AND NOT i.indisprimary
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
      { tables: FILLED },
    );
    for (const index of indexes as { name: string }[]) await trx.raw(`DROP INDEX ${index.name}`);

    const step = async (label: string, sql: string) => {
      const started = Date.now();
      const result = await trx.raw(sql, bindings);
      counts[label] = (counts[label] ?? 0) + (result.rowCount ?? 0);
      log(`  ${label}: ${(result.rowCount ?? 0).toLocaleString('en-US')} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    };
    const cohort = `missions m JOIN batches b ON b.id = m.batch_id AND b.code LIKE :like`;

    await step(
      'daily_attendance',
      `INSERT INTO daily_attendance (student_id, mission_id, local_date, submitted_at, note)
       SELECT me.student_id, me.mission_id, d.day,
              (d.day + time '08:00' + ${chance('me.id * 1000 + (d.day - m.starts_on)')} * interval '15 hours') AT TIME ZONE b.timezone,
              CASE WHEN (me.student_id + (d.day - m.starts_on)) % 5 = 0 THEN 'Worked through the day''s material' ELSE '' END
       FROM ${cohort}
       JOIN mission_enrolments me ON me.mission_id = m.id
       CROSS JOIN LATERAL (
         SELECT g::date AS day FROM generate_series(m.starts_on, least(m.ends_on, (now() AT TIME ZONE b.timezone)::date - 1), interval '1 day') g
       ) d
       WHERE ${chance('me.id * 1000 + (d.day - m.starts_on) + 7')} < CASE WHEN ${SLIPPING('me.student_id')} THEN 0.33 ELSE 0.87 END`,
    );
    await step(
      'points_ledger',
      `INSERT INTO points_ledger (student_id, mission_id, points, reason, attendance_id, awarded_at)
       SELECT da.student_id, da.mission_id, m.points_attendance, 'attendance', da.id, da.submitted_at
       FROM ${cohort} JOIN daily_attendance da ON da.mission_id = m.id`,
    );
    await step(
      'audit_log',
      `INSERT INTO audit_log (actor_user_id, actor_role, action, resource, record_id, after, at)
       SELECT da.student_id, 'student', 'create', 'daily_attendance', da.id::text, to_jsonb(da), da.submitted_at
       FROM ${cohort} JOIN daily_attendance da ON da.mission_id = m.id`,
    );

    // A live session each week of a mission, at 20:00 the batch's time, held by one of its mentors.
    await step(
      'meetings',
      `INSERT INTO meetings (mission_id, title, starts_at, duration_minutes, code_secret, created_by, created_at)
       SELECT m.id, 'Week ' || w || ' live session', ((m.starts_on + (w - 1) * 7 + 3) + time '20:00') AT TIME ZONE b.timezone, 60,
              md5(m.id::text || '-' || w), mentor.id, (m.starts_on::timestamp AT TIME ZONE b.timezone)
       FROM ${cohort}
       CROSS JOIN LATERAL (SELECT min(mm.mentor_id) AS id FROM mission_mentors mm WHERE mm.mission_id = m.id) mentor
       CROSS JOIN generate_series(1, 10) w
       WHERE m.starts_on + (w - 1) * 7 + 3 <= m.ends_on AND mentor.id IS NOT NULL`,
    );
    await step(
      'meeting_attendance',
      `INSERT INTO meeting_attendance (meeting_id, student_id, checked_in_at, method)
       SELECT mt.id, me.student_id, mt.starts_at + ${chance('mt.id * 100000 + me.student_id')} * interval '40 minutes', 'self'
       FROM ${cohort} JOIN meetings mt ON mt.mission_id = m.id JOIN mission_enrolments me ON me.mission_id = m.id
       WHERE mt.starts_at + interval '1 hour' < now()
         AND ${chance('mt.id * 100000 + me.student_id + 3')} < CASE WHEN ${SLIPPING('me.student_id')} THEN 0.2 ELSE 0.7 END`,
    );
    await step(
      'points_ledger',
      `INSERT INTO points_ledger (student_id, mission_id, points, reason, meeting_attendance_id, awarded_at)
       SELECT ma.student_id, m.id, m.points_meeting, 'meeting', ma.id, ma.checked_in_at
       FROM ${cohort} JOIN meetings mt ON mt.mission_id = m.id JOIN meeting_attendance ma ON ma.meeting_id = mt.id`,
    );

    // An assignment due each week, Saturday 23:59 the batch's time; nine in ten submit (most on time), the slipping few.
    await step(
      'assignments',
      `INSERT INTO assignments (mission_id, number, title, deadline, created_at)
       SELECT m.id, n, 'Assignment ' || n, ((m.starts_on + n * 7 - 1) + time '23:59') AT TIME ZONE b.timezone, m.starts_on::timestamp AT TIME ZONE b.timezone
       FROM ${cohort} CROSS JOIN generate_series(1, 9) n
       WHERE m.starts_on + n * 7 - 1 <= m.ends_on`,
    );
    await step(
      'submissions',
      `INSERT INTO submissions (assignment_id, mission_id, student_id, submitted_at, status, grade, created_at)
       SELECT a.id, a.mission_id, me.student_id, s.at, CASE WHEN s.at <= a.deadline THEN 'on_time' ELSE 'late' END,
              CASE WHEN s.r < 0.6 THEN round(40 + 60 * s.r / 0.6) END, s.at
       FROM ${cohort} JOIN assignments a ON a.mission_id = m.id JOIN mission_enrolments me ON me.mission_id = m.id
       CROSS JOIN LATERAL (SELECT ${chance('a.id * 100000 + me.student_id + 11')} AS r) s0
       CROSS JOIN LATERAL (
         SELECT s0.r AS r, a.deadline + CASE WHEN s0.r < 0.85 THEN -(s0.r / 0.85) * interval '5 days' ELSE ((s0.r - 0.85) / 0.15) * interval '4 days' END AS at
       ) s
       WHERE a.deadline < now() AND s.at < now()
         AND ${chance('a.id * 100000 + me.student_id + 5')} < CASE WHEN ${SLIPPING('me.student_id')} THEN 0.4 ELSE 0.92 END`,
    );
    await step(
      'points_ledger',
      `INSERT INTO points_ledger (student_id, mission_id, points, reason, submission_id, awarded_at)
       SELECT sb.student_id, sb.mission_id,
              CASE WHEN sb.status = 'on_time' THEN coalesce(a.points_on_time, m.points_on_time) ELSE coalesce(a.points_late, m.points_late) END,
              'submission_' || sb.status, sb.id, sb.submitted_at
       FROM ${cohort} JOIN assignments a ON a.mission_id = m.id JOIN submissions sb ON sb.assignment_id = a.id`,
    );

    // A notice to each batch every week (every fourth to acknowledge), and one to everyone each month.
    await step(
      'notices',
      `INSERT INTO notices (title, body_md, body_html, audience, batch_id, requires_ack, publish_at, created_by, created_at, updated_at)
       SELECT 'Week ' || w || ' notes for ' || b.code, 'This week: see the mission page.', '<p>This week: see the mission page.</p>', 'batch', b.id,
              w % 4 = 0, at, (SELECT id FROM users WHERE email = :staff || 'manager@example.org'), at, at
       FROM batches b CROSS JOIN generate_series(0, 60) w
       CROSS JOIN LATERAL (SELECT (b.starts_on + w * 7 + time '10:00') AT TIME ZONE b.timezone AS at) t
       WHERE b.code LIKE :like AND t.at < now()`,
    );
    await step(
      'notices',
      `INSERT INTO notices (title, body_md, body_html, audience, requires_ack, publish_at, created_by, created_at, updated_at)
       SELECT 'School news, month ' || k, 'What changed at the school this month.', '<p>What changed at the school this month.</p>', 'everyone',
              true, at, (SELECT id FROM users WHERE email = :staff || 'manager@example.org'), at, at
       FROM generate_series(1, 12) k CROSS JOIN LATERAL (SELECT now() - make_interval(days => 30 * k) AS at) t`,
    );
    await step(
      'notice_reads',
      `INSERT INTO notice_reads (notice_id, student_id, read_at, acknowledged_at)
       SELECT n.id, be.student_id, r.at, CASE WHEN n.requires_ack AND r.p < 0.6 THEN r.at + interval '2 minutes' END
       FROM notices n
       JOIN batches b ON (n.batch_id = b.id OR n.audience = 'everyone') AND b.code LIKE :like
       JOIN batch_enrolments be ON be.batch_id = b.id
       CROSS JOIN LATERAL (SELECT ${chance('n.id * 100000 + be.student_id')} AS p) r0
       CROSS JOIN LATERAL (SELECT r0.p AS p, n.publish_at + r0.p * interval '3 days' AS at) r
       WHERE n.created_by = (SELECT id FROM users WHERE email = :staff || 'manager@example.org')
         AND r.p < CASE WHEN ${SLIPPING('be.student_id')} THEN 0.3 ELSE 0.75 END AND r.at < now()`,
    );

    // Each month the SREs phone each batch's slipping students: a list, its calls (done once reached) and their logs.
    await step(
      'call_lists',
      `INSERT INTO call_lists (title, batch_id, criteria, created_by, created_at)
       SELECT 'Low performers ' || b.code || ', month ' || k, b.id, '{"risk":["high","medium"]}'::jsonb,
              (SELECT id FROM users WHERE email = :staff || 'manager@example.org'), (b.starts_on + k * 30 + time '09:00') AT TIME ZONE b.timezone
       FROM batches b CROSS JOIN generate_series(1, 12) k
       WHERE b.code LIKE :like AND (b.starts_on + k * 30 + time '09:00') AT TIME ZONE b.timezone < now()`,
    );
    await step(
      'calls',
      `INSERT INTO calls (call_list_id, student_id, assigned_to, assigned_role, reasons, status, due_on, attempts, last_outcome, last_called_at, created_at)
       SELECT cl.id, be.student_id, sre.id, 'sre', '{low_attendance,low_points}', CASE WHEN o.p < 0.8 THEN 'done' ELSE 'open' END,
              (cl.created_at AT TIME ZONE 'Asia/Dhaka')::date + 1, 1 + (o.p * 3)::int,
              CASE WHEN o.p < 0.8 THEN 'picked' ELSE 'no_answer' END, cl.created_at + interval '1 day', cl.created_at
       FROM call_lists cl JOIN batches b ON b.id = cl.batch_id AND b.code LIKE :like
       JOIN batch_enrolments be ON be.batch_id = b.id AND ${SLIPPING('be.student_id')}
       CROSS JOIN LATERAL (SELECT ${chance('cl.id * 100000 + be.student_id')} AS p) o
       JOIN LATERAL (
         SELECT u.id FROM users u WHERE u.email = :staff || 'sre.' || (1 + be.student_id % 10) || '@example.org'
       ) sre ON true`,
    );
    await step(
      'call_logs',
      `INSERT INTO call_logs (call_id, student_id, caller_id, outcome, notes, called_at)
       SELECT c.id, c.student_id, c.assigned_to, CASE WHEN k = c.attempts AND c.status = 'done' THEN 'picked' ELSE 'no_answer' END,
              CASE WHEN k = c.attempts AND c.status = 'done' THEN 'Talked it through; agreed a time to check in each day.' ELSE '' END,
              c.created_at + make_interval(days => k)
       FROM calls c JOIN call_lists cl ON cl.id = c.call_list_id JOIN batches b ON b.id = cl.batch_id AND b.code LIKE :like
       CROSS JOIN generate_series(1, 4) k WHERE k <= c.attempts`,
    );

    for (const index of indexes as { name: string; definition: string }[]) {
      const started = Date.now();
      await trx.raw(index.definition);
      log(`  index ${index.name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    // Kept-current figures follow the rows just written, as the triggers would have kept them.
    const { rows: recompute } = await trx.raw(`SELECT to_regproc('recompute_enrolment_figures') IS NOT NULL AS present`);
    if (recompute[0].present) {
      const started = Date.now();
      await trx.raw(`SELECT recompute_enrolment_figures(NULL)`);
      log(`  kept-current figures recomputed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  });
  return counts;
}
