import { Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { Title, useGetIdentity, Loading } from 'react-admin';
import type { Role } from '../providers/session';
import { roleLabel } from '../common/roles';

/** What each role will find here as the later issues fill the dashboards in. */
const ROLE_BLURB: Record<Role, string> = {
  admin: 'System-wide counts and recent activity will appear here.',
  developer: 'System health, jobs and recent errors will appear here.',
  manager: 'Batches, mission progress and mentor load will appear here.',
  sre: 'Students at risk and calls due will appear here.',
  mentor: 'Your students, who is slipping and today’s attendance will appear here.',
  student: 'Students use the student portal.',
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
    </>
  );
};
