import { useState } from 'react';
import { Box, Button as MuiButton, Grid, Stack, Typography } from '@mui/material';
import VisibilityIcon from '@mui/icons-material/Visibility';
import VisibilityOffIcon from '@mui/icons-material/VisibilityOff';
import { DeleteButton, EditButton, ReferenceManyField, Show, TopToolbar, useRecordContext } from 'react-admin';
import { CopyButton } from '../api_keys/CopyButton';
import { CompactPagination } from '../common/CompactPagination';
import { formatDateTime } from '../common/format';
import { LabeledValue } from '../common/LabeledValue';
import { Section } from '../common/Section';
import { mono } from '../ops/OpsParts';
import { DeliveryTable } from '../webhook_deliveries/DeliveryParts';
import { ActiveChip, NameChips } from './WebhookList';

export const WebhookTitle = () => {
  const record = useRecordContext();
  return <span>{record ? `Webhook ${record.url}` : 'Webhook'}</span>;
};

const Actions = () => (
  <TopToolbar>
    <EditButton />
    <DeleteButton
      mutationMode="pessimistic"
      confirmTitle="Delete this webhook?"
      confirmContent="Nothing more is sent to it, and its delivery history goes too. To stop it for a while, edit it and untick Active instead."
    />
  </TopToolbar>
);

const Summary = () => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Grid container spacing={2} sx={{ p: 2 }}>
      <LabeledValue label="Address" size={{ xs: 12, md: 6 }}>
        <Box component="span" sx={mono}>
          {String(record.url)}
        </Box>
      </LabeledValue>
      <LabeledValue label="State">
        <ActiveChip active={record.active} />
      </LabeledValue>
      <LabeledValue label="Created">{formatDateTime(record.created_at)}</LabeledValue>
      {record.description ? (
        <LabeledValue label="Description" size={12}>
          {String(record.description)}
        </LabeledValue>
      ) : null}
      <LabeledValue label="Resources" size={{ xs: 12, sm: 6 }}>
        <NameChips names={record.resources} all="All resources" />
      </LabeledValue>
      <LabeledValue label="Actions" size={{ xs: 12, sm: 6 }}>
        <NameChips names={record.actions} all="All actions" />
      </LabeledValue>
    </Grid>
  );
};

/** The signing secret (hidden until asked), with a copy button and how to check a signature. */
const Secret = () => {
  const record = useRecordContext();
  const [shown, setShown] = useState(false);
  if (!record?.secret) return null;
  const secret = String(record.secret);
  return (
    <Section title="Signing secret" id="secret-heading">
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
        <Box
          component="code"
          data-testid="webhook-secret"
          sx={{ ...mono, p: 1, bgcolor: 'action.hover', borderRadius: 1, overflowWrap: 'anywhere', flex: '1 1 260px', minWidth: 0 }}
        >
          {shown ? secret : '•'.repeat(Math.min(secret.length, 32))}
        </Box>
        <MuiButton size="small" startIcon={shown ? <VisibilityOffIcon /> : <VisibilityIcon />} onClick={() => setShown((s) => !s)}>
          {shown ? 'Hide' : 'Show'}
        </MuiButton>
        <CopyButton text={secret} label="Copy secret" size="small" />
      </Stack>
      <Typography variant="body2" color="text.secondary">
        Each delivery carries{' '}
        <Box component="code" sx={mono}>
          X-SMS-Signature: sha256=…
        </Box>
        , the hex HMAC-SHA256 of the raw body with this secret: compute it on your side and compare before trusting the body.
      </Typography>
    </Section>
  );
};

/** This hook's deliveries, newest first, refreshed every few seconds (the API sends pending ones every 3 s). */
const Deliveries = () => (
  <Section title="Deliveries" id="deliveries-heading">
    <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
      A failed delivery is tried again after 30 s, then doubling up to 6 h, and given up after 10 attempts; Retry sends it now.
    </Typography>
    <ReferenceManyField
      reference="webhook_deliveries"
      target="webhook_id"
      sort={{ field: 'created_at', order: 'DESC' }}
      perPage={25}
      pagination={<CompactPagination />}
      queryOptions={{ refetchInterval: 4000 }}
    >
      <DeliveryTable />
    </ReferenceManyField>
  </Section>
);

export const WebhookShow = () => (
  <Show title={<WebhookTitle />} actions={<Actions />}>
    <Summary />
    <Secret />
    <Deliveries />
  </Show>
);
