import { DataTable, List, SearchInput, SimpleList, type RaRecord } from 'react-admin';
import { formatDateTime } from '../common/format';
import { ListActions } from '../common/ListActions';
import { wideFiltersSx } from '../common/listStyles';
import { BatchInput, MissionInput } from '../common/ReferenceInputs';
import { useIsSmall } from '../common/useIsSmall';

const filters = (isSmall: boolean) => [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search title" />,
  <BatchInput key="batch_id" source="batch_id" alwaysOn={!isSmall} />,
  <MissionInput key="mission_id" source="mission_id" alwaysOn={!isSmall} />,
];

/** "DEMO-B01 · M1", "DEMO-B01" or "—" for a list made by hand. */
export const scopeText = (r: RaRecord) => [r.batch_code, r.mission_code].filter(Boolean).join(' · ') || '—';

/** Call lists, newest first (made from the low-performer report, split among SREs). */
export const CallListList = () => {
  const isSmall = useIsSmall();
  return (
    <List
      sx={wideFiltersSx}
      title="Call lists"
      filters={filters(isSmall)}
      actions={<ListActions />}
      sort={{ field: 'created_at', order: 'DESC' }}
      perPage={25}
      exporter={false}
      empty={false}
    >
      {isSmall ? (
        <SimpleList
          primaryText={(r) => r.title}
          secondaryText={(r) => `${scopeText(r)} · ${r.creator_name} · ${formatDateTime(r.created_at)}`}
          rowClick="show"
        />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="title" label="Title" />
          <DataTable.Col source="batch_id" label="Scope" disableSort render={scopeText} />
          <DataTable.Col source="creator_name" label="Made by" disableSort />
          <DataTable.Col source="created_at" label="Created" render={(r) => formatDateTime(r.created_at)} />
        </DataTable>
      )}
    </List>
  );
};
