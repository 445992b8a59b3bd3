import cookieParser from 'cookie-parser';
import cors from 'cors';
import type { IncomingMessage, ServerResponse } from 'node:http';
import express from 'express';
import helmet from 'helmet';
import type { Knex } from 'knex';
import pino, { type Logger } from 'pino';
import { authenticate } from './auth/authenticate';
import { standingGate } from './auth/standing-gate';
import { authRouter } from './auth/auth-routes';
import { appLinks } from './auth/links';
import { meLoader } from './auth/me';
import { oidcRouter } from './auth/oidc-routes';
import { configurePassport } from './auth/passport';
import { AuthThrottle } from './auth/throttle';
import { TwoFactor } from './auth/two-factor';
import { twoFactorGate } from './auth/two-factor-gate';
import { twoFactorRouter } from './auth/two-factor-routes';
import type { Config } from './config';
import { TEST_COST_VARIABLE } from '@sms/db/password-hash';
import { errorHandler, errors, registerConstraintMessages } from './core/errors';
import type { ResourceDefinition } from './core/resource';
import { fastLane } from './core/fast-lane';
import { sharedLimiters, WriteLimit } from './core/limits';
import { contactGuard } from './core/contacts';
import { plainBodies } from './core/input';
import { requestLog } from './core/request-log';
import { resourceRouter } from './core/resource-router';
import { Mailer } from './mail/mailer';
import { Jobs } from './jobs/jobs';
import { jobMonitorRouter } from './jobs/monitor-routes';
import { TotpSecretBox } from './auth/totp-secret';
import { auditLogResource } from './resources/audit-log/audit-log.resource';
import { outboxMessagesResource } from './resources/outbox-messages/outbox-messages.resource';
import { usersResource } from './resources/users/users.resource';
import { batchesResource } from './resources/batches/batches.resource';
import { missionsResource } from './resources/missions/missions.resource';
import { studentsResource } from './resources/students/students.resource';
import { batchEnrolmentsResource } from './resources/batch-enrolments/batch-enrolments.resource';
import { missionEnrolmentsResource } from './resources/mission-enrolments/mission-enrolments.resource';
import { missionMentorsResource } from './resources/mission-mentors/mission-mentors.resource';
import { mentorPairingsResource } from './resources/mentor-pairings/mentor-pairings.resource';
import { studentActions } from './resources/students/student-actions';
import { autoPairRouter } from './resources/missions/auto-pair';
import { reassignRouter } from './resources/mentor-pairings/reassign-routes';
import { importsResource } from './resources/imports/imports.resource';
import { importRouter } from './resources/imports/import-routes';
import { dailyAttendanceResource } from './resources/daily-attendance/daily-attendance.resource';
import { attendanceFastRoute, attendanceRouter, submitAttendance } from './resources/daily-attendance/attendance-routes';
import { attendanceWriter } from './resources/daily-attendance/attendance-writer';
import { meetingsResource } from './resources/meetings/meetings.resource';
import { meetingRouter } from './resources/meetings/meeting-routes';
import { meetingAttendanceResource } from './resources/meeting-attendance/meeting-attendance.resource';
import { assignmentsResource } from './resources/assignments/assignments.resource';
import { submissionsResource } from './resources/submissions/submissions.resource';
import { submissionPastesResource } from './resources/submission-pastes/submission-pastes.resource';
import { pasteRouter } from './resources/submission-pastes/paste-routes';
import { OWN_SUBMISSION_FILE_PATH, ownSubmissionFastRoute, ownSubmissionRouter, submitOwnLink } from './resources/submissions/own-submission-routes';
import { ownSubmissionWriter } from './resources/submissions/own-submission-writer';
import { pointsLedgerResource } from './resources/points/points-ledger.resource';
import { pointsRouter } from './resources/points/points-routes';
import { meRouter } from './resources/me/me-routes';
import { integrityCasesResource } from './resources/integrity-cases/integrity-cases.resource';
import { integrityActionsResource } from './resources/integrity-actions/integrity-actions.resource';
import { appealsResource } from './resources/appeals/appeals.resource';
import { appealRouter } from './resources/appeals/appeal-routes';
import { noticesResource } from './resources/notices/notices.resource';
import { noticeRouter } from './resources/notices/notice-routes';
import { ticketsResource } from './resources/tickets/tickets.resource';
import { ticketMessagesResource } from './resources/tickets/ticket-messages.resource';
import { featureRequestsResource } from './resources/feature-requests/feature-requests.resource';
import { voteRouter } from './resources/feature-requests/vote-routes';
import { mentorNotesResource } from './resources/mentor-notes/mentor-notes.resource';
import { mentorsResource } from './resources/mentors/mentors.resource';
import { studentProgressResource } from './resources/outreach/student-progress.resource';
import { callScriptsResource } from './resources/outreach/call-scripts.resource';
import { callListsResource } from './resources/outreach/call-lists.resource';
import { callsResource } from './resources/outreach/calls.resource';
import { callLogsResource } from './resources/outreach/call-logs.resource';
import { sresResource } from './resources/outreach/sres.resource';
import { mentorFeedbackResource } from './resources/mentor-feedback/mentor-feedback.resource';
import { certificatesResource, shoutoutsResource, studentAchievementsResource } from './resources/recognition/recognition.resources';
import { certificateRouter, certificateVerifyRouter } from './resources/recognition/certificate-routes';
import { notificationsRouter } from './resources/me/notifications';
import { callListRouter } from './resources/outreach/call-list-routes';
import { calendarFeedRouter, calendarRouter } from './resources/calendar/calendar-routes';
import { missionResourcesResource } from './resources/mission-resources/mission-resources.resource';
import { missionResourceFilesRouter, UPLOAD_PATH } from './resources/mission-resources/mission-resource-files';
import { createStorage } from './storage/create-storage';
import { apiKeysResource } from './resources/integrations/api-keys.resource';
import { webhookDeliveriesResource, webhooksResource } from './resources/integrations/webhooks.resource';
import { integrationRouter } from './resources/integrations/integration-routes';
import { assignmentReportResource, mentorLoadResource, missionAttendanceDaysResource } from './resources/reports/report-resources';
import { httpMetrics } from './ops/metrics';
import { metricsRouter, opsRouter } from './ops/ops-routes';
import { healthRouter } from './ops/health-routes';
import { AppLogSink } from './ops/app-logs';
import { appLogsResource } from './resources/app-logs/app-logs.resource';
import { EventHub } from './live/event-hub';
import { eventsRouter } from './live/events-route';
import { studentPrivacyRouter } from './privacy/student-privacy';
import { settingsResource } from './resources/settings/settings.resource';

export const VERSION = process.env.npm_package_version ?? '0.1.0';

export interface AppDeps {
  config: Config;
  knex: Knex;
  logger?: Logger;
}

/**
 * The API as Node's request listener: the fast lane for the cohort-wide actions, Express for everything else. It
 * carries the declared resources, so tests can sweep every one of them (a new resource is covered by itself).
 */
export type ApiListener = ((req: IncomingMessage, res: ServerResponse) => void) & {
  resources: readonly ResourceDefinition[];
  jobs: Jobs;
  /** Ends the live-update streams and their LISTEN connection, and writes the log lines still buffered. */
  close(): Promise<void>;
};

export function createApp({ config, knex, logger = pino({ level: config.LOG_LEVEL }) }: AppDeps): ApiListener {
  // Durable jobs (api/src/jobs): queued here in the writing transaction; worked where `jobs.start()` runs.
  const box = new TotpSecretBox(config.totpKeys);
  const mailer = new Mailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, logger, box });
  const jobs = new Jobs({ knex, logger, config, mailer, box });
  mailer.queue = jobs;
  const links = appLinks(config);
  const storage = createStorage(config);
  if (process.env[TEST_COST_VARIABLE]) logger.warn(`${TEST_COST_VARIABLE} is set: passwords are hashed at a test-only cost. Never set it in production.`);
  const resources: ResourceDefinition[] = [
    usersResource({ mailer, links }),
    auditLogResource,
    outboxMessagesResource,
    batchesResource,
    missionsResource,
    studentsResource({ mailer, links }),
    batchEnrolmentsResource,
    missionEnrolmentsResource,
    missionMentorsResource,
    mentorPairingsResource,
    importsResource,
    dailyAttendanceResource,
    meetingsResource,
    meetingAttendanceResource,
    assignmentsResource,
    submissionsResource,
    submissionPastesResource,
    pointsLedgerResource,
    integrityCasesResource,
    integrityActionsResource({ mailer, portalUrl: config.PORTAL_URL }),
    appealsResource,
    noticesResource,
    ticketsResource,
    ticketMessagesResource({ mailer, links, portalUrl: config.PORTAL_URL, backofficeUrl: config.BACKOFFICE_URL }),
    featureRequestsResource,
    mentorNotesResource,
    mentorsResource,
    studentProgressResource,
    callScriptsResource,
    callListsResource,
    callsResource,
    callLogsResource,
    sresResource,
    mentorFeedbackResource,
    shoutoutsResource,
    certificatesResource,
    studentAchievementsResource,
    missionAttendanceDaysResource,
    assignmentReportResource,
    mentorLoadResource,
    missionResourcesResource(storage),
    apiKeysResource,
    webhooksResource,
    webhookDeliveriesResource,
    settingsResource,
    appLogsResource,
  ] as unknown as ResourceDefinition[];
  for (const resource of resources) registerConstraintMessages(resource.constraintMessages ?? {});

  const app = express();
  app.disable('x-powered-by');
  // Answers are private and change with the data (a list's total lives in a header an ETag would not cover).
  app.set('etag', false);
  // The portal calls the API server-side and forwards the student's address; trust only such local hops by default.
  app.set('trust proxy', config.TRUST_PROXY === 'true' ? true : config.TRUST_PROXY === 'false' ? false : config.TRUST_PROXY);
  const logs = new AppLogSink(knex, logger);
  const common = [
    requestLog(logger, logs),
    helmet(),
    cors({
      origin: config.corsOrigins,
      credentials: true,
      exposedHeaders: ['Content-Range', 'X-Total-Estimate', 'X-Request-Id', 'Content-Disposition'],
      // X-File-Name: a mission resource upload's file name (POST /mission_resources/upload).
      allowedHeaders: ['Content-Type', 'Authorization', 'X-CSRF-Token', 'X-Request-Id', 'Range', 'X-File-Name'],
      methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      maxAge: 600,
    }),
  ];
  app.use(httpMetrics(app));
  app.use(common);
  app.use(contactGuard);
  // Uploads stream their body to storage, whatever its type (a .json file included).
  app.use(express.json({ limit: '10mb', type: (req) => !req.url?.startsWith(UPLOAD_PATH) && !req.url?.startsWith(OWN_SUBMISSION_FILE_PATH) && /^application\/json\b/i.test(String(req.headers['content-type'] ?? '')) }));
  app.use(plainBodies);
  app.use(cookieParser());

  app.use(healthRouter(knex, VERSION));

  app.use(calendarFeedRouter(knex));
  app.use(certificateVerifyRouter(knex));
  app.use(metricsRouter({ knex, config }));
  app.use(authenticate(knex, config.corsOrigins, config.twoFactorRequiredRoles));
  app.use(twoFactorGate);
  app.use(standingGate);
  const limiter = sharedLimiters(knex);
  const writeLimit = new WriteLimit(limiter, { perUser: config.WRITE_LIMIT_PER_USER, perAddress: config.WRITE_LIMIT_PER_ADDRESS, windowSeconds: config.WRITE_LIMIT_WINDOW_SECONDS });
  app.use(writeLimit.middleware());
  // The routes a whole cohort hits in the same few minutes come first, so they skip matching the others.
  const submit = submitAttendance(attendanceWriter(knex));
  app.use(attendanceRouter(submit));
  const handIn = ownSubmissionWriter(knex);
  app.use(ownSubmissionRouter(knex, storage, handIn, resources.find((resource) => resource.name === 'submissions')!, config.UPLOAD_MAX_MB * 1024 * 1024));
  app.use(meetingRouter(knex, limiter));
  app.use(meRouter(knex));
  app.use(notificationsRouter(knex));
  const hub = new EventHub(config.DATABASE_URL, knex, resources, logger);
  app.use(eventsRouter(knex, hub, config.EVENTS_HEARTBEAT_SECONDS * 1000));
  const throttle = new AuthThrottle(limiter);
  const twoFactor = new TwoFactor(config.totpKeys);
  const me = meLoader(knex, resources, config.twoFactorRequiredRoles);
  app.use(authRouter({ knex, config, mailer, throttle, passport: configurePassport(knex), twoFactor, me }));
  app.use(twoFactorRouter({ knex, config, throttle, twoFactor, me, mailer, links }));
  app.use(oidcRouter({ knex, config, twoFactor, me }));
  const students = resources.find((resource) => resource.name === 'students')!;
  for (const action of studentActions(students, knex)) app.use(action);
  app.use(autoPairRouter(knex));
  app.use(reassignRouter(knex, { mailer, portalUrl: config.PORTAL_URL, backofficeUrl: config.BACKOFFICE_URL }));
  app.use(importRouter(knex, resources, { jobs, box }));
  app.use(pasteRouter(knex));
  app.use(pointsRouter(knex));
  app.use(appealRouter(knex, { mailer, portalUrl: config.PORTAL_URL }));
  app.use(noticeRouter(knex));
  app.use(voteRouter(knex));
  app.use(callListRouter(knex));
  app.use(calendarRouter(knex, config.apiPublicUrl));
  app.use(integrationRouter(knex, jobs));
  app.use(certificateRouter(knex, config.apiPublicUrl));
  app.use(missionResourceFilesRouter(knex, storage, resources.find((resource) => resource.name === 'mission_resources')!, config.UPLOAD_MAX_MB * 1024 * 1024));
  app.use(opsRouter({ knex, config, resources, app, version: VERSION, logs }));
  app.use(jobMonitorRouter(knex, jobs));
  app.use(studentPrivacyRouter(knex, resources));
  for (const resource of resources) app.use(resourceRouter(resource, knex));

  app.use((req) => {
    throw errors.notFound(`page ${req.method} ${req.path}`);
  });
  app.use(errorHandler(logger));

  const lane = fastLane([attendanceFastRoute(submit), ownSubmissionFastRoute(submitOwnLink(handIn))], { knex, logger, common, trustProxy: app.get('trust proxy fn'), writeLimit });
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    if (!lane(req, res)) app(req, res);
  };
  const close = async () => {
    await hub.close();
    await logs.close();
  };
  return Object.assign(listener, { resources, jobs, close });
}
