import { Box, Link as MuiLink, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { LinkBase, type RaRecord } from 'react-admin';
import { formatPercent, listLink } from '../common/format';
import { useLiveList } from './live';
import { Empty, Panel, Stat } from './parts';

export const TODAY_FILTER = { is_today: true, mission_status: 'active' };

const plainLabel = (r: RaRecord) => `${r.batch_code} · ${r.mission_code}`;
/** With no-break spaces, for the chart's axis (which wraps its labels at spaces). */
const label = (r: RaRecord) => plainLabel(r).replace(/ /g, '\u00a0');
const dayLink = (r: RaRecord) => listLink('daily_attendance', { mission_id: r.mission_id, local_date_gte: r.day, local_date_lte: r.day });

/**
 * Today's check-ins per active mission (the batch's local day): the total, a bar chart of attended
 * against enrolled, and a row per mission whose count opens that day's attendance list. Live.
 */
export const TodayAttendance = ({ size }: { size?: { xs?: number; md?: number } }) => {
  const { data = [], isPending } = useLiveList('mission_attendance_days', {
    filter: TODAY_FILTER,
    sort: { field: 'batch_code', order: 'ASC' },
    pagination: { page: 1, perPage: 100 },
  });
  const rows = [...data].sort((a, b) => plainLabel(a).localeCompare(plainLabel(b)));
  const attended = rows.reduce((sum, r) => sum + Number(r.attended ?? 0), 0);
  const enrolled = rows.reduce((sum, r) => sum + Number(r.enrolled ?? 0), 0);
  // The batches' own today (the API's is_today rows); one day when they agree, as they do for one school zone.
  const days = [...new Set(rows.map((r) => String(r.day).slice(0, 10)))];
  const todayLink = days.length === 1 ? listLink('daily_attendance', { local_date_gte: days[0], local_date_lte: days[0] }) : listLink('mission_attendance_days', TODAY_FILTER);
  const chart = rows.map((r) => ({ label: label(r), attended: Number(r.attended ?? 0), enrolled: Number(r.enrolled ?? 0) }));
  return (
    <Panel title="Today's attendance" to={listLink('mission_attendance_days', TODAY_FILTER)} size={size ?? { xs: 12, md: 7 }} loading={isPending}>
      {!isPending && rows.length === 0 ? (
        <Empty text="No active mission today." />
      ) : (
        <>
          <Box sx={{ mx: { xs: -1, sm: -2 }, mt: -1 }}>
            <Stat
              value={isPending ? undefined : attended}
              text={isPending ? undefined : `${attended.toLocaleString()} / ${enrolled.toLocaleString()}`}
              ariaValue={isPending ? undefined : `${attended} of ${enrolled}`}
              label={`checked in today, of the students enrolled in ${rows.length} active mission${rows.length === 1 ? '' : 's'}`}
              to={todayLink}
            />
          </Box>
          <Box role="img" aria-label="Attended against enrolled today, per mission" sx={{ width: '100%', minWidth: 0 }}>
            <ResponsiveContainer width="100%" height={56 + chart.length * 44}>
              <BarChart data={chart} layout="vertical" margin={{ top: 0, right: 12, bottom: 0, left: 0 }} barGap={2}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
                <YAxis type="category" dataKey="label" width={118} tick={{ fontSize: 12 }} />
                <Tooltip />
                <Legend verticalAlign="top" height={28} formatter={(value) => <span style={{ color: '#424242' }}>{value}</span>} />
                <Bar dataKey="attended" name="Attended" fill="#283593" isAnimationActive={false} />
                <Bar dataKey="enrolled" name="Enrolled" fill="#9fa8da" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </Box>
          <Table size="small" aria-label="Today's attendance per mission" sx={{ mt: 1, '& td, & th': { px: 1 } }}>
            <TableHead>
              <TableRow>
                <TableCell>Mission</TableCell>
                <TableCell align="right">Attended</TableCell>
                <TableCell align="right">Rate</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.id}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{plainLabel(r)}</TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    <MuiLink component={LinkBase} to={dayLink(r)} aria-label={`${plainLabel(r)} attended today: ${r.attended}`}>
                      {Number(r.attended ?? 0).toLocaleString()}
                    </MuiLink>
                    {` / ${Number(r.enrolled ?? 0).toLocaleString()}`}
                  </TableCell>
                  <TableCell align="right">{formatPercent(r.rate)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </Panel>
  );
};
