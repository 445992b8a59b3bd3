import type { Role } from '../core/actor';
import type { Action } from '../core/resource';

/**
 * Who may call a custom route, as its handler decides it:
 * - `public`: signed-out flows (sign-in, sign-up, password reset);
 * - `signedIn`: any signed-in user;
 * - `roles`: the handler's own role check (`actor.role !== 'student'` …);
 * - `requires`: the resource policies the handler applies (`assertCan` / `findVisible`), so the roles are computed
 *   from the same policies as the generic routes; combined with `roles` when the handler checks both.
 * - `token`: also open to a configured bearer token (the metrics scraper's).
 */
export interface RouteAccess {
  public?: true;
  signedIn?: true;
  roles?: readonly Role[];
  requires?: readonly (readonly [string, Action])[];
  token?: string;
}

export interface CustomRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The Express pattern, as registered. */
  path: string;
  tag: string;
  summary: string;
  /** What the body carries, in short (see api/API.md for the full contract). */
  body?: string;
  access: RouteAccess;
}

const STAFF: readonly Role[] = ['admin', 'developer', 'manager', 'sre', 'mentor'];
const OPS: readonly Role[] = ['admin', 'developer'];

/**
 * Every route served outside the generic resource router. Kept beside the code it describes: GET /ops/rbac lists
 * any registered route missing here (and its test fails), so the table cannot silently fall behind.
 */
export const CUSTOM_ROUTES: readonly CustomRoute[] = [
  { method: 'GET', path: '/health', tag: 'operations', summary: 'Liveness and database check with the version.', access: { public: true } },
  { method: 'GET', path: '/health/live', tag: 'operations', summary: 'Liveness: the process is up (no database check).', access: { public: true } },
  { method: 'GET', path: '/events', tag: 'operations', summary: 'Server-Sent Events of committed changes the caller may read ({resource, op, ids}), scoped by the resource policies.', access: { signedIn: true } },
  { method: 'GET', path: '/health/ready', tag: 'operations', summary: 'Readiness: the database answers and its migrations are current (503 otherwise).', access: { public: true } },
  { method: 'GET', path: '/metrics', tag: 'operations', summary: 'Prometheus metrics (all workers summed).', access: { roles: OPS, token: 'METRICS_TOKEN' } },
  { method: 'GET', path: '/openapi.json', tag: 'operations', summary: 'This description of the API.', access: { roles: OPS } },
  { method: 'GET', path: '/ops/info', tag: 'operations', summary: 'Version, runtime, database server, pool, workers and the biggest tables.', access: { roles: OPS } },
  { method: 'GET', path: '/ops/migrations', tag: 'operations', summary: 'Applied migrations with times, and pending ones.', access: { roles: OPS } },
  { method: 'GET', path: '/ops/rbac', tag: 'operations', summary: 'Role × resource × action matrix computed from the policies, and the custom routes.', access: { roles: OPS } },
  { method: 'GET', path: '/ops/errors', tag: 'operations', summary: 'The most recent unexpected (500) errors of the answering worker.', access: { roles: OPS } },
  { method: 'GET', path: '/ops/jobs', tag: 'operations', summary: 'Job monitor: every queue with its jobs counted by state and its schedule, and the latest failed jobs with their error.', access: { roles: OPS } },
  { method: 'POST', path: '/ops/jobs/:queue/:id/retry', tag: 'operations', summary: 'Run a failed job again (audited).', access: { roles: OPS } },
  { method: 'POST', path: '/ops/jobs/:queue/:id/cancel', tag: 'operations', summary: 'Cancel a waiting, retrying or running job (audited); its mail or import is marked failed.', access: { roles: OPS } },

  { method: 'POST', path: '/auth/login', tag: 'auth', summary: 'Sign in; sets the session cookie.', body: '{email, password}', access: { public: true } },
  { method: 'POST', path: '/auth/token', tag: 'auth', summary: 'Sign in for a bearer token (server-side clients).', body: '{email, password}', access: { public: true } },
  { method: 'POST', path: '/auth/logout', tag: 'auth', summary: 'End this session.', access: { signedIn: true } },
  { method: 'GET', path: '/auth/me', tag: 'auth', summary: 'The signed-in user with permissions and CSRF token.', access: { signedIn: true } },
  { method: 'POST', path: '/auth/signup', tag: 'auth', summary: 'Student self sign-up; sends a verification email.', body: '{name, email, password}', access: { public: true } },
  { method: 'POST', path: '/auth/verify-email', tag: 'auth', summary: 'Confirm an email address.', body: '{token}', access: { public: true } },
  { method: 'POST', path: '/auth/verify-email/resend', tag: 'auth', summary: 'Send the verification email again.', body: '{email}', access: { public: true } },
  { method: 'POST', path: '/auth/password/forgot', tag: 'auth', summary: 'Email a password reset link.', body: '{email}', access: { public: true } },
  { method: 'POST', path: '/auth/password/reset', tag: 'auth', summary: 'Set a new password from a reset or invitation link.', body: '{token, password}', access: { public: true } },
  { method: 'POST', path: '/auth/password/change', tag: 'auth', summary: 'Change the password; ends every other session.', body: '{currentPassword, newPassword}', access: { signedIn: true } },
  { method: 'GET', path: '/auth/2fa', tag: 'auth', summary: 'Two-factor status: on/off, required, recovery codes left, remembered devices.', access: { signedIn: true } },
  { method: 'POST', path: '/auth/2fa/setup', tag: 'auth', summary: 'Start enrolling an authenticator app: the secret, its otpauth URL and a QR code.', access: { signedIn: true } },
  { method: 'GET', path: '/auth/2fa/setup', tag: 'auth', summary: 'The enrolment under way again (until its first code confirms it).', access: { signedIn: true } },
  { method: 'DELETE', path: '/auth/2fa/setup', tag: 'auth', summary: 'Drop an enrolment that was never confirmed.', access: { signedIn: true } },
  { method: 'POST', path: '/auth/2fa/enable', tag: 'auth', summary: 'Confirm the enrolment with a first code; answers the recovery codes once.', body: '{code}', access: { signedIn: true } },
  { method: 'POST', path: '/auth/2fa/verify', tag: 'auth', summary: 'The code step of a sign-in (app code or recovery code), optionally remembering the device.', body: '{code, remember_device?}', access: { signedIn: true } },
  { method: 'POST', path: '/auth/2fa/recovery-codes', tag: 'auth', summary: 'New recovery codes (the old ones stop working).', body: '{code}', access: { signedIn: true } },
  { method: 'POST', path: '/auth/2fa/disable', tag: 'auth', summary: 'Turn two-factor sign-in off (roles that require it cannot).', body: '{code}', access: { signedIn: true } },
  { method: 'DELETE', path: '/auth/2fa/devices/:id', tag: 'auth', summary: 'Forget one remembered device.', access: { signedIn: true } },
  { method: 'DELETE', path: '/auth/2fa/devices', tag: 'auth', summary: 'Forget every remembered device.', access: { signedIn: true } },
  { method: 'POST', path: '/users/:id/2fa/reset', tag: 'auth', summary: "Reset a user's two-factor sign-in and end their sessions (audited, mailed).", access: { roles: ['admin'] } },
  { method: 'GET', path: '/auth/oidc', tag: 'auth', summary: 'Whether single sign-on is configured, and the provider name.', access: { public: true } },
  { method: 'GET', path: '/auth/oidc/start', tag: 'auth', summary: 'Start an OpenID Connect sign-in (redirects to the provider).', access: { public: true } },
  { method: 'GET', path: '/auth/oidc/callback', tag: 'auth', summary: "The provider's answer: signs a staff member in and redirects to the back office.", access: { public: true } },

  { method: 'GET', path: '/me/dashboard', tag: 'me', summary: "A student's home screen in one request.", access: { roles: ['student'] } },
  { method: 'GET', path: '/me/standing', tag: 'me', summary: "A student's status, cases, actions and appeals.", access: { roles: ['student'] } },
  { method: 'GET', path: '/me/notices', tag: 'me', summary: "A student's notices with read and acknowledgement state.", access: { roles: ['student'] } },
  { method: 'GET', path: '/me/notices/:id', tag: 'me', summary: 'One notice for a student; reading marks it read.', access: { roles: ['student'], requires: [['notices', 'read']] } },
  { method: 'GET', path: '/me/calendar', tag: 'calendar', summary: "A student's or mentor's calendar (deadlines, meetings, attendance) as JSON.", access: { roles: ['student', 'mentor'] } },
  { method: 'POST', path: '/me/calendar-feed', tag: 'calendar', summary: 'A new private iCal feed URL (the old one stops working).', access: { roles: ['student', 'mentor'] } },
  { method: 'DELETE', path: '/me/calendar-feed', tag: 'calendar', summary: 'Turn the iCal feed off.', access: { signedIn: true } },
  { method: 'GET', path: '/calendar/:file', tag: 'calendar', summary: 'The private iCal feed (`<secret>.ics`); the secret in the URL is the key.', access: { public: true } },
  { method: 'GET', path: '/me/feature_request_votes', tag: 'me', summary: 'Ids of the feature requests the user voted for.', access: { signedIn: true } },

  { method: 'POST', path: '/attendance', tag: 'attendance', summary: "Submit today's attendance (the fast lane serves bearer JSON requests).", body: '{mission_id, note?}', access: { roles: ['student'] } },
  { method: 'GET', path: '/meetings/:id/code', tag: 'meetings', summary: "The meeting's rotating 6-digit check-in code.", access: { roles: ['admin', 'manager', 'sre', 'mentor'], requires: [['meetings', 'read']] } },
  { method: 'POST', path: '/meetings/:id/check-in', tag: 'meetings', summary: 'Check in to a meeting during its window.', body: '{code?}', access: { roles: ['student'], requires: [['meetings', 'read']] } },

  { method: 'POST', path: '/assignments/:id/paste', tag: 'paste', summary: 'Record submissions from a pasted list of emails (dry run first).', body: '{text, taken_at?, dry_run}', access: { requires: [['submissions', 'create'], ['assignments', 'read']] } },
  { method: 'POST', path: '/me/submissions', tag: 'submissions', summary: 'A student hands in a link to their work (the fast lane serves bearer JSON requests); again until the deadline.', body: '{assignment_id, link_url, note?}', access: { roles: ['student'] } },
  { method: 'POST', path: '/me/submissions/file', tag: 'submissions', summary: 'A student hands in a file (the body is the file, its name in X-File-Name), with an optional link in the query.', access: { roles: ['student'] } },
  { method: 'GET', path: '/submissions/:id/file', tag: 'submissions', summary: "A submission's file, always as an attachment.", access: { requires: [['submissions', 'read']] } },
  { method: 'GET', path: '/submission_pastes/:id/unmatched.csv', tag: 'paste', summary: "A paste's unknown and not-enrolled emails as CSV.", access: { requires: [['submission_pastes', 'read']] } },

  { method: 'GET', path: '/missions/:id/leaderboard', tag: 'points', summary: 'Ranks by points in a mission.', access: { roles: STAFF, requires: [['missions', 'read']] } },
  { method: 'GET', path: '/missions/:id/points/recompute', tag: 'points', summary: 'Preview recomputing the points ledger after a rule change.', access: { roles: ['admin', 'manager'], requires: [['missions', 'read']] } },
  { method: 'POST', path: '/missions/:id/points/recompute', tag: 'points', summary: 'Recompute the points ledger (audited).', access: { roles: ['admin', 'manager'], requires: [['missions', 'read']] } },

  { method: 'POST', path: '/appeals/:id/decide', tag: 'appeals', summary: 'Accept (lifting the actions) or reject an appeal.', body: '{decision: accept|reject, note}', access: { roles: ['admin', 'sre'], requires: [['appeals', 'read']] } },

  { method: 'POST', path: '/notices/:id/acknowledge', tag: 'notices', summary: 'A student acknowledges a notice.', access: { roles: ['student'], requires: [['notices', 'read']] } },
  { method: 'POST', path: '/notices/:id/reactions', tag: 'notices', summary: 'Toggle a reaction on a notice.', body: '{reaction: check|important|star}', access: { roles: ['student'], requires: [['notices', 'read']] } },
  { method: 'GET', path: '/notices/:id/acknowledgements', tag: 'notices', summary: 'Who has and has not acknowledged a notice.', access: { roles: STAFF, requires: [['notices', 'read']] } },
  { method: 'GET', path: '/notices/:id/acknowledgements.csv', tag: 'notices', summary: 'The same as CSV.', access: { roles: STAFF, requires: [['notices', 'read']] } },

  { method: 'POST', path: '/feature_requests/:id/vote', tag: 'votes', summary: 'Upvote a feature request (once).', access: { roles: ['student'], requires: [['feature_requests', 'read']] } },
  { method: 'DELETE', path: '/feature_requests/:id/vote', tag: 'votes', summary: 'Withdraw a vote.', access: { roles: ['student'], requires: [['feature_requests', 'read']] } },

  { method: 'POST', path: '/call_lists/generate', tag: 'call_lists', summary: 'Plan (dry run) or create a call list from the low-performer report.', body: '{batch_id? | mission_id?, risk, sre_ids?, include_open?, title?, dry_run}', access: { requires: [['call_lists', 'create'], ['calls', 'create']] } },

  { method: 'POST', path: '/imports', tag: 'imports', summary: 'CSV import of students, enrolments or pairings (dry run, or 202 and poll).', body: '{kind, csv, filename?, dry_run}', access: { requires: [['mentor_pairings', 'create']] } },
  { method: 'GET', path: '/imports/:id/errors.csv', tag: 'imports', summary: "An import's error report as CSV.", access: { requires: [['imports', 'read']] } },

  { method: 'GET', path: '/missions/:id/auto-pair', tag: 'pairing', summary: 'Preview balanced automatic mentor pairing.', access: { requires: [['mentor_pairings', 'create'], ['missions', 'read']] } },
  { method: 'POST', path: '/missions/:id/auto-pair', tag: 'pairing', summary: 'Apply balanced automatic mentor pairing.', access: { requires: [['mentor_pairings', 'create'], ['missions', 'read']] } },
  { method: 'POST', path: '/mentor_pairings/reassign', tag: 'pairing', summary: "Move one, some or all of a mentor's students on a mission to another mentor or balanced over the others (dry run first; audited, students and new mentors mailed).", body: '{mission_id, from_mentor_id, student_ids?, to_mentor_id?, dry_run, deactivate?}', access: { requires: [['mentor_pairings', 'update'], ['missions', 'read']] } },
  { method: 'POST', path: '/students/actions/enrol', tag: 'students', summary: 'Enrol the students matching a filter in a mission.', body: '{mission_id, add_to_batch?}', access: { requires: [['students', 'read'], ['mission_enrolments', 'create']] } },
  { method: 'POST', path: '/students/actions/pair', tag: 'students', summary: 'Pair the students matching a filter with a mentor.', body: '{mission_id, mentor_id}', access: { requires: [['students', 'read'], ['mentor_pairings', 'create']] } },
  { method: 'POST', path: '/students/actions/move-batch', tag: 'students', summary: 'Move the students matching a filter to another batch.', body: '{from_batch_id, to_batch_id}', access: { requires: [['students', 'read'], ['batch_enrolments', 'create'], ['batch_enrolments', 'delete']] } },

  { method: 'POST', path: '/mission_resources/upload', tag: 'mission_resources', summary: 'Upload a file for a mission (the body is the file).', access: { requires: [['mission_resources', 'create'], ['missions', 'read']] } },
  { method: 'GET', path: '/me/notifications', tag: 'me', summary: "A student's alerts: news of the last 30 days and what is due soon.", access: { roles: ['student'] } },
  { method: 'POST', path: '/me/notifications/seen', tag: 'me', summary: 'Mark all alerts seen.', access: { roles: ['student'] } },
  { method: 'POST', path: '/certificates/issue', tag: 'recognition', summary: "Certificates for a mission's completed students (all, or those named).", body: '{mission_id, student_ids?}', access: { roles: ['admin', 'manager', 'sre'], requires: [['missions', 'read']] } },
  { method: 'GET', path: '/certificates/:id/pdf', tag: 'recognition', summary: 'A certificate as a PDF.', access: { requires: [['certificates', 'read']] } },
  { method: 'GET', path: '/certificates/verify/:code', tag: 'recognition', summary: "Check a certificate's code (public).", access: { public: true } },
  { method: 'POST', path: '/api_keys', tag: 'integrations', summary: 'A new API key acting as a staff user (shown once).', body: '{name, user_id?, expires_in_days?}', access: { roles: OPS } },
  { method: 'POST', path: '/webhook_deliveries/:id/retry', tag: 'integrations', summary: 'Send a webhook delivery again now.', access: { requires: [['webhook_deliveries', 'read']] } },
  { method: 'GET', path: '/mission_resources/:id/download', tag: 'mission_resources', summary: "Download a mission resource's file (always as an attachment).", access: { requires: [['mission_resources', 'read']] } },

  { method: 'GET', path: '/students/:id/export', tag: 'privacy', summary: 'Everything held about a student, as one JSON document (audited).', access: { roles: ['admin'], requires: [['students', 'read']] } },
  { method: 'POST', path: '/students/:id/erase', tag: 'privacy', summary: "Erase a student's personal data, keeping the rows and the audit trail.", body: '{confirm: <the student’s email>}', access: { roles: ['admin'], requires: [['students', 'read']] } },
];
