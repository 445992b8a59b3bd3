import type { Knex } from 'knex';

/**
 * Students hand in their own work (a link and/or one file) beside the SRE's pasted lists. A paste and an own
 * submission of the same assignment are the same row (`submissions_once`), so they award points once. On time or
 * late stays the database's decision against the deadline; the work may be changed until the deadline, and after
 * it only handed in once (a late first submission, or work attached to a pasted record). Mentors review: a grade
 * and written feedback; `awaiting_review` is true while the latest work has not been reviewed.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE submissions
      ADD COLUMN link_url text,
      ADD COLUMN note text NOT NULL DEFAULT '',
      ADD COLUMN file_key text,
      ADD COLUMN file_name text,
      ADD COLUMN file_size integer,
      ADD COLUMN content_type text,
      ADD COLUMN work_submitted_at timestamptz,
      ADD COLUMN resubmission_count integer NOT NULL DEFAULT 0,
      ADD COLUMN feedback text,
      ADD COLUMN reviewed_by bigint REFERENCES users (id) ON DELETE SET NULL,
      ADD COLUMN reviewed_at timestamptz,
      ADD COLUMN awaiting_review boolean GENERATED ALWAYS AS
        (work_submitted_at IS NOT NULL AND (reviewed_at IS NULL OR reviewed_at < work_submitted_at)) STORED,
      ADD CONSTRAINT submissions_link_http CHECK (link_url IS NULL OR (link_url ~* '^https\\?://[^[:space:]]+$' AND length(link_url) <= 2000)),
      ADD CONSTRAINT submissions_note_length CHECK (length(note) <= 2000),
      ADD CONSTRAINT submissions_feedback_length CHECK (feedback IS NULL OR length(feedback) <= 10000),
      ADD CONSTRAINT submissions_file_complete CHECK (
        (file_key IS NULL AND file_name IS NULL AND file_size IS NULL AND content_type IS NULL)
        OR (file_key IS NOT NULL AND length(file_name) BETWEEN 1 AND 255 AND file_size > 0 AND content_type IS NOT NULL)),
      ADD CONSTRAINT submissions_work_present CHECK (work_submitted_at IS NULL OR link_url IS NOT NULL OR file_key IS NOT NULL),
      ADD CONSTRAINT submissions_review_complete CHECK ((reviewed_at IS NULL) = (reviewed_by IS NULL));
    CREATE UNIQUE INDEX submissions_file_key_once ON submissions (file_key) WHERE file_key IS NOT NULL;
    -- A mentor's review queue: the work awaiting review in their missions, oldest first.
    CREATE INDEX submissions_review_queue_idx ON submissions (mission_id, work_submitted_at) WHERE awaiting_review;
    CREATE INDEX submissions_reviewed_by_idx ON submissions (reviewed_by) WHERE reviewed_by IS NOT NULL;

    CREATE FUNCTION submissions_work_until_deadline() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF OLD.work_submitted_at IS NOT NULL AND NEW.work_submitted_at IS DISTINCT FROM OLD.work_submitted_at
         AND now() > (SELECT deadline FROM assignments WHERE id = NEW.assignment_id) THEN
        RAISE EXCEPTION 'deadline passed' USING ERRCODE = 'check_violation', CONSTRAINT = 'submissions_resubmit_before_deadline';
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER submissions_work_until_deadline BEFORE UPDATE OF work_submitted_at ON submissions
      FOR EACH ROW EXECUTE FUNCTION submissions_work_until_deadline();
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TRIGGER submissions_work_until_deadline ON submissions;
    DROP FUNCTION submissions_work_until_deadline();
    DROP INDEX submissions_file_key_once, submissions_review_queue_idx, submissions_reviewed_by_idx;
    ALTER TABLE submissions
      DROP COLUMN awaiting_review, DROP COLUMN link_url, DROP COLUMN note, DROP COLUMN file_key, DROP COLUMN file_name,
      DROP COLUMN file_size, DROP COLUMN content_type, DROP COLUMN work_submitted_at, DROP COLUMN resubmission_count,
      DROP COLUMN feedback, DROP COLUMN reviewed_by, DROP COLUMN reviewed_at;
  `);
}
