import { Grid } from '@mui/material';
import { EditButton, Show, TopToolbar, useRecordContext } from 'react-admin';
import { BATCH_STATUS_CHOICES } from '../common/choices';
import { formatDay } from '../common/format';
import { StatusChip } from '../common/StatusChip';
import { BatchMissions } from './BatchMissions';
import { LabeledValue } from '../common/LabeledValue';

const BatchTitle = () => {
  const record = useRecordContext();
  return <span>{record ? `Batch ${record.code}` : 'Batch'}</span>;
};

const BatchShowActions = () => (
  <TopToolbar>
    <EditButton />
  </TopToolbar>
);

const BatchSummary = () => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Grid container spacing={2} sx={{ p: 2 }}>
      <LabeledValue label="Code">{String(record.code ?? '')}</LabeledValue>
      <LabeledValue label="Title" size={{ xs: 12, sm: 8, md: 9 }}>
        {String(record.title ?? '')}
      </LabeledValue>
      <LabeledValue label="Status">
        <StatusChip choices={BATCH_STATUS_CHOICES} />
      </LabeledValue>
      <LabeledValue label="Starts on">
        <span>{formatDay(record.starts_on)}</span>
      </LabeledValue>
      <LabeledValue label="Ends on">
        <span>{formatDay(record.ends_on)}</span>
      </LabeledValue>
      <LabeledValue label="Time zone">{String(record.timezone ?? '')}</LabeledValue>
      <LabeledValue label="Students">
        <span>{`${Number(record.student_count ?? 0).toLocaleString()} of ${Number(record.capacity ?? 0).toLocaleString()}`}</span>
      </LabeledValue>
      <LabeledValue label="Missions">
        <span>{String(record.mission_count ?? 0)}</span>
      </LabeledValue>
    </Grid>
  );
};

export const BatchShow = () => (
  <Show title={<BatchTitle />} actions={<BatchShowActions />}>
    <BatchSummary />
    <BatchMissions />
  </Show>
);
