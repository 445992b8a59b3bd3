import { DataTable, List, NumberInput, SearchInput, SelectInput, SimpleList, useCanAccess } from 'react-admin';
import { ENROLMENT_STATUS_CHOICES, choiceName } from '../common/choices';
import { ListActions } from '../common/ListActions';
import { formatDateTime } from '../common/format';
import { StudentLink } from '../common/ListParts';
import { BatchInput, MissionInput } from '../common/ReferenceInputs';
import { StatusChip } from '../common/StatusChip';
import { useIsSmall } from '../common/useIsSmall';
import { wideFiltersSx } from '../common/listStyles';
import { EnrolmentBulkActions } from './EnrolmentBulkActions';

const filters = (isSmall: boolean) => [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search student name or email" />,
  <BatchInput key="batch_id" source="batch_id" alwaysOn={!isSmall} />,
  <MissionInput key="mission_id" source="mission_id" alwaysOn={!isSmall} />,
  <SelectInput key="status" source="status" label="Status" choices={ENROLMENT_STATUS_CHOICES} />,
  <NumberInput key="student_id" source="student_id" label="Student id" />,
];

/** Who is enrolled in which mission; admins and SREs select rows to mark them completed. */
export const MissionEnrolmentList = () => {
  const isSmall = useIsSmall();
  const { canAccess: canUpdate } = useCanAccess({ resource: 'mission_enrolments', action: 'edit' });
  return (
    <List
      sx={wideFiltersSx}
      title="Mission enrolments"
      filters={filters(isSmall)}
      actions={<ListActions />}
      sort={{ field: 'created_at', order: 'DESC' }}
      perPage={25}
      exporter={false}
    >
      {isSmall ? (
        <SimpleList
          primaryText={(r) => r.student_name}
          secondaryText={(r) => `${r.mission_code} — ${r.mission_title}`}
          tertiaryText={(r) => choiceName(ENROLMENT_STATUS_CHOICES, r.status)}
          rowClick={(_id, _resource, r) => `/students/${r.student_id}/show`}
        />
      ) : (
        <DataTable bulkActionButtons={canUpdate ? <EnrolmentBulkActions /> : false} rowClick={false}>
          <DataTable.Col source="student_name" label="Student">
            <StudentLink />
          </DataTable.Col>
          <DataTable.Col source="student_email" label="Email" disableSort />
          <DataTable.Col source="mission_code" label="Mission" render={(r) => `${r.mission_code} — ${r.mission_title}`} />
          <DataTable.Col source="status" label="Status">
            <StatusChip choices={ENROLMENT_STATUS_CHOICES} />
          </DataTable.Col>
          <DataTable.Col source="created_at" label="Since" render={(r) => formatDateTime(r.created_at)} />
        </DataTable>
      )}
    </List>
  );
};
