import { Box, Typography } from '@mui/material';
import { SUBMISSION_COLORS } from './palette';

const num = (value: unknown) => (value == null || value === '' ? 0 : Number(value) || 0);

/**
 * A small stacked bar of an assignment's enrolled students: on time, late, missing (after the
 * deadline) or not yet submitted (grey, before it). Its text alternative says the same in words.
 */
export const SubmissionBar = ({ record, width = '100%' }: { record: Record<string, unknown>; width?: number | string }) => {
  const onTime = num(record.on_time);
  const late = num(record.late);
  const passed = record.missing != null;
  const rest = passed ? num(record.missing) : Math.max(0, num(record.enrolled) - onTime - late);
  const total = Math.max(onTime + late + rest, 1);
  const parts = [
    { key: 'on_time', n: onTime, color: SUBMISSION_COLORS.on_time },
    { key: 'late', n: late, color: SUBMISSION_COLORS.late },
    { key: 'rest', n: rest, color: passed ? SUBMISSION_COLORS.missing : '#e0e0e0' },
  ];
  const text = `On time ${onTime}, late ${late}, ${passed ? `missing ${rest}` : `not yet submitted ${rest}`}`;
  return (
    <Box
      role="img"
      aria-label={text}
      title={text}
      sx={{ display: 'flex', width, minWidth: 64, height: 8, borderRadius: 1, overflow: 'hidden', bgcolor: 'action.hover' }}
    >
      {parts.map((p) => (p.n > 0 ? <Box key={p.key} sx={{ width: `${(p.n / total) * 100}%`, bgcolor: p.color }} /> : null))}
    </Box>
  );
};

/** The bar's key: coloured squares with their meaning. */
export const SubmissionLegend = () => (
  <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, alignItems: 'center' }} aria-hidden>
    {[
      ['On time', SUBMISSION_COLORS.on_time],
      ['Late', SUBMISSION_COLORS.late],
      ['Missing', SUBMISSION_COLORS.missing],
      ['Not yet (before the deadline)', '#e0e0e0'],
    ].map(([label, color]) => (
      <Box key={label} sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
        <Box sx={{ width: 10, height: 10, borderRadius: 0.5, bgcolor: color }} />
        <Typography variant="caption" color="text.secondary">
          {label}
        </Typography>
      </Box>
    ))}
  </Box>
);
