import { Box, Typography } from '@mui/material';
import { DataTable, List, SearchInput, SelectArrayInput, SelectInput, SimpleList, type RaRecord } from 'react-admin';
import { MISSION_STATUS_CHOICES, RISK_CHOICES } from '../common/choices';
import { formatDay, formatPercent } from '../common/format';
import { ListActions } from '../common/ListActions';
import { StudentLink, lines } from '../common/ListParts';
import { wideFiltersSx } from '../common/listStyles';
import { BatchInput, MissionInput } from '../common/ReferenceInputs';
import { RiskField, RiskLevelChip, reasonsText } from '../common/RiskChips';
import { useIsSmall } from '../common/useIsSmall';
import { useMe } from '../providers/useMe';
import { MakeCallListButton } from './MakeCallListButton';

/** Thresholds as shares (the API's unit), shown as percentages. */
const BELOW_CHOICES = [0.25, 0.5, 0.6, 0.75, 0.9].map((share) => ({ id: share, name: `Below ${Math.round(share * 100)}%` }));
const MISSED_CHOICES = [1, 2, 3, 5].map((n) => ({ id: n, name: `${n} or more` }));

/** An empty multi-select means "any" (no filter), not "none". */
const anyWhenEmpty = (value: unknown) => (Array.isArray(value) && value.length === 0 ? '' : value);
const asList = (value: unknown) => (value == null || value === '' ? [] : Array.isArray(value) ? value : [value]);

const filters = (isSmall: boolean, seesContacts: boolean) => [
  <SearchInput key="q" source="q" alwaysOn placeholder={seesContacts ? 'Search name, email or phone' : 'Search student name'} />,
  <SelectArrayInput
    key="risk"
    source="risk"
    label="Risk"
    choices={RISK_CHOICES}
    parse={anyWhenEmpty}
    format={asList}
    alwaysOn
    sx={{ minWidth: 160 }}
  />,
  <BatchInput key="batch_id" source="batch_id" alwaysOn={!isSmall} />,
  <MissionInput key="mission_id" source="mission_id" alwaysOn={!isSmall} />,
  <SelectInput key="mission_status" source="mission_status" label="Mission status" choices={MISSION_STATUS_CHOICES} />,
  <SelectInput key="attendance_rate_lt" source="attendance_rate_lt" label="Attendance" choices={BELOW_CHOICES} />,
  <SelectInput key="progress_lt" source="progress_lt" label="Progress" choices={BELOW_CHOICES} />,
  <SelectInput key="assignments_missed_gte" source="assignments_missed_gte" label="Missed assignments" choices={MISSED_CHOICES} />,
];

/** "1 of 3" assignments past their deadline missed; "—" before the first deadline. */
export const missedText = (r: RaRecord) => (Number(r.assignments_due) > 0 ? `${r.assignments_missed ?? 0} of ${r.assignments_due}` : '—');
export const pointsText = (r: RaRecord) => `${r.points ?? 0}/${r.points_possible ?? 0}`;
const scopeText = (r: RaRecord) => `${r.batch_code} · ${r.mission_code}`;

/** "55%" over "11/20 days". */
export const Attendance = ({ record }: { record: Record<string, unknown> }) =>
  Number(record.days_elapsed) > 0 ? (
    <>
      <Box component="span" sx={{ display: 'block' }}>
        {formatPercent(record.attendance_rate)}
      </Box>
      <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>{`${record.days_attended}/${record.days_elapsed} days`}</Typography>
    </>
  ) : (
    <span>—</span>
  );

const SEES_CONTACTS = new Set(['admin', 'sre', 'mentor']);

/**
 * The low-performer report: each student's standing per mission (attendance, missed assignments,
 * points, progress) and the risk that gives against the mission's thresholds, riskiest first.
 * SREs and admins turn the filtered report into a call list.
 */
export const StudentProgressList = ({ title, filterDefaultValues, resource }: { title?: string; filterDefaultValues?: Record<string, unknown>; resource?: string } = {}) => {
  const isSmall = useIsSmall();
  const me = useMe();
  const isMentor = me?.role === 'mentor';
  return (
    <List
      resource={resource ?? 'student_progress'}
      sx={wideFiltersSx}
      title={title ?? (isMentor ? 'Who is slipping' : 'Low performers')}
      filters={filters(isSmall, SEES_CONTACTS.has(me?.role ?? ''))}
      filterDefaultValues={filterDefaultValues ?? { risk: ['high', 'medium'], mission_status: 'active' }}
      actions={
        <ListActions>
          <MakeCallListButton />
        </ListActions>
      }
      sort={{ field: 'risk', order: 'ASC' }}
      perPage={25}
      exporter={false}
      empty={false}
    >
      {isSmall ? (
        <SimpleList
          primaryText={(r) => (
            <Box component="span" sx={{ display: 'flex', gap: 1, alignItems: 'center', justifyContent: 'space-between' }}>
              <span>{r.student_name}</span>
              <RiskLevelChip risk={r.risk} />
            </Box>
          )}
          secondaryText={(r) =>
            lines(
              scopeText(r),
              `Attendance ${formatPercent(r.attendance_rate)} · progress ${formatPercent(r.progress)}`,
              `${Number(r.assignments_due) > 0 ? `Missed ${missedText(r)}` : 'No deadline yet'} · ${pointsText(r)} points`,
              reasonsText(r.risk_reasons)
            )
          }
          rowClick={(_id, _resource, r) => `/students/${r.student_id}/show`}
        />
      ) : (
        <DataTable rowClick={(_id, _resource, r) => `/students/${r.student_id}/show`} bulkActionButtons={false}>
          <DataTable.Col source="student_name" label="Student" cellSx={() => ({ minWidth: 140 })}>
            <StudentLink />
          </DataTable.Col>
          <DataTable.Col source="mission_code" label="Batch · mission" render={scopeText} cellSx={() => ({ whiteSpace: 'nowrap' })} />
          <DataTable.Col source="attendance_rate" label="Attendance" render={(r) => <Attendance record={r} />} />
          <DataTable.Col source="assignments_missed" label="Missed" render={missedText} />
          <DataTable.Col source="points" label="Points" render={pointsText} />
          <DataTable.Col source="progress" label="Progress" render={(r) => formatPercent(r.progress)} />
          <DataTable.Col source="risk" label="Risk" cellSx={() => ({ minWidth: 180 })}>
            <RiskField />
          </DataTable.Col>
          <DataTable.Col source="last_attended_on" label="Last attended" render={(r) => (r.last_attended_on ? formatDay(r.last_attended_on) : 'Never')} />
        </DataTable>
      )}
    </List>
  );
};
