import { Box, Typography } from '@mui/material';
import { Pagination, useListContext, type PaginationProps } from 'react-admin';

/** "about 8.3 M", "about 120 k": an estimate said as one. */
export const aboutCount = (n: number): string =>
  n >= 1_000_000 ? `about ${(n / 1_000_000).toFixed(1)} M` : n >= 10_000 ? `about ${Math.round(n / 1000)} k` : `about ${n.toLocaleString()}`;

/**
 * Pagination for lists over very big tables: when the API answers an unfiltered list with the planner's estimate
 * instead of an exact count (Content-Range …/* with X-Total-Estimate), the list pages forward and back without a
 * total and says how many rows there are, about. A filtered list has its exact total and the usual pagination.
 */
export const EstimatedPagination = (props: PaginationProps) => {
  const { total, meta } = useListContext();
  const estimate = total == null ? (meta as { estimatedTotal?: number } | undefined)?.estimatedTotal : undefined;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'flex-end', flexWrap: 'wrap' }}>
      {estimate != null && (
        <Typography variant="body2" color="text.secondary" sx={{ px: 2 }} title="An estimate from the database's statistics: counting every row would take seconds. Filter the list for an exact count.">
          {`${aboutCount(estimate)} rows (estimated)`}
        </Typography>
      )}
      <Pagination {...props} />
    </Box>
  );
};
