import { Box, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import { LinkBase, Title, useResetErrorBoundaryOnLocationChange, useTranslate } from 'react-admin';

/** What an unexpected error in a page shows: no stack trace, a way on. */
export const ErrorPage = ({ resetErrorBoundary }: { resetErrorBoundary?: () => void }) => {
  const translate = useTranslate();
  useResetErrorBoundaryOnLocationChange(resetErrorBoundary ?? (() => undefined));
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('app.error.title')} />
      <Card>
        <CardContent>
          <Typography variant="h5" component="h1" gutterBottom>
            {translate('app.error.title')}
          </Typography>
          <Typography color="text.secondary" sx={{ mb: 2 }}>
            {translate('app.error.body')}
          </Typography>
          <Stack direction="row" spacing={1}>
            <Button variant="contained" onClick={() => window.location.reload()}>
              {translate('app.error.reload')}
            </Button>
            <Button component={LinkBase} to="/">
              {translate('app.not_found.home')}
            </Button>
          </Stack>
        </CardContent>
      </Card>
    </Box>
  );
};

/** The sign-in check itself failed (not a missing session): the same page. */
export const AuthenticationErrorPage = () => <ErrorPage />;
