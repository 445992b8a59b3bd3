import { Box, Grid } from '@mui/material';
import { EditButton, Show, TopToolbar, useRecordContext } from 'react-admin';
import { FEATURE_REQUEST_STATUS_CHOICES } from '../common/choices';
import { formatDateTime } from '../common/format';
import { LabeledValue } from '../common/LabeledValue';
import { StatusChip } from '../common/StatusChip';

export const FeatureRequestTitle = () => {
  const record = useRecordContext();
  return <span>{record ? `Idea: ${record.title}` : 'Feature request'}</span>;
};

/** The idea as the student wrote it, its votes, status and public reply. */
export const FeatureRequestDetails = () => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Grid container spacing={2} sx={{ p: 2, width: '100%' }}>
      <LabeledValue label="From">{`${record.author_name}, ${formatDateTime(record.created_at)}`}</LabeledValue>
      <LabeledValue label="Votes">{String(record.vote_count ?? 0)}</LabeledValue>
      <LabeledValue label="Status">
        <StatusChip choices={FEATURE_REQUEST_STATUS_CHOICES} />
      </LabeledValue>
      <LabeledValue label="The idea" size={12}>
        <Box component="p" sx={{ m: 0, whiteSpace: 'pre-wrap' }}>
          {String(record.body || '—')}
        </Box>
      </LabeledValue>
      <LabeledValue label="Public reply" size={12}>
        <Box component="p" sx={{ m: 0, whiteSpace: 'pre-wrap' }}>
          {String(record.public_reply || '—')}
        </Box>
      </LabeledValue>
    </Grid>
  );
};

export const FeatureRequestShow = () => (
  <Show
    title={<FeatureRequestTitle />}
    actions={
      <TopToolbar>
        <EditButton label="Review" />
      </TopToolbar>
    }
  >
    <FeatureRequestDetails />
  </Show>
);
