import { DataTable, List, SearchInput, SelectInput, SimpleList, useCanAccess } from 'react-admin';
import { FEATURE_REQUEST_STATUS_CHOICES, choiceName } from '../common/choices';
import { ListActions } from '../common/ListActions';
import { formatDay } from '../common/format';
import { lines } from '../common/ListParts';
import { wideFiltersSx } from '../common/listStyles';
import { StatusChip } from '../common/StatusChip';
import { useIsSmall } from '../common/useIsSmall';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search title or text" />,
  <SelectInput key="status" source="status" label="Status" choices={FEATURE_REQUEST_STATUS_CHOICES} alwaysOn />,
];

/** Students' ideas, most voted first; admins and managers review them (status and a public reply). */
export const FeatureRequestList = () => {
  const isSmall = useIsSmall();
  const { canAccess: canEdit } = useCanAccess({ resource: 'feature_requests', action: 'edit' });
  const rowClick = canEdit ? 'edit' : 'show';
  return (
    <List
      sx={wideFiltersSx}
      title="Feature requests"
      filters={filters}
      actions={<ListActions />}
      sort={{ field: 'vote_count', order: 'DESC' }}
      perPage={25}
      exporter={false}
      empty={false}
    >
      {isSmall ? (
        <SimpleList
          primaryText={(r) => r.title}
          secondaryText={(r) => lines(`${r.vote_count ?? 0} votes · ${choiceName(FEATURE_REQUEST_STATUS_CHOICES, r.status)}`, r.public_reply && `Reply: ${r.public_reply}`)}
          rowClick={rowClick}
        />
      ) : (
        <DataTable rowClick={rowClick} bulkActionButtons={false}>
          <DataTable.NumberCol source="vote_count" label="Votes" />
          <DataTable.Col source="title" label="Idea" />
          <DataTable.Col source="status" label="Status">
            <StatusChip choices={FEATURE_REQUEST_STATUS_CHOICES} />
          </DataTable.Col>
          <DataTable.Col source="public_reply" label="Public reply" disableSort render={(r) => r.public_reply ?? '—'} />
          <DataTable.Col source="author_name" label="From" disableSort />
          <DataTable.Col source="created_at" label="Sent" render={(r) => formatDay(r.created_at)} />
        </DataTable>
      )}
    </List>
  );
};
