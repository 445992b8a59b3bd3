import { Alert, Box, LinearProgress, Typography } from '@mui/material';
import { BooleanInput, DataTable, DateInput, List, SelectInput, SimpleList, useGetList, useListContext } from 'react-admin';
import { AttendanceRateChart, type AttendanceDayRow } from '../charts/AttendanceRateChart';
import { MISSION_STATUS_CHOICES } from '../common/choices';
import { formatDay, formatPercent, listLink } from '../common/format';
import { ListActions } from '../common/ListActions';
import { lines } from '../common/ListParts';
import { wideFiltersSx } from '../common/listStyles';
import { BatchInput, MissionInput } from '../common/ReferenceInputs';
import { useIsSmall } from '../common/useIsSmall';

/** A row of the report as the API sends it. */
type Row = Record<string, any>;

/** The mission chooser narrowed to the batch chosen beside it. */
const MissionInBatchInput = (props: { source: string; alwaysOn?: boolean }) => {
  const { filterValues } = useListContext();
  return <MissionInput {...props} batchId={filterValues?.batch_id} />;
};

const filters = (isSmall: boolean) => [
  <BatchInput key="batch_id" source="batch_id" alwaysOn />,
  <MissionInBatchInput key="mission_id" source="mission_id" alwaysOn />,
  <DateInput key="day_gte" source="day_gte" label="From day" alwaysOn={!isSmall} />,
  <DateInput key="day_lte" source="day_lte" label="To day" alwaysOn={!isSmall} />,
  <SelectInput key="mission_status" source="mission_status" label="Mission status" choices={MISSION_STATUS_CHOICES} alwaysOn={!isSmall} />,
  // Unticked means every day (no filter), not "every day but today".
  <BooleanInput key="is_today" source="is_today" label="Today only" parse={(v: boolean) => (v ? true : undefined)} />,
];

const scopeText = (r: Row) => `${r.batch_code} · ${r.mission_code}`;

/** The day's students who checked in: the daily attendance list of that mission and day. */
const dayLink = (r: Row) => listLink('daily_attendance', { mission_id: r.mission_id, local_date_gte: r.day, local_date_lte: r.day });

/** "41%" with a thin bar under it. */
const Rate = ({ record }: { record: Row }) => (
  <Box sx={{ minWidth: 72 }}>
    <span>{formatPercent(record.rate)}</span>
    <LinearProgress
      variant="determinate"
      value={Math.min(100, Math.round(Number(record.rate ?? 0) * 100))}
      aria-hidden
      sx={{ height: 4, borderRadius: 2, mt: 0.5 }}
    />
  </Box>
);

/** Chart of the list's rows, or of the chosen mission's whole range (up to a year of days) when one is chosen. */
const ChartPanel = () => {
  const { data, filterValues, isPending } = useListContext();
  const missionId = filterValues?.mission_id;
  const chosen = missionId != null && missionId !== '' && !Array.isArray(missionId);
  const { data: missionDays } = useGetList(
    'mission_attendance_days',
    { filter: filterValues, sort: { field: 'day', order: 'ASC' }, pagination: { page: 1, perPage: 400 } },
    { enabled: chosen }
  );
  // Until the mission's whole range arrives, the page's rows (of the same filter) stand in.
  const rows = (chosen ? (missionDays ?? data) : data) as AttendanceDayRow[] | undefined;
  const scoped = chosen || (filterValues?.batch_id != null && filterValues.batch_id !== '');
  return (
    <Box component="section" aria-label="Attendance rate chart" sx={{ px: { xs: 1, sm: 2 }, pt: 2, pb: 1 }}>
      {!scoped && (
        <Alert severity="info" sx={{ mb: 1 }}>
          Choose a mission (or a batch) above: each row is one mission on one of its batch&apos;s local days, so without a choice the
          chart and rows mix every mission.
        </Alert>
      )}
      <Typography variant="subtitle2" component="h2" sx={{ mb: 0.5 }}>
        {chosen ? 'Attendance rate per day' : 'Attendance rate per day (the rows on this page)'}
      </Typography>
      {isPending && !rows ? <LinearProgress /> : <AttendanceRateChart rows={rows ?? []} label="Attendance rate per day, per mission" />}
    </Box>
  );
};

/**
 * "Attendance by day": each mission's daily check-ins against its enrolled students, per local day of
 * its batch, newest first, with the rate as a chart above the rows. Read-only; CSV of every matching row.
 */
export const AttendanceDayList = () => {
  const isSmall = useIsSmall();
  return (
    <List
      sx={wideFiltersSx}
      title="Attendance by day"
      filters={filters(isSmall)}
      filterDefaultValues={{ mission_status: 'active' }}
      actions={<ListActions />}
      sort={{ field: 'day', order: 'DESC' }}
      perPage={25}
      exporter={false}
      empty={false}
    >
      <ChartPanel />
      {isSmall ? (
        <SimpleList
          primaryText={(r) => `${formatDay(r.day)} · ${scopeText(r)}`}
          secondaryText={(r) => lines(`${r.attended} of ${r.enrolled} checked in · ${formatPercent(r.rate)}`, r.mission_title)}
          rowClick={(_id, _resource, r) => dayLink(r)}
        />
      ) : (
        <DataTable rowClick={(_id, _resource, r) => dayLink(r)} bulkActionButtons={false}>
          <DataTable.Col source="day" label="Day" render={(r) => formatDay(r.day)} cellSx={() => ({ whiteSpace: 'nowrap' })} />
          <DataTable.Col source="batch_code" label="Batch" cellSx={() => ({ whiteSpace: 'nowrap' })} />
          <DataTable.Col
            source="mission_code"
            label="Mission"
            render={(r) => (
              <>
                {r.mission_code}
                <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                  {r.mission_title}
                </Typography>
              </>
            )}
          />
          <DataTable.NumberCol source="enrolled" label="Enrolled" disableSort />
          <DataTable.NumberCol source="attended" label="Attended" />
          <DataTable.Col source="rate" label="Rate" render={(r) => <Rate record={r} />} />
        </DataTable>
      )}
    </List>
  );
};
