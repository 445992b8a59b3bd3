import type { ReactNode } from 'react';
import { Box, Grid, Typography } from '@mui/material';

type GridSize = number | Partial<Record<'xs' | 'sm' | 'md' | 'lg' | 'xl', number>>;

/** A caption-labelled value in a show page's grid (react-admin's Labeled ignores plain elements). */
export const LabeledValue = ({
  label,
  children,
  size = { xs: 6, sm: 4, md: 3 },
}: {
  label: string;
  children: ReactNode;
  size?: GridSize;
}) => (
  <Grid size={size} sx={{ minWidth: 0 }}>
    <Typography variant="caption" component="div" color="text.secondary">
      {label}
    </Typography>
    <Box sx={{ typography: 'body2', overflowWrap: 'anywhere', mt: 0.25 }}>{children}</Box>
  </Grid>
);
