import { Box, Chip, List, ListItem, ListItemButton, ListItemText, Typography } from '@mui/material';
import { LinkBase } from 'react-admin';
import { STATUS_COLORS } from '../common/choices';
import { formatWhen, listLink } from '../common/format';
import { can } from '../providers/permissions';
import { useMe } from '../providers/useMe';
import { useLiveList, useLiveTotal } from './live';
import { OutreachCards } from './OutreachCards';
import { Empty, Panel, Stat, StatCard } from './parts';
import { TodayAttendance } from './TodayAttendance';

const STUDENT_STATUSES = [
  { id: 'active', label: 'active' },
  { id: 'banned', label: 'banned' },
  { id: 'delisted', label: 'delisted' },
];
const STAFF_ROLES = [
  { id: 'admin', label: 'admins' },
  { id: 'developer', label: 'developers' },
  { id: 'manager', label: 'managers' },
  { id: 'sre', label: 'SREs' },
  { id: 'mentor', label: 'mentors' },
];

/** A count of `resource` rows matching `filter`, linking to that filtered list. */
const Count = ({ resource, filter, label }: { resource: string; filter: Record<string, unknown>; label: string }) => {
  const me = useMe();
  const allowed = can(me?.permissions, resource, 'list');
  const total = useLiveTotal(resource, filter, allowed);
  if (!allowed) return null;
  return <Stat value={total} label={label} to={listLink(resource, filter)} />;
};

/** Students by status, staff by role, active batches and missions, open tickets and integrity cases. */
export const SystemCounts = () => (
  <>
    <StatCard title="Students" size={{ xs: 12, sm: 6, md: 4 }}>
      {STUDENT_STATUSES.map((s) => (
        <Count key={s.id} resource="students" filter={{ status: s.id }} label={s.label} />
      ))}
    </StatCard>
    <StatCard title="Active staff accounts" size={{ xs: 12, sm: 6, md: 8 }}>
      {STAFF_ROLES.map((r) => (
        <Count key={r.id} resource="users" filter={{ role: r.id, status: 'active' }} label={r.label} />
      ))}
    </StatCard>
    <StatCard title="Running now">
      <Count resource="batches" filter={{ status: 'active' }} label="active batches" />
      <Count resource="missions" filter={{ status: 'active' }} label="active missions" />
    </StatCard>
    <StatCard title="Needs attention">
      <Count resource="tickets" filter={{ status: 'open' }} label="open tickets" />
      <Count resource="integrity_cases" filter={{ status: 'open' }} label="open integrity cases" />
    </StatCard>
  </>
);

const when = (value: unknown) => formatWhen(value);

/** What people changed: sign-ins, sign-outs and reads of contact details stay in the audit log, out of the way. */
export const CHANGES = { action: ['create', 'update', 'delete', 'ban', 'restrict', 'lift', 'erase', 'acknowledge', 'recompute_points'] };

/** The last 10 changes in the audit log: when, who, what, on which record; each opens its entry. */
export const RecentActivity = () => {
  const { data = [], isPending } = useLiveList('audit_log', { sort: { field: 'at', order: 'DESC' }, pagination: { page: 1, perPage: 10 }, filter: CHANGES });
  return (
    <Panel title="Recent activity" to="/audit_log" linkLabel="Audit log" size={{ xs: 12, md: 5 }} loading={isPending}>
      {!isPending && data.length === 0 ? (
        <Empty text="Nothing has happened yet." />
      ) : (
        <List dense disablePadding aria-label="Recent activity">
          {data.map((entry) => (
            <ListItem key={entry.id} disablePadding>
            <ListItemButton component={LinkBase} to={`/audit_log/${entry.id}/show`} sx={{ px: { xs: 1, sm: 1 }, alignItems: 'flex-start' }}>
              <ListItemText
                primary={
                  <Box component="span" sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
                    <Chip size="small" label={entry.action} color={STATUS_COLORS[entry.action] ?? 'default'} variant="outlined" sx={{ height: 20 }} />
                    <Box component="span" sx={{ overflowWrap: 'anywhere' }}>
                      {`${entry.resource}${entry.record_id != null ? ` #${entry.record_id}` : ''}`}
                    </Box>
                  </Box>
                }
                secondary={
                  <Typography component="span" variant="caption" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
                    {`${when(entry.at)} · ${entry.actor_name ?? (entry.actor_role ? `a ${entry.actor_role}` : 'the system')}`}
                  </Typography>
                }
              />
            </ListItemButton>
            </ListItem>
          ))}
        </List>
      )}
    </Panel>
  );
};

/** Admin: system-wide counts, today's attendance and recent activity. */
export const AdminDashboard = () => (
  <>
    <SystemCounts />
    <OutreachCards role="admin" />
    <TodayAttendance />
    <RecentActivity />
  </>
);
