import type { Knex } from 'knex';

// Reports are views: the API serves them through the same list path as every resource (scoped, whitelisted
// filters and sorts, paging, CSV export), and they are always as fresh as the tables under them. Each computes
// per row with correlated subqueries, so a filter on a mission or batch only touches that mission's or batch's rows.
const FEEDBACK_JOIN = `
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS ratings, round(avg(f.rating), 2) AS average_rating
      FROM mentor_feedback f JOIN meetings fm ON fm.id = f.meeting_id
      WHERE f.mentor_id = mm.mentor_id AND fm.mission_id = mm.mission_id
    ) feedback`;

/**
 * Each mentor on each mission: mentees, meetings held and coming, tickets from their mentees and how fast the
 * first answer came (from any staff member), notes written; and, once students rate meetings, their ratings.
 */
export const mentorLoadView = (withFeedback: boolean) => `
    CREATE VIEW mentor_load AS
    SELECT mm.id, mm.mentor_id, u.name AS mentor_name, u.email AS mentor_email, mm.mission_id, m.batch_id,
           m.code AS mission_code, m.status AS mission_status, b.code AS batch_code, mm.capacity,
           mentees.n AS mentees,
           CASE WHEN mm.capacity > 0 THEN round(mentees.n::numeric / mm.capacity, 3) END AS load,
           meetings.held AS meetings_held, meetings.upcoming AS meetings_upcoming,
           tickets.received AS tickets_received, tickets.unanswered AS tickets_unanswered,
           tickets.first_response_hours,
           notes.n AS notes_written${withFeedback ? ', feedback.ratings, feedback.average_rating' : ''}
    FROM mission_mentors mm
    JOIN users u ON u.id = mm.mentor_id
    JOIN missions m ON m.id = mm.mission_id
    JOIN batches b ON b.id = m.batch_id
    CROSS JOIN LATERAL (SELECT count(*)::int AS n FROM mentor_pairings mp WHERE mp.mission_id = mm.mission_id AND mp.mentor_id = mm.mentor_id) mentees
    CROSS JOIN LATERAL (
      SELECT count(*) FILTER (WHERE mt.starts_at <= now())::int AS held, count(*) FILTER (WHERE mt.starts_at > now())::int AS upcoming
      FROM meetings mt WHERE mt.mission_id = mm.mission_id AND mt.created_by = mm.mentor_id
    ) meetings
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS received,
             count(*) FILTER (WHERE first_reply.at IS NULL AND tk.status <> 'closed')::int AS unanswered,
             round((extract(epoch FROM avg(first_reply.at - tk.created_at)) / 3600)::numeric, 1) AS first_response_hours
      FROM tickets tk
      JOIN mentor_pairings mp ON mp.mission_id = tk.mission_id AND mp.student_id = tk.student_id AND mp.mentor_id = mm.mentor_id
      LEFT JOIN LATERAL (
        SELECT min(tm.created_at) AS at FROM ticket_messages tm WHERE tm.ticket_id = tk.id AND tm.author_id <> tk.student_id
      ) first_reply ON true
      WHERE tk.recipient = 'mentor' AND tk.mission_id = mm.mission_id
    ) tickets
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS n FROM mentor_notes mn WHERE mn.author_id = mm.mentor_id AND mn.mission_id = mm.mission_id
    ) notes${withFeedback ? FEEDBACK_JOIN : ''};
`;

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    -- Daily attendance of a mission, one row per batch-local day from its start to today (or its end).
    CREATE VIEW mission_attendance_days AS
    SELECT (m.id * 100000 + (d.day - DATE '2000-01-01'))::bigint AS id,
           m.id AS mission_id, m.batch_id, m.code AS mission_code, m.title AS mission_title, m.status AS mission_status,
           b.code AS batch_code, d.day, d.day = t.today AS is_today,
           enrolled.n AS enrolled, attended.n AS attended,
           CASE WHEN enrolled.n > 0 THEN round(attended.n::numeric / enrolled.n, 3) END AS rate
    FROM missions m
    JOIN batches b ON b.id = m.batch_id
    CROSS JOIN LATERAL (SELECT (now() AT TIME ZONE b.timezone)::date AS today) t
    CROSS JOIN LATERAL (
      SELECT day::date FROM generate_series(m.starts_on, least(m.ends_on, t.today), interval '1 day') AS g(day)
    ) d
    -- Enrolled that day: enrolments (not withdrawn) made by the end of it.
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS n FROM mission_enrolments me
      WHERE me.mission_id = m.id AND me.status <> 'withdrawn' AND (me.created_at AT TIME ZONE b.timezone)::date <= d.day
    ) enrolled
    CROSS JOIN LATERAL (SELECT count(*)::int AS n FROM daily_attendance da WHERE da.mission_id = m.id AND da.local_date = d.day) attended;

    -- Each assignment: who submitted on time, late, or not at all (once the deadline has passed), and grades.
    CREATE VIEW assignment_report AS
    SELECT a.id, a.mission_id, m.batch_id, m.code AS mission_code, m.title AS mission_title, b.code AS batch_code, b.timezone,
           a.number, a.title, a.deadline, to_char(a.deadline AT TIME ZONE b.timezone, 'YYYY-MM-DD HH24:MI') AS deadline_local,
           a.deadline < now() AS deadline_passed,
           enrolled.n AS enrolled, s.on_time, s.late, s.on_time + s.late AS submitted,
           CASE WHEN a.deadline < now() THEN greatest(0, enrolled.n - s.on_time - s.late) END AS missing,
           CASE WHEN enrolled.n > 0 THEN round((s.on_time + s.late)::numeric / enrolled.n, 3) END AS submission_rate,
           s.graded, s.average_grade
    FROM assignments a
    JOIN missions m ON m.id = a.mission_id
    JOIN batches b ON b.id = m.batch_id
    CROSS JOIN LATERAL (SELECT count(*)::int AS n FROM mission_enrolments me WHERE me.mission_id = a.mission_id AND me.status = 'active') enrolled
    CROSS JOIN LATERAL (
      SELECT count(*) FILTER (WHERE sb.status = 'on_time')::int AS on_time,
             count(*) FILTER (WHERE sb.status = 'late')::int AS late,
             count(sb.grade)::int AS graded,
             round(avg(sb.grade), 2) AS average_grade
      FROM submissions sb WHERE sb.assignment_id = a.id
    ) s;

    ${mentorLoadView(false)}

  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP VIEW mentor_load;
    DROP VIEW assignment_report;
    DROP VIEW mission_attendance_days;
  `);
}
