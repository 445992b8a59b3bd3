import { DataTable, FilterButton, List, SearchInput, SelectInput, SimpleList, TopToolbar, type RaRecord } from 'react-admin';
import { formatDateTime } from '../common/format';
import { lines } from '../common/ListParts';
import { wideFiltersSx } from '../common/listStyles';
import { MissionInput } from '../common/ReferenceInputs';
import { useIsSmall } from '../common/useIsSmall';
import { KIND_CHOICES, KIND_LABELS, KindChip, ResourceActions, TargetField, TitleWithDescription, resourceTarget } from './ResourceParts';

const filters = (isSmall: boolean) => [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search title or description" />,
  <MissionInput key="mission_id" source="mission_id" alwaysOn={!isSmall} />,
  <SelectInput key="kind" source="kind" label="Kind" choices={KIND_CHOICES} />,
];

/** A row opens its mission's Resources tab (where links and files are added). */
const missionTab = (_id: unknown, _resource: string, record: RaRecord) => `/missions/${record.mission_id}/show?tab=resources`;

/** Every mission's links and files the user may see; adding happens on a mission's Resources tab. */
export const MissionResourceList = () => {
  const isSmall = useIsSmall();
  return (
    <List
      sx={wideFiltersSx}
      title="Mission resources"
      filters={filters(isSmall)}
      actions={
        <TopToolbar>
          <FilterButton />
        </TopToolbar>
      }
      sort={{ field: 'created_at', order: 'DESC' }}
      perPage={25}
      exporter={false}
      empty={false}
    >
      {isSmall ? (
        <SimpleList
          primaryText={(r) => r.title}
          secondaryText={(r) =>
            lines(`${r.mission_code ?? ''} · ${KIND_LABELS[String(r.kind)] ?? r.kind}`, resourceTarget(r), `Added by ${r.creator_name ?? '—'}`)
          }
          rowClick={missionTab}
        />
      ) : (
        <DataTable rowClick={missionTab} bulkActionButtons={false}>
          <DataTable.Col source="mission_code" label="Mission" disableSort />
          <DataTable.Col source="title" label="Title">
            <TitleWithDescription />
          </DataTable.Col>
          <DataTable.Col source="kind" label="Kind" disableSort>
            <KindChip />
          </DataTable.Col>
          <DataTable.Col source="url" label="File or link" disableSort>
            <TargetField />
          </DataTable.Col>
          <DataTable.Col source="creator_name" label="Added by" disableSort />
          <DataTable.Col source="created_at" label="Added" render={(r) => formatDateTime(r.created_at)} />
          <DataTable.Col label="" disableSort align="right">
            <ResourceActions />
          </DataTable.Col>
        </DataTable>
      )}
    </List>
  );
};
