import { CreateButton, DataTable, List, SearchInput, SimpleList, useCanAccess } from 'react-admin';
import { ListActions } from '../common/ListActions';
import { MentorInput, useCanListMentors } from '../common/MentorInput';
import { BatchInput, MissionInput } from '../common/ReferenceInputs';
import { useIsSmall } from '../common/useIsSmall';
import { wideFiltersSx } from '../common/listStyles';

const filters = (isSmall: boolean, canListMentors: boolean) => [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search mentor name or email" />,
  <BatchInput key="batch_id" source="batch_id" alwaysOn={!isSmall} />,
  <MissionInput key="mission_id" source="mission_id" alwaysOn={!isSmall} />,
  ...(canListMentors ? [<MentorInput key="mentor_id" source="mentor_id" label="Mentor" sx={{ minWidth: 240 }} />] : []),
];

const loadText = (r: Record<string, unknown>) =>
  r.capacity == null ? `${r.load ?? 0} (no limit)` : `${r.load ?? 0} / ${r.capacity}`;

/** Mentors assigned to missions by managers, with their load (pairings) against capacity. */
export const MissionMentorList = () => {
  const isSmall = useIsSmall();
  const canListMentors = useCanListMentors();
  const { canAccess: canEdit } = useCanAccess({ resource: 'mission_mentors', action: 'edit' });
  return (
    <List
      sx={wideFiltersSx}
      title="Mission mentors"
      filters={filters(isSmall, canListMentors)}
      actions={<ListActions><CreateButton label="Assign mentor" /></ListActions>}
      sort={{ field: 'mentor_name', order: 'ASC' }}
      perPage={25}
      exporter={false}
    >
      {isSmall ? (
        <SimpleList
          primaryText={(r) => r.mentor_name}
          secondaryText={(r) => `${r.mission_code} — ${r.mission_title}`}
          tertiaryText={(r) => `Load ${loadText(r)}`}
          rowClick={canEdit ? 'edit' : false}
        />
      ) : (
        <DataTable bulkActionButtons={false} rowClick={canEdit ? 'edit' : false}>
          <DataTable.Col source="mentor_name" label="Mentor" />
          <DataTable.Col source="mentor_email" label="Email" disableSort />
          <DataTable.Col source="mission_id" label="Mission" render={(r) => `${r.mission_code} — ${r.mission_title}`} />
          <DataTable.NumberCol source="load" label="Students paired" />
          <DataTable.Col source="capacity" label="Capacity" render={(r) => (r.capacity == null ? 'No limit' : r.capacity)} />
        </DataTable>
      )}
    </List>
  );
};
