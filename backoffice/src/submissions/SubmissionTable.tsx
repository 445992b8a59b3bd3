import { DataTable, DeleteButton, SimpleList, useCanAccess, type RaRecord } from 'react-admin';
import { Box } from '@mui/material';
import { SUBMISSION_STATUS_CHOICES, choiceName } from '../common/choices';
import { formatDateTime } from '../common/format';
import { StudentLink } from '../common/ListParts';
import { StatusChip } from '../common/StatusChip';
import { useIsSmall } from '../common/useIsSmall';
import { GradeButton } from './GradeButton';

/** Undo a recorded submission (SREs, admins): its points go with it. */
const UndoButton = () => (
  <DeleteButton
    label="Undo"
    mutationMode="pessimistic"
    redirect={false}
    confirmTitle="Undo this submission?"
    confirmContent="The submission and the points it earned are removed. Pasting a list with this student again records it anew."
  />
);

const assignmentText = (r: RaRecord) => `#${r.assignment_number} ${r.assignment_title}`;

/** The rows of a submissions list context (the whole list, or one assignment's). */
export const SubmissionTable = ({ showAssignment = false, empty }: { showAssignment?: boolean; empty?: React.ReactNode }) => {
  const isSmall = useIsSmall();
  const { canAccess: canDelete } = useCanAccess({ resource: 'submissions', action: 'delete' });
  if (isSmall) {
    return (
      <SimpleList
        primaryText={(r) => r.student_name}
        secondaryText={(r) =>
          `${choiceName(SUBMISSION_STATUS_CHOICES, r.status)} · ${formatDateTime(r.submitted_at)}${showAssignment ? ` · ${assignmentText(r)}` : ''}`
        }
        tertiaryText={(r) => (r.points != null ? `${r.points} pts` : '')}
        rowClick={(_id, _resource, r) => `/students/${r.student_id}/show`}
        empty={empty as React.ReactElement}
      />
    );
  }
  return (
    <DataTable bulkActionButtons={false} rowClick={false} empty={empty as React.ReactElement}>
      <DataTable.Col source="student_name" label="Student">
        <StudentLink />
      </DataTable.Col>
      <DataTable.Col source="student_email" label="Email" disableSort />
      {showAssignment && <DataTable.Col source="assignment_id" label="Assignment" render={assignmentText} />}
      <DataTable.Col source="submitted_at" label="Submitted" render={(r) => formatDateTime(r.submitted_at)} />
      <DataTable.Col source="status" label="Status">
        <StatusChip choices={SUBMISSION_STATUS_CHOICES} />
      </DataTable.Col>
      <DataTable.NumberCol source="points" label="Points" disableSort />
      <DataTable.Col source="grade" label="Grade">
        <GradeButton />
      </DataTable.Col>
      {canDelete && (
        <DataTable.Col label="" disableSort align="right">
          <Box sx={{ whiteSpace: 'nowrap' }}>
            <UndoButton />
          </Box>
        </DataTable.Col>
      )}
    </DataTable>
  );
};
