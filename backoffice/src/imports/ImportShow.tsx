import { useState } from 'react';
import { Alert, Box, Button as MuiButton, Grid, LinearProgress, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/GetApp';
import { Link, Show, TopToolbar, useNotify, useRecordContext } from 'react-admin';
import { IMPORT_KIND_CHOICES, IMPORT_STATUS_CHOICES, choiceName } from '../common/choices';
import { downloadFromApi } from '../common/download';
import { formatDateTime } from '../common/format';
import { StatusChip } from '../common/StatusChip';
import type { ImportRowResult } from '../providers/dataProvider';
import { RowResults } from './RowResults';
import { LabeledValue } from '../common/LabeledValue';

const Title = () => {
  const record = useRecordContext();
  return (
    <span>{record ? `Import #${record.id} (${choiceName(IMPORT_KIND_CHOICES, record.kind).toLowerCase()})` : 'Import'}</span>
  );
};

/** GET /imports/:id/errors.csv with the session cookie, saved as a file. */
export const DownloadErrorsButton = ({ id, disabled = false }: { id: number | string; disabled?: boolean }) => {
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  return (
    <MuiButton
      size="small"
      startIcon={<DownloadIcon />}
      disabled={busy || disabled}
      onClick={async () => {
        setBusy(true);
        try {
          await downloadFromApi(`/imports/${encodeURIComponent(String(id))}/errors.csv`, `import-${id}-errors.csv`);
        } catch (e) {
          notify(e instanceof Error ? e.message : String(e), { type: 'error' });
        } finally {
          setBusy(false);
        }
      }}
    >
      Download error report
    </MuiButton>
  );
};

const Actions = () => {
  const record = useRecordContext();
  return <TopToolbar>{record && Number(record.error_count) > 0 && <DownloadErrorsButton id={record.id} />}</TopToolbar>;
};

/** The rows the API refused. */
export const ErrorRows = ({ rows }: { rows: ImportRowResult[] }) => (
  <RowResults rows={rows} label="Rows with errors" showAction={false} maxHeight={480} />
);

const ImportDetails = () => {
  const record = useRecordContext();
  if (!record) return null;
  const errors = (Array.isArray(record.errors) ? record.errors : []) as ImportRowResult[];
  const total = Number(record.total_rows ?? 0);
  const processed = Number(record.processed_rows ?? 0);
  return (
    <Box sx={{ p: 2 }}>
      <Grid container spacing={2}>
        <LabeledValue label="When">
          <span>{formatDateTime(record.created_at)}</span>
        </LabeledValue>
        <LabeledValue label="By">
          <span>{record.created_by_name ?? `User #${record.created_by}`}</span>
        </LabeledValue>
        <LabeledValue label="Kind">
          <span>{choiceName(IMPORT_KIND_CHOICES, record.kind)}</span>
        </LabeledValue>
        <LabeledValue label="File">
          <span>{record.filename ?? '(pasted text)'}</span>
        </LabeledValue>
        <LabeledValue label="Status">
          <StatusChip choices={IMPORT_STATUS_CHOICES} />
        </LabeledValue>
        <LabeledValue label="Finished">
          <span>{formatDateTime(record.finished_at, '—')}</span>
        </LabeledValue>
        <LabeledValue label="Rows">
          <span>{total.toLocaleString()}</span>
        </LabeledValue>
        <LabeledValue label="Created / updated / unchanged">
          <span>{`${record.created_count ?? 0} / ${record.updated_count ?? 0} / ${record.skipped_count ?? 0}`}</span>
        </LabeledValue>
      </Grid>
      {record.status === 'running' && (
        <Box sx={{ mt: 2 }}>
          <LinearProgress variant="determinate" value={total ? (processed / total) * 100 : 0} />
          <Typography variant="caption">{`${processed} of ${total} rows`}</Typography>
        </Box>
      )}
      {record.message && (
        <Alert
          severity={record.status === 'failed' ? 'error' : record.status === 'succeeded' ? 'success' : 'info'}
          sx={{ mt: 2 }}
        >
          {String(record.message)}
        </Alert>
      )}
      {record.status === 'succeeded' && record.kind === 'students' && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          <Link to="/students">Go to the students list</Link>
        </Typography>
      )}
      {errors.length > 0 && (
        <Box sx={{ mt: 2 }}>
          <Typography variant="h6" component="h2" gutterBottom>
            Rows with errors ({errors.length})
          </Typography>
          <ErrorRows rows={errors} />
        </Box>
      )}
    </Box>
  );
};

export const ImportShow = () => (
  <Show
    title={<Title />}
    actions={<Actions />}
    queryOptions={{ refetchInterval: (query) => (query.state.data?.status === 'running' ? 1000 : false) }}
  >
    <ImportDetails />
  </Show>
);
