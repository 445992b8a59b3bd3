import { formatDay } from '../common/format';

/** Colours for chart series: distinct, readable on white, the school's primary first. */
export const SERIES_COLORS = ['#283593', '#00838f', '#ef6c00', '#6a1b9a', '#2e7d32', '#c62828', '#5d4037', '#ad1457', '#455a64', '#9e9d24'];

export const seriesColor = (i: number) => SERIES_COLORS[i % SERIES_COLORS.length];

/** Submission states: on time green, late amber, missing red (as the status chips). */
export const SUBMISSION_COLORS = { on_time: '#2e7d32', late: '#ef6c00', missing: '#c62828' } as const;

/** "20 Nov" for an axis tick from a "YYYY-MM-DD" day, without any time-zone shift. */
export const shortDay = (value: unknown): string => {
  return formatDay(value, { day: 'numeric', month: 'short' });
};

/** A share (0..1, number or numeric string) as a whole percentage for a chart, or null. */
export const toPercent = (value: unknown): number | null => {
  if (value == null || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? Math.round(n * 1000) / 10 : null;
};
