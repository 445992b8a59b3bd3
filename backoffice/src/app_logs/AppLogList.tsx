import { DataTable, List, SearchInput, SelectInput, SimpleList, TextInput } from 'react-admin';
import { ZonedDateTimeInput } from '../common/DateTimes';
import { formatDateTime } from '../common/format';
import { useIsSmall } from '../common/useIsSmall';

const LEVELS = [
  { id: 'error', name: 'Error' },
  { id: 'warn', name: 'Warning' },
  { id: 'info', name: 'Info' },
];

const filters = (isSmall: boolean) => [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search message or route" />,
  <SelectInput key="level" source="level" label="Level" choices={LEVELS} alwaysOn={!isSmall} />,
  <TextInput key="route" source="route" label="Route (e.g. /students/:id)" alwaysOn={!isSmall} resettable />,
  <TextInput key="request_id" source="request_id" label="Request id" alwaysOn={!isSmall} resettable />,
  <TextInput key="user_id" source="user_id" label="User id" resettable />,
  <ZonedDateTimeInput key="at_gte" source="at_gte" label="From" helperText={false} />,
  <ZonedDateTimeInput key="at_lte" source="at_lte" label="Until" helperText={false} />,
];

const who = (r: Record<string, unknown>) => (r.user_id == null ? '—' : `${String(r.user_name ?? 'User')} (#${String(r.user_id)})`);

/** Every API node's log lines developers read (answers 4xx/5xx, errors with their message), newest first. */
export const AppLogList = () => {
  const isSmall = useIsSmall();
  return (
    <List title="Logs" filters={filters(isSmall)} sort={{ field: 'at', order: 'DESC' }} perPage={50} exporter={false} empty={false}>
      {isSmall ? (
        <SimpleList
          primaryText={(r) => `${String(r.level).toUpperCase()} · ${r.status ?? ''} ${r.method ?? ''} ${r.route ?? ''}`}
          secondaryText={(r) => `${formatDateTime(r.at)} · ${r.message}`}
          linkType={false}
        />
      ) : (
        <DataTable bulkActionButtons={false} rowClick={false}>
          <DataTable.Col source="at" label="When" render={(r) => formatDateTime(r.at)} cellSx={() => ({ whiteSpace: 'nowrap' })} />
          <DataTable.Col source="level" label="Level" />
          <DataTable.NumberCol source="status" label="Status" />
          <DataTable.Col source="route" label="Route" render={(r) => `${r.method ?? ''} ${r.route ?? ''}`} />
          <DataTable.Col source="message" label="Message" disableSort />
          <DataTable.Col source="user_id" label="User" disableSort render={who} />
          <DataTable.Col source="request_id" label="Request id" disableSort />
          <DataTable.NumberCol source="duration_ms" label="ms" />
          <DataTable.Col source="node" label="Node" disableSort />
        </DataTable>
      )}
    </List>
  );
};
