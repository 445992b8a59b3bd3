import {
  BulkDeleteButton,
  DataTable,
  DateInput,
  List,
  SearchInput,
  SimpleList,
  useCanAccess,
} from 'react-admin';
import { ListActions } from '../common/ListActions';
import { formatDateTime, formatDay } from '../common/format';
import { StudentLink, lines } from '../common/ListParts';
import { wideFiltersSx } from '../common/listStyles';
import { BatchInput, MissionInput } from '../common/ReferenceInputs';
import { useIsSmall } from '../common/useIsSmall';
import { EstimatedPagination } from '../common/EstimatedPagination';

const filters = (isSmall: boolean) => [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search student name or email" />,
  <BatchInput key="batch_id" source="batch_id" alwaysOn={!isSmall} />,
  <MissionInput key="mission_id" source="mission_id" alwaysOn={!isSmall} />,
  <DateInput key="local_date_gte" source="local_date_gte" label="From day" alwaysOn={!isSmall} />,
  <DateInput key="local_date_lte" source="local_date_lte" label="To day" alwaysOn={!isSmall} />,
];

/** Undo wrongly recorded days (SREs, admins); the points they earned go with them. */
const BulkActions = () => (
  <BulkDeleteButton
    label="Undo"
    mutationMode="pessimistic"
    confirmTitle="Undo these attendance days?"
    confirmContent="The days and the points they earned are removed."
  />
);

/**
 * Daily attendance as students submitted it, one row per student, mission and day (the batch's
 * local day). Mentors see their own students only (the API scopes it).
 */
export const DailyAttendanceList = () => {
  const isSmall = useIsSmall();
  const { canAccess: canDelete } = useCanAccess({ resource: 'daily_attendance', action: 'delete' });
  return (
    <List
      sx={wideFiltersSx}
      title="Daily attendance"
      filters={filters(isSmall)}
      actions={<ListActions />}
      sort={{ field: 'local_date', order: 'DESC' }}
      pagination={<EstimatedPagination />}
      perPage={50}
      exporter={false}
      empty={false}
    >
      {isSmall ? (
        <SimpleList
          primaryText={(r) => r.student_name}
          secondaryText={(r) => lines(`${r.mission_code} · ${formatDay(r.local_date)}`, r.note)}
          rowClick={(_id, _resource, r) => `/students/${r.student_id}/show?tab=attendance`}
        />
      ) : (
        <DataTable rowClick={false} bulkActionButtons={canDelete ? <BulkActions /> : false}>
          <DataTable.Col source="local_date" label="Day" render={(r) => formatDay(r.local_date)} cellSx={() => ({ whiteSpace: 'nowrap' })} />
          <DataTable.Col source="student_name" label="Student">
            <StudentLink />
          </DataTable.Col>
          <DataTable.Col source="student_email" label="Email" disableSort />
          <DataTable.Col source="mission_id" label="Mission" render={(r) => r.mission_code} />
          <DataTable.Col source="submitted_at" label="Submitted" render={(r) => formatDateTime(r.submitted_at)} />
          <DataTable.Col source="note" label="Note" disableSort render={(r) => r.note ?? ''} />
        </DataTable>
      )}
    </List>
  );
};
