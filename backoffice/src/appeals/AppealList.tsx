import { DataTable, List, SearchInput, SelectInput, SimpleList } from 'react-admin';
import { APPEAL_STATUS_CHOICES, CASE_KIND_CHOICES, choiceName } from '../common/choices';
import { ListActions } from '../common/ListActions';
import { formatDateTime } from '../common/format';
import { StudentLink, lines } from '../common/ListParts';
import { wideFiltersSx } from '../common/listStyles';
import { StatusChip } from '../common/StatusChip';
import { useIsSmall } from '../common/useIsSmall';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search student or statement" />,
  <SelectInput key="status" source="status" label="Status" choices={APPEAL_STATUS_CHOICES} alwaysOn />,
];

const excerpt = (text: unknown, n = 140) => {
  const s = String(text ?? '');
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
};

/** The appeal queue: open appeals first (oldest waiting first), to accept or reject. */
export const AppealList = () => {
  const isSmall = useIsSmall();
  return (
    <List
      sx={wideFiltersSx}
      title="Appeals"
      filters={filters}
      filterDefaultValues={{ status: 'open' }}
      actions={<ListActions />}
      sort={{ field: 'created_at', order: 'ASC' }}
      perPage={25}
      exporter={false}
      empty={false}
    >
      {isSmall ? (
        <SimpleList
          primaryText={(r) => `${r.student_name} · ${choiceName(CASE_KIND_CHOICES, r.case_kind)}`}
          secondaryText={(r) => lines(excerpt(r.statement, 90), `${choiceName(APPEAL_STATUS_CHOICES, r.status)} · ${formatDateTime(r.created_at)}`)}
          rowClick="show"
        />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="created_at" label="Filed" render={(r) => formatDateTime(r.created_at)} />
          <DataTable.Col source="student_name" label="Student" disableSort>
            <StudentLink />
          </DataTable.Col>
          <DataTable.Col source="case_kind" label="Case" disableSort render={(r) => choiceName(CASE_KIND_CHOICES, r.case_kind)} />
          <DataTable.Col source="statement" label="Statement" disableSort render={(r) => excerpt(r.statement)} />
          <DataTable.Col source="status" label="Status">
            <StatusChip choices={APPEAL_STATUS_CHOICES} />
          </DataTable.Col>
          <DataTable.Col source="decided_at" label="Decided" render={(r) => (r.decided_at ? `${formatDateTime(r.decided_at)} · ${r.decided_by_name}` : '—')} />
        </DataTable>
      )}
    </List>
  );
};
