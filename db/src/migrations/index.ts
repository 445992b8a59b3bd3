import type { Knex } from 'knex';
import * as createUsers from './20261127000100_create_users';
import * as createAuditLog from './20261127000200_create_audit_log';
import * as createCohorts from './20261127000300_create_cohorts';
import * as createImports from './20261127000400_create_imports';
import * as createEngagement from './20261127000500_create_engagement';
import * as createIntegrity from './20261127000600_create_integrity_and_communication';
import * as awardsPerStatement from './20261127000700_awards_per_statement';
import * as createOutreach from './20261127000800_create_outreach';
import * as createReports from './20261127000900_create_reports';
import * as createCalendarFeeds from './20261127001100_create_calendar_feeds';
import * as createMissionResources from './20261127001200_create_mission_resources';
import * as createApiKeysAndWebhooks from './20261127001300_create_api_keys_and_webhooks';
import * as createMentorFeedback from './20261127001400_create_mentor_feedback_and_guidelines';
import * as createRecognition from './20261127001500_create_recognition';
import * as addNotificationsSeen from './20261127001600_add_notifications_seen';
import * as createSettings from './20261127001000_create_settings';
import * as mentorNotesBelongToMissions from './20261206100100_mentor_notes_belong_to_missions';
import * as refuseSubmissionsOfWithdrawn from './20261206100200_refuse_submissions_of_withdrawn';
import * as addTwoFactorAndSso from './20261206110100_add_two_factor_and_sso';
import * as checkCohortDates from './20261206140100_check_cohort_dates';
import * as rateLimits from './20261207100100_rate_limits';
import * as notifyChanges from './2026120712001_notify_changes';
import * as createAppLogs from './2026120712002_create_app_logs';
import * as durableJobs from './20261207110100_durable_jobs';
import * as keepEnrolmentFigures from './20261207130100_keep_enrolment_figures';
import * as indexListColumns from './20261207130200_index_list_columns';
import * as addOwnSubmissions from './2026120715001_add_own_submissions';
import * as indexLogsAndReviews from './20261207160100_index_logs_and_reviews';
import * as notifyMoreChanges from './20261207160200_notify_more_changes';
import * as missionMentorsActive from './20261207170100_mission_mentors_active';

type Migration = { up(knex: Knex): Promise<void>; down(knex: Knex): Promise<void> };

// Listed explicitly (not read from disk) so the same list runs from TypeScript under Jest and from the build.
const migrations: Record<string, Migration> = {
  '20261127000100_create_users': createUsers,
  '20261127000200_create_audit_log': createAuditLog,
  '20261127000300_create_cohorts': createCohorts,
  '20261127000400_create_imports': createImports,
  '20261127000500_create_engagement': createEngagement,
  '20261127000600_create_integrity_and_communication': createIntegrity,
  '20261127000700_awards_per_statement': awardsPerStatement,
  '20261127000800_create_outreach': createOutreach,
  '20261127000900_create_reports': createReports,
  '20261127001100_create_calendar_feeds': createCalendarFeeds,
  '20261127001200_create_mission_resources': createMissionResources,
  '20261127001300_create_api_keys_and_webhooks': createApiKeysAndWebhooks,
  '20261127001400_create_mentor_feedback_and_guidelines': createMentorFeedback,
  '20261127001500_create_recognition': createRecognition,
  '20261127001600_add_notifications_seen': addNotificationsSeen,
  '20261127001000_create_settings': createSettings,
  '20261206100100_mentor_notes_belong_to_missions': mentorNotesBelongToMissions,
  '20261206100200_refuse_submissions_of_withdrawn': refuseSubmissionsOfWithdrawn,
  '20261206110100_add_two_factor_and_sso': addTwoFactorAndSso,
  '20261206140100_check_cohort_dates': checkCohortDates,
  '20261207100100_rate_limits': rateLimits,
  '2026120712001_notify_changes': notifyChanges,
  '2026120712002_create_app_logs': createAppLogs,
  '20261207110100_durable_jobs': durableJobs,
  '20261207130100_keep_enrolment_figures': keepEnrolmentFigures,
  '20261207130200_index_list_columns': indexListColumns,
  '2026120715001_add_own_submissions': addOwnSubmissions,
  '20261207160100_index_logs_and_reviews': indexLogsAndReviews,
  '20261207160200_notify_more_changes': notifyMoreChanges,
  '20261207170100_mission_mentors_active': missionMentorsActive,
};

export const migrationSource: Knex.MigrationSource<string> = {
  async getMigrations() {
    return Object.keys(migrations).sort();
  },
  getMigrationName(name) {
    return name;
  },
  async getMigration(name) {
    return migrations[name];
  },
};
