import { useState } from 'react';
import { Box, Grid, ToggleButton, ToggleButtonGroup } from '@mui/material';
import ListIcon from '@mui/icons-material/List';
import {
  DataTable,
  EditButton,
  EmailField,
  Link,
  ReferenceManyField,
  Show,
  SimpleList,
  TopToolbar,
  useCanAccess,
  useGetOne,
  useRecordContext,
} from 'react-admin';
import { CompactPagination } from '../common/CompactPagination';
import { formatDateTime, listLink } from '../common/format';
import { LabeledValue } from '../common/LabeledValue';
import { LinkButton } from '../common/LinkButton';
import { PageTabs } from '../common/PageTabs';
import { ExportCsvButton } from '../common/ExportCsvButton';
import { None, SectionToolbar } from '../common/Section';
import { useIsSmall } from '../common/useIsSmall';
import { SubmissionTable } from '../submissions/SubmissionTable';
import { AssignmentTitle } from './AssignmentEdit';
import { deadlineText } from './AssignmentList';
import { PasteHistory } from './PasteHistory';
import { PastePanel } from './PastePanel';

const Actions = () => (
  <TopToolbar>
    <EditButton />
  </TopToolbar>
);

/** "10" when the assignment sets it, "10 (mission rule)" when it follows the mission's. */
const pointsText = (own: unknown, rule: unknown) => (own == null ? `${rule ?? '…'} (mission rule)` : String(own));

const Summary = () => {
  const record = useRecordContext();
  const { data: mission } = useGetOne('missions', { id: record?.mission_id }, { enabled: record?.mission_id != null });
  if (!record) return null;
  const enrolled = Number(record.enrolled_count ?? 0);
  const submitted = Number(record.submitted_count ?? 0);
  return (
    <Grid container spacing={2} sx={{ p: 2 }}>
      <LabeledValue label="Mission">
        <Link to={`/missions/${record.mission_id}/show`}>{`${record.mission_code} — ${record.mission_title ?? ''}`}</Link>
      </LabeledValue>
      <LabeledValue label="Assignment">{`#${record.number} ${record.title}`}</LabeledValue>
      <LabeledValue label="Deadline (batch time)">{deadlineText(record)}</LabeledValue>
      <LabeledValue label="Deadline (your time)">{formatDateTime(record.deadline)}</LabeledValue>
      <LabeledValue label="Submitted">
        <span>{`${submitted.toLocaleString()} of ${enrolled.toLocaleString()} enrolled`}</span>
      </LabeledValue>
      <LabeledValue label="On time / late">
        <span>{`${Number(record.on_time_count ?? 0).toLocaleString()} / ${Number(record.late_count ?? 0).toLocaleString()}`}</span>
      </LabeledValue>
      <LabeledValue label="Missing">
        <Link to={listLink('students', { missing_assignment_id: record.id })}>{Math.max(0, enrolled - submitted).toLocaleString()}</Link>
      </LabeledValue>
      <LabeledValue label="Points on time / late">
        <span>{`${pointsText(record.points_on_time, mission?.points_on_time)} / ${pointsText(record.points_late, mission?.points_late)}`}</span>
      </LabeledValue>
    </Grid>
  );
};

/** The assignment's submissions, all or only on time / late. */
const Submissions = () => {
  const record = useRecordContext();
  const [status, setStatus] = useState<'' | 'on_time' | 'late'>('');
  return (
    <Box sx={{ p: 2 }}>
      <ToggleButtonGroup
        exclusive
        size="small"
        value={status}
        onChange={(_e, value) => value !== null && setStatus(value)}
        aria-label="Show submissions"
        sx={{ mb: 1 }}
      >
        <ToggleButton value="">All</ToggleButton>
        <ToggleButton value="on_time">On time</ToggleButton>
        <ToggleButton value="late">Late</ToggleButton>
      </ToggleButtonGroup>
      <ReferenceManyField
        reference="submissions"
        target="assignment_id"
        filter={status ? { status } : {}}
        sort={{ field: 'submitted_at', order: 'DESC' }}
        perPage={25}
        pagination={<CompactPagination />}
      >
        <SectionToolbar>
          <ExportCsvButton filter={{ assignment_id: record?.id }} />
        </SectionToolbar>
        <SubmissionTable empty={<None text={status ? 'No submission in this group.' : 'No submission recorded yet.'} />} />
      </ReferenceManyField>
    </Box>
  );
};

/** Enrolled students with no submission yet (the students list's missing_assignment_id filter). */
const Missing = () => {
  const record = useRecordContext();
  const isSmall = useIsSmall();
  if (!record) return null;
  const empty = <None text="Every enrolled student has submitted." />;
  return (
    <Box sx={{ p: 2 }}>
      <ReferenceManyField
        reference="students"
        target="missing_assignment_id"
        sort={{ field: 'name', order: 'ASC' }}
        perPage={25}
        pagination={<CompactPagination />}
      >
        <SectionToolbar>
          <LinkButton to={listLink('students', { missing_assignment_id: record.id })} label="Open in the students list" icon={<ListIcon />} />
          <ExportCsvButton filter={{ missing_assignment_id: record.id }} />
        </SectionToolbar>
        {isSmall ? (
          <SimpleList
            primaryText={(r) => r.name}
            secondaryText={(r) => [r.email, r.phone].filter(Boolean).join(' · ')}
            rowClick={(id) => `/students/${id}/show`}
            empty={empty}
          />
        ) : (
          <DataTable bulkActionButtons={false} rowClick={(id) => `/students/${id}/show`} empty={empty}>
            <DataTable.Col source="name" label="Name" />
            <DataTable.Col source="email" label="Email" field={EmailField} />
            <DataTable.Col source="phone" label="Phone" disableSort render={(r) => r.phone ?? '—'} />
          </DataTable>
        )}
      </ReferenceManyField>
    </Box>
  );
};

const AssignmentTabs = () => {
  const record = useRecordContext();
  const { canAccess: canPaste } = useCanAccess({ resource: 'submissions', action: 'create' });
  const { canAccess: canSeePastes } = useCanAccess({ resource: 'submission_pastes', action: 'list' });
  if (!record) return null;
  const missing = Math.max(0, Number(record.enrolled_count ?? 0) - Number(record.submitted_count ?? 0));
  return (
    <PageTabs
      label="Assignment sections"
      tabs={[
        { key: 'paste', label: 'Paste a list', content: <PastePanel />, hidden: !canPaste },
        { key: 'submissions', label: `Submissions (${Number(record.submitted_count ?? 0).toLocaleString()})`, content: <Submissions /> },
        { key: 'missing', label: `Missing (${missing.toLocaleString()})`, content: <Missing /> },
        {
          key: 'history',
          label: 'Paste history',
          content: (
            <Box sx={{ p: 2 }}>
              <PasteHistory />
            </Box>
          ),
          hidden: !canSeePastes,
        },
      ]}
    />
  );
};

export const AssignmentShow = () => (
  <Show title={<AssignmentTitle />} actions={<Actions />}>
    <Summary />
    <AssignmentTabs />
  </Show>
);
