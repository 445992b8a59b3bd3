import type { ReactNode } from 'react';
import { Box, Card, CardContent, Stack, Typography } from '@mui/material';
import { Title } from 'react-admin';

/** A page that only says something (not found, an error): a title, a sentence, and ways on. */
export const MessagePage = ({ title, body, actions }: { title: string; body: string; actions: ReactNode }) => (
  <Box sx={{ mt: 2 }}>
    <Title title={title} />
    <Card>
      <CardContent>
        <Typography variant="h5" component="h1" gutterBottom>
          {title}
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          {body}
        </Typography>
        <Stack direction="row" spacing={1}>
          {actions}
        </Stack>
      </CardContent>
    </Card>
  </Box>
);
