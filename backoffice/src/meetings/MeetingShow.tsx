import { Grid } from '@mui/material';
import PinIcon from '@mui/icons-material/Pin';
import {
  DeleteButton,
  EditButton,
  Link,
  Show,
  TopToolbar,
  useCanAccess,
  useRecordContext,
} from 'react-admin';
import { formatTimeRange, plural } from '../common/format';
import { LabeledValue } from '../common/LabeledValue';
import { LinkButton } from '../common/LinkButton';
import { Section } from '../common/Section';
import { AttendanceSheet, MarkPresentForm } from './MeetingAttendance';
import { MeetingTitle } from './MeetingEdit';

/** Opens the full-screen check-in code (the meeting's staff: those who may mark attendance). */
const ShowCodeButton = () => {
  const record = useRecordContext();
  const { canAccess } = useCanAccess({ resource: 'meeting_attendance', action: 'create' });
  if (!record || !canAccess) return null;
  return (
    <LinkButton to={`/meetings/${record.id}/code`} label="Show check-in code" icon={<PinIcon />} variant="contained" />
  );
};

const Actions = () => (
  <TopToolbar sx={{ flexWrap: 'wrap', gap: 1 }}>
    <ShowCodeButton />
    <EditButton />
    <DeleteButton
      mutationMode="pessimistic"
      confirmTitle="Delete this meeting?"
      confirmContent="Its attendance sheet and the points it gave are removed too."
    />
  </TopToolbar>
);

const Summary = () => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Grid container spacing={2} sx={{ p: 2 }}>
      <LabeledValue label="Mission">
        <Link to={`/missions/${record.mission_id}/show`}>{`${record.mission_code} — ${record.mission_title ?? ''}`}</Link>
      </LabeledValue>
      <LabeledValue label="When (your time)" size={{ xs: 12, sm: 8, md: 5 }}>
        {formatTimeRange(record.starts_at, record.ends_at)}
      </LabeledValue>
      <LabeledValue label="Duration">{`${record.duration_minutes} min`}</LabeledValue>
      <LabeledValue label="Check-in">{record.requires_code ? 'With the code shown in the meeting' : 'Without a code'}</LabeledValue>
      <LabeledValue label="Who may attend">
        {Number(record.invitee_count) ? plural(Number(record.invitee_count), 'invited student') : 'Every student of the mission'}
      </LabeledValue>
      <LabeledValue label="Present">{String(record.attendance_count ?? 0)}</LabeledValue>
      <LabeledValue label="Scheduled by">{String(record.created_by_name ?? '')}</LabeledValue>
    </Grid>
  );
};

export const MeetingShow = () => (
  <Show title={<MeetingTitle />} actions={<Actions />}>
    <Summary />
    <Section title="Attendance sheet">
      <AttendanceSheet />
      <MarkPresentForm />
    </Section>
  </Show>
);
