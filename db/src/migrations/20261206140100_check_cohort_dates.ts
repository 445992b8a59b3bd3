import type { Knex } from 'knex';

/**
 * Dates are checked against their parents, and a batch's or mission's status follows from its dates.
 * - A mission runs inside its batch's dates; an assignment is due within its mission's dates (its deadline's
 *   day in the batch's zone). Checked by constraint triggers on both sides (moving a batch's or mission's
 *   dates cannot leave a child outside), each failure under its own constraint name for a clear message.
 * - Status: planned/upcoming before the start day, active until the end day, completed after it, in the
 *   batch's zone; only an explicit state (archived, cancelled) overrides the dates. `batch_status_on` and
 *   `mission_status_on` are the rule; the stored column is set by it on every write and refreshed by
 *   `refresh_cohort_statuses()` (run every minute by the API) as days turn over, and the attendance check
 *   applies the rule itself, so a mission opens for check-ins at its first local midnight exactly.
 */
/** The attendance check (as in 20261127000700_awards_per_statement) with the mission's status read by `missionStatus`. */
const attendancePrepare = (missionStatus: string) => `
    CREATE OR REPLACE FUNCTION daily_attendance_prepare() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      zone text;
      mission_status text;
      enrolment_status text;
      student_status text;
    BEGIN
      SELECT b.timezone, ${missionStatus}, me.status, s.status
        INTO zone, mission_status, enrolment_status, student_status
        FROM missions m
        JOIN batches b ON b.id = m.batch_id
        LEFT JOIN mission_enrolments me ON me.mission_id = m.id AND me.student_id = NEW.student_id
        LEFT JOIN students s ON s.id = NEW.student_id
        WHERE m.id = NEW.mission_id;
      IF enrolment_status IS NULL THEN
        RAISE EXCEPTION 'not enrolled' USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'daily_attendance_enrolment_fkey';
      END IF;
      IF mission_status <> 'active' THEN
        RAISE EXCEPTION 'mission is not active' USING ERRCODE = 'check_violation', CONSTRAINT = 'daily_attendance_mission_active';
      END IF;
      IF enrolment_status <> 'active' THEN
        RAISE EXCEPTION 'enrolment is not active' USING ERRCODE = 'check_violation', CONSTRAINT = 'daily_attendance_enrolment_active';
      END IF;
      IF student_status <> 'active' THEN
        RAISE EXCEPTION 'student is not active' USING ERRCODE = 'check_violation', CONSTRAINT = 'daily_attendance_student_active';
      END IF;
      NEW.local_date := (NEW.submitted_at AT TIME ZONE zone)::date;
      RETURN NEW;
    END $$;
`;

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE batches DROP CONSTRAINT batches_status_valid,
      ADD CONSTRAINT batches_status_valid CHECK (status IN ('planned', 'active', 'completed', 'archived', 'cancelled'));
    ALTER TABLE missions DROP CONSTRAINT missions_status_valid,
      ADD CONSTRAINT missions_status_valid CHECK (status IN ('upcoming', 'active', 'completed', 'archived', 'cancelled'));

    CREATE FUNCTION batch_status_on(status text, starts_on date, ends_on date, today date) RETURNS text
      LANGUAGE sql IMMUTABLE AS $$
      SELECT CASE WHEN status IN ('archived', 'cancelled') THEN status
                  WHEN today < starts_on THEN 'planned' WHEN today > ends_on THEN 'completed' ELSE 'active' END $$;
    CREATE FUNCTION mission_status_on(status text, starts_on date, ends_on date, today date) RETURNS text
      LANGUAGE sql IMMUTABLE AS $$
      SELECT CASE WHEN status IN ('archived', 'cancelled') THEN status
                  WHEN today < starts_on THEN 'upcoming' WHEN today > ends_on THEN 'completed' ELSE 'active' END $$;

    CREATE FUNCTION batches_derive_status() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      NEW.status := batch_status_on(NEW.status, NEW.starts_on, NEW.ends_on, (now() AT TIME ZONE NEW.timezone)::date);
      RETURN NEW;
    END $$;
    CREATE TRIGGER batches_derive_status BEFORE INSERT OR UPDATE ON batches FOR EACH ROW EXECUTE FUNCTION batches_derive_status();

    CREATE FUNCTION missions_derive_status() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE zone text;
    BEGIN
      SELECT timezone INTO zone FROM batches WHERE id = NEW.batch_id;
      NEW.status := mission_status_on(NEW.status, NEW.starts_on, NEW.ends_on, (now() AT TIME ZONE coalesce(zone, 'UTC'))::date);
      RETURN NEW;
    END $$;
    CREATE TRIGGER missions_derive_status BEFORE INSERT OR UPDATE ON missions FOR EACH ROW EXECUTE FUNCTION missions_derive_status();

    -- A day turned over somewhere: statuses whose dates now say otherwise are brought in line (a no-op otherwise).
    CREATE FUNCTION refresh_cohort_statuses() RETURNS integer LANGUAGE plpgsql AS $$
    DECLARE changed integer; more integer;
    BEGIN
      UPDATE batches b SET status = batch_status_on(b.status, b.starts_on, b.ends_on, (now() AT TIME ZONE b.timezone)::date)
        WHERE b.status IS DISTINCT FROM batch_status_on(b.status, b.starts_on, b.ends_on, (now() AT TIME ZONE b.timezone)::date);
      GET DIAGNOSTICS changed = ROW_COUNT;
      UPDATE missions m SET status = mission_status_on(m.status, m.starts_on, m.ends_on, (now() AT TIME ZONE b.timezone)::date)
        FROM batches b WHERE b.id = m.batch_id
          AND m.status IS DISTINCT FROM mission_status_on(m.status, m.starts_on, m.ends_on, (now() AT TIME ZONE b.timezone)::date);
      GET DIAGNOSTICS more = ROW_COUNT;
      RETURN changed + more;
    END $$;

    -- Missions inside their batch; the batch cannot shrink past one of them.
    CREATE FUNCTION missions_check_within_batch() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM batches b WHERE b.id = NEW.batch_id AND (NEW.starts_on < b.starts_on OR NEW.ends_on > b.ends_on)) THEN
        RAISE EXCEPTION 'mission % is dated outside its batch', NEW.id USING ERRCODE = 'check_violation', CONSTRAINT = 'missions_within_batch';
      END IF;
      RETURN NULL;
    END $$;
    CREATE CONSTRAINT TRIGGER missions_within_batch AFTER INSERT OR UPDATE OF starts_on, ends_on, batch_id ON missions
      FOR EACH ROW EXECUTE FUNCTION missions_check_within_batch();

    CREATE FUNCTION batches_check_missions_within() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM missions m WHERE m.batch_id = NEW.id AND (m.starts_on < NEW.starts_on OR m.ends_on > NEW.ends_on)) THEN
        RAISE EXCEPTION 'batch % would leave a mission outside its dates', NEW.id USING ERRCODE = 'check_violation', CONSTRAINT = 'batches_missions_within';
      END IF;
      RETURN NULL;
    END $$;
    CREATE CONSTRAINT TRIGGER batches_missions_within AFTER UPDATE OF starts_on, ends_on ON batches
      FOR EACH ROW EXECUTE FUNCTION batches_check_missions_within();

    -- Assignments due within their mission (the deadline's day in the batch's zone); the mission cannot move past one.
    CREATE FUNCTION assignments_check_within_mission() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM missions m JOIN batches b ON b.id = m.batch_id WHERE m.id = NEW.mission_id
                   AND (NEW.deadline AT TIME ZONE b.timezone)::date NOT BETWEEN m.starts_on AND m.ends_on) THEN
        RAISE EXCEPTION 'assignment % is due outside its mission', NEW.id USING ERRCODE = 'check_violation', CONSTRAINT = 'assignments_due_within_mission';
      END IF;
      RETURN NULL;
    END $$;
    CREATE CONSTRAINT TRIGGER assignments_due_within_mission AFTER INSERT OR UPDATE OF deadline, mission_id ON assignments
      FOR EACH ROW EXECUTE FUNCTION assignments_check_within_mission();

    CREATE FUNCTION missions_check_assignments_within() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM assignments a JOIN batches b ON b.id = NEW.batch_id WHERE a.mission_id = NEW.id
                   AND (a.deadline AT TIME ZONE b.timezone)::date NOT BETWEEN NEW.starts_on AND NEW.ends_on) THEN
        RAISE EXCEPTION 'mission % would leave an assignment due outside its dates', NEW.id USING ERRCODE = 'check_violation', CONSTRAINT = 'missions_assignments_within';
      END IF;
      RETURN NULL;
    END $$;
    CREATE CONSTRAINT TRIGGER missions_assignments_within AFTER UPDATE OF starts_on, ends_on ON missions
      FOR EACH ROW EXECUTE FUNCTION missions_check_assignments_within();

    -- The attendance check applies the status rule itself (not the stored column, which may be a minute behind).
    ${attendancePrepare('mission_status_on(m.status, m.starts_on, m.ends_on, (now() AT TIME ZONE b.timezone)::date)')}

    -- Existing rows take the rule now; updated_at stays as it was, so a restored backup migrates to the same data.
    ALTER TABLE batches DISABLE TRIGGER batches_touch_updated_at;
    ALTER TABLE missions DISABLE TRIGGER missions_touch_updated_at;
    SELECT refresh_cohort_statuses();
    ALTER TABLE batches ENABLE TRIGGER batches_touch_updated_at;
    ALTER TABLE missions ENABLE TRIGGER missions_touch_updated_at;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    ${attendancePrepare('m.status')}
    DROP TRIGGER missions_assignments_within ON missions;
    DROP FUNCTION missions_check_assignments_within();
    DROP TRIGGER assignments_due_within_mission ON assignments;
    DROP FUNCTION assignments_check_within_mission();
    DROP TRIGGER batches_missions_within ON batches;
    DROP FUNCTION batches_check_missions_within();
    DROP TRIGGER missions_within_batch ON missions;
    DROP FUNCTION missions_check_within_batch();
    DROP FUNCTION refresh_cohort_statuses();
    DROP TRIGGER missions_derive_status ON missions;
    DROP FUNCTION missions_derive_status();
    DROP TRIGGER batches_derive_status ON batches;
    DROP FUNCTION batches_derive_status();
    DROP FUNCTION mission_status_on(text, date, date, date);
    DROP FUNCTION batch_status_on(text, date, date, date);
    UPDATE missions SET status = 'archived' WHERE status = 'cancelled';
    UPDATE batches SET status = 'archived' WHERE status = 'cancelled';
    ALTER TABLE missions DROP CONSTRAINT missions_status_valid,
      ADD CONSTRAINT missions_status_valid CHECK (status IN ('upcoming', 'active', 'completed', 'archived'));
    ALTER TABLE batches DROP CONSTRAINT batches_status_valid,
      ADD CONSTRAINT batches_status_valid CHECK (status IN ('planned', 'active', 'completed', 'archived'));
  `);
}
