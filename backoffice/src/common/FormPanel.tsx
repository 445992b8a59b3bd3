import type { ReactNode } from 'react';
import { Box, Typography } from '@mui/material';

/** The shaded, titled box around an inline form or tool on a page (id names its heading). */
export const FormPanel = ({
  id,
  title,
  sx,
  children,
}: {
  id: string;
  title: ReactNode;
  sx?: { mt?: number; mb?: number };
  children: ReactNode;
}) => (
  <Box component="section" aria-labelledby={id} sx={{ ...sx, p: 2, bgcolor: 'action.hover', borderRadius: 1 }}>
    <Typography id={id} variant="subtitle1" component="h3" gutterBottom>
      {title}
    </Typography>
    {children}
  </Box>
);
