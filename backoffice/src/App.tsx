import { CustomRoutes, Resource } from 'react-admin';
import { AdminShell, suspended } from './layout/AdminShell';
import { Route } from 'react-router';
import { apiKeys } from './api_keys';
import { appeals } from './appeals';
import { assignmentReport } from './assignment_report';
import { assignments } from './assignments';
import { auditLog } from './audit_log';
import { appLogs } from './app_logs';
import { batchEnrolments } from './batch_enrolments';
import { batches } from './batches';
import { callLists } from './call_lists';
import { callLogs } from './call_logs';
import { callScripts } from './call_scripts';
import { calls } from './calls';
import { certificates } from './certificates';
import { lazyNamed } from './common/lazyNamed';
import { dailyAttendance } from './daily_attendance';
import { featureRequests } from './feature_requests';
import { imports } from './imports';
import { integrityCases } from './integrity_cases';
import { meetings } from './meetings';
import { mentorLoad } from './mentor_load';
import { mentorFeedback } from './mentor_feedback';
import { mentorPairings } from './mentor_pairings';
import { missionAttendanceDays } from './mission_attendance_days';
import { missionEnrolments } from './mission_enrolments';
import { missionResources } from './mission_resources';
import { missionMentors } from './mission_mentors';
import { missions } from './missions';
import { notices } from './notices';
import { outboxMessages } from './outbox_messages';
import { settings } from './settings';
import { shoutouts } from './shoutouts';
import { sres } from './sres';
import { studentProgress } from './student_progress';
import { students } from './students';
import { submissions } from './submissions';
import { tickets } from './tickets';
import { users } from './users';
import { webhookDeliveries } from './webhook_deliveries';
import { webhooks } from './webhooks';

// Pages load when opened (their own chunks): the first download is the shell and the sign-in page.
const Dashboard = lazyNamed(() => import('./dashboard/Dashboard'), 'Dashboard');
const ImportWizard = lazyNamed(() => import('./imports/ImportWizard'), 'ImportWizard');
const MeetingCodePage = lazyNamed(() => import('./meetings/MeetingCodePage'), 'MeetingCodePage');
const MissionPairingPage = lazyNamed(() => import('./missions/MissionPairingPage'), 'MissionPairingPage');
const RbacPage = lazyNamed(() => import('./ops/RbacPage'), 'RbacPage');
const SystemPage = lazyNamed(() => import('./ops/SystemPage'), 'SystemPage');
const JobsPage = lazyNamed(() => import('./ops/JobsPage'), 'JobsPage');
const ProfilePage = lazyNamed(() => import('./profile/ProfilePage'), 'ProfilePage');
// Outside the layout (and its Suspense): each in its own.
const ForgotPasswordPage = suspended(lazyNamed(() => import('./auth/ForgotPasswordPage'), 'ForgotPasswordPage'));
const ResetPasswordPage = suspended(lazyNamed(() => import('./auth/ResetPasswordPage'), 'ResetPasswordPage'));

export const App = () => (
  <AdminShell dashboard={Dashboard}>
    {/* Menus show only what authProvider.canAccess allows (the API enforces it). */}
    <Resource {...batches} />
    <Resource {...missions}>
      <Route path=":id/pairing" element={<MissionPairingPage />} />
    </Resource>
    <Resource {...missionResources} />
    <Resource {...students} />
    <Resource {...imports}>
      <Route path="new" element={<ImportWizard />} />
    </Resource>
    <Resource {...batchEnrolments} />
    <Resource {...missionEnrolments} />
    <Resource {...missionMentors} />
    <Resource {...mentorPairings} />
    <Resource {...dailyAttendance} />
    <Resource {...meetings}>
      <Route path=":id/code" element={<MeetingCodePage />} />
    </Resource>
    <Resource {...assignments} />
    <Resource {...submissions} />
    <Resource {...integrityCases} />
    <Resource {...appeals} />
    <Resource {...notices} />
    <Resource {...tickets} />
    <Resource {...featureRequests} />
    <Resource {...studentProgress} />
    <Resource {...calls} />
    <Resource {...callLists} />
    <Resource {...callLogs} />
    <Resource {...callScripts} />
    <Resource {...sres} />
    {/* Recognition & feedback: meeting ratings, shout-outs, certificates (issued from a mission's page). */}
    <Resource {...mentorFeedback} />
    <Resource {...shoutouts} />
    <Resource {...certificates} />
    <Resource {...missionAttendanceDays} />
    <Resource {...assignmentReport} />
    <Resource {...mentorLoad} />
    <Resource {...users} />
    <Resource {...auditLog} />
    <Resource {...appLogs} />
    <Resource {...outboxMessages} />
    <Resource {...settings} />
    {/* Operations (admins and developers): System, Jobs and Access (RBAC) pages are listed in the menu before API keys. */}
    <Resource {...apiKeys} />
    <Resource {...webhooks} />
    <Resource {...webhookDeliveries} />
    <CustomRoutes>
      <Route path="/profile" element={<ProfilePage />} />
      <Route path="/system" element={<SystemPage />} />
      <Route path="/jobs" element={<JobsPage />} />
      <Route path="/rbac" element={<RbacPage />} />
    </CustomRoutes>
    <CustomRoutes noLayout>
      <Route path="/forgot-password" element={<ForgotPasswordPage />} />
      <Route path="/reset-password" element={<ResetPasswordPage />} />
    </CustomRoutes>
  </AdminShell>
);
