import { DateTimeField } from '../common/DateTimes';
import { Grid, Typography } from '@mui/material';
import { Show, SimpleShowLayout, TextField, useRecordContext } from 'react-admin';
import { JsonField } from '../common/JsonField';
import { ActorField } from './ActorField';

const AuditTitle = () => {
  const record = useRecordContext();
  return <span>{record ? `Audit entry: ${record.action} ${record.resource}` : 'Audit entry'}</span>;
};

/** Before and after side by side on a desktop, stacked on a phone. */
const BeforeAfter = (_props: { label?: false }) => (
  <Grid container spacing={2} sx={{ width: '100%' }}>
    <Grid size={{ xs: 12, md: 6 }} sx={{ minWidth: 0 }}>
      <Typography variant="subtitle2" component="h3" gutterBottom>
        Before
      </Typography>
      <JsonField source="before" />
    </Grid>
    <Grid size={{ xs: 12, md: 6 }} sx={{ minWidth: 0 }}>
      <Typography variant="subtitle2" component="h3" gutterBottom>
        After
      </Typography>
      <JsonField source="after" />
    </Grid>
  </Grid>
);

export const AuditLogShow = () => (
  <Show title={<AuditTitle />}>
    <SimpleShowLayout>
      <DateTimeField source="at" label="At" />
      <ActorField label="Actor" />
      <TextField source="action" label="Action" />
      <TextField source="resource" label="Resource" />
      <TextField source="record_id" label="Record id" emptyText="—" />
      <BeforeAfter label={false} />
    </SimpleShowLayout>
  </Show>
);
