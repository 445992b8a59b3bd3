import { Stack } from '@mui/material';
import { Loading, Title, useAuthenticated } from 'react-admin';
import { TwoFactorCard } from '../auth/TwoFactorCard';
import { useMe } from '../providers/useMe';
import { ChangePasswordForm } from './ChangePasswordForm';
import { ProfileForm } from './ProfileForm';

/** /profile: the signed-in user's own profile and password (every staff role). */
export const ProfilePage = () => {
  useAuthenticated();
  const me = useMe();
  if (!me) return <Loading />;
  return (
    <Stack spacing={2} sx={{ mt: { xs: 1, sm: 2 }, mb: 2, maxWidth: 720 }}>
      <Title title="My profile" />
      <ProfileForm me={me} />
      <ChangePasswordForm />
      <TwoFactorCard />
    </Stack>
  );
};
