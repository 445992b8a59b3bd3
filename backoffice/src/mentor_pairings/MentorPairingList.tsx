import { DataTable, DeleteButton, List, NumberInput, SearchInput, SimpleList, useCanAccess, useRecordContext } from 'react-admin';
import { ListActions } from '../common/ListActions';
import { formatDateTime } from '../common/format';
import { StudentLink } from '../common/ListParts';
import { MentorInput, useCanListMentors } from '../common/MentorInput';
import { MissionInput } from '../common/ReferenceInputs';
import { useIsSmall } from '../common/useIsSmall';
import { wideFiltersSx } from '../common/listStyles';

const filters = (isSmall: boolean, canListMentors: boolean) => [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search student or mentor name" />,
  <MissionInput key="mission_id" source="mission_id" alwaysOn={!isSmall} />,
  ...(canListMentors
    ? [<MentorInput key="mentor_id" source="mentor_id" label="Mentor" alwaysOn={!isSmall} sx={{ minWidth: 240 }} />]
    : []),
  <NumberInput key="student_id" source="student_id" label="Student id" />,
];

/** Ends one pairing (SREs, admins); the student shows up as unpaired on the mission's pairing page. */
const UnpairButton = () => {
  const record = useRecordContext();
  return (
    <DeleteButton
      label="Unpair"
      mutationMode="pessimistic"
      redirect={false}
      confirmTitle={record ? `Unpair ${record.student_name} from ${record.mentor_name}?` : 'Unpair?'}
      confirmContent="The student keeps their enrolment and work, and has no mentor on this mission until paired again."
      successMessage="Unpaired."
      aria-label={record ? `Unpair ${record.student_name} from ${record.mentor_name}` : 'Unpair'}
    />
  );
};

/** Which mentor mentors which student, per mission. */
export const MentorPairingList = () => {
  const isSmall = useIsSmall();
  const canListMentors = useCanListMentors();
  const { canAccess: canUnpair } = useCanAccess({ resource: 'mentor_pairings', action: 'delete' });
  return (
    <List
      sx={wideFiltersSx}
      title="Mentor pairings"
      filters={filters(isSmall, canListMentors)}
      actions={<ListActions />}
      sort={{ field: 'created_at', order: 'DESC' }}
      perPage={25}
      exporter={false}
    >
      {isSmall ? (
        <SimpleList
          primaryText={(r) => r.student_name}
          secondaryText={(r) => `Mentor: ${r.mentor_name}`}
          tertiaryText={(r) => `${r.mission_code} — ${r.mission_title}`}
          rowClick={canUnpair ? false : (_id, _resource, r) => `/students/${r.student_id}/show`}
          rightIcon={canUnpair ? () => <UnpairButton /> : undefined}
        />
      ) : (
        <DataTable bulkActionButtons={false} rowClick={false}>
          <DataTable.Col source="student_name" label="Student">
            <StudentLink />
          </DataTable.Col>
          <DataTable.Col source="mentor_name" label="Mentor" />
          <DataTable.Col source="mission_id" label="Mission" render={(r) => `${r.mission_code} — ${r.mission_title}`} />
          <DataTable.Col source="created_at" label="Since" render={(r) => formatDateTime(r.created_at)} />
          {canUnpair && (
            <DataTable.Col label="" disableSort>
              <UnpairButton />
            </DataTable.Col>
          )}
        </DataTable>
      )}
    </List>
  );
};
