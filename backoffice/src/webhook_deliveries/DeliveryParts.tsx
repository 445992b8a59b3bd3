import { useState } from 'react';
import { Box, Chip, LinearProgress, Paper, Stack, Typography } from '@mui/material';
import ReplayIcon from '@mui/icons-material/Replay';
import { Button, DataTable, RecordContextProvider, ReferenceField, TextField, useListContext, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { apiUrl } from '../config';
import { errorMessage } from '../common/errors';
import { formatDateTime } from '../common/format';
import { None } from '../common/Section';
import { useIsSmall } from '../common/useIsSmall';
import { httpClient } from '../providers/httpClient';

export const DELIVERY_STATUS_CHOICES = [
  { id: 'pending', name: 'Pending' },
  { id: 'delivered', name: 'Delivered' },
  { id: 'failed', name: 'Failed' },
];

const COLORS: Record<string, 'info' | 'success' | 'error'> = { pending: 'info', delivered: 'success', failed: 'error' };

export const DeliveryStatusChip = () => {
  const record = useRecordContext();
  if (!record) return null;
  const status = String(record.status);
  return <Chip size="small" color={COLORS[status] ?? 'default'} label={DELIVERY_STATUS_CHOICES.find((c) => c.id === status)?.name ?? status} />;
};

/** "Delivered 12:01", "Next try 12:05", "Gave up". */
export const whenText = (r: Record<string, unknown>) => {
  if (r.status === 'delivered') return `Delivered ${formatDateTime(r.delivered_at)}`;
  if (r.status === 'failed') return 'Gave up (retry by hand)';
  return `Next try ${formatDateTime(r.next_attempt_at)}`;
};

/** "Retry" for a pending or failed delivery: POST /webhook_deliveries/:id/retry sends it again now. */
export const RetryButton = () => {
  const record = useRecordContext();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  if (!record || record.status === 'delivered') return null;
  const retry = async (e: React.MouseEvent) => {
    e.stopPropagation();
    setBusy(true);
    try {
      await httpClient(`${apiUrl}/webhook_deliveries/${encodeURIComponent(String(record.id))}/retry`, { method: 'POST', body: '{}' });
      notify('Delivery queued: it is sent again within a few seconds.', { type: 'success' });
      refresh();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button label="Retry" onClick={retry} disabled={busy} aria-label={`Retry delivery ${record.id}`}>
      <ReplayIcon />
    </Button>
  );
};

const LastError = () => {
  const record = useRecordContext();
  if (!record?.last_error) return null;
  return (
    <Typography variant="caption" color="error" component="div" sx={{ overflowWrap: 'anywhere' }}>
      {String(record.last_error)}
    </Typography>
  );
};

const Cards = ({ showWebhook }: { showWebhook: boolean }) => {
  const { data, isPending } = useListContext();
  if (isPending) return <LinearProgress />;
  if (!data?.length) return <None text="No delivery yet." />;
  return (
    <Stack spacing={1}>
      {data.map((r) => (
        <RecordContextProvider key={r.id} value={r}>
          <Paper variant="outlined" sx={{ p: 1.5 }}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <Typography variant="body2" sx={{ flexGrow: 1, fontFamily: 'monospace', overflowWrap: 'anywhere', minWidth: 0 }}>
                {String(r.event)}
              </Typography>
              <DeliveryStatusChip />
            </Stack>
            {showWebhook && (
              <Box sx={{ typography: 'caption', overflowWrap: 'anywhere' }}>
                <ReferenceField source="webhook_id" reference="webhooks" link="show">
                  <TextField source="url" />
                </ReferenceField>
              </Box>
            )}
            <Typography variant="caption" color="text.secondary" component="div">
              {`${formatDateTime(r.created_at)} · ${r.attempts} attempt${r.attempts === 1 ? '' : 's'}${r.response_status ? ` · HTTP ${r.response_status}` : ''}`}
            </Typography>
            <Typography variant="caption" color="text.secondary" component="div">
              {whenText(r)}
            </Typography>
            <LastError />
            <RetryButton />
          </Paper>
        </RecordContextProvider>
      ))}
    </Stack>
  );
};

/** A list of deliveries (inside a list context): a table, or cards on phones. */
export const DeliveryTable = ({ showWebhook = false }: { showWebhook?: boolean }) => {
  const isSmall = useIsSmall();
  if (isSmall) return <Cards showWebhook={showWebhook} />;
  return (
    <DataTable bulkActionButtons={false} rowClick={false} empty={<None text="No delivery yet." />}>
      <DataTable.Col source="created_at" label="Queued" render={(r) => formatDateTime(r.created_at)} />
      {showWebhook && (
        <DataTable.Col source="webhook_id" label="Webhook" disableSort>
          <ReferenceField source="webhook_id" reference="webhooks" link="show">
            <TextField source="url" sx={{ overflowWrap: 'anywhere' }} />
          </ReferenceField>
        </DataTable.Col>
      )}
      <DataTable.Col source="event" label="Event" disableSort render={(r) => <Box component="span" sx={{ fontFamily: 'monospace' }}>{String(r.event)}</Box>} />
      <DataTable.Col source="status" label="Status">
        <DeliveryStatusChip />
      </DataTable.Col>
      <DataTable.NumberCol source="attempts" label="Attempts" />
      <DataTable.Col source="response_status" label="Answer" disableSort render={(r) => (r.response_status ? `HTTP ${r.response_status}` : '—')} />
      <DataTable.Col source="last_error" label="Last error" disableSort>
        <LastError />
      </DataTable.Col>
      <DataTable.Col source="next_attempt_at" label="Delivery" render={whenText} />
      <DataTable.Col label="" disableSort align="right">
        <RetryButton />
      </DataTable.Col>
    </DataTable>
  );
};
