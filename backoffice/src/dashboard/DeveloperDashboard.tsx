import { Alert, Grid } from '@mui/material';
import { useResourceDefinitions } from 'react-admin';
import { listLink } from '../common/format';
import { can } from '../providers/permissions';
import { useMe } from '../providers/useMe';
import { useLiveApi, useLiveTotal } from './live';
import { OutreachCards } from './OutreachCards';
import { Stat, StatCard } from './parts';

interface Health {
  status: string;
  db: string;
  version: string;
}
interface OpsInfo {
  version: string;
  uptime_seconds: number;
  workers: { count: number; this_worker?: number };
  database: { server_version: string; name?: string };
}
interface OpsErrors {
  total: number;
  capacity: number;
  errors: unknown[];
}
interface OpsMigrations {
  current: string | null;
  pending: string[];
}

/** "3 d 4 h", "2 h 5 min", "42 s" */
export const uptimeText = (seconds: number | undefined) => {
  if (seconds == null) return '…';
  const s = Math.floor(seconds);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return `${d} d ${h} h`;
  if (h > 0) return `${h} h ${m} min`;
  if (m > 0) return `${m} min`;
  return `${s} s`;
};

/** "16.4" out of "16.4 (Debian 16.4-1)". */
const shortVersion = (version: string | undefined) => (version ? version.split(' ')[0] : '…');

/** Developer: health and version, the server, recent errors, pending migrations, failing webhook deliveries. */
export const DeveloperDashboard = () => {
  const me = useMe();
  const resources = useResourceDefinitions();
  const health = useLiveApi<Health>('/health');
  const info = useLiveApi<OpsInfo>('/ops/info');
  const errors = useLiveApi<OpsErrors>('/ops/errors');
  const migrations = useLiveApi<OpsMigrations>('/ops/migrations');
  const seesDeliveries = can(me?.permissions, 'webhook_deliveries', 'list');
  const failed = useLiveTotal('webhook_deliveries', { status: 'failed' }, seesDeliveries);
  const problems = [health.error, info.error, errors.error, migrations.error].filter(Boolean) as string[];
  const healthy = health.data?.status === 'ok' && health.data?.db === 'ok';
  return (
    <>
      {problems.length > 0 && (
        <Grid size={12}>
          <Alert severity="error">{[...new Set(problems)].join(' ')}</Alert>
        </Grid>
      )}
      <StatCard title="Health">
        <Stat
          value={null}
          color={health.data ? (healthy ? 'success.main' : 'warning.main') : health.error ? 'error.main' : undefined}
          text={health.data ? (healthy ? 'OK' : 'Degraded') : health.error ? 'Down' : '…'}
          ariaValue={health.data ? `${health.data.status}, database ${health.data.db}` : '…'}
          label={health.data ? `API ${health.data.status} · database ${health.data.db}` : 'API and database'}
        />
        <Stat value={null} text={health.data?.version ?? '…'} label="version" />
      </StatCard>
      <StatCard title="Server">
        <Stat value={null} text={uptimeText(info.data?.uptime_seconds)} label="uptime" />
        <Stat value={info.data?.workers?.count} label={info.data?.workers?.count === 1 ? 'worker' : 'workers'} />
        <Stat value={null} text={shortVersion(info.data?.database?.server_version)} label="PostgreSQL" />
      </StatCard>
      <StatCard title="Problems">
        <Stat
          value={errors.data?.errors?.length}
          label="recent errors"
          hint={`Unexpected (500) errors kept by the worker that answered: its last ${errors.data?.capacity ?? 100}, lost on restart.`}
          color={errors.data?.errors?.length ? 'error.main' : undefined}
        />
        <Stat
          value={migrations.data?.pending?.length}
          label="pending migrations"
          hint={migrations.data?.current ? `Current: ${migrations.data.current}` : undefined}
          color={migrations.data?.pending?.length ? 'warning.main' : undefined}
        />
        {seesDeliveries && (
          <Stat
            value={failed}
            label="failed webhooks"
            hint="Webhook deliveries that failed after every retry."
            color={failed ? 'error.main' : undefined}
            to={resources.webhook_deliveries?.hasList ? listLink('webhook_deliveries', { status: 'failed' }) : undefined}
          />
        )}
      </StatCard>
      <OutreachCards role="developer" />
    </>
  );
};
