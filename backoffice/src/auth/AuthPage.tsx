import type { ReactNode } from 'react';
import { Box, Card, CardContent, Typography } from '@mui/material';
import SchoolIcon from '@mui/icons-material/School';
import { appTitle } from '../config';

/** Centered card for the signed-out pages (sign in, forgot / reset password); fits a 360 px phone. */
export const AuthPage = ({ title, children }: { title: string; children: ReactNode }) => (
  <Box
    component="main"
    sx={{
      minHeight: '100vh',
      display: 'flex',
      flexDirection: 'column',
      alignItems: 'center',
      justifyContent: 'flex-start',
      px: 2,
      py: { xs: 4, sm: 10 },
      background: 'radial-gradient(circle at 50% 14em, #313264 0%, #00023b 60%, #00023b 100%)',
    }}
  >
    <Card sx={{ width: '100%', maxWidth: 400 }}>
      <CardContent sx={{ p: { xs: 2, sm: 3 } }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1, color: 'primary.main' }}>
          <SchoolIcon aria-hidden />
          <Typography variant="subtitle1" component="p" sx={{ fontWeight: 600 }}>
            {appTitle}
          </Typography>
        </Box>
        <Typography variant="h5" component="h1" gutterBottom>
          {title}
        </Typography>
        {children}
      </CardContent>
    </Card>
  </Box>
);
