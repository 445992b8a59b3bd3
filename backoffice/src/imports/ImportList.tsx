import AddIcon from '@mui/icons-material/UploadFile';
import {
  Button,
  DataTable,
  FilterButton,
  List,
  SearchInput,
  SelectInput,
  SimpleList,
  TopToolbar,
  useCanAccess,
  LinkBase,
} from 'react-admin';
import { IMPORT_KIND_CHOICES, IMPORT_STATUS_CHOICES, choiceName } from '../common/choices';
import { ExportCsvButton } from '../common/ExportCsvButton';
import { formatDateTime } from '../common/format';
import { StatusChip } from '../common/StatusChip';
import { useIsSmall } from '../common/useIsSmall';

const filters = (isSmall: boolean) => [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search file name" />,
  <SelectInput key="kind" source="kind" label="Kind" choices={IMPORT_KIND_CHOICES} alwaysOn={!isSmall} />,
  <SelectInput key="status" source="status" label="Status" choices={IMPORT_STATUS_CHOICES} alwaysOn={!isSmall} />,
];

/** Importing needs the right to create students (admins and SREs); the API checks per kind. */
export const NewImportButton = () => {
  const { canAccess } = useCanAccess({ resource: 'students', action: 'create' });
  if (!canAccess) return null;
  return (
    <Button component={LinkBase} to="/imports/new" label="New import">
      <AddIcon />
    </Button>
  );
};

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <NewImportButton />
    <ExportCsvButton />
  </TopToolbar>
);

const counts = (r: Record<string, unknown>) =>
  r.status === 'failed' && Number(r.error_count) > 0
    ? `${r.error_count} rows with errors`
    : `${r.created_count ?? 0} created · ${r.updated_count ?? 0} updated · ${r.skipped_count ?? 0} unchanged`;

/** The history of CSV imports. */
export const ImportList = () => {
  const isSmall = useIsSmall();
  return (
    <List
      title="Imports"
      filters={filters(isSmall)}
      actions={<Actions />}
      sort={{ field: 'created_at', order: 'DESC' }}
      perPage={25}
      exporter={false}
    >
      {isSmall ? (
        <SimpleList
          primaryText={(r) => `${choiceName(IMPORT_KIND_CHOICES, r.kind)} · ${choiceName(IMPORT_STATUS_CHOICES, r.status)}`}
          secondaryText={(r) => `${formatDateTime(r.created_at)} by ${r.created_by_name ?? `user #${r.created_by}`}`}
          tertiaryText={(r) => `${r.total_rows} rows: ${counts(r)}`}
          rowClick="show"
        />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="created_at" label="When" render={(r) => formatDateTime(r.created_at)} />
          <DataTable.Col source="created_by" label="By" render={(r) => r.created_by_name ?? `User #${r.created_by}`} />
          <DataTable.Col source="kind" label="Kind" render={(r) => choiceName(IMPORT_KIND_CHOICES, r.kind)} />
          <DataTable.Col source="filename" label="File" disableSort render={(r) => r.filename ?? '(pasted)'} />
          <DataTable.Col source="status" label="Status">
            <StatusChip choices={IMPORT_STATUS_CHOICES} />
          </DataTable.Col>
          <DataTable.NumberCol source="total_rows" label="Rows" disableSort />
          <DataTable.NumberCol source="created_count" label="Created" disableSort />
          <DataTable.NumberCol source="updated_count" label="Updated" disableSort />
          <DataTable.NumberCol source="skipped_count" label="Unchanged" disableSort />
          <DataTable.NumberCol source="error_count" label="Errors" disableSort />
        </DataTable>
      )}
    </List>
  );
};
