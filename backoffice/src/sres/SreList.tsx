import { DataTable, EmailField, List, SearchInput, SelectInput, SimpleList } from 'react-admin';
import { STATUS_CHOICES } from '../common/roles';
import { ListActions } from '../common/ListActions';
import { StatusChip } from '../common/StatusChip';
import { useIsSmall } from '../common/useIsSmall';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search name or email" />,
  <SelectInput key="status" source="status" label="Account" choices={STATUS_CHOICES} />,
];

/**
 * The SRE team, read-only: contact details and how many calls each holds open, and how many of those are due
 * (today or earlier, in the SRE's own time zone).
 */
export const SreList = () => {
  const isSmall = useIsSmall();
  return (
    <List title="SREs" filters={filters} actions={<ListActions />} sort={{ field: 'name', order: 'ASC' }} perPage={25} exporter={false}>
      {isSmall ? (
        <SimpleList
          primaryText={(r) => r.name}
          secondaryText={(r) => [r.email, r.phone].filter(Boolean).join(' · ')}
          tertiaryText={(r) => `${r.open_calls} open · ${r.due_calls} due`}
          rowClick={false}
        />
      ) : (
        <DataTable bulkActionButtons={false} rowClick={false}>
          <DataTable.Col source="name" label="Name" />
          <DataTable.Col source="email" label="Email" field={EmailField} />
          <DataTable.Col source="phone" label="Phone" disableSort render={(r) => r.phone || '—'} />
          <DataTable.Col source="status" label="Account">
            <StatusChip choices={STATUS_CHOICES} />
          </DataTable.Col>
          <DataTable.Col source="open_calls" label="Open calls" align="right" render={(r) => Number(r.open_calls ?? 0).toLocaleString()} />
          <DataTable.Col source="due_calls" label="Due calls" align="right" render={(r) => Number(r.due_calls ?? 0).toLocaleString()} />
        </DataTable>
      )}
    </List>
  );
};
