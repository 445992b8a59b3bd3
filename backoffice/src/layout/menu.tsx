import type { SvgIconComponent } from '@mui/icons-material';
import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import AdminPanelSettingsIcon from '@mui/icons-material/AdminPanelSettings';
import AssessmentIcon from '@mui/icons-material/Assessment';
import AssignmentIcon from '@mui/icons-material/Assignment';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import CampaignIcon from '@mui/icons-material/Campaign';
import CelebrationIcon from '@mui/icons-material/Celebration';
import FlagIcon from '@mui/icons-material/Flag';
import ForumIcon from '@mui/icons-material/Forum';
import GavelIcon from '@mui/icons-material/Gavel';
import GroupsIcon from '@mui/icons-material/Groups';
import HistoryIcon from '@mui/icons-material/History';
import InsightsIcon from '@mui/icons-material/Insights';
import KeyIcon from '@mui/icons-material/Key';
import LightbulbIcon from '@mui/icons-material/Lightbulb';
import MailOutlineIcon from '@mui/icons-material/MailOutline';
import MonitorHeartIcon from '@mui/icons-material/MonitorHeart';
import PeopleIcon from '@mui/icons-material/People';
import PhoneInTalkIcon from '@mui/icons-material/PhoneInTalk';
import PlaylistAddCheckIcon from '@mui/icons-material/PlaylistAddCheck';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import RecordVoiceOverIcon from '@mui/icons-material/RecordVoiceOver';
import SchoolIcon from '@mui/icons-material/School';
import SettingsIcon from '@mui/icons-material/Settings';
import StarRateIcon from '@mui/icons-material/StarRate';
import SupervisorAccountIcon from '@mui/icons-material/SupervisorAccount';
import SupportAgentIcon from '@mui/icons-material/SupportAgent';
import TrendingDownIcon from '@mui/icons-material/TrendingDown';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import VideoCallIcon from '@mui/icons-material/VideoCall';
import WebhookIcon from '@mui/icons-material/Webhook';
import WorkHistoryIcon from '@mui/icons-material/WorkHistory';
import WorkspacePremiumIcon from '@mui/icons-material/WorkspacePremium';
import type { Role } from '../providers/session';

/**
 * The menu, by task: a few groups per role, each item a screen that role works in. Join tables (enrolments,
 * mentors on missions, pairings, attendance rows, submissions, call logs…) are not here: they open from the
 * batch, mission, student or call that uses them. An item shows only to the roles listed and only when
 * the API lets the user list its resource (`can`), so a new screen is one line in one group.
 */
export interface MenuItemSpec {
  /** A resource's list (checked against the user's permissions), or a path. */
  resource?: string;
  to?: string;
  /** Translation key of the label (app.menu.*). */
  label: string;
  icon: SvgIconComponent;
  roles: readonly Role[];
  /** The permission a path item needs, e.g. students.create for Import CSV. */
  needs?: { resource: string; action: string };
}

export interface MenuGroupSpec {
  label: string;
  items: MenuItemSpec[];
}

const STAFF: readonly Role[] = ['admin', 'developer', 'manager', 'sre', 'mentor'];
const OFFICE: readonly Role[] = ['admin', 'manager', 'sre'];

export const MENU: MenuGroupSpec[] = [
  {
    label: 'app.menu.group.mentees',
    items: [
      { resource: 'students', label: 'app.menu.my_students', icon: SchoolIcon, roles: ['mentor'] },
      { resource: 'student_progress', label: 'app.menu.slipping', icon: TrendingDownIcon, roles: ['mentor'] },
      { resource: 'tickets', label: 'app.menu.tickets', icon: ForumIcon, roles: ['mentor'] },
      { resource: 'meetings', label: 'app.menu.meetings', icon: VideoCallIcon, roles: ['mentor'] },
    ],
  },
  {
    label: 'app.menu.group.outreach',
    items: [
      { resource: 'calls', label: 'app.menu.my_calls', icon: PhoneInTalkIcon, roles: ['sre'] },
      { resource: 'student_progress', label: 'app.menu.low_performers', icon: TrendingDownIcon, roles: ['sre', 'admin'] },
      { resource: 'calls', label: 'app.menu.calls', icon: PhoneInTalkIcon, roles: ['admin'] },
      { resource: 'call_lists', label: 'app.menu.call_lists', icon: PlaylistAddCheckIcon, roles: ['sre', 'admin'] },
      { resource: 'call_scripts', label: 'app.menu.call_scripts', icon: RecordVoiceOverIcon, roles: ['sre', 'admin'] },
      { resource: 'sres', label: 'app.menu.sres', icon: SupportAgentIcon, roles: ['sre', 'admin'] },
    ],
  },
  {
    label: 'app.menu.group.cohorts',
    items: [
      { resource: 'students', label: 'app.menu.students', icon: SchoolIcon, roles: ['admin', 'manager', 'sre', 'developer'] },
      { to: '/imports/new', label: 'app.menu.import', icon: UploadFileIcon, roles: ['admin', 'sre'], needs: { resource: 'students', action: 'create' } },
      { resource: 'batches', label: 'app.menu.batches', icon: GroupsIcon, roles: ['admin', 'manager', 'sre', 'developer'] },
      { resource: 'missions', label: 'app.menu.missions', icon: FlagIcon, roles: ['admin', 'manager', 'sre', 'developer'] },
    ],
  },
  {
    label: 'app.menu.group.engagement',
    items: [
      { resource: 'assignments', label: 'app.menu.assignments', icon: AssignmentIcon, roles: OFFICE },
      { resource: 'meetings', label: 'app.menu.meetings', icon: VideoCallIcon, roles: ['admin', 'manager'] },
      { resource: 'notices', label: 'app.menu.notices', icon: CampaignIcon, roles: [...OFFICE, 'mentor'] },
      { resource: 'tickets', label: 'app.menu.tickets', icon: ForumIcon, roles: ['admin', 'manager', 'sre'] },
      { resource: 'mission_resources', label: 'app.menu.mission_resources', icon: AttachFileIcon, roles: ['mentor', 'manager'] },
      { resource: 'shoutouts', label: 'app.menu.shoutouts', icon: CelebrationIcon, roles: ['mentor', 'manager', 'sre'] },
    ],
  },
  {
    label: 'app.menu.group.integrity',
    items: [
      { resource: 'integrity_cases', label: 'app.menu.integrity_cases', icon: GavelIcon, roles: ['admin', 'sre', 'manager'] },
      { resource: 'appeals', label: 'app.menu.appeals', icon: RecordVoiceOverIcon, roles: ['admin', 'sre', 'manager'] },
    ],
  },
  {
    label: 'app.menu.group.reports',
    items: [
      { resource: 'student_progress', label: 'app.menu.low_performers', icon: TrendingDownIcon, roles: ['manager'] },
      { resource: 'mission_attendance_days', label: 'app.menu.attendance_by_day', icon: InsightsIcon, roles: OFFICE },
      { resource: 'assignment_report', label: 'app.menu.assignment_report', icon: AssessmentIcon, roles: OFFICE },
      { resource: 'mentor_load', label: 'app.menu.mentor_load', icon: SupervisorAccountIcon, roles: ['admin', 'manager'] },
      { resource: 'mentor_feedback', label: 'app.menu.meeting_feedback', icon: StarRateIcon, roles: ['admin', 'manager'] },
      { resource: 'certificates', label: 'app.menu.certificates', icon: WorkspacePremiumIcon, roles: ['admin', 'manager', 'sre'] },
    ],
  },
  {
    label: 'app.menu.group.mine',
    items: [
      { resource: 'mentor_load', label: 'app.menu.my_load', icon: SupervisorAccountIcon, roles: ['mentor'] },
      { resource: 'mentor_feedback', label: 'app.menu.my_feedback', icon: StarRateIcon, roles: ['mentor'] },
    ],
  },
  {
    label: 'app.menu.group.administration',
    items: [
      { resource: 'users', label: 'app.menu.users', icon: PeopleIcon, roles: ['admin'] },
      { resource: 'settings', label: 'app.menu.settings', icon: SettingsIcon, roles: ['admin'] },
      { resource: 'feature_requests', label: 'app.menu.feature_requests', icon: LightbulbIcon, roles: ['admin', 'manager'] },
      { resource: 'audit_log', label: 'app.menu.audit_log', icon: HistoryIcon, roles: ['admin', 'developer'] },
      { resource: 'outbox_messages', label: 'app.menu.outbox', icon: MailOutlineIcon, roles: ['admin', 'developer'] },
    ],
  },
  {
    label: 'app.menu.group.operations',
    items: [
      { to: '/system', label: 'app.menu.system', icon: MonitorHeartIcon, roles: ['admin', 'developer'] },
      { to: '/jobs', label: 'app.menu.jobs', icon: WorkHistoryIcon, roles: ['admin', 'developer'] },
      { to: '/rbac', label: 'app.menu.rbac', icon: AdminPanelSettingsIcon, roles: ['admin', 'developer'] },
      { resource: 'app_logs', label: 'app.menu.app_logs', icon: ReceiptLongIcon, roles: ['admin', 'developer'] },
      { resource: 'webhooks', label: 'app.menu.webhooks', icon: WebhookIcon, roles: ['admin', 'developer'] },
      { resource: 'api_keys', label: 'app.menu.api_keys', icon: KeyIcon, roles: ['admin', 'developer'] },
    ],
  },
];

export const PROFILE_ITEM: MenuItemSpec = { to: '/profile', label: 'app.menu.profile', icon: AccountCircleIcon, roles: STAFF };
