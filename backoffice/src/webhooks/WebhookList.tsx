import { Chip, Stack } from '@mui/material';
import ListAltIcon from '@mui/icons-material/ListAlt';
import { LinkButton } from '../common/LinkButton';
import { CreateButton, DataTable, List, SearchInput, SelectInput, SimpleList, TopToolbar, FilterButton } from 'react-admin';
import { formatDateTime } from '../common/format';
import { lines } from '../common/ListParts';
import { useIsSmall } from '../common/useIsSmall';

const ACTIVE_CHOICES = [
  { id: 'true', name: 'Active' },
  { id: 'false', name: 'Paused' },
];

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search address or description" />,
  <SelectInput key="active" source="active" label="State" choices={ACTIVE_CHOICES} parse={(v: string) => (v === '' ? undefined : v === 'true')} format={(v: unknown) => (v == null ? '' : String(v))} />,
];

/** "all" or the names, for a hook's resources/actions. */
export const namesText = (names: unknown) => (Array.isArray(names) && names.length ? names.join(', ') : 'all');

export const NameChips = ({ names, all }: { names: unknown; all: string }) => (
  <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
    {Array.isArray(names) && names.length ? (
      names.map((n) => <Chip key={String(n)} size="small" variant="outlined" label={String(n)} />)
    ) : (
      <Chip size="small" label={all} />
    )}
  </Stack>
);

export const ActiveChip = ({ active }: { active: unknown }) =>
  active ? <Chip size="small" color="success" label="Active" /> : <Chip size="small" variant="outlined" label="Paused" />;

/** Outgoing webhooks (admins and developers). */
export const WebhookList = () => {
  const isSmall = useIsSmall();
  return (
    <List
      title="Webhooks"
      filters={filters}
      actions={
        <TopToolbar>
          <FilterButton />
          {/* Every hook's deliveries in one list (each hook's own are on its page). */}
          <LinkButton to="/webhook_deliveries" label="All deliveries" icon={<ListAltIcon />} />
          <CreateButton label="New webhook" />
        </TopToolbar>
      }
      sort={{ field: 'created_at', order: 'DESC' }}
      perPage={25}
      exporter={false}
      empty={false}
    >
      {isSmall ? (
        <SimpleList
          primaryText={(r) => r.url}
          secondaryText={(r) =>
            lines(r.description, `Resources: ${namesText(r.resources)} · actions: ${namesText(r.actions)}`, r.active ? 'Active' : 'Paused')
          }
          rowClick="show"
        />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="url" label="Address" sx={{ overflowWrap: 'anywhere' }} />
          <DataTable.Col source="description" label="Description" disableSort />
          <DataTable.Col source="resources" label="Resources" disableSort render={(r) => <NameChips names={r.resources} all="All" />} />
          <DataTable.Col source="actions" label="Actions" disableSort render={(r) => <NameChips names={r.actions} all="All" />} />
          <DataTable.Col source="active" label="State" render={(r) => <ActiveChip active={r.active} />} />
          <DataTable.Col source="created_at" label="Created" render={(r) => formatDateTime(r.created_at)} />
        </DataTable>
      )}
    </List>
  );
};
