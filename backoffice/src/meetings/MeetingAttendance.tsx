import { Grid } from '@mui/material';
import HowToRegIcon from '@mui/icons-material/HowToReg';
import {
  DataTable,
  DeleteButton,
  Form,
  ReferenceManyField,
  SaveButton,
  SimpleList,
  TextInput,
  maxLength,
  required,
  useCanAccess,
  useRecordContext,
} from 'react-admin';
import { FormPanel } from '../common/FormPanel';
import { useCreateAndReset } from '../common/useCreateAndReset';
import { ATTENDANCE_METHOD_CHOICES, choiceName } from '../common/choices';
import { CompactPagination } from '../common/CompactPagination';
import { formatDateTime } from '../common/format';
import { StudentLink, lines } from '../common/ListParts';
import { StudentInput } from '../common/ReferenceInputs';
import { ExportCsvButton } from '../common/ExportCsvButton';
import { None, SectionToolbar } from '../common/Section';
import { StatusChip } from '../common/StatusChip';
import { useIsSmall } from '../common/useIsSmall';

const RemoveButton = () => (
  <DeleteButton
    label="Remove"
    mutationMode="pessimistic"
    redirect={false}
    confirmTitle="Remove this student from the attendance sheet?"
    confirmContent="The meeting's points for them are removed too."
  />
);

/** Who is marked present at the meeting (mentors see their own students), with remove for staff. */
export const AttendanceSheet = () => {
  const isSmall = useIsSmall();
  const meeting = useRecordContext();
  const { canAccess: canDelete } = useCanAccess({ resource: 'meeting_attendance', action: 'delete' });
  const empty = <None text="Nobody is marked present yet." />;
  return (
    <ReferenceManyField
      reference="meeting_attendance"
      target="meeting_id"
      sort={{ field: 'student_name', order: 'ASC' }}
      perPage={50}
      pagination={<CompactPagination />}
    >
      <SectionToolbar>
        <ExportCsvButton filter={{ meeting_id: meeting?.id }} />
      </SectionToolbar>
      {isSmall ? (
        <SimpleList
          primaryText={(r) => r.student_name}
          secondaryText={(r) => lines(`${choiceName(ATTENDANCE_METHOD_CHOICES, r.method)} · ${formatDateTime(r.checked_in_at)}`, r.note)}
          rowClick={(_id, _resource, r) => `/students/${r.student_id}/show`}
          empty={empty}
        />
      ) : (
        <DataTable bulkActionButtons={false} rowClick={false} empty={empty}>
          <DataTable.Col source="student_name" label="Student">
            <StudentLink />
          </DataTable.Col>
          <DataTable.Col source="student_email" label="Email" disableSort />
          <DataTable.Col source="checked_in_at" label="Checked in" render={(r) => formatDateTime(r.checked_in_at)} cellSx={() => ({ whiteSpace: 'nowrap' })} />
          <DataTable.Col source="method" label="How">
            <StatusChip source="method" choices={ATTENDANCE_METHOD_CHOICES} />
          </DataTable.Col>
          <DataTable.Col source="note" label="Note" disableSort render={(r) => r.note ?? ''} />
          {canDelete && (
            <DataTable.Col label="" disableSort align="right">
              <RemoveButton />
            </DataTable.Col>
          )}
        </DataTable>
      )}
    </ReferenceManyField>
  );
};

/** Staff mark a student present by hand (a student who was there but could not check in). */
export const MarkPresentForm = () => {
  const meeting = useRecordContext();
  const { canAccess } = useCanAccess({ resource: 'meeting_attendance', action: 'create' });
  const { save, isPending, formKey } = useCreateAndReset('meeting_attendance');
  if (!meeting || !canAccess) return null;

  const submit = (values: Record<string, unknown>) => {
    const note = String(values.note ?? '').trim();
    return save({ meeting_id: meeting.id, student_id: values.student_id, ...(note ? { note } : {}) }, 'Marked present.');
  };

  return (
    <FormPanel id="mark-present-heading" title="Mark a student present" sx={{ mt: 2 }}>
      <Form key={formKey} onSubmit={submit}>
        <Grid container columnSpacing={2} sx={{ alignItems: 'flex-start' }}>
          <Grid size={{ xs: 12, md: 5 }}>
            <StudentInput missionId={meeting.mission_id} validate={required('Choose the student.')} helperText="Students of the meeting's mission." fullWidth />
          </Grid>
          <Grid size={{ xs: 12, md: 4 }}>
            <TextInput source="note" label="Note (optional)" validate={maxLength(500)} helperText="e.g. joined by phone" fullWidth />
          </Grid>
          <Grid size={{ xs: 12, md: 3 }} sx={{ pt: { md: 1 } }}>
            <SaveButton label="Mark present" icon={<HowToRegIcon />} disabled={isPending} alwaysEnable sx={{ whiteSpace: 'nowrap' }} />
          </Grid>
        </Grid>
      </Form>
    </FormPanel>
  );
};
