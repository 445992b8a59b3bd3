import type { ReactNode } from 'react';
import { Box, Typography } from '@mui/material';

/** A titled block of a show page (below the summary), with an optional action beside the title. */
export const Section = ({
  title,
  action,
  children,
  id,
}: {
  title: ReactNode;
  action?: ReactNode;
  children: ReactNode;
  id?: string;
}) => (
  <Box component="section" aria-labelledby={id} sx={{ p: 2, borderTop: 1, borderColor: 'divider', minWidth: 0 }}>
    <Box sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 1, mb: 1 }}>
      <Typography id={id} variant="h6" component="h2" sx={{ flexGrow: 1 }}>
        {title}
      </Typography>
      {action}
    </Box>
    {children}
  </Box>
);

/** The grey "nothing here" line of an empty related list. */
export const None = ({ text }: { text: string }) => (
  <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
    {text}
  </Typography>
);

/** A row of buttons above a section's list (export, open elsewhere…), wrapping on phones. */
export const SectionToolbar = ({ children }: { children: ReactNode }) => (
  <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center', justifyContent: 'flex-end', mb: 1 }}>{children}</Box>
);
