import type { Knex } from 'knex';

/** Raises a check violation carrying a constraint name the API maps to a sentence. */
const refuse = (constraint: string, message: string) =>
  `RAISE EXCEPTION '${message}' USING ERRCODE = 'check_violation', CONSTRAINT = '${constraint}'`;

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    -- Daily attendance: one per student per mission per local day of the batch.
    CREATE TABLE daily_attendance (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      student_id bigint NOT NULL,
      mission_id bigint NOT NULL,
      local_date date NOT NULL,
      submitted_at timestamptz NOT NULL DEFAULT now(),
      note text NOT NULL DEFAULT '',
      CONSTRAINT daily_attendance_once_a_day UNIQUE (student_id, mission_id, local_date),
      CONSTRAINT daily_attendance_enrolment_fkey FOREIGN KEY (student_id, mission_id)
        REFERENCES mission_enrolments (student_id, mission_id) ON DELETE CASCADE,
      CONSTRAINT daily_attendance_note_length CHECK (length(note) <= 2000)
    );
    CREATE INDEX daily_attendance_mission_date_idx ON daily_attendance (mission_id, local_date);
    CREATE INDEX daily_attendance_date_idx ON daily_attendance (local_date);

    -- The day is the batch's local date, computed here; and only an active student in an active mission may submit.
    CREATE FUNCTION daily_attendance_prepare() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      zone text;
      mission_status text;
      enrolment_status text;
      student_status text;
    BEGIN
      SELECT b.timezone, m.status INTO zone, mission_status
        FROM missions m JOIN batches b ON b.id = m.batch_id WHERE m.id = NEW.mission_id;
      SELECT status INTO enrolment_status FROM mission_enrolments WHERE student_id = NEW.student_id AND mission_id = NEW.mission_id;
      SELECT status INTO student_status FROM students WHERE id = NEW.student_id;
      IF enrolment_status IS NULL THEN
        RAISE EXCEPTION 'not enrolled' USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'daily_attendance_enrolment_fkey';
      END IF;
      IF mission_status <> 'active' THEN ${refuse('daily_attendance_mission_active', 'mission is not active')}; END IF;
      IF enrolment_status <> 'active' THEN ${refuse('daily_attendance_enrolment_active', 'enrolment is not active')}; END IF;
      IF student_status <> 'active' THEN ${refuse('daily_attendance_student_active', 'student is not active')}; END IF;
      NEW.local_date := (NEW.submitted_at AT TIME ZONE zone)::date;
      RETURN NEW;
    END $$;
    CREATE TRIGGER daily_attendance_prepare BEFORE INSERT OR UPDATE OF submitted_at, mission_id, student_id ON daily_attendance
      FOR EACH ROW EXECUTE FUNCTION daily_attendance_prepare();

    CREATE TABLE meetings (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      mission_id bigint NOT NULL REFERENCES missions (id) ON DELETE CASCADE,
      title text NOT NULL,
      starts_at timestamptz NOT NULL,
      duration_minutes integer NOT NULL DEFAULT 60,
      requires_code boolean NOT NULL DEFAULT false,
      code_secret text NOT NULL,
      created_by bigint NOT NULL REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT meetings_title_present CHECK (length(btrim(title)) BETWEEN 1 AND 200),
      CONSTRAINT meetings_duration_valid CHECK (duration_minutes BETWEEN 5 AND 600)
    );
    CREATE INDEX meetings_mission_starts_idx ON meetings (mission_id, starts_at);
    CREATE INDEX meetings_starts_at_idx ON meetings (starts_at);
    CREATE INDEX meetings_created_by_idx ON meetings (created_by);

    -- A meeting for a subset of the mission's students lists them here; no rows means everyone enrolled.
    CREATE TABLE meeting_invitees (
      meeting_id bigint NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
      student_id bigint NOT NULL REFERENCES students (id) ON DELETE CASCADE,
      PRIMARY KEY (meeting_id, student_id)
    );
    CREATE INDEX meeting_invitees_student_idx ON meeting_invitees (student_id);

    CREATE TABLE meeting_attendance (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      meeting_id bigint NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
      student_id bigint NOT NULL REFERENCES students (id) ON DELETE CASCADE,
      checked_in_at timestamptz NOT NULL DEFAULT now(),
      method text NOT NULL DEFAULT 'self',
      marked_by bigint REFERENCES users (id),
      note text,
      CONSTRAINT meeting_attendance_once UNIQUE (meeting_id, student_id),
      CONSTRAINT meeting_attendance_method_valid CHECK (method IN ('self', 'code', 'manual')),
      CONSTRAINT meeting_attendance_manual_has_marker CHECK (method <> 'manual' OR marked_by IS NOT NULL)
    );
    CREATE INDEX meeting_attendance_student_idx ON meeting_attendance (student_id);

    -- Self check-ins only inside the meeting's window (10 minutes early to the end); hand corrections any time.
    CREATE FUNCTION meeting_attendance_prepare() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      meeting meetings%ROWTYPE;
    BEGIN
      SELECT * INTO meeting FROM meetings WHERE id = NEW.meeting_id;
      IF NOT EXISTS (SELECT 1 FROM mission_enrolments WHERE student_id = NEW.student_id AND mission_id = meeting.mission_id) THEN
        ${refuse('meeting_attendance_enrolled', 'student not enrolled in the meeting mission')};
      END IF;
      IF EXISTS (SELECT 1 FROM meeting_invitees WHERE meeting_id = NEW.meeting_id)
         AND NOT EXISTS (SELECT 1 FROM meeting_invitees WHERE meeting_id = NEW.meeting_id AND student_id = NEW.student_id) THEN
        ${refuse('meeting_attendance_invited', 'student not invited')};
      END IF;
      IF NEW.method <> 'manual' AND (NEW.checked_in_at < meeting.starts_at - interval '10 minutes'
          OR NEW.checked_in_at > meeting.starts_at + make_interval(mins => meeting.duration_minutes)) THEN
        ${refuse('meeting_attendance_window', 'outside the meeting window')};
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER meeting_attendance_prepare BEFORE INSERT ON meeting_attendance
      FOR EACH ROW EXECUTE FUNCTION meeting_attendance_prepare();

    CREATE TABLE assignments (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      mission_id bigint NOT NULL REFERENCES missions (id) ON DELETE CASCADE,
      number integer NOT NULL,
      title text NOT NULL,
      deadline timestamptz NOT NULL,
      points_on_time integer,
      points_late integer,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT assignments_mission_number_key UNIQUE (mission_id, number),
      CONSTRAINT assignments_id_mission_key UNIQUE (id, mission_id),
      CONSTRAINT assignments_number_positive CHECK (number > 0),
      CONSTRAINT assignments_title_present CHECK (length(btrim(title)) BETWEEN 1 AND 200),
      CONSTRAINT assignments_points_valid CHECK (coalesce(points_on_time, 0) >= 0 AND coalesce(points_late, 0) >= 0)
    );
    CREATE INDEX assignments_deadline_idx ON assignments (deadline);

    -- Every pasted list is kept: who, when, what it matched and what it could not.
    CREATE TABLE submission_pastes (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      assignment_id bigint NOT NULL REFERENCES assignments (id) ON DELETE CASCADE,
      pasted_by bigint NOT NULL REFERENCES users (id),
      pasted_at timestamptz NOT NULL DEFAULT now(),
      taken_at timestamptz NOT NULL,
      email_count integer NOT NULL,
      duplicate_count integer NOT NULL DEFAULT 0,
      recorded_count integer NOT NULL,
      already_count integer NOT NULL,
      unknown_emails jsonb NOT NULL DEFAULT '[]'::jsonb,
      not_enrolled_emails jsonb NOT NULL DEFAULT '[]'::jsonb
    );
    CREATE INDEX submission_pastes_assignment_idx ON submission_pastes (assignment_id, pasted_at);

    CREATE TABLE submissions (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      assignment_id bigint NOT NULL,
      mission_id bigint NOT NULL,
      student_id bigint NOT NULL,
      submitted_at timestamptz NOT NULL,
      status text NOT NULL,
      grade numeric(6, 2),
      paste_id bigint REFERENCES submission_pastes (id) ON DELETE SET NULL,
      recorded_by bigint REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT submissions_once UNIQUE (assignment_id, student_id),
      CONSTRAINT submissions_assignment_fkey FOREIGN KEY (assignment_id, mission_id) REFERENCES assignments (id, mission_id) ON DELETE CASCADE,
      CONSTRAINT submissions_enrolment_fkey FOREIGN KEY (student_id, mission_id) REFERENCES mission_enrolments (student_id, mission_id) ON DELETE CASCADE,
      CONSTRAINT submissions_status_valid CHECK (status IN ('on_time', 'late')),
      CONSTRAINT submissions_grade_range CHECK (grade IS NULL OR grade BETWEEN 0 AND 100)
    );
    CREATE INDEX submissions_mission_student_idx ON submissions (mission_id, student_id);
    CREATE INDEX submissions_student_idx ON submissions (student_id);
    CREATE INDEX submissions_status_idx ON submissions (assignment_id, status);

    -- On time or late is a fact of the deadline, computed here, not sent by a client.
    CREATE FUNCTION submissions_prepare() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      due timestamptz;
    BEGIN
      SELECT deadline, mission_id INTO due, NEW.mission_id FROM assignments WHERE id = NEW.assignment_id;
      IF due IS NULL THEN
        RAISE EXCEPTION 'no assignment' USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'submissions_assignment_fkey';
      END IF;
      NEW.status := CASE WHEN NEW.submitted_at <= due THEN 'on_time' ELSE 'late' END;
      RETURN NEW;
    END $$;
    CREATE TRIGGER submissions_prepare BEFORE INSERT OR UPDATE OF submitted_at, assignment_id ON submissions
      FOR EACH ROW EXECUTE FUNCTION submissions_prepare();

    -- The points ledger: one row per award, tied to exactly one source and unique per source, so totals are
    -- explainable sums, removed with their source, and recomputable from the sources.
    CREATE TABLE points_ledger (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      student_id bigint NOT NULL REFERENCES students (id) ON DELETE CASCADE,
      mission_id bigint NOT NULL REFERENCES missions (id) ON DELETE CASCADE,
      points integer NOT NULL,
      reason text NOT NULL,
      attendance_id bigint UNIQUE REFERENCES daily_attendance (id) ON DELETE CASCADE,
      meeting_attendance_id bigint UNIQUE REFERENCES meeting_attendance (id) ON DELETE CASCADE,
      submission_id bigint UNIQUE REFERENCES submissions (id) ON DELETE CASCADE,
      awarded_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT points_ledger_one_source CHECK (num_nonnulls(attendance_id, meeting_attendance_id, submission_id) = 1),
      CONSTRAINT points_ledger_reason_valid CHECK (reason IN ('attendance', 'meeting', 'submission_on_time', 'submission_late')),
      CONSTRAINT points_ledger_points_valid CHECK (points >= 0)
    );
    CREATE INDEX points_ledger_mission_student_idx ON points_ledger (mission_id, student_id);
    CREATE INDEX points_ledger_student_idx ON points_ledger (student_id);

    -- Awards are written by the database in the source's own transaction, with the mission's current rules.
    CREATE FUNCTION award_attendance_points() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO points_ledger (student_id, mission_id, points, reason, attendance_id)
        SELECT NEW.student_id, NEW.mission_id, m.points_attendance, 'attendance', NEW.id FROM missions m WHERE m.id = NEW.mission_id;
      RETURN NULL;
    END $$;
    CREATE TRIGGER daily_attendance_award AFTER INSERT ON daily_attendance FOR EACH ROW EXECUTE FUNCTION award_attendance_points();

    CREATE FUNCTION award_meeting_points() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO points_ledger (student_id, mission_id, points, reason, meeting_attendance_id)
        SELECT NEW.student_id, m.id, m.points_meeting, 'meeting', NEW.id
        FROM meetings mt JOIN missions m ON m.id = mt.mission_id WHERE mt.id = NEW.meeting_id;
      RETURN NULL;
    END $$;
    CREATE TRIGGER meeting_attendance_award AFTER INSERT ON meeting_attendance FOR EACH ROW EXECUTE FUNCTION award_meeting_points();

    CREATE FUNCTION award_submission_points() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO points_ledger (student_id, mission_id, points, reason, submission_id)
        SELECT NEW.student_id, NEW.mission_id,
               CASE WHEN NEW.status = 'on_time' THEN coalesce(a.points_on_time, m.points_on_time) ELSE coalesce(a.points_late, m.points_late) END,
               'submission_' || NEW.status, NEW.id
        FROM assignments a JOIN missions m ON m.id = a.mission_id WHERE a.id = NEW.assignment_id
      ON CONFLICT (submission_id) DO UPDATE SET points = EXCLUDED.points, reason = EXCLUDED.reason;
      RETURN NULL;
    END $$;
    CREATE TRIGGER submissions_award AFTER INSERT OR UPDATE OF status ON submissions FOR EACH ROW EXECUTE FUNCTION award_submission_points();
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TABLE IF EXISTS points_ledger, submissions, submission_pastes, assignments,
      meeting_attendance, meeting_invitees, meetings, daily_attendance;
    DROP FUNCTION IF EXISTS award_attendance_points(), award_meeting_points(), award_submission_points(),
      submissions_prepare(), meeting_attendance_prepare(), daily_attendance_prepare();
  `);
}
