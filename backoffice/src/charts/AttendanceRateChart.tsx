import { useMemo } from 'react';
import { Box, Typography } from '@mui/material';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDay } from '../common/format';
import { seriesColor, shortDay, toPercent } from './palette';

/** The fields of a mission_attendance_days row the chart reads. */
/** Legend words in the text colour (the series colour stays on the mark beside them): orange text is 2.9:1 on white. */
const legendText = (value: unknown) => <span style={{ color: 'rgba(0, 0, 0, 0.87)' }}>{String(value)}</span>;

export interface AttendanceDayRow {
  mission_id: number | string;
  batch_code?: string;
  mission_code?: string;
  day: string;
  is_today?: boolean;
  enrolled?: number;
  attended?: number;
  rate?: number | string | null;
}

interface Series {
  key: string;
  label: string;
}

/** One point per day (oldest first), one value per mission: the rate in % and "attended/enrolled" for the tooltip. */
const pivot = (rows: AttendanceDayRow[]) => {
  const series = new Map<string, Series>();
  const days = new Map<string, Record<string, unknown>>();
  for (const row of rows) {
    const key = `m${row.mission_id}`;
    if (!series.has(key)) series.set(key, { key, label: [row.batch_code, row.mission_code].filter(Boolean).join(' · ') || `Mission #${row.mission_id}` });
    const day = String(row.day).slice(0, 10);
    const point = days.get(day) ?? { day };
    point[key] = toPercent(row.rate);
    point[`${key}_counts`] = `${row.attended ?? 0}/${row.enrolled ?? 0}`;
    if (row.is_today) point.today = true;
    days.set(day, point);
  }
  const data = [...days.values()].sort((a, b) => String(a.day).localeCompare(String(b.day)));
  const ordered = [...series.values()].sort((a, b) => a.label.localeCompare(b.label));
  return { data, series: ordered };
};

/**
 * Attendance rate per day as lines, one per mission (from mission_attendance_days rows, in any order).
 * Sized by its container (ResponsiveContainer), so it fits a 360 px phone as well as a desktop.
 */
export const AttendanceRateChart = ({ rows, height = 260, label }: { rows: AttendanceDayRow[]; height?: number; label: string }) => {
  const { data, series } = useMemo(() => pivot(rows), [rows]);
  const withToday = data.some((point) => point.today);
  if (data.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ py: 2 }}>
        No attendance days to chart.
      </Typography>
    );
  }
  return (
    <Box role="img" aria-label={label} sx={{ width: '100%', minWidth: 0, '& .recharts-legend-item-text': { fontSize: 12 } }}>
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" tickFormatter={shortDay} minTickGap={20} tick={{ fontSize: 12 }} />
          <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} unit="%" width={44} tick={{ fontSize: 12 }} />
          <Tooltip
            labelFormatter={(day, payload) =>
              `${formatDay(day)}${(payload?.[0]?.payload as Record<string, unknown> | undefined)?.today ? ' (today, so far)' : ''}`
            }
            formatter={(value, name, item) => {
              const counts = (item?.payload as Record<string, unknown> | undefined)?.[`${String(item?.dataKey)}_counts`];
              return [`${value}%${counts ? ` (${counts})` : ''}`, name];
            }}
          />
          {series.length > 1 && <Legend verticalAlign="bottom" height={series.length > 4 ? 48 : 28} formatter={legendText} />}
          {series.map((s, i) => (
            <Line
              key={s.key}
              type="linear"
              dataKey={s.key}
              name={s.label}
              stroke={seriesColor(i)}
              strokeWidth={2}
              dot={data.length <= 16 ? { r: 3 } : false}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
      {withToday && (
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0.5 }}>
          The last day is today, still under way: its rate grows as students check in.
        </Typography>
      )}
    </Box>
  );
};
