import { List, SearchInput, SelectInput } from 'react-admin';
import { SUBMISSION_STATUS_CHOICES } from '../common/choices';
import { ListActions } from '../common/ListActions';
import { wideFiltersSx } from '../common/listStyles';
import { AssignmentInput, MissionInput } from '../common/ReferenceInputs';
import { useIsSmall } from '../common/useIsSmall';
import { SubmissionTable } from './SubmissionTable';

const filters = (isSmall: boolean) => [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search student name or email" />,
  <MissionInput key="mission_id" source="mission_id" alwaysOn={!isSmall} />,
  <AssignmentInput key="assignment_id" source="assignment_id" alwaysOn={!isSmall} />,
  <SelectInput key="status" source="status" label="On time / late" choices={SUBMISSION_STATUS_CHOICES} alwaysOn={!isSmall} />,
];

/** Every recorded submission the user may see (mentors: their students'), with grades and undo. */
export const SubmissionList = () => {
  const isSmall = useIsSmall();
  return (
    <List
      sx={wideFiltersSx}
      title="Submissions"
      filters={filters(isSmall)}
      actions={<ListActions />}
      sort={{ field: 'submitted_at', order: 'DESC' }}
      perPage={25}
      exporter={false}
      empty={false}
    >
      <SubmissionTable showAssignment />
    </List>
  );
};
