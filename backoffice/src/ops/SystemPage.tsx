import { useState } from 'react';
import { Alert, Box, Button as MuiButton, Chip, Grid, LinearProgress, Stack, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import RefreshIcon from '@mui/icons-material/Refresh';
import { Title, useAuthenticated } from 'react-admin';
import { apiUrl } from '../config';
import { formatDateTime, plural } from '../common/format';
import { LabeledValue } from '../common/LabeledValue';
import { OpsSection, ScrollTable, formatSize, formatUptime, mono, useApiGet } from './OpsParts';

interface Health {
  status: string;
  db: string;
  version: string;
}
interface Info {
  version: string;
  node: string;
  environment: string;
  started_at: string;
  uptime_seconds: number;
  pid: number;
  workers: { count: number; this_worker: number | null };
  memory: { rss_bytes: number; heap_used_bytes: number };
  database: {
    server_version: string;
    name: string;
    started_at: string;
    size_bytes: number;
    pool: { max: number; used: number; free: number; pending: number } | null;
    pool_max_total: number;
  };
  tables: { name: string; estimated_rows: number; total_bytes: number }[];
}
interface Migrations {
  current: string | null;
  applied: { name: string; batch: number; applied_at: string; in_code: boolean }[];
  pending: string[];
}
interface Errors {
  worker: number | null;
  pid: number;
  total: number;
  capacity: number;
  errors: { at: string; request_id: string; method: string | null; route: string | null; message: string; db_code: string | null; worker: number }[];
}

const Failure = ({ error }: { error?: string }) => (error ? <Alert severity="error">{error}</Alert> : null);

const HealthSection = () => {
  const health = useApiGet<Health>('/health');
  const ok = health.data?.status === 'ok';
  return (
    <OpsSection id="health-heading" title="Health">
      {health.loading && !health.data && <LinearProgress />}
      <Failure error={health.error} />
      {health.data && (
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
          <Chip label={`API: ${health.data.status}`} color={ok ? 'success' : 'error'} />
          <Chip label={`Database: ${health.data.db}`} color={health.data.db === 'ok' ? 'success' : 'error'} />
          <Chip label={`Version ${health.data.version}`} variant="outlined" />
        </Stack>
      )}
    </OpsSection>
  );
};

const InfoSections = ({ info }: { info: ReturnType<typeof useApiGet<Info>> }) => {
  const data = info.data;
  return (
    <>
      <OpsSection id="server-heading" title="API server">
        {info.loading && !data && <LinearProgress />}
        <Failure error={info.error} />
        {data && (
          <Grid container spacing={2}>
            <LabeledValue label="Version">{data.version}</LabeledValue>
            <LabeledValue label="Node">{data.node}</LabeledValue>
            <LabeledValue label="Environment">{data.environment}</LabeledValue>
            <LabeledValue label="Up for">{formatUptime(data.uptime_seconds)}</LabeledValue>
            <LabeledValue label="Started">{formatDateTime(data.started_at)}</LabeledValue>
            <LabeledValue label="Workers">
              {`${data.workers.count}${data.workers.this_worker != null ? ` (this answer: worker ${data.workers.this_worker})` : ''}`}
            </LabeledValue>
            <LabeledValue label="Process id">{String(data.pid)}</LabeledValue>
            <LabeledValue label="Memory (RSS / heap used)">{`${formatSize(data.memory.rss_bytes)} / ${formatSize(data.memory.heap_used_bytes)}`}</LabeledValue>
          </Grid>
        )}
      </OpsSection>
      {data && (
        <OpsSection id="database-heading" title="Database">
          <Grid container spacing={2} sx={{ mb: 2 }}>
            <LabeledValue label="PostgreSQL">{data.database.server_version}</LabeledValue>
            <LabeledValue label="Database">{data.database.name}</LabeledValue>
            <LabeledValue label="Size">{formatSize(data.database.size_bytes)}</LabeledValue>
            <LabeledValue label="Server started">{formatDateTime(data.database.started_at)}</LabeledValue>
            <LabeledValue label="Pool (this worker)">
              {data.database.pool
                ? `${data.database.pool.used} used · ${data.database.pool.free} free · ${data.database.pool.pending} waiting · max ${data.database.pool.max}`
                : '—'}
            </LabeledValue>
            <LabeledValue label="Pool max (all workers)">{String(data.database.pool_max_total)}</LabeledValue>
          </Grid>
          <Typography variant="subtitle2" component="h3" gutterBottom>
            Biggest tables
          </Typography>
          <ScrollTable label="Biggest tables">
            <TableHead>
              <TableRow>
                <TableCell>Table</TableCell>
                <TableCell align="right">Rows ≈</TableCell>
                <TableCell align="right">Size</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.tables.map((t) => (
                <TableRow key={t.name}>
                  <TableCell sx={mono}>{t.name}</TableCell>
                  <TableCell align="right">{t.estimated_rows.toLocaleString()}</TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    {formatSize(t.total_bytes)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </ScrollTable>
        </OpsSection>
      )}
    </>
  );
};

const MigrationsSection = () => {
  const migrations = useApiGet<Migrations>('/ops/migrations');
  const data = migrations.data;
  const applied = data ? [...data.applied].reverse() : [];
  return (
    <OpsSection id="migrations-heading" title="Migrations">
      {migrations.loading && !data && <LinearProgress />}
      <Failure error={migrations.error} />
      {data && (
        <>
          {data.pending.length ? (
            <Alert severity="warning" sx={{ mb: 2 }}>
              <strong>{`${plural(data.pending.length, 'migration')} pending`}</strong>
              <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                {data.pending.map((name) => (
                  <li key={name} style={{ fontFamily: mono.fontFamily, overflowWrap: 'anywhere' }}>
                    {name}
                  </li>
                ))}
              </Box>
            </Alert>
          ) : (
            <Alert severity="success" sx={{ mb: 2 }}>
              {`All ${plural(data.applied.length, 'migration')} applied. Current: `}
              <Box component="span" sx={{ ...mono, overflowWrap: 'anywhere' }}>
                {data.current ?? '—'}
              </Box>
            </Alert>
          )}
          <ScrollTable label="Applied migrations" maxHeight={360}>
            <TableHead>
              <TableRow>
                <TableCell>Applied migrations, latest first</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {applied.map((m) => (
                <TableRow key={m.name}>
                  <TableCell>
                    <Box sx={{ ...mono, overflowWrap: 'anywhere' }}>
                      {m.name}
                      {!m.in_code && <Chip size="small" color="warning" label="not in this code" sx={{ ml: 1 }} />}
                    </Box>
                    <Typography variant="caption" color="text.secondary">
                      {`Batch ${m.batch} · applied ${formatDateTime(m.applied_at)}`}
                    </Typography>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </ScrollTable>
        </>
      )}
    </OpsSection>
  );
};

const ErrorsSection = () => {
  const recent = useApiGet<Errors>('/ops/errors');
  const data = recent.data;
  return (
    <OpsSection id="errors-heading" title="Recent errors">
      {recent.loading && !data && <LinearProgress />}
      <Failure error={recent.error} />
      {data && (
        <>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {`Unexpected (500) errors of the worker that answered${data.worker != null ? ` (worker ${data.worker}, pid ${data.pid})` : ` (pid ${data.pid})`}: ${plural(
              data.total,
              'error'
            )} since it started, the last ${data.capacity} kept. Search the API log for a request id.`}
          </Typography>
          {data.errors.length === 0 ? (
            <Alert severity="success">No unexpected error since this worker started.</Alert>
          ) : (
            <ScrollTable label="Recent errors" maxHeight={480}>
              <TableHead>
                <TableRow>
                  <TableCell>When</TableCell>
                  <TableCell>Request id</TableCell>
                  <TableCell>Route</TableCell>
                  <TableCell>Message</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {data.errors.map((e) => (
                  <TableRow key={`${e.request_id}-${e.at}`}>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</TableCell>
                    <TableCell sx={mono}>{e.request_id}</TableCell>
                    <TableCell sx={{ ...mono, whiteSpace: 'nowrap' }}>{[e.method, e.route].filter(Boolean).join(' ') || '—'}</TableCell>
                    <TableCell sx={{ minWidth: 240, overflowWrap: 'anywhere' }}>
                      {e.message}
                      {e.db_code && <Chip size="small" variant="outlined" label={`DB ${e.db_code}`} sx={{ ml: 1 }} />}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </ScrollTable>
          )}
        </>
      )}
    </OpsSection>
  );
};

/** /system — health, the running API and database, migrations, recent errors; links to metrics and the OpenAPI document. */
const SystemSections = () => {
  const info = useApiGet<Info>('/ops/info');
  return (
    <>
      <HealthSection />
      <InfoSections info={info} />
      <MigrationsSection />
      <ErrorsSection />
    </>
  );
};

export const SystemPage = () => {
  useAuthenticated();
  const [round, setRound] = useState(0);
  return (
    <Box sx={{ mt: { xs: 1, sm: 2 }, mb: 2, width: 0, minWidth: '100%' }}>
      <Title title="System" />
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mb: 2, alignItems: 'center' }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          System
        </Typography>
        <MuiButton size="small" startIcon={<RefreshIcon />} onClick={() => setRound((r) => r + 1)}>
          Refresh
        </MuiButton>
        <MuiButton size="small" href={`${apiUrl}/metrics`} target="_blank" rel="noopener" endIcon={<OpenInNewIcon />}>
          Metrics
        </MuiButton>
        <MuiButton size="small" href={`${apiUrl}/openapi.json`} target="_blank" rel="noopener" endIcon={<OpenInNewIcon />}>
          OpenAPI
        </MuiButton>
      </Stack>
      <SystemSections key={round} />
    </Box>
  );
};
