import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router';
import { ForgotPasswordPage } from './auth/ForgotPasswordPage';
import { LoginPage } from './auth/LoginPage';
import { ResetPasswordPage } from './auth/ResetPasswordPage';
import { apiKeys } from './api_keys';
import { appeals } from './appeals';
import { assignmentReport } from './assignment_report';
import { assignments } from './assignments';
import { auditLog } from './audit_log';
import { batchEnrolments } from './batch_enrolments';
import { batches } from './batches';
import { callLists } from './call_lists';
import { callLogs } from './call_logs';
import { callScripts } from './call_scripts';
import { calls } from './calls';
import { certificates } from './certificates';
import { appTitle } from './config';
import { dailyAttendance } from './daily_attendance';
import { Dashboard } from './dashboard/Dashboard';
import { featureRequests } from './feature_requests';
import { imports } from './imports';
import { integrityCases } from './integrity_cases';
import { ImportWizard } from './imports/ImportWizard';
import { Layout } from './layout/Layout';
import { meetings } from './meetings';
import { MeetingCodePage } from './meetings/MeetingCodePage';
import { theme } from './layout/theme';
import { mentorLoad } from './mentor_load';
import { mentorFeedback } from './mentor_feedback';
import { mentorPairings } from './mentor_pairings';
import { missionAttendanceDays } from './mission_attendance_days';
import { missionEnrolments } from './mission_enrolments';
import { missionResources } from './mission_resources';
import { missionMentors } from './mission_mentors';
import { missions } from './missions';
import { notices } from './notices';
import { MissionPairingPage } from './missions/MissionPairingPage';
import { RbacPage } from './ops/RbacPage';
import { SystemPage } from './ops/SystemPage';
import { outboxMessages } from './outbox_messages';
import { ProfilePage } from './profile/ProfilePage';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
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

export const App = () => (
  <Admin
    title={appTitle}
    dataProvider={dataProvider}
    authProvider={authProvider}
    loginPage={LoginPage}
    dashboard={Dashboard}
    layout={Layout}
    theme={theme}
    requireAuth
    disableTelemetry
  >
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
    <Resource {...outboxMessages} />
    <Resource {...settings} />
    {/* Operations (admins and developers): System and Access (RBAC) pages are listed in the menu before API keys. */}
    <Resource {...apiKeys} />
    <Resource {...webhooks} />
    <Resource {...webhookDeliveries} />
    <CustomRoutes>
      <Route path="/profile" element={<ProfilePage />} />
      <Route path="/system" element={<SystemPage />} />
      <Route path="/rbac" element={<RbacPage />} />
    </CustomRoutes>
    <CustomRoutes noLayout>
      <Route path="/forgot-password" element={<ForgotPasswordPage />} />
      <Route path="/reset-password" element={<ResetPasswordPage />} />
    </CustomRoutes>
  </Admin>
);
