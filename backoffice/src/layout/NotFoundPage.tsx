import { Box, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import HomeIcon from '@mui/icons-material/Home';
import { LinkBase, Title, useTranslate } from 'react-admin';

/**
 * "Not found or no access": a record outside one's scope answers 404 like a missing one (the API never says
 * which), so the page says both, with a way back.
 */
export const NotFoundPage = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('app.not_found.title')} />
      <Card>
        <CardContent>
          <Typography variant="h5" component="h1" gutterBottom>
            {translate('app.not_found.title')}
          </Typography>
          <Typography color="text.secondary" sx={{ mb: 2 }}>
            {translate('app.not_found.body')}
          </Typography>
          <Stack direction="row" spacing={1}>
            <Button variant="contained" startIcon={<ArrowBackIcon />} onClick={() => window.history.back()}>
              {translate('app.not_found.back')}
            </Button>
            <Button component={LinkBase} to="/" startIcon={<HomeIcon />}>
              {translate('app.not_found.home')}
            </Button>
          </Stack>
        </CardContent>
      </Card>
    </Box>
  );
};
