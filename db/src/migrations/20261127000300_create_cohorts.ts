import type { Knex } from 'knex';

const CODE = `'^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$'`;
const TIMEZONE_VALID = (column: string) => `(('2000-01-01 00:00+00'::timestamptz AT TIME ZONE ${column}) IS NOT NULL)`;

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    -- (id, role) pairs let other tables insist, by foreign key, that a user has a given role.
    ALTER TABLE users ADD CONSTRAINT users_id_role_key UNIQUE (id, role);

    CREATE TABLE batches (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      code text NOT NULL,
      title text NOT NULL,
      status text NOT NULL DEFAULT 'planned',
      starts_on date NOT NULL,
      ends_on date NOT NULL,
      timezone text NOT NULL DEFAULT 'Asia/Dhaka',
      capacity integer NOT NULL DEFAULT 3000,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT batches_code_key UNIQUE (code),
      CONSTRAINT batches_code_format CHECK (code ~ ${CODE}),
      CONSTRAINT batches_title_present CHECK (length(btrim(title)) BETWEEN 1 AND 200),
      CONSTRAINT batches_status_valid CHECK (status IN ('planned', 'active', 'completed', 'archived')),
      CONSTRAINT batches_dates_ordered CHECK (ends_on >= starts_on),
      CONSTRAINT batches_timezone_valid CHECK ${TIMEZONE_VALID('timezone')},
      CONSTRAINT batches_capacity_positive CHECK (capacity > 0)
    );
    CREATE INDEX batches_status_idx ON batches (status);
    CREATE INDEX batches_starts_on_idx ON batches (starts_on);
    CREATE INDEX batches_title_trgm_idx ON batches USING gin (title gin_trgm_ops);
    CREATE TRIGGER batches_touch_updated_at BEFORE UPDATE ON batches FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

    CREATE TABLE missions (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      batch_id bigint NOT NULL REFERENCES batches (id),
      code text NOT NULL,
      title text NOT NULL,
      description text NOT NULL DEFAULT '',
      status text NOT NULL DEFAULT 'upcoming',
      starts_on date NOT NULL,
      ends_on date NOT NULL,
      position integer NOT NULL DEFAULT 1,
      points_attendance integer NOT NULL DEFAULT 1,
      points_meeting integer NOT NULL DEFAULT 2,
      points_on_time integer NOT NULL DEFAULT 10,
      points_late integer NOT NULL DEFAULT 5,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT missions_batch_code_key UNIQUE (batch_id, code),
      CONSTRAINT missions_id_batch_key UNIQUE (id, batch_id),
      CONSTRAINT missions_code_format CHECK (code ~ ${CODE}),
      CONSTRAINT missions_title_present CHECK (length(btrim(title)) BETWEEN 1 AND 200),
      CONSTRAINT missions_status_valid CHECK (status IN ('upcoming', 'active', 'completed', 'archived')),
      CONSTRAINT missions_dates_ordered CHECK (ends_on >= starts_on),
      CONSTRAINT missions_position_valid CHECK (position >= 0),
      CONSTRAINT missions_points_valid CHECK (points_attendance >= 0 AND points_meeting >= 0 AND points_on_time >= 0 AND points_late >= 0)
    );
    CREATE INDEX missions_batch_position_idx ON missions (batch_id, position);
    CREATE INDEX missions_status_idx ON missions (status);
    CREATE TRIGGER missions_touch_updated_at BEFORE UPDATE ON missions FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

    -- One row per student account; name, email and phone live on the user.
    CREATE TABLE students (
      id bigint PRIMARY KEY,
      role text NOT NULL DEFAULT 'student',
      address text,
      status text NOT NULL DEFAULT 'active',
      status_reason text,
      status_changed_at timestamptz,
      status_changed_by bigint REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT students_user_fkey FOREIGN KEY (id, role) REFERENCES users (id, role) ON DELETE CASCADE,
      CONSTRAINT students_role_student CHECK (role = 'student'),
      CONSTRAINT students_status_valid CHECK (status IN ('active', 'banned', 'delisted')),
      CONSTRAINT students_status_reason_given CHECK (status = 'active' OR length(btrim(coalesce(status_reason, ''))) > 0),
      CONSTRAINT students_address_length CHECK (address IS NULL OR length(address) <= 500)
    );
    CREATE INDEX students_status_idx ON students (status);
    CREATE TRIGGER students_touch_updated_at BEFORE UPDATE ON students FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

    -- Every student account has its students row, however the account was made (sign-up, invitation, import).
    CREATE FUNCTION users_ensure_student_row() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.role = 'student' THEN
        INSERT INTO students (id) VALUES (NEW.id) ON CONFLICT (id) DO NOTHING;
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER users_ensure_student_row AFTER INSERT OR UPDATE OF role ON users
      FOR EACH ROW EXECUTE FUNCTION users_ensure_student_row();
    INSERT INTO students (id) SELECT id FROM users WHERE role = 'student';

    CREATE TABLE batch_enrolments (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      batch_id bigint NOT NULL REFERENCES batches (id),
      student_id bigint NOT NULL REFERENCES students (id) ON DELETE CASCADE,
      status text NOT NULL DEFAULT 'active',
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT batch_enrolments_batch_student_key UNIQUE (batch_id, student_id),
      CONSTRAINT batch_enrolments_status_valid CHECK (status IN ('active', 'withdrawn', 'completed'))
    );
    CREATE INDEX batch_enrolments_student_idx ON batch_enrolments (student_id);
    CREATE INDEX batch_enrolments_status_idx ON batch_enrolments (batch_id, status);

    CREATE TABLE mission_enrolments (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      mission_id bigint NOT NULL,
      batch_id bigint NOT NULL,
      student_id bigint NOT NULL,
      status text NOT NULL DEFAULT 'active',
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT mission_enrolments_student_mission_key UNIQUE (student_id, mission_id),
      CONSTRAINT mission_enrolments_mission_fkey FOREIGN KEY (mission_id, batch_id) REFERENCES missions (id, batch_id),
      -- A student can only be in a mission of a batch they belong to.
      CONSTRAINT mission_enrolments_batch_member_fkey FOREIGN KEY (batch_id, student_id)
        REFERENCES batch_enrolments (batch_id, student_id) ON DELETE CASCADE,
      CONSTRAINT mission_enrolments_status_valid CHECK (status IN ('active', 'withdrawn', 'completed'))
    );
    CREATE INDEX mission_enrolments_mission_idx ON mission_enrolments (mission_id, status);
    CREATE INDEX mission_enrolments_batch_idx ON mission_enrolments (batch_id);

    -- The batch of an enrolment is the mission's batch; clients only name the mission.
    CREATE FUNCTION mission_enrolments_set_batch() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      SELECT batch_id INTO NEW.batch_id FROM missions WHERE id = NEW.mission_id;
      IF NEW.batch_id IS NULL THEN
        RAISE EXCEPTION 'mission % does not exist', NEW.mission_id
          USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'mission_enrolments_mission_fkey';
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER mission_enrolments_set_batch BEFORE INSERT OR UPDATE OF mission_id ON mission_enrolments
      FOR EACH ROW EXECUTE FUNCTION mission_enrolments_set_batch();

    CREATE TABLE mission_mentors (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      mission_id bigint NOT NULL REFERENCES missions (id) ON DELETE CASCADE,
      mentor_id bigint NOT NULL,
      mentor_role text NOT NULL DEFAULT 'mentor',
      capacity integer,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT mission_mentors_mission_mentor_key UNIQUE (mission_id, mentor_id),
      CONSTRAINT mission_mentors_mentor_fkey FOREIGN KEY (mentor_id, mentor_role) REFERENCES users (id, role),
      CONSTRAINT mission_mentors_role_mentor CHECK (mentor_role = 'mentor'),
      CONSTRAINT mission_mentors_capacity_positive CHECK (capacity IS NULL OR capacity > 0)
    );
    CREATE INDEX mission_mentors_mentor_idx ON mission_mentors (mentor_id);

    CREATE TABLE mentor_pairings (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      mission_id bigint NOT NULL,
      student_id bigint NOT NULL,
      mentor_id bigint NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT mentor_pairings_key UNIQUE (mission_id, student_id, mentor_id),
      -- Only a mentor of the mission, only a student enrolled in it.
      CONSTRAINT mentor_pairings_mentor_fkey FOREIGN KEY (mission_id, mentor_id)
        REFERENCES mission_mentors (mission_id, mentor_id) ON DELETE CASCADE,
      CONSTRAINT mentor_pairings_enrolment_fkey FOREIGN KEY (student_id, mission_id)
        REFERENCES mission_enrolments (student_id, mission_id) ON DELETE CASCADE
    );
    CREATE INDEX mentor_pairings_mentor_idx ON mentor_pairings (mentor_id, mission_id);
    CREATE INDEX mentor_pairings_student_idx ON mentor_pairings (student_id);

    -- A mentor's optional capacity on a mission; the mission_mentors row lock serialises concurrent pairings.
    CREATE FUNCTION mentor_pairings_check_capacity() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      limit_count integer;
      current_count integer;
    BEGIN
      SELECT capacity INTO limit_count FROM mission_mentors
        WHERE mission_id = NEW.mission_id AND mentor_id = NEW.mentor_id FOR UPDATE;
      IF limit_count IS NOT NULL THEN
        SELECT count(*) INTO current_count FROM mentor_pairings
          WHERE mission_id = NEW.mission_id AND mentor_id = NEW.mentor_id;
        IF current_count > limit_count THEN
          RAISE EXCEPTION 'mentor % is at capacity (%) on mission %', NEW.mentor_id, limit_count, NEW.mission_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'mentor_pairings_capacity';
        END IF;
      END IF;
      RETURN NULL;
    END $$;
    CREATE CONSTRAINT TRIGGER mentor_pairings_capacity AFTER INSERT OR UPDATE ON mentor_pairings
      FOR EACH ROW EXECUTE FUNCTION mentor_pairings_check_capacity();
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TABLE IF EXISTS mentor_pairings;
    DROP FUNCTION IF EXISTS mentor_pairings_check_capacity();
    DROP TABLE IF EXISTS mission_mentors;
    DROP TABLE IF EXISTS mission_enrolments;
    DROP FUNCTION IF EXISTS mission_enrolments_set_batch();
    DROP TABLE IF EXISTS batch_enrolments;
    DROP TRIGGER IF EXISTS users_ensure_student_row ON users;
    DROP FUNCTION IF EXISTS users_ensure_student_row();
    DROP TABLE IF EXISTS students;
    DROP TABLE IF EXISTS missions;
    DROP TABLE IF EXISTS batches;
    ALTER TABLE users DROP CONSTRAINT IF EXISTS users_id_role_key;
  `);
}
