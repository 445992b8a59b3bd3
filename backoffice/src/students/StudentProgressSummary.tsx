import { Box, Card, CardContent, Stack, Typography } from '@mui/material';
import { useGetList, useRecordContext, type RaRecord } from 'react-admin';
import { formatDay, formatPercent } from '../common/format';
import { ReasonChips, RiskLevelChip } from '../common/RiskChips';
import { can } from '../providers/permissions';
import { useMe } from '../providers/useMe';

/** One figure of a mission's standing: "63%" over "attendance". */
const Figure = ({ value, label }: { value: string; label: string }) => (
  <Box sx={{ minWidth: 88 }}>
    <Typography variant="h6" component="p">
      {value}
    </Typography>
    <Typography variant="caption" color="text.secondary">
      {label}
    </Typography>
  </Box>
);

/**
 * How the student is doing, first on their page: per mission the risk with its reasons, attendance rate, missed
 * assignments, points against possible, and the last check-in (the student_progress view).
 */
export const StudentProgressSummary = () => {
  const record = useRecordContext();
  const me = useMe();
  const allowed = can(me?.permissions, 'student_progress', 'list');
  const { data = [] } = useGetList(
    'student_progress',
    { filter: { student_id: record?.id }, pagination: { page: 1, perPage: 20 }, sort: { field: 'risk', order: 'ASC' } },
    { enabled: allowed && record != null },
  );
  if (!allowed || data.length === 0) return null;
  return (
    <Stack spacing={1} sx={{ mb: 2 }} component="section" aria-label="Progress and risk">
      {data.map((r: RaRecord) => (
        <Card key={r.id} variant="outlined">
          <CardContent sx={{ pb: '12px !important' }}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1, mb: 1 }}>
              <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 500 }}>
                {`${r.batch_code} · ${r.mission_code} — ${r.mission_title}`}
              </Typography>
              <RiskLevelChip risk={r.risk} />
              <ReasonChips reasons={r.risk_reasons} />
            </Stack>
            <Stack direction="row" spacing={3} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
              <Figure value={formatPercent(r.attendance_rate)} label={`attendance (${r.days_attended ?? 0} of ${r.days_elapsed ?? 0} days)`} />
              <Figure value={Number(r.assignments_due) > 0 ? `${r.assignments_missed} of ${r.assignments_due}` : '—'} label="assignments missed" />
              <Figure value={`${r.points ?? 0}`} label={`points of ${r.points_possible ?? 0} possible`} />
              <Figure value={r.last_attended_on ? formatDay(r.last_attended_on) : 'Never'} label="last check-in" />
            </Stack>
          </CardContent>
        </Card>
      ))}
    </Stack>
  );
};
