import { DataTable, List, NumberInput, SearchInput, SimpleList } from 'react-admin';
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

/** Which mentor mentors which student, per mission. */
export const MentorPairingList = () => {
  const isSmall = useIsSmall();
  const canListMentors = useCanListMentors();
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
          rowClick={(_id, _resource, r) => `/students/${r.student_id}/show`}
        />
      ) : (
        <DataTable bulkActionButtons={false} rowClick={false}>
          <DataTable.Col source="student_name" label="Student">
            <StudentLink />
          </DataTable.Col>
          <DataTable.Col source="mentor_name" label="Mentor" />
          <DataTable.Col source="mission_id" label="Mission" render={(r) => `${r.mission_code} — ${r.mission_title}`} />
          <DataTable.Col source="created_at" label="Since" render={(r) => formatDateTime(r.created_at)} />
        </DataTable>
      )}
    </List>
  );
};
