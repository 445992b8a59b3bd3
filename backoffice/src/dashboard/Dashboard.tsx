import type { ReactNode } from 'react';
import { Box, Card, CardActionArea, CardContent, Chip, Grid, Stack, Typography } from '@mui/material';
import { LinkBase, Title, useGetIdentity, useGetList, Loading } from 'react-admin';
import type { Role } from '../providers/session';
import { listLink } from '../common/format';
import { roleLabel } from '../common/roles';
import { can } from '../providers/permissions';
import { useMe } from '../providers/useMe';

/** What each role will find here as the later issues fill the dashboards in. */
const ROLE_BLURB: Record<Role, string> = {
  admin: 'System-wide counts and recent activity will appear here.',
  developer: 'System health, jobs and recent errors will appear here.',
  manager: 'Batches, mission progress and mentor load will appear here.',
  sre: 'Students at risk and the calls in your queue.',
  mentor: 'Your students who are slipping; today’s attendance will appear here.',
  student: 'Students use the student portal.',
};

/** The number of rows a list filter matches (the Content-Range total of a one-row page). */
const useTotal = (resource: string, filter: Record<string, unknown>, enabled: boolean) =>
  useGetList(resource, { filter, pagination: { page: 1, perPage: 1 }, sort: { field: 'id', order: 'ASC' } }, { enabled }).total;

const count = (n: number | undefined) => (n == null ? '…' : n.toLocaleString());

/** A big number that opens the list behind it. */
const Stat = ({ value, label, to }: { value: number | undefined; label: string; to: string }) => (
  <CardActionArea component={LinkBase} to={to} sx={{ p: 2, height: '100%' }} aria-label={`${label}: ${count(value)}`}>
    <Typography variant="h4" component="p">
      {count(value)}
    </Typography>
    <Typography variant="body2" color="text.secondary">
      {label}
    </Typography>
  </CardActionArea>
);

const StatCard = ({ title, children }: { title: string; children: ReactNode }) => (
  <Grid size={{ xs: 12, sm: 6, md: 4 }}>
    <Card component="section" aria-label={title} sx={{ height: '100%' }}>
      <Typography variant="overline" component="h3" color="text.secondary" sx={{ display: 'block', px: 2, pt: 1.5 }}>
        {title}
      </Typography>
      <Stack direction="row" sx={{ '& > *': { flex: 1 } }}>
        {children}
      </Stack>
    </Card>
  </Grid>
);

const AT_RISK = { risk: ['high'], mission_status: 'active' };
const SLIPPING = { risk: ['high', 'medium'], mission_status: 'active' };

/** Outreach counts: students at risk (staff) or slipping (a mentor's own), and an SRE's calls due. */
const OutreachCards = ({ role }: { role: Role | undefined }) => {
  const me = useMe();
  const seesProgress = can(me?.permissions, 'student_progress', 'list');
  const isMentor = role === 'mentor';
  const isSre = role === 'sre';
  const atRisk = useTotal('student_progress', isMentor ? SLIPPING : AT_RISK, seesProgress);
  const dueToday = useTotal('calls', { mine: true, due: 'today' }, isSre);
  const overdue = useTotal('calls', { mine: true, due: 'overdue' }, isSre);
  if (!seesProgress && !isSre) return null;
  return (
    <Grid container spacing={2} sx={{ mt: 2 }}>
      {seesProgress &&
        (isMentor ? (
          <StatCard title="My students slipping">
            <Stat value={atRisk} label="high or medium risk, in active missions" to={listLink('student_progress', SLIPPING)} />
          </StatCard>
        ) : (
          <StatCard title="At risk">
            <Stat value={atRisk} label="high-risk enrolments in active missions" to={listLink('student_progress', AT_RISK)} />
          </StatCard>
        ))}
      {isSre && (
        <StatCard title="Calls due today / overdue">
          <Stat value={dueToday} label="due today" to={listLink('calls', { mine: true, due: 'today' })} />
          <Box sx={{ borderLeft: 1, borderColor: 'divider' }}>
            <Stat value={overdue} label="overdue" to={listLink('calls', { mine: true, due: 'overdue' })} />
          </Box>
        </StatCard>
      )}
    </Grid>
  );
};

export const Dashboard = () => {
  const { identity, isPending } = useGetIdentity();
  if (isPending) return <Loading />;
  const role = identity?.role as Role | undefined;
  return (
    <>
      <Title title="Dashboard" />
      <Card sx={{ mt: { xs: 1, sm: 2 } }}>
        <CardContent>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'center' }, mb: 1 }}>
            <Typography variant="h5" component="h2">
              Welcome, {identity?.fullName}
            </Typography>
            {role && <Chip label={roleLabel(role)} color="primary" size="small" sx={{ alignSelf: { xs: 'flex-start', sm: 'center' } }} />}
          </Stack>
          <Typography variant="body1" color="text.secondary">
            {role ? ROLE_BLURB[role] : ''}
          </Typography>
        </CardContent>
      </Card>
      <OutreachCards role={role} />
    </>
  );
};
