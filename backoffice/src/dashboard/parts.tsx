import type { ReactNode } from 'react';
import { Box, Card, CardActionArea, Grid, LinearProgress, Stack, Typography } from '@mui/material';
import { LinkBase } from 'react-admin';
import { LinkButton } from '../common/LinkButton';

export const count = (n: number | undefined | null) => (n == null ? '…' : n.toLocaleString());

type Size = { xs?: number; sm?: number; md?: number; lg?: number };

/**
 * A big number that opens the list behind it (without `to`: plain text). `text` replaces the number
 * shown (e.g. "12 / 37"); the accessible name stays "label: value".
 */
export const Stat = ({
  value,
  label,
  to,
  text,
  ariaValue,
  color,
  hint,
}: {
  value: number | undefined | null;
  label: string;
  to?: string;
  text?: string;
  ariaValue?: string;
  /** The number's colour, e.g. "success.main" for a health check that passes. */
  color?: string;
  /** A longer explanation, shown on hover. */
  hint?: string;
}) => {
  const body = (
    <>
      <Typography variant="h4" component="p" color={color} sx={{ fontSize: { xs: '1.75rem', sm: '2.125rem' }, whiteSpace: 'nowrap' }}>
        {text ?? count(value)}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
    </>
  );
  const aria = `${ariaValue ?? text ?? count(value)} ${label}`;
  return to ? (
    // Named by its visible words (the number, then what it counts), so voice control finds it by what it shows.
    <CardActionArea component={LinkBase} to={to} sx={{ p: 2, height: '100%' }} title={hint}>
      {body}
    </CardActionArea>
  ) : (
    <Box sx={{ p: 2 }} aria-label={aria} role="group" title={hint}>
      {body}
    </Box>
  );
};

/** A card of one or more numbers side by side (wrapping on narrow cards), titled. */
export const StatCard = ({ title, children, size = { xs: 12, sm: 6, md: 4 } }: { title: string; children: ReactNode; size?: Size }) => (
  <Grid size={size}>
    <Card component="section" aria-label={title} sx={{ height: '100%' }}>
      <Typography variant="overline" component="h3" color="text.secondary" sx={{ display: 'block', px: 2, pt: 1.5 }}>
        {title}
      </Typography>
      <Stack
        direction="row"
        sx={{
          flexWrap: 'wrap',
          '& > *': { flex: '1 1 0', minWidth: 'fit-content' },
          '& > * + *': { borderLeft: 1, borderColor: 'divider' },
        }}
      >
        {children}
      </Stack>
    </Card>
  </Grid>
);

/** A titled card for a chart or a short list, with an optional link to the full report. */
export const Panel = ({
  title,
  children,
  to,
  linkLabel = 'Open report',
  size = { xs: 12, md: 6 },
  loading,
}: {
  title: string;
  children: ReactNode;
  to?: string;
  linkLabel?: string;
  size?: Size;
  loading?: boolean;
}) => (
  <Grid size={size}>
    <Card component="section" aria-label={title} sx={{ height: '100%', minWidth: 0, display: 'flex', flexDirection: 'column' }}>
      <Box sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 1, px: 2, pt: 1.5 }}>
        <Typography variant="overline" component="h3" color="text.secondary" sx={{ flexGrow: 1, lineHeight: 1.6 }}>
          {title}
        </Typography>
        {to && <LinkButton to={to} label={linkLabel} sx={{ mr: -1 }} />}
      </Box>
      {loading && <LinearProgress sx={{ mx: 2 }} />}
      <Box sx={{ px: { xs: 1, sm: 2 }, pb: 2, pt: 1, minWidth: 0, flexGrow: 1 }}>{children}</Box>
    </Card>
  </Grid>
);

/** The grey line of an empty panel. */
export const Empty = ({ text }: { text: string }) => (
  <Typography variant="body2" color="text.secondary" sx={{ py: 1, px: { xs: 1, sm: 0 } }}>
    {text}
  </Typography>
);
