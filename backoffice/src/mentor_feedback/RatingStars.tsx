import { Box, Rating } from '@mui/material';

/** A 1–5 rating as read-only stars with the number beside them ("4/5" is also what a screen reader hears). */
export const RatingStars = ({ value }: { value: unknown }) => {
  const rating = Number(value ?? 0);
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, whiteSpace: 'nowrap' }}>
      <Rating value={rating} max={5} readOnly size="small" aria-hidden="true" />
      <Box component="span" sx={{ typography: 'body2', color: 'text.secondary' }} aria-label={`${rating} of 5 stars`}>
        {`${rating}/5`}
      </Box>
    </Box>
  );
};
