import { CreateButton, DataTable, EmailField, FilterButton, List, SimpleList, TopToolbar } from 'react-admin';
import { STUDENT_STATUS_CHOICES, choiceName } from '../common/choices';
import { ExportCsvButton } from '../common/ExportCsvButton';
import { formatDateTime } from '../common/format';
import { StatusChip } from '../common/StatusChip';
import { StudentProgressList } from '../student_progress/StudentProgressList';
import { useIsSmall } from '../common/useIsSmall';
import { useMe } from '../providers/useMe';
import { StudentActionsMenu, StudentBulkActions, useStudentActions } from './StudentBulkActions';
import { studentFilters } from './StudentFilters';
import { wideFiltersSx } from '../common/listStyles';

/** Roles the API sends students' phone and address to (managers and developers get neither). */
const SEES_CONTACTS = new Set(['admin', 'sre', 'mentor']);

const StudentListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton label="Add student" />
    <StudentActionsMenu />
    <ExportCsvButton />
  </TopToolbar>
);

/** A mentor's students lead with how they are doing: their progress rows (risk and why first), every mission. */
export const MyStudentsList = () => <StudentProgressList resource="student_progress" title="My students" filterDefaultValues={{ mission_status: 'active' }} />;

export const StudentList = () => {
  const me = useMe();
  return me?.role === 'mentor' ? <MyStudentsList /> : <StaffStudentList />;
};

const StaffStudentList = () => {
  const isSmall = useIsSmall();
  const me = useMe();
  const isMentor = me?.role === 'mentor';
  const seesPhone = SEES_CONTACTS.has(me?.role ?? '');
  const canAct = useStudentActions().length > 0;
  return (
    <List
      sx={wideFiltersSx}
      title={isMentor ? 'My students' : 'Students'}
      filters={studentFilters({ isSmall, isMentor, seesPhone })}
      actions={<StudentListActions />}
      sort={{ field: 'name', order: 'ASC' }}
      perPage={25}
      exporter={false}
    >
      {isSmall ? (
        <SimpleList
          primaryText={(r) => r.name}
          secondaryText={(r) => [r.email, r.phone].filter(Boolean).join(' · ')}
          tertiaryText={(r) => (r.status === 'active' ? '' : choiceName(STUDENT_STATUS_CHOICES, r.status))}
          rowClick="show"
        />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={canAct ? <StudentBulkActions /> : false}>
          <DataTable.Col source="name" label="Name" />
          <DataTable.Col source="email" label="Email" field={EmailField} />
          {seesPhone && <DataTable.Col source="phone" label="Phone" disableSort render={(r) => r.phone ?? '—'} />}
          <DataTable.Col source="status" label="Status">
            <StatusChip choices={STUDENT_STATUS_CHOICES} />
          </DataTable.Col>
          <DataTable.Col
            source="last_sign_in_at"
            label="Last sign-in"
            render={(r) => formatDateTime(r.last_sign_in_at, 'Never')}
          />
        </DataTable>
      )}
    </List>
  );
};
