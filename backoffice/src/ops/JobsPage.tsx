import { useEffect, useState } from 'react';
import { Alert, Box, Button as MuiButton, Chip, Grid, LinearProgress, Paper, Stack, Typography } from '@mui/material';
import CancelIcon from '@mui/icons-material/Cancel';
import RefreshIcon from '@mui/icons-material/Refresh';
import ReplayIcon from '@mui/icons-material/Replay';
import { Confirm, Title, useAuthenticated, useNotify } from 'react-admin';
import { apiUrl } from '../config';
import { errorMessage } from '../common/errors';
import { formatDateTime, plural } from '../common/format';
import { NotFoundPage } from '../layout/NotFoundPage';
import { httpClient } from '../providers/httpClient';
import { useMe } from '../providers/useMe';
import { OPS_ROLES, OpsSection, mono, useApiGet } from './OpsParts';

const STATES = [
  { id: 'created', label: 'Created' },
  { id: 'retry', label: 'Retry' },
  { id: 'active', label: 'Active' },
  { id: 'completed', label: 'Completed' },
  { id: 'failed', label: 'Failed' },
  { id: 'cancelled', label: 'Cancelled' },
] as const;

interface Queue {
  name: string;
  policy: string | null;
  retry_limit: number | null;
  cron: string | null;
  counts: Record<(typeof STATES)[number]['id'], number>;
}
interface Failure {
  id: string;
  queue: string;
  state: 'failed' | 'retry';
  attempts: number;
  error: string | null;
  data: unknown;
  created_at: string;
  failed_at: string | null;
  next_attempt_at: string | null;
}
interface Overview {
  queues: Queue[];
  failures: Failure[];
}

/** The page asks again on its own this often, so a retried job is seen to run (or fail again). */
const REFRESH_MS = 10_000;

const QueueCard = ({ queue }: { queue: Queue }) => {
  const id = `queue-${queue.name}`;
  return (
    <Grid size={{ xs: 12, sm: 6, lg: 4 }}>
      <Paper variant="outlined" component="section" aria-labelledby={id} sx={{ p: 1.5, height: '100%' }}>
        <Typography id={id} variant="subtitle1" component="h3" sx={{ ...mono, fontSize: '1rem', fontWeight: 600, overflowWrap: 'anywhere' }}>
          {queue.name}
        </Typography>
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
          {queue.cron ? (
            <>
              {'Schedule (cron, UTC): '}
              <Box component="span" sx={mono}>
                {queue.cron}
              </Box>
            </>
          ) : (
            'No schedule: runs when work is queued.'
          )}
        </Typography>
        <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', gap: 1, m: 0 }}>
          {STATES.map((state) => {
            const n = queue.counts[state.id] ?? 0;
            return (
              <Box key={state.id} sx={{ minWidth: 0 }}>
                <Typography component="dt" variant="caption" color="text.secondary">
                  {state.label}
                </Typography>
                <Typography component="dd" variant="h6" sx={{ m: 0, color: state.id === 'failed' && n > 0 ? 'error.main' : undefined }}>
                  {n.toLocaleString()}
                </Typography>
              </Box>
            );
          })}
        </Box>
      </Paper>
    </Grid>
  );
};

/** Job data holds ids only: "outbox_id 12". */
const dataText = (data: unknown): string => {
  if (!data || typeof data !== 'object') return '';
  return Object.entries(data as Record<string, unknown>)
    .map(([key, value]) => `${key} ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
    .join(' · ');
};

const FailureCard = ({ failure, onDone }: { failure: Failure; onDone: () => void }) => {
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const act = async (action: 'retry' | 'cancel', done: string) => {
    setBusy(true);
    try {
      await httpClient(`${apiUrl}/ops/jobs/${encodeURIComponent(failure.queue)}/${encodeURIComponent(failure.id)}/${action}`, { method: 'POST', body: '{}' });
      notify(done, { type: 'success' });
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setBusy(false);
      setConfirming(false);
      onDone();
    }
  };
  const waiting = failure.state === 'retry';
  const details = dataText(failure.data);
  return (
    <Paper variant="outlined" component="li" aria-label={`Job ${failure.id}`} sx={{ p: 1.5, listStyle: 'none' }}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center', mb: 0.5 }}>
        <Chip size="small" label={failure.queue} sx={mono} />
        <Chip size="small" color={waiting ? 'warning' : 'error'} label={waiting ? 'Waiting to retry' : 'Failed'} />
        <Typography variant="body2" sx={{ ...mono, overflowWrap: 'anywhere', minWidth: 0 }}>
          {failure.id}
        </Typography>
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {[
          failure.failed_at ? `${waiting ? 'Last attempt' : 'Failed'} ${formatDateTime(failure.failed_at)}` : null,
          plural(failure.attempts, 'attempt'),
          waiting && failure.next_attempt_at ? `next attempt ${formatDateTime(failure.next_attempt_at)}` : null,
          `queued ${formatDateTime(failure.created_at)}`,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Typography>
      {details && (
        <Typography variant="caption" color="text.secondary" component="p" sx={{ ...mono, overflowWrap: 'anywhere' }}>
          {details}
        </Typography>
      )}
      <Box
        sx={{ mt: 1, p: 1, borderRadius: 1, bgcolor: 'action.hover', borderLeft: 3, borderColor: 'error.main', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', ...mono }}
        aria-label="Error"
      >
        {failure.error || 'No error message was recorded.'}
      </Box>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mt: 1 }}>
        {!waiting && (
          <MuiButton
            size="small"
            variant="outlined"
            startIcon={<ReplayIcon />}
            disabled={busy}
            aria-label={`Retry job ${failure.id}`}
            onClick={() => void act('retry', `Job ${failure.id} queued to run again.`)}
          >
            Retry
          </MuiButton>
        )}
        {waiting && (
          <MuiButton size="small" variant="outlined" color="error" startIcon={<CancelIcon />} disabled={busy} aria-label={`Cancel job ${failure.id}`} onClick={() => setConfirming(true)}>
            Cancel
          </MuiButton>
        )}
      </Stack>
      <Confirm
        isOpen={confirming}
        loading={busy}
        title={`Cancel job ${failure.id}?`}
        content={`It will not be tried again; what it was for is closed (a mail is marked failed in the outbox, an import failed). Queue: ${failure.queue}.`}
        confirm="Cancel the job"
        cancel="Keep it"
        onConfirm={() => void act('cancel', `Job ${failure.id} cancelled.`)}
        onClose={() => setConfirming(false)}
      />
    </Paper>
  );
};

const JobSections = ({ round }: { round: number }) => {
  const overview = useApiGet<Overview>('/ops/jobs');
  const { reload } = overview;
  useEffect(() => {
    if (round) reload();
  }, [round, reload]);
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  const data = overview.data;
  return (
    <>
      {overview.error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {overview.error}
        </Alert>
      )}
      <OpsSection id="failures-heading" title="Latest failures">
        {overview.loading && !data && <LinearProgress />}
        {data &&
          (data.failures.length === 0 ? (
            <Alert severity="success">No failed job. A job that fails shows here with its error.</Alert>
          ) : (
            <>
              <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
                Failed jobs can be retried; jobs waiting to retry after a failed attempt can be cancelled. Latest first.
              </Typography>
              <Stack component="ul" spacing={1.5} sx={{ m: 0, p: 0 }}>
                {data.failures.map((failure) => (
                  <FailureCard key={failure.id} failure={failure} onDone={reload} />
                ))}
              </Stack>
            </>
          ))}
      </OpsSection>
      <OpsSection id="queues-heading" title="Queues">
        {overview.loading && !data && <LinearProgress />}
        {data &&
          (data.queues.length === 0 ? (
            <Typography color="text.secondary">No queue is declared.</Typography>
          ) : (
            <>
              <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
                Jobs by state; finished jobs are counted for 12 hours, then archived.
              </Typography>
              <Grid container spacing={1.5}>
                {data.queues.map((queue) => (
                  <QueueCard key={queue.name} queue={queue} />
                ))}
              </Grid>
            </>
          ))}
      </OpsSection>
    </>
  );
};

/** /jobs — the job monitor for developers and admins: the latest failures first (retry, cancel), then each queue's jobs by state. */
export const JobsPage = () => {
  useAuthenticated();
  const me = useMe();
  const [round, setRound] = useState(0);
  if (me && !OPS_ROLES.includes(me.role)) return <NotFoundPage />;
  return (
    <Box sx={{ mt: { xs: 1, sm: 2 }, mb: 2, width: 0, minWidth: '100%' }}>
      <Title title="Jobs" />
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mb: 2, alignItems: 'center' }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          Jobs
        </Typography>
        <MuiButton size="small" startIcon={<RefreshIcon />} onClick={() => setRound((r) => r + 1)}>
          Refresh
        </MuiButton>
      </Stack>
      {me && <JobSections round={round} />}
    </Box>
  );
};
