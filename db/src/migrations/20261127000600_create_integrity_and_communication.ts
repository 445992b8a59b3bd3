import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    -- Academic integrity: a case on a student, the actions taken on it, and the student's appeals.
    CREATE TABLE integrity_cases (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      student_id bigint NOT NULL REFERENCES students (id) ON DELETE CASCADE,
      mission_id bigint REFERENCES missions (id) ON DELETE SET NULL,
      kind text NOT NULL,
      description text NOT NULL,
      evidence_links jsonb NOT NULL DEFAULT '[]'::jsonb,
      status text NOT NULL DEFAULT 'open',
      opened_by bigint NOT NULL REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT integrity_cases_kind_valid CHECK (kind IN ('cheating', 'plagiarism', 'other')),
      CONSTRAINT integrity_cases_status_valid CHECK (status IN ('open', 'closed')),
      CONSTRAINT integrity_cases_description_present CHECK (length(btrim(description)) BETWEEN 1 AND 10000),
      CONSTRAINT integrity_cases_evidence_array CHECK (jsonb_typeof(evidence_links) = 'array')
    );
    CREATE INDEX integrity_cases_student_idx ON integrity_cases (student_id);
    CREATE INDEX integrity_cases_status_idx ON integrity_cases (status, created_at);
    CREATE TRIGGER integrity_cases_touch_updated_at BEFORE UPDATE ON integrity_cases FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

    CREATE TABLE integrity_actions (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      case_id bigint NOT NULL REFERENCES integrity_cases (id) ON DELETE CASCADE,
      student_id bigint NOT NULL REFERENCES students (id) ON DELETE CASCADE,
      action text NOT NULL,
      reason text NOT NULL,
      ends_at timestamptz,
      taken_by bigint NOT NULL REFERENCES users (id),
      taken_at timestamptz NOT NULL DEFAULT now(),
      lifted_at timestamptz,
      lifted_by bigint REFERENCES users (id),
      lift_reason text,
      CONSTRAINT integrity_actions_action_valid CHECK (action IN ('warning', 'restrict', 'ban', 'delist')),
      CONSTRAINT integrity_actions_reason_present CHECK (length(btrim(reason)) > 0),
      CONSTRAINT integrity_actions_ends_after_start CHECK (ends_at IS NULL OR ends_at > taken_at),
      CONSTRAINT integrity_actions_lift_complete CHECK ((lifted_at IS NULL) = (lifted_by IS NULL) AND (lifted_at IS NULL OR length(btrim(coalesce(lift_reason, ''))) > 0))
    );
    CREATE INDEX integrity_actions_case_idx ON integrity_actions (case_id);
    CREATE INDEX integrity_actions_student_active_idx ON integrity_actions (student_id) WHERE lifted_at IS NULL;

    -- A student's status follows their live actions: delisted over banned over active.
    CREATE FUNCTION refresh_student_status(target bigint) RETURNS void LANGUAGE plpgsql AS $$
    DECLARE
      live record;
    BEGIN
      SELECT action, reason, taken_by INTO live FROM integrity_actions
        WHERE student_id = target AND lifted_at IS NULL AND (ends_at IS NULL OR ends_at > now()) AND action IN ('ban', 'delist')
        ORDER BY (action = 'delist') DESC, taken_at DESC LIMIT 1;
      IF live IS NULL THEN
        UPDATE students SET status = 'active', status_reason = NULL, status_changed_at = now()
          WHERE id = target AND status <> 'active' AND EXISTS (SELECT 1 FROM integrity_actions WHERE student_id = target AND action IN ('ban', 'delist'));
      ELSE
        UPDATE students SET status = CASE live.action WHEN 'ban' THEN 'banned' ELSE 'delisted' END,
                            status_reason = live.reason, status_changed_at = now(), status_changed_by = live.taken_by
          WHERE id = target AND (status, coalesce(status_reason, '')) IS DISTINCT FROM (CASE live.action WHEN 'ban' THEN 'banned' ELSE 'delisted' END, live.reason);
      END IF;
    END $$;
    CREATE FUNCTION integrity_actions_apply() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM refresh_student_status(NEW.student_id);
      RETURN NULL;
    END $$;
    CREATE TRIGGER integrity_actions_apply AFTER INSERT OR UPDATE ON integrity_actions FOR EACH ROW EXECUTE FUNCTION integrity_actions_apply();

    -- A ban or delisting ends the student's sessions at once (they may sign in again to read why and appeal).
    CREATE FUNCTION students_revoke_sessions() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.status <> 'active' AND NEW.status IS DISTINCT FROM OLD.status THEN
        DELETE FROM sessions WHERE user_id = NEW.id;
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER students_revoke_sessions AFTER UPDATE OF status ON students FOR EACH ROW EXECUTE FUNCTION students_revoke_sessions();

    CREATE TABLE appeals (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      case_id bigint NOT NULL REFERENCES integrity_cases (id) ON DELETE CASCADE,
      student_id bigint NOT NULL REFERENCES students (id) ON DELETE CASCADE,
      statement text NOT NULL,
      link text,
      status text NOT NULL DEFAULT 'open',
      decided_by bigint REFERENCES users (id),
      decided_at timestamptz,
      decision_note text,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT appeals_status_valid CHECK (status IN ('open', 'accepted', 'rejected')),
      CONSTRAINT appeals_statement_present CHECK (length(btrim(statement)) BETWEEN 1 AND 10000),
      CONSTRAINT appeals_link_http CHECK (link IS NULL OR link ~ '^https\\?://'),
      CONSTRAINT appeals_decision_complete CHECK ((status = 'open') = (decided_at IS NULL) AND (status = 'open' OR decided_by IS NOT NULL))
    );
    CREATE UNIQUE INDEX appeals_one_open_per_case ON appeals (case_id) WHERE status = 'open';
    CREATE INDEX appeals_status_idx ON appeals (status, created_at);
    CREATE INDEX appeals_student_idx ON appeals (student_id);

    -- Notices to everyone, a batch or a mission; the body is kept as written and as sanitised HTML.
    CREATE TABLE notices (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      title text NOT NULL,
      body_md text NOT NULL,
      body_html text NOT NULL,
      audience text NOT NULL,
      batch_id bigint REFERENCES batches (id) ON DELETE CASCADE,
      mission_id bigint REFERENCES missions (id) ON DELETE CASCADE,
      requires_ack boolean NOT NULL DEFAULT false,
      pinned boolean NOT NULL DEFAULT false,
      publish_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz,
      created_by bigint NOT NULL REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT notices_title_present CHECK (length(btrim(title)) BETWEEN 1 AND 200),
      CONSTRAINT notices_body_length CHECK (length(body_md) <= 50000),
      CONSTRAINT notices_audience_valid CHECK (
        (audience = 'everyone' AND batch_id IS NULL AND mission_id IS NULL) OR
        (audience = 'batch' AND batch_id IS NOT NULL AND mission_id IS NULL) OR
        (audience = 'mission' AND mission_id IS NOT NULL AND batch_id IS NULL)),
      CONSTRAINT notices_expiry_after_publish CHECK (expires_at IS NULL OR expires_at > publish_at)
    );
    CREATE INDEX notices_publish_idx ON notices (publish_at);
    CREATE INDEX notices_batch_idx ON notices (batch_id);
    CREATE INDEX notices_mission_idx ON notices (mission_id);
    CREATE TRIGGER notices_touch_updated_at BEFORE UPDATE ON notices FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

    CREATE TABLE notice_reads (
      notice_id bigint NOT NULL REFERENCES notices (id) ON DELETE CASCADE,
      student_id bigint NOT NULL REFERENCES students (id) ON DELETE CASCADE,
      read_at timestamptz NOT NULL DEFAULT now(),
      acknowledged_at timestamptz,
      PRIMARY KEY (notice_id, student_id)
    );
    CREATE INDEX notice_reads_student_idx ON notice_reads (student_id);

    CREATE TABLE notice_reactions (
      notice_id bigint NOT NULL REFERENCES notices (id) ON DELETE CASCADE,
      student_id bigint NOT NULL REFERENCES students (id) ON DELETE CASCADE,
      reaction text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (notice_id, student_id, reaction),
      CONSTRAINT notice_reactions_valid CHECK (reaction IN ('check', 'important', 'star'))
    );

    -- Private tickets from a student to their mentor (for a mission) or to the SRE team.
    CREATE TABLE tickets (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      student_id bigint NOT NULL REFERENCES students (id) ON DELETE CASCADE,
      recipient text NOT NULL,
      mission_id bigint REFERENCES missions (id) ON DELETE SET NULL,
      subject text NOT NULL,
      status text NOT NULL DEFAULT 'open',
      created_at timestamptz NOT NULL DEFAULT now(),
      last_message_at timestamptz NOT NULL DEFAULT now(),
      last_student_message_at timestamptz NOT NULL DEFAULT now(),
      last_staff_reply_at timestamptz,
      CONSTRAINT tickets_recipient_valid CHECK (recipient IN ('mentor', 'sre')),
      CONSTRAINT tickets_mentor_needs_mission CHECK (recipient = 'sre' OR mission_id IS NOT NULL),
      CONSTRAINT tickets_status_valid CHECK (status IN ('open', 'waiting', 'closed')),
      CONSTRAINT tickets_subject_present CHECK (length(btrim(subject)) BETWEEN 1 AND 200)
    );
    CREATE INDEX tickets_student_idx ON tickets (student_id);
    CREATE INDEX tickets_recipient_status_idx ON tickets (recipient, status, last_message_at);
    CREATE INDEX tickets_mission_idx ON tickets (mission_id);

    CREATE TABLE ticket_messages (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      ticket_id bigint NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
      author_id bigint NOT NULL REFERENCES users (id),
      body text NOT NULL,
      links jsonb NOT NULL DEFAULT '[]'::jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT ticket_messages_body_present CHECK (length(btrim(body)) BETWEEN 1 AND 20000),
      CONSTRAINT ticket_messages_links_array CHECK (jsonb_typeof(links) = 'array')
    );
    CREATE INDEX ticket_messages_ticket_idx ON ticket_messages (ticket_id, created_at);

    CREATE TABLE feature_requests (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      author_id bigint NOT NULL REFERENCES users (id),
      title text NOT NULL,
      body text NOT NULL DEFAULT '',
      status text NOT NULL DEFAULT 'new',
      public_reply text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT feature_requests_status_valid CHECK (status IN ('new', 'planned', 'declined', 'done')),
      CONSTRAINT feature_requests_title_present CHECK (length(btrim(title)) BETWEEN 1 AND 200),
      CONSTRAINT feature_requests_body_length CHECK (length(body) <= 10000)
    );
    CREATE INDEX feature_requests_status_idx ON feature_requests (status, created_at);
    CREATE TRIGGER feature_requests_touch_updated_at BEFORE UPDATE ON feature_requests FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

    CREATE TABLE feature_request_votes (
      feature_request_id bigint NOT NULL REFERENCES feature_requests (id) ON DELETE CASCADE,
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (feature_request_id, user_id)
    );

    -- A mentor's private notes on a student: never shown to the student.
    CREATE TABLE mentor_notes (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      student_id bigint NOT NULL REFERENCES students (id) ON DELETE CASCADE,
      mission_id bigint REFERENCES missions (id) ON DELETE SET NULL,
      author_id bigint NOT NULL REFERENCES users (id),
      body text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT mentor_notes_body_present CHECK (length(btrim(body)) BETWEEN 1 AND 20000)
    );
    CREATE INDEX mentor_notes_student_idx ON mentor_notes (student_id, created_at);
    CREATE INDEX mentor_notes_author_idx ON mentor_notes (author_id);
    CREATE TRIGGER mentor_notes_touch_updated_at BEFORE UPDATE ON mentor_notes FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TABLE IF EXISTS mentor_notes, feature_request_votes, feature_requests, ticket_messages, tickets,
      notice_reactions, notice_reads, notices, appeals, integrity_actions, integrity_cases;
    DROP TRIGGER IF EXISTS students_revoke_sessions ON students;
    DROP FUNCTION IF EXISTS students_revoke_sessions(), integrity_actions_apply(), refresh_student_status(bigint);
  `);
}
