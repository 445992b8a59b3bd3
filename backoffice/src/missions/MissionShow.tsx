import { Box, Grid, Typography } from '@mui/material';
import LinkIcon from '@mui/icons-material/Link';
import { Button, EditButton, Link, Show, TopToolbar, useCanAccess, useRecordContext, LinkBase } from 'react-admin';
import { MISSION_STATUS_CHOICES } from '../common/choices';
import { formatDay, listLink } from '../common/format';
import { PageTabs } from '../common/PageTabs';
import { StatusChip } from '../common/StatusChip';
import { MissionLeaderboard } from './MissionLeaderboard';
import { MissionMentors } from './MissionMentors';
import { MissionPoints } from './MissionPoints';
import { MissionAssignments, MissionMeetings } from './MissionWork';
import { MissionGuidelines } from './MissionGuidelines';
import { IssueCertificatesButton } from '../certificates/IssueCertificatesButton';
import { LabeledValue } from '../common/LabeledValue';
import { MissionResources } from '../mission_resources/MissionResources';
import { can } from '../providers/permissions';
import { useMe } from '../providers/useMe';

const MissionTitle = () => {
  const record = useRecordContext();
  return <span>{record ? `Mission ${record.batch_code} · ${record.code}` : 'Mission'}</span>;
};

/** "Pair mentors" opens the pairing screen (SREs and admins, who may create pairings). */
export const PairMentorsButton = () => {
  const record = useRecordContext();
  const { canAccess } = useCanAccess({ resource: 'mentor_pairings', action: 'create' });
  if (!record || !canAccess) return null;
  return (
    <Button component={LinkBase} to={`/missions/${record.id}/pairing`} label="Pair mentors">
      <LinkIcon />
    </Button>
  );
};

const MissionShowActions = () => (
  <TopToolbar>
    <PairMentorsButton />
    <IssueCertificatesButton />
    <EditButton />
  </TopToolbar>
);

const MissionSummary = () => {
  const record = useRecordContext();
  if (!record) return null;
  const enrolled = Number(record.enrolled_count ?? 0);
  const paired = Number(record.paired_count ?? 0);
  return (
    <Grid container spacing={2} sx={{ p: 2 }}>
      <LabeledValue label="Batch">
        <Link to={`/batches/${record.batch_id}/show`}>{`${record.batch_code} — ${record.batch_title ?? ''}`}</Link>
      </LabeledValue>
      <LabeledValue label="Code">{String(record.code ?? '')}</LabeledValue>
      <LabeledValue label="Title" size={{ xs: 12, sm: 4, md: 6 }}>
        {String(record.title ?? '')}
      </LabeledValue>
      <LabeledValue label="Status">
        <StatusChip choices={MISSION_STATUS_CHOICES} />
      </LabeledValue>
      <LabeledValue label="Starts on">
        <span>{formatDay(record.starts_on)}</span>
      </LabeledValue>
      <LabeledValue label="Ends on">
        <span>{formatDay(record.ends_on)}</span>
      </LabeledValue>
      <LabeledValue label="Order">
        <span>{String(record.position ?? '')}</span>
      </LabeledValue>
      <LabeledValue label="Enrolled students">
        <Link to={listLink('students', { mission_id: record.id })}>{enrolled.toLocaleString()}</Link>
      </LabeledValue>
      <LabeledValue label="Paired with a mentor">
        <span>
          {paired.toLocaleString()}
          {enrolled > paired && (
            <>
              {' · '}
              <Link to={listLink('students', { unpaired_in_mission_id: record.id })}>
                {(enrolled - paired).toLocaleString()} unpaired
              </Link>
            </>
          )}
        </span>
      </LabeledValue>
      <LabeledValue label="Points: attendance / meeting">
        <span>{`${record.points_attendance ?? 0} / ${record.points_meeting ?? 0}`}</span>
      </LabeledValue>
      <LabeledValue label="Points: on time / late">
        <span>{`${record.points_on_time ?? 0} / ${record.points_late ?? 0}`}</span>
      </LabeledValue>
      {record.description ? (
        <LabeledValue label="Description" size={12}>
          <Box component="p" sx={{ m: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {String(record.description)}
          </Box>
        </LabeledValue>
      ) : null}
    </Grid>
  );
};

const Mentors = () => (
  <>
    <MissionMentors />
    <Typography variant="caption" component="p" color="text.secondary" sx={{ px: 2, pb: 2 }}>
      Load is the number of students paired with the mentor on this mission.
    </Typography>
  </>
);

const MissionTabs = () => {
  const me = useMe();
  return (
    <PageTabs
      label="Mission sections"
      tabs={[
        { key: 'mentors', label: 'Mentors', content: <Mentors /> },
        { key: 'assignments', label: 'Assignments', content: <MissionAssignments /> },
        { key: 'meetings', label: 'Meetings', content: <MissionMeetings /> },
        { key: 'guidelines', label: 'Guidelines', content: <MissionGuidelines /> },
        { key: 'resources', label: 'Resources', content: <MissionResources />, hidden: !can(me?.permissions, 'mission_resources', 'list') },
        { key: 'leaderboard', label: 'Leaderboard', content: <MissionLeaderboard /> },
        { key: 'points', label: 'Points', content: <MissionPoints /> },
      ]}
    />
  );
};

export const MissionShow = () => (
  <Show title={<MissionTitle />} actions={<MissionShowActions />}>
    <MissionSummary />
    <MissionTabs />
  </Show>
);
