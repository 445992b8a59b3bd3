import { Card, CardContent, Chip, Grid, Stack, Typography } from '@mui/material';
import { Loading, Title, useGetIdentity } from 'react-admin';
import type { Role } from '../providers/session';
import { roleLabel } from '../common/roles';
import { Suspense } from 'react';
import { lazyNamed } from '../common/lazyNamed';
import { LiveCaption, LiveProvider } from './live';

// Each role's home page loads on its own (an SRE's does not bring the manager's charts).
const AdminDashboard = lazyNamed(() => import('./AdminDashboard'), 'AdminDashboard');
const DeveloperDashboard = lazyNamed(() => import('./DeveloperDashboard'), 'DeveloperDashboard');
const ManagerDashboard = lazyNamed(() => import('./ManagerDashboard'), 'ManagerDashboard');
const MentorDashboard = lazyNamed(() => import('./MentorDashboard'), 'MentorDashboard');
const SreDashboard = lazyNamed(() => import('./SreDashboard'), 'SreDashboard');

/** What each role finds below. */
const ROLE_BLURB: Record<Role, string> = {
  admin: 'System-wide counts, today’s attendance and recent activity.',
  developer: 'Health, the server, recent errors, migrations and webhook deliveries.',
  manager: 'What is running, attendance, mentor load and the assignments falling behind.',
  sre: 'Your calls to make, overdue first, and the students at risk.',
  mentor: 'Your mentees who are slipping and why, who checked in today, your load and your next meetings.',
  student: 'Students use the student portal.',
};

/** Each role's cards and charts; every number opens the list it counts. */
const RoleDashboard = ({ role }: { role: Role | undefined }) => {
  switch (role) {
    case 'admin':
      return <AdminDashboard />;
    case 'manager':
      return <ManagerDashboard />;
    case 'mentor':
      return <MentorDashboard />;
    case 'developer':
      return <DeveloperDashboard />;
    case 'sre':
      return <SreDashboard />;
    default:
      return null;
  }
};

/**
 * The home page: a welcome, then the signed-in role's dashboard. Numbers and charts refresh every
 * 15 seconds while the tab is visible ("Live · updated …").
 */
export const Dashboard = () => {
  const { identity, isPending } = useGetIdentity();
  if (isPending) return <Loading />;
  const role = identity?.role as Role | undefined;
  return (
    <LiveProvider>
      <Title title="Dashboard" />
      <Card sx={{ mt: { xs: 1, sm: 2 } }}>
        <CardContent sx={{ pb: { xs: 1.5, sm: 2 } }}>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'center' }, mb: 1 }}>
            <Typography variant="h5" component="h2">
              Welcome, {identity?.fullName}
            </Typography>
            {role && <Chip label={roleLabel(role)} color="primary" size="small" sx={{ alignSelf: { xs: 'flex-start', sm: 'center' } }} />}
            <Stack sx={{ flexGrow: 1, alignItems: { sm: 'flex-end' } }}>
              <LiveCaption />
            </Stack>
          </Stack>
          <Typography variant="body1" color="text.secondary">
            {role ? ROLE_BLURB[role] : ''}
          </Typography>
        </CardContent>
      </Card>
      <Grid container spacing={2} sx={{ mt: 2, mb: 2 }}>
        <Suspense fallback={<Loading />}>
          <RoleDashboard role={role} />
        </Suspense>
      </Grid>
    </LiveProvider>
  );
};
