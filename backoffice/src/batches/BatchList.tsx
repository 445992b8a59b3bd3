import { CreateButton, DataTable, List, SearchInput, SelectInput, SimpleList } from 'react-admin';
import { BATCH_STATUS_CHOICES, choiceName } from '../common/choices';
import { ListActions } from '../common/ListActions';
import { formatDay, formatDayRange } from '../common/format';
import { StatusChip } from '../common/StatusChip';
import { useIsSmall } from '../common/useIsSmall';

/** Dates and codes stay on one line. */
const nowrap = () => ({ whiteSpace: 'nowrap' as const });

const batchFilters = (isSmall: boolean) => [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search code or title" />,
  <SelectInput key="status" source="status" label="Status" choices={BATCH_STATUS_CHOICES} alwaysOn={!isSmall} />,
];

export const BatchList = () => {
  const isSmall = useIsSmall();
  return (
    <List
      title="Batches"
      filters={batchFilters(isSmall)}
      actions={<ListActions><CreateButton /></ListActions>}
      sort={{ field: 'starts_on', order: 'DESC' }}
      perPage={25}
      exporter={false}
    >
      {isSmall ? (
        <SimpleList
          primaryText={(r) => `${r.code} — ${r.title}`}
          secondaryText={(r) => `${choiceName(BATCH_STATUS_CHOICES, r.status)} · ${formatDayRange(r.starts_on, r.ends_on)}`}
          tertiaryText={(r) => `${Number(r.student_count ?? 0).toLocaleString()} students`}
          rowClick="show"
        />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="code" label="Code" />
          <DataTable.Col source="title" label="Title" />
          <DataTable.Col source="status" label="Status">
            <StatusChip choices={BATCH_STATUS_CHOICES} />
          </DataTable.Col>
          <DataTable.Col source="starts_on" label="Starts" cellSx={nowrap} render={(r) => formatDay(r.starts_on)} />
          <DataTable.Col source="ends_on" label="Ends" cellSx={nowrap} render={(r) => formatDay(r.ends_on)} />
          <DataTable.Col source="timezone" label="Time zone" disableSort />
          <DataTable.NumberCol source="student_count" label="Students" />
          <DataTable.NumberCol source="capacity" label="Capacity" />
          <DataTable.NumberCol source="mission_count" label="Missions" />
        </DataTable>
      )}
    </List>
  );
};
