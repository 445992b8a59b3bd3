import { Box, Grid } from '@mui/material';
import {
  DataTable,
  EditButton,
  EmailField,
  Link,
  ReferenceManyField,
  Show,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { ENROLMENT_STATUS_CHOICES, MISSION_STATUS_CHOICES, STUDENT_STATUS_CHOICES, choiceName } from '../common/choices';
import { formatDateTime } from '../common/format';
import { StatusChip } from '../common/StatusChip';
import { RelatedList } from '../common/RelatedList';
import { LabeledValue } from '../common/LabeledValue';
import { CompactPagination } from '../common/CompactPagination';
import { PageTabs } from '../common/PageTabs';
import { notFoundProps } from '../common/notFound';
import { StudentProgressSummary } from './StudentProgressSummary';
import { can } from '../providers/permissions';
import { useMe } from '../providers/useMe';
import { None, Section } from '../common/Section';
import { StudentAttendance } from '../daily_attendance/StudentAttendance';
import { StudentCalls } from '../calls/StudentCalls';
import { StudentCases } from '../integrity_cases/StudentCases';
import { StudentMentorNotes } from '../mentor_notes/StudentMentorNotes';
import { SubmissionTable } from '../submissions/SubmissionTable';
import { GiveShoutoutButton } from '../shoutouts/GiveShoutoutButton';
import { StudentAchievements } from '../student_achievements/StudentAchievements';
import { EraseStudentButton, ExportStudentButton } from './StudentPrivacy';

const StudentTitle = () => {
  const record = useRecordContext();
  return <span>{record ? `Student: ${record.name}` : 'Student'}</span>;
};

const StudentShowActions = () => (
  <TopToolbar>
    <GiveShoutoutButton />
    <EditButton />
    <ExportStudentButton />
    <EraseStudentButton />
  </TopToolbar>
);

const StudentSummary = () => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Grid container spacing={2} sx={{ p: 2 }}>
      <LabeledValue label="Name">{String(record.name ?? '')}</LabeledValue>
      <LabeledValue label="Email">
        <EmailField source="email" sx={{ overflowWrap: 'anywhere' }} />
      </LabeledValue>
      {'phone' in record && <LabeledValue label="Phone">{record.phone ? String(record.phone) : '—'}</LabeledValue>}
      {'address' in record && (
        <LabeledValue label="Address" size={{ xs: 12 }}>
          <Box component="span" sx={{ whiteSpace: 'pre-wrap' }}>
            {record.address || '—'}
          </Box>
        </LabeledValue>
      )}
      <LabeledValue label="Status">
        <StatusChip choices={STUDENT_STATUS_CHOICES} />
      </LabeledValue>
      {record.status !== 'active' && (
        <LabeledValue label="Reason" size={{ xs: 12, md: 8 }}>
          <Box component="span" sx={{ whiteSpace: 'pre-wrap' }}>
            {record.status_reason || '—'}
          </Box>
        </LabeledValue>
      )}
      {record.status_changed_at && (
        <LabeledValue label="Status changed">
          <span>{formatDateTime(record.status_changed_at)}</span>
        </LabeledValue>
      )}
      <LabeledValue label="Account">
        <span>
          {record.account_status === 'disabled' ? 'Disabled' : 'Active'}
          {record.email_verified_at ? '' : ' · email not verified yet'}
        </span>
      </LabeledValue>
      <LabeledValue label="Last sign-in">
        <span>{formatDateTime(record.last_sign_in_at, 'Never')}</span>
      </LabeledValue>
    </Grid>
  );
};

const when = (r: Record<string, unknown>) => formatDateTime(r.created_at);

const BatchEnrolments = () => (
  <RelatedList
    reference="batch_enrolments"
    target="student_id"
    emptyText="In no batch."
    primaryText={(r) => `${r.batch_code} — ${r.batch_title}`}
    secondaryText={(r) => `${choiceName(ENROLMENT_STATUS_CHOICES, r.status)} · since ${when(r)}`}
  >
    <DataTable.Col
      source="batch_code"
      label="Batch"
      render={(r) => <Link to={`/batches/${r.batch_id}/show`}>{r.batch_code}</Link>}
    />
    <DataTable.Col source="batch_title" label="Title" disableSort />
    <DataTable.Col source="status" label="Status">
      <StatusChip choices={ENROLMENT_STATUS_CHOICES} />
    </DataTable.Col>
    <DataTable.Col source="created_at" label="Since" render={when} />
  </RelatedList>
);

const MissionEnrolments = () => (
  <RelatedList
    reference="mission_enrolments"
    target="student_id"
    emptyText="In no mission."
    primaryText={(r) => `${r.mission_code} — ${r.mission_title}`}
    secondaryText={(r) => `${choiceName(ENROLMENT_STATUS_CHOICES, r.status)} · since ${when(r)}`}
  >
    <DataTable.Col
      source="mission_code"
      label="Mission"
      render={(r) => <Link to={`/missions/${r.mission_id}/show`}>{r.mission_code}</Link>}
    />
    <DataTable.Col source="mission_title" label="Title" disableSort />
    <DataTable.Col source="mission_status" label="Mission status" disableSort>
      <StatusChip source="mission_status" choices={MISSION_STATUS_CHOICES} />
    </DataTable.Col>
    <DataTable.Col source="status" label="Enrolment">
      <StatusChip choices={ENROLMENT_STATUS_CHOICES} />
    </DataTable.Col>
    <DataTable.Col source="created_at" label="Since" render={when} />
  </RelatedList>
);

const MentorPairings = () => (
  <RelatedList
    reference="mentor_pairings"
    target="student_id"
    emptyText="No mentor yet."
    primaryText={(r) => r.mentor_name}
    secondaryText={(r) => `${r.mission_code} — ${r.mission_title}`}
  >
    <DataTable.Col source="mission_id" label="Mission" render={(r) => `${r.mission_code} — ${r.mission_title}`} />
    <DataTable.Col source="mentor_name" label="Mentor" />
    <DataTable.Col source="mentor_email" label="Mentor email" disableSort field={EmailField} />
    <DataTable.Col source="created_at" label="Since" render={when} />
  </RelatedList>
);

const Enrolments = () => (
  <>
    <Section title="Batches">
      <BatchEnrolments />
    </Section>
    <Section title="Missions">
      <MissionEnrolments />
    </Section>
    <Section title="Mentors">
      <MentorPairings />
    </Section>
  </>
);

/** The student's recorded submissions, latest first. */
const StudentSubmissions = () => (
  <Box sx={{ p: 2 }}>
    <ReferenceManyField reference="submissions" target="student_id" sort={{ field: 'submitted_at', order: 'DESC' }} perPage={25} pagination={<CompactPagination />}>
      <SubmissionTable showAssignment empty={<None text="No submission recorded." />} />
    </ReferenceManyField>
  </Box>
);

const StudentTabs = () => {
  const me = useMe();
  const canSee = (resource: string) => can(me?.permissions, resource, 'list');
  const tabs = [
    { key: 'enrolments', label: 'Enrolments', content: <Enrolments /> },
    {
      key: 'attendance',
      label: 'Attendance',
      content: (
        <Box sx={{ p: 2 }}>
          <StudentAttendance />
        </Box>
      ),
      hidden: !canSee('daily_attendance'),
    },
    { key: 'submissions', label: 'Submissions', content: <StudentSubmissions />, hidden: !canSee('submissions') },
    { key: 'notes', label: 'Mentor notes', content: <StudentMentorNotes />, hidden: !canSee('mentor_notes') },
    { key: 'integrity', label: 'Integrity', content: <StudentCases />, hidden: !canSee('integrity_cases') },
    { key: 'calls', label: 'Calls', content: <StudentCalls />, hidden: !canSee('call_logs') && !canSee('calls') },
    {
      key: 'achievements',
      label: 'Achievements',
      content: <StudentAchievements />,
      hidden: !canSee('student_achievements') && !canSee('shoutouts') && !canSee('certificates'),
    },
  ];
  return <PageTabs label="Student sections" tabs={tabs} />;
};

export const StudentShow = () => (
  <Show title={<StudentTitle />} actions={<StudentShowActions />} {...notFoundProps}>
    <StudentProgressSummary />
    <StudentSummary />
    <StudentTabs />
  </Show>
);
