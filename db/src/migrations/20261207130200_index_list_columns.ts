import type { Knex } from 'knex';

/**
 * An index for every column a list of a growing table may be sorted or filtered by (the back office offers them
 * all), so no such list reads the whole table to sort or filter it at a school's size; and a trigram index for the
 * phone search, as name and email have. api/src/core/list-indexes.test.ts checks the declarations against the
 * indexes. Small tables (one row per batch, mission, mentor or setting) are sorted in memory.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE INDEX IF NOT EXISTS audit_log_request_id_list_idx ON audit_log (request_id);
    CREATE INDEX IF NOT EXISTS batch_enrolments_created_at_list_idx ON batch_enrolments (created_at);
    CREATE INDEX IF NOT EXISTS batch_enrolments_status_list_idx ON batch_enrolments (status);
    CREATE INDEX IF NOT EXISTS call_logs_called_at_list_idx ON call_logs (called_at);
    CREATE INDEX IF NOT EXISTS call_logs_outcome_list_idx ON call_logs (outcome);
    CREATE INDEX IF NOT EXISTS calls_attempts_list_idx ON calls (attempts);
    CREATE INDEX IF NOT EXISTS calls_created_at_list_idx ON calls (created_at);
    CREATE INDEX IF NOT EXISTS calls_due_on_list_idx ON calls (due_on);
    CREATE INDEX IF NOT EXISTS calls_last_called_at_list_idx ON calls (last_called_at);
    CREATE INDEX IF NOT EXISTS calls_last_outcome_list_idx ON calls (last_outcome);
    CREATE INDEX IF NOT EXISTS meeting_attendance_checked_in_at_list_idx ON meeting_attendance (checked_in_at);
    CREATE INDEX IF NOT EXISTS meeting_attendance_method_list_idx ON meeting_attendance (method);
    CREATE INDEX IF NOT EXISTS mission_enrolments_created_at_list_idx ON mission_enrolments (created_at);
    CREATE INDEX IF NOT EXISTS mission_enrolments_status_list_idx ON mission_enrolments (status);
    CREATE INDEX IF NOT EXISTS notices_audience_list_idx ON notices (audience);
    CREATE INDEX IF NOT EXISTS notices_created_at_list_idx ON notices (created_at);
    CREATE INDEX IF NOT EXISTS notices_created_by_list_idx ON notices (created_by);
    CREATE INDEX IF NOT EXISTS notices_pinned_list_idx ON notices (pinned);
    CREATE INDEX IF NOT EXISTS notices_requires_ack_list_idx ON notices (requires_ack);
    CREATE INDEX IF NOT EXISTS notices_title_list_idx ON notices (title);
    CREATE INDEX IF NOT EXISTS outbox_messages_subject_list_idx ON outbox_messages (subject);
    CREATE INDEX IF NOT EXISTS outbox_messages_transport_list_idx ON outbox_messages (transport);
    CREATE INDEX IF NOT EXISTS points_ledger_awarded_at_list_idx ON points_ledger (awarded_at);
    CREATE INDEX IF NOT EXISTS students_created_at_list_idx ON students (created_at);
    CREATE INDEX IF NOT EXISTS students_status_changed_at_list_idx ON students (status_changed_at);
    CREATE INDEX IF NOT EXISTS submissions_grade_list_idx ON submissions (grade);
    CREATE INDEX IF NOT EXISTS submissions_paste_id_list_idx ON submissions (paste_id);
    CREATE INDEX IF NOT EXISTS submissions_status_list_idx ON submissions (status);
    CREATE INDEX IF NOT EXISTS submissions_submitted_at_list_idx ON submissions (submitted_at);
    CREATE INDEX IF NOT EXISTS ticket_messages_author_id_list_idx ON ticket_messages (author_id);
    CREATE INDEX IF NOT EXISTS ticket_messages_created_at_list_idx ON ticket_messages (created_at);
    CREATE INDEX IF NOT EXISTS tickets_created_at_list_idx ON tickets (created_at);
    CREATE INDEX IF NOT EXISTS tickets_last_message_at_list_idx ON tickets (last_message_at);
    CREATE INDEX IF NOT EXISTS tickets_status_list_idx ON tickets (status);
    CREATE INDEX IF NOT EXISTS users_last_sign_in_at_list_idx ON users (last_sign_in_at);
    CREATE INDEX IF NOT EXISTS users_name_list_idx ON users (name);
    CREATE INDEX IF NOT EXISTS webhook_deliveries_attempts_list_idx ON webhook_deliveries (attempts);
    CREATE INDEX IF NOT EXISTS webhook_deliveries_created_at_list_idx ON webhook_deliveries (created_at);
    CREATE INDEX IF NOT EXISTS webhook_deliveries_event_list_idx ON webhook_deliveries (event);
    CREATE INDEX IF NOT EXISTS webhook_deliveries_status_list_idx ON webhook_deliveries (status);
    CREATE INDEX IF NOT EXISTS users_phone_trgm_idx ON users USING gin (phone gin_trgm_ops);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DROP INDEX IF EXISTS audit_log_request_id_list_idx, batch_enrolments_created_at_list_idx, batch_enrolments_status_list_idx, call_logs_called_at_list_idx, call_logs_outcome_list_idx, calls_attempts_list_idx, calls_created_at_list_idx, calls_due_on_list_idx, calls_last_called_at_list_idx, calls_last_outcome_list_idx, meeting_attendance_checked_in_at_list_idx, meeting_attendance_method_list_idx, mission_enrolments_created_at_list_idx, mission_enrolments_status_list_idx, notices_audience_list_idx, notices_created_at_list_idx, notices_created_by_list_idx, notices_pinned_list_idx, notices_requires_ack_list_idx, notices_title_list_idx, outbox_messages_subject_list_idx, outbox_messages_transport_list_idx, points_ledger_awarded_at_list_idx, students_created_at_list_idx, students_status_changed_at_list_idx, submissions_grade_list_idx, submissions_paste_id_list_idx, submissions_status_list_idx, submissions_submitted_at_list_idx, ticket_messages_author_id_list_idx, ticket_messages_created_at_list_idx, tickets_created_at_list_idx, tickets_last_message_at_list_idx, tickets_status_list_idx, users_last_sign_in_at_list_idx, users_name_list_idx, webhook_deliveries_attempts_list_idx, webhook_deliveries_created_at_list_idx, webhook_deliveries_event_list_idx, webhook_deliveries_status_list_idx, users_phone_trgm_idx`);
}
