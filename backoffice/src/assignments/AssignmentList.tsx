import { CreateButton, DataTable, List, SearchInput, SimpleList } from 'react-admin';
import { ListActions } from '../common/ListActions';
import { formatLocalDateTime } from '../common/format';
import { lines } from '../common/ListParts';
import { wideFiltersSx } from '../common/listStyles';
import { BatchInput, MissionInput } from '../common/ReferenceInputs';
import { useIsSmall } from '../common/useIsSmall';

const filters = (isSmall: boolean) => [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search title" />,
  <BatchInput key="batch_id" source="batch_id" alwaysOn={!isSmall} />,
  <MissionInput key="mission_id" source="mission_id" alwaysOn={!isSmall} />,
];

/** "23 / 251 submitted" */
export const submittedText = (r: Record<string, unknown>) =>
  `${Number(r.submitted_count ?? 0).toLocaleString()} / ${Number(r.enrolled_count ?? 0).toLocaleString()} submitted`;

/** "1 Dec 2026, 23:59 Asia/Dhaka" */
export const deadlineText = (r: Record<string, unknown>) =>
  `${formatLocalDateTime(r.deadline_local)}${r.timezone ? ` ${String(r.timezone)}` : ''}`;

const nowrap = () => ({ whiteSpace: 'nowrap' as const });

/** Assignments per mission with their submission counts (on time, late, of the enrolled students). */
export const AssignmentList = () => {
  const isSmall = useIsSmall();
  return (
    <List
      sx={wideFiltersSx}
      title="Assignments"
      filters={filters(isSmall)}
      actions={<ListActions><CreateButton label="New assignment" /></ListActions>}
      sort={{ field: 'deadline', order: 'DESC' }}
      perPage={25}
      exporter={false}
      empty={false}
    >
      {isSmall ? (
        <SimpleList
          primaryText={(r) => `${r.mission_code} · #${r.number} ${r.title}`}
          secondaryText={(r) => lines(`Due ${deadlineText(r)}`, `${submittedText(r)} · ${r.on_time_count ?? 0} on time · ${r.late_count ?? 0} late`)}
          rowClick="show"
        />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="mission_id" label="Mission" cellSx={nowrap} render={(r) => r.mission_code} />
          <DataTable.NumberCol source="number" label="#" />
          <DataTable.Col source="title" label="Title" />
          <DataTable.Col source="deadline" label="Deadline (batch time)" cellSx={nowrap} render={deadlineText} />
          <DataTable.NumberCol source="submitted_count" label="Submitted" />
          <DataTable.NumberCol source="on_time_count" label="On time" disableSort />
          <DataTable.NumberCol source="late_count" label="Late" disableSort />
          <DataTable.NumberCol source="enrolled_count" label="Enrolled" disableSort />
        </DataTable>
      )}
    </List>
  );
};
