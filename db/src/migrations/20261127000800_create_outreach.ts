import type { Knex } from 'knex';

export const RISK_REASONS = ['low_attendance', 'missed_assignments', 'low_points', 'other'] as const;
export const CALL_OUTCOMES = ['picked', 'no_answer', 'phone_off', 'busy', 'wrong_number', 'reschedule'] as const;

const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

/** The view as first made; 20261207130100_keep_enrolment_figures replaces it (and puts it back on the way down). */
export const studentProgressView = `
    CREATE VIEW student_progress AS
    SELECT me.id, me.student_id, me.mission_id, me.batch_id, me.status AS enrolment_status,
           u.name AS student_name, u.email AS student_email, u.phone AS student_phone, s.status AS student_status,
           m.code AS mission_code, m.title AS mission_title, m.status AS mission_status, b.code AS batch_code,
           e.days_elapsed, att.days_attended, att.last_attended_on, r.attendance_rate,
           asg.assignments_due, asg.assignments_missed,
           pts.points, pos.points_possible, r.progress,
           rr.risk_reasons,
           CASE cardinality(rr.risk_reasons) WHEN 0 THEN 'ok' WHEN 1 THEN 'medium' ELSE 'high' END AS risk
    FROM mission_enrolments me
    JOIN missions m ON m.id = me.mission_id
    JOIN batches b ON b.id = me.batch_id
    JOIN users u ON u.id = me.student_id
    JOIN students s ON s.id = me.student_id
    CROSS JOIN LATERAL (
      SELECT greatest(m.starts_on, (me.created_at AT TIME ZONE b.timezone)::date) AS from_day,
             least((now() AT TIME ZONE b.timezone)::date - 1, m.ends_on) AS to_day
    ) span
    CROSS JOIN LATERAL (SELECT greatest(0, span.to_day - span.from_day + 1)::int AS days_elapsed) e
    CROSS JOIN LATERAL (
      SELECT count(*) FILTER (WHERE da.local_date BETWEEN span.from_day AND span.to_day)::int AS days_attended,
             max(da.local_date) AS last_attended_on
      FROM daily_attendance da WHERE da.student_id = me.student_id AND da.mission_id = me.mission_id
    ) att
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS assignments_due,
             count(*) FILTER (WHERE NOT EXISTS (
               SELECT 1 FROM submissions sb WHERE sb.assignment_id = a.id AND sb.student_id = me.student_id))::int AS assignments_missed,
             coalesce(sum(coalesce(a.points_on_time, m.points_on_time)), 0)::int AS points
      FROM assignments a WHERE a.mission_id = me.mission_id AND a.deadline < now()
    ) asg
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS held FROM meetings mt
      WHERE mt.mission_id = me.mission_id AND mt.starts_at <= now()
        AND (NOT EXISTS (SELECT 1 FROM meeting_invitees i WHERE i.meeting_id = mt.id)
             OR EXISTS (SELECT 1 FROM meeting_invitees i WHERE i.meeting_id = mt.id AND i.student_id = me.student_id))
    ) mtg
    CROSS JOIN LATERAL (
      SELECT coalesce(sum(l.points), 0)::int AS points FROM points_ledger l WHERE l.mission_id = me.mission_id AND l.student_id = me.student_id
    ) pts
    CROSS JOIN LATERAL (SELECT (e.days_elapsed * m.points_attendance + mtg.held * m.points_meeting + asg.points)::int AS points_possible) pos
    CROSS JOIN LATERAL (
      SELECT CASE WHEN e.days_elapsed > 0 THEN round(att.days_attended::numeric / e.days_elapsed, 3) END AS attendance_rate,
             CASE WHEN pos.points_possible > 0 THEN round(least(1, pts.points::numeric / pos.points_possible), 3) END AS progress
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
    -- When a student counts as slipping in a mission; managers tune these like the point rules.
    ALTER TABLE missions
      ADD COLUMN risk_attendance_rate numeric(4, 3) NOT NULL DEFAULT 0.6,
      ADD COLUMN risk_missed_assignments integer NOT NULL DEFAULT 2,
      ADD COLUMN risk_progress numeric(4, 3) NOT NULL DEFAULT 0.5,
      ADD CONSTRAINT missions_risk_thresholds_valid CHECK (
        risk_attendance_rate BETWEEN 0 AND 1 AND risk_missed_assignments >= 1 AND risk_progress BETWEEN 0 AND 1);

    -- One row per mission enrolment: attendance over the complete local days since the student joined the
    -- mission (today is still open), assignments missed, points against points possible so far, and the risk
    -- those give against the mission's thresholds. Correlated per enrolment, so a filter on a mission or a
    -- batch only computes that mission's or batch's rows.
    ${studentProgressView}

    -- What to say when calling about each reason; SREs and managers edit them.
    CREATE TABLE call_scripts (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      reason text NOT NULL,
      title text NOT NULL,
      body text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT call_scripts_reason_key UNIQUE (reason),
      CONSTRAINT call_scripts_reason_valid CHECK (reason IN (${list(RISK_REASONS)})),
      CONSTRAINT call_scripts_title_present CHECK (length(btrim(title)) BETWEEN 1 AND 200),
      CONSTRAINT call_scripts_body_length CHECK (length(body) BETWEEN 1 AND 10000)
    );
    CREATE TRIGGER call_scripts_touch_updated_at BEFORE UPDATE ON call_scripts FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
    INSERT INTO call_scripts (reason, title, body) VALUES
      ('low_attendance', 'Missing daily attendance',
       E'Introduce yourself from the school. Ask how the mission is going and whether anything keeps them from checking in each day (time, internet, health, the material).\\nRemind them that daily attendance takes a minute in the portal and counts towards their points.\\nAgree on a time of day they will submit, and offer their mentor''s help if they are stuck.'),
      ('missed_assignments', 'Missed assignments',
       E'Ask which assignment was hard to finish and why. Point them to the next deadline in the portal''s assignment tracker.\\nOffer a session with their mentor, and note any blocker (material, time, device) for the mentor.'),
      ('low_points', 'Falling behind on points',
       E'Explain where their points come from (attendance, meetings, assignments) and where they lost them; the portal''s points page lists every award.\\nAgree on one concrete step for this week.'),
      ('other', 'General check-in',
       E'Ask how they are doing with the course and whether they need anything from the school. Note what they say for their mentor.');

    -- A list of students to phone, made from the low-performer report or by hand, split among SREs.
    CREATE TABLE call_lists (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      title text NOT NULL,
      batch_id bigint REFERENCES batches (id) ON DELETE CASCADE,
      mission_id bigint REFERENCES missions (id) ON DELETE CASCADE,
      criteria jsonb NOT NULL DEFAULT '{}'::jsonb,
      created_by bigint NOT NULL REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT call_lists_title_present CHECK (length(btrim(title)) BETWEEN 1 AND 200),
      CONSTRAINT call_lists_criteria_object CHECK (jsonb_typeof(criteria) = 'object')
    );
    CREATE INDEX call_lists_created_at_idx ON call_lists (created_at);
    CREATE INDEX call_lists_batch_idx ON call_lists (batch_id);
    CREATE INDEX call_lists_mission_idx ON call_lists (mission_id);

    -- One student to phone on a list, assigned to an SRE; open until reached, due again after a missed call.
    CREATE TABLE calls (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      call_list_id bigint NOT NULL REFERENCES call_lists (id) ON DELETE CASCADE,
      student_id bigint NOT NULL REFERENCES students (id) ON DELETE CASCADE,
      assigned_to bigint NOT NULL,
      assigned_role text NOT NULL DEFAULT 'sre',
      reasons text[] NOT NULL DEFAULT '{}',
      status text NOT NULL DEFAULT 'open',
      due_on date NOT NULL,
      attempts integer NOT NULL DEFAULT 0,
      last_outcome text,
      last_called_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT calls_list_student_key UNIQUE (call_list_id, student_id),
      CONSTRAINT calls_id_student_key UNIQUE (id, student_id),
      CONSTRAINT calls_assignee_fkey FOREIGN KEY (assigned_to, assigned_role) REFERENCES users (id, role),
      CONSTRAINT calls_assignee_sre CHECK (assigned_role = 'sre'),
      CONSTRAINT calls_reasons_valid CHECK (reasons <@ ARRAY[${list(RISK_REASONS)}]::text[]),
      CONSTRAINT calls_status_valid CHECK (status IN ('open', 'done')),
      CONSTRAINT calls_last_outcome_valid CHECK (last_outcome IS NULL OR last_outcome IN (${list(CALL_OUTCOMES)}))
    );
    CREATE INDEX calls_queue_idx ON calls (assigned_to, status, due_on);

    -- Call dates are days of the SRE who makes the call: a new call is due today in their time zone.
    CREATE FUNCTION calls_default_due() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.due_on IS NULL THEN
        SELECT (now() AT TIME ZONE timezone)::date INTO NEW.due_on FROM users WHERE id = NEW.assigned_to;
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER calls_default_due BEFORE INSERT ON calls FOR EACH ROW EXECUTE FUNCTION calls_default_due();
    CREATE INDEX calls_status_due_idx ON calls (status, due_on);
    CREATE INDEX calls_student_idx ON calls (student_id);

    -- Every call made: outcome, notes, and when to try again.
    CREATE TABLE call_logs (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      call_id bigint,
      student_id bigint NOT NULL REFERENCES students (id) ON DELETE CASCADE,
      caller_id bigint NOT NULL REFERENCES users (id),
      outcome text NOT NULL,
      notes text NOT NULL DEFAULT '',
      follow_up_on date,
      called_at timestamptz NOT NULL DEFAULT now(),
      -- A log of a listed call is about that call's student; deleting the list keeps the log.
      CONSTRAINT call_logs_call_fkey FOREIGN KEY (call_id, student_id) REFERENCES calls (id, student_id) ON DELETE SET NULL (call_id),
      CONSTRAINT call_logs_outcome_valid CHECK (outcome IN (${list(CALL_OUTCOMES)})),
      CONSTRAINT call_logs_notes_length CHECK (length(notes) <= 5000),
      CONSTRAINT call_logs_reschedule_dated CHECK (outcome <> 'reschedule' OR follow_up_on IS NOT NULL)
    );
    CREATE INDEX call_logs_student_idx ON call_logs (student_id, called_at);
    CREATE INDEX call_logs_caller_idx ON call_logs (caller_id, called_at);
    CREATE INDEX call_logs_call_idx ON call_logs (call_id);
    CREATE INDEX call_logs_follow_up_idx ON call_logs (follow_up_on) WHERE follow_up_on IS NOT NULL;

    -- A logged call moves its list entry on: a follow-up date makes it due then; reaching the student (or
    -- learning the number is wrong) closes it; any other outcome makes it due again the next day (the assigned
    -- SRE's day).
    CREATE FUNCTION call_logs_advance_call() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      zone text;
    BEGIN
      IF NEW.call_id IS NULL THEN RETURN NULL; END IF;
      SELECT u.timezone INTO zone FROM calls c JOIN users u ON u.id = c.assigned_to WHERE c.id = NEW.call_id;
      UPDATE calls SET
        attempts = attempts + 1,
        last_outcome = NEW.outcome,
        last_called_at = NEW.called_at,
        status = CASE WHEN NEW.follow_up_on IS NOT NULL THEN 'open' WHEN NEW.outcome IN ('picked', 'wrong_number') THEN 'done' ELSE 'open' END,
        due_on = CASE WHEN NEW.follow_up_on IS NOT NULL THEN NEW.follow_up_on
                      WHEN NEW.outcome IN ('picked', 'wrong_number') THEN due_on
                      ELSE (NEW.called_at AT TIME ZONE zone)::date + 1 END
      WHERE id = NEW.call_id;
      RETURN NULL;
    END $$;
    CREATE TRIGGER call_logs_advance_call AFTER INSERT ON call_logs FOR EACH ROW EXECUTE FUNCTION call_logs_advance_call();
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TABLE call_logs;
    DROP FUNCTION call_logs_advance_call();
    DROP TABLE calls;
    DROP FUNCTION calls_default_due();
    DROP TABLE call_lists;
    DROP TABLE call_scripts;
    DROP VIEW student_progress;
    ALTER TABLE missions DROP CONSTRAINT missions_risk_thresholds_valid,
      DROP COLUMN risk_attendance_rate, DROP COLUMN risk_missed_assignments, DROP COLUMN risk_progress;
  `);
}
