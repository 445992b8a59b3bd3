import { CreateButton, DataTable, List, SearchInput, SelectInput, SimpleList } from 'react-admin';
import { MISSION_STATUS_CHOICES, choiceName } from '../common/choices';
import { ListActions } from '../common/ListActions';
import { formatDay, formatDayRange } from '../common/format';
import { BatchInput } from '../common/ReferenceInputs';
import { StatusChip } from '../common/StatusChip';
import { useIsSmall } from '../common/useIsSmall';
import { wideFiltersSx } from '../common/listStyles';

/** Dates and codes stay on one line. */
const nowrap = () => ({ whiteSpace: 'nowrap' as const });

const missionFilters = (isSmall: boolean) => [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search code or title" />,
  <BatchInput key="batch_id" source="batch_id" alwaysOn={!isSmall} />,
  <SelectInput key="status" source="status" label="Status" choices={MISSION_STATUS_CHOICES} alwaysOn={!isSmall} />,
];

export const MissionList = () => {
  const isSmall = useIsSmall();
  return (
    <List
      sx={wideFiltersSx}
      title="Missions"
      filters={missionFilters(isSmall)}
      actions={<ListActions><CreateButton /></ListActions>}
      sort={{ field: 'starts_on', order: 'DESC' }}
      perPage={25}
      exporter={false}
    >
      {isSmall ? (
        <SimpleList
          primaryText={(r) => `${r.batch_code} · ${r.code} — ${r.title}`}
          secondaryText={(r) => `${choiceName(MISSION_STATUS_CHOICES, r.status)} · ${formatDayRange(r.starts_on, r.ends_on)}`}
          tertiaryText={(r) => `${r.enrolled_count ?? 0} enrolled · ${r.paired_count ?? 0} paired`}
          rowClick="show"
        />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="code" label="Code" />
          <DataTable.Col source="title" label="Title" />
          <DataTable.Col source="batch_id" label="Batch" cellSx={nowrap} render={(r) => r.batch_code} />
          <DataTable.Col source="status" label="Status">
            <StatusChip choices={MISSION_STATUS_CHOICES} />
          </DataTable.Col>
          <DataTable.Col source="starts_on" label="Starts" cellSx={nowrap} render={(r) => formatDay(r.starts_on)} />
          <DataTable.Col source="ends_on" label="Ends" cellSx={nowrap} render={(r) => formatDay(r.ends_on)} />
          <DataTable.NumberCol source="enrolled_count" label="Enrolled" />
          <DataTable.NumberCol source="mentor_count" label="Mentors" />
          <DataTable.NumberCol source="paired_count" label="Paired" />
        </DataTable>
      )}
    </List>
  );
};
