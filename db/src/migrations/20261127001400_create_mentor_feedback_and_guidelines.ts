import type { Knex } from 'knex';
import { mentorLoadView } from './20261127000900_create_reports';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    -- A mission's do's and don'ts for its students, in markdown (and its sanitised HTML, made by the API).
    ALTER TABLE missions
      ADD COLUMN guidelines_md text NOT NULL DEFAULT '',
      ADD COLUMN guidelines_html text NOT NULL DEFAULT '',
      ADD CONSTRAINT missions_guidelines_length CHECK (length(guidelines_md) <= 20000);

    -- A student's rating of a meeting they attended, for the mentor who held it: once per meeting, after it began.
    CREATE TABLE mentor_feedback (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      meeting_id bigint NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
      student_id bigint NOT NULL REFERENCES students (id) ON DELETE CASCADE,
      mentor_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      rating integer NOT NULL,
      comment text NOT NULL DEFAULT '',
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT mentor_feedback_once UNIQUE (meeting_id, student_id),
      CONSTRAINT mentor_feedback_rating_range CHECK (rating BETWEEN 1 AND 5),
      CONSTRAINT mentor_feedback_comment_length CHECK (length(comment) <= 1000),
      CONSTRAINT mentor_feedback_attended_fkey FOREIGN KEY (meeting_id, student_id) REFERENCES meeting_attendance (meeting_id, student_id) ON DELETE CASCADE
    );
    CREATE INDEX mentor_feedback_mentor_idx ON mentor_feedback (mentor_id, created_at);
    CREATE INDEX mentor_feedback_student_idx ON mentor_feedback (student_id);

    -- The mentor is whoever held the meeting, and only a meeting that has begun can be rated.
    CREATE FUNCTION mentor_feedback_prepare() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      holder bigint;
      began timestamptz;
    BEGIN
      SELECT created_by, starts_at INTO holder, began FROM meetings WHERE id = NEW.meeting_id;
      IF began > now() THEN
        RAISE EXCEPTION 'meeting has not begun' USING ERRCODE = 'check_violation', CONSTRAINT = 'mentor_feedback_after_start';
      END IF;
      NEW.mentor_id := holder;
      RETURN NEW;
    END $$;
    CREATE TRIGGER mentor_feedback_prepare BEFORE INSERT ON mentor_feedback FOR EACH ROW EXECUTE FUNCTION mentor_feedback_prepare();

    DROP VIEW mentor_load;
    ${mentorLoadView(true)}
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP VIEW mentor_load;
    ${mentorLoadView(false)}
    DROP TABLE mentor_feedback;
    DROP FUNCTION mentor_feedback_prepare();
    ALTER TABLE missions DROP CONSTRAINT missions_guidelines_length, DROP COLUMN guidelines_md, DROP COLUMN guidelines_html;
  `);
}
