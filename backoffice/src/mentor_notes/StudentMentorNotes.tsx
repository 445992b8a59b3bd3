import { Box, Grid, Typography } from '@mui/material';
import NoteAddIcon from '@mui/icons-material/NoteAdd';
import {
  DeleteButton,
  Form,
  ReferenceManyField,
  SaveButton,
  TextInput,
  maxLength,
  required,
  useCanAccess,
  useListContext,
  useRecordContext,
  RecordContextProvider,
  SelectInput,
  useGetList,
} from 'react-admin';
import { FormPanel } from '../common/FormPanel';
import { useCreateAndReset } from '../common/useCreateAndReset';
import { CompactPagination } from '../common/CompactPagination';
import { formatDateTime } from '../common/format';
import { None } from '../common/Section';
import { useMe } from '../providers/useMe';

/** The notes as a thread of cards, newest first; authors may delete their own. */
const NoteCards = () => {
  const { data = [], isPending } = useListContext();
  const me = useMe();
  const { canAccess: canDelete } = useCanAccess({ resource: 'mentor_notes', action: 'delete' });
  if (isPending) return null;
  if (data.length === 0) return <None text="No note yet." />;
  return (
    <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 1 }}>
      {data.map((note) => (
        <Box component="li" key={note.id} sx={{ p: 1.5, border: 1, borderColor: 'divider', borderRadius: 1 }}>
          <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}>
            <Typography variant="caption" color="text.secondary" sx={{ flexGrow: 1 }}>
              {`${note.author_name} · ${formatDateTime(note.created_at)}${note.mission_code ? ` · ${note.mission_code}` : ''}`}
            </Typography>
            {canDelete && String(note.author_id) === String(me?.id) && (
              <RecordContextProvider value={note}>
                <DeleteButton
                  resource="mentor_notes"
                  label="Delete"
                  mutationMode="pessimistic"
                  redirect={false}
                  confirmTitle="Delete this note?"
                  confirmContent="It cannot be brought back."
                />
              </RecordContextProvider>
            )}
          </Box>
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', mt: 0.5 }}>
            {String(note.body)}
          </Typography>
        </Box>
      ))}
    </Box>
  );
};

/**
 * The missions the note can be about: the student's missions this person may see (a mentor: those they mentor the
 * student on), preselected when there is only one.
 */
const NoteMissionInput = ({ studentId }: { studentId: unknown }) => {
  const { data = [], isPending } = useGetList('mission_enrolments', {
    filter: { student_id: studentId },
    sort: { field: 'mission_code', order: 'ASC' },
    pagination: { page: 1, perPage: 100 },
  });
  if (isPending) return null;
  const choices = data.map((enrolment) => ({ id: enrolment.mission_id, name: `${enrolment.mission_code} — ${enrolment.mission_title}` }));
  return (
    <SelectInput
      source="mission_id"
      label="Mission"
      choices={choices}
      defaultValue={choices.length === 1 ? choices[0].id : undefined}
      validate={required('Choose the mission the note is about.')}
      helperText="Mentors of the student on this mission read it."
      fullWidth
    />
  );
};

/** A mentor writes a private note on their student (never shown to the student). */
const AddNoteForm = ({ studentId }: { studentId: unknown }) => {
  const { save, isPending, formKey } = useCreateAndReset('mentor_notes');
  const submit = (values: Record<string, unknown>) =>
    save({ student_id: studentId, mission_id: values.mission_id, body: String(values.body ?? '').trim() }, 'Note saved.');
  return (
    <FormPanel id="add-note-heading" title="Add a private note" sx={{ mb: 2 }}>
      <Form key={formKey} onSubmit={submit}>
        <Grid container columnSpacing={2}>
          <Grid size={12}>
            <TextInput
              source="body"
              label="Note"
              multiline
              minRows={3}
              validate={[required('Write the note.'), maxLength(20000)]}
              helperText="Only staff read it; the student never sees it."
              fullWidth
            />
          </Grid>
          <Grid size={{ xs: 12, md: 8 }}>
            <NoteMissionInput studentId={studentId} />
          </Grid>
          <Grid size={{ xs: 12, md: 4 }} sx={{ pt: { md: 1 } }}>
            <SaveButton label="Save note" icon={<NoteAddIcon />} disabled={isPending} alwaysEnable />
          </Grid>
        </Grid>
      </Form>
    </FormPanel>
  );
};

/** Mentors' private notes on the student (a student's show page). */
export const StudentMentorNotes = () => {
  const record = useRecordContext();
  const { canAccess: canCreate } = useCanAccess({ resource: 'mentor_notes', action: 'create' });
  if (!record) return null;
  return (
    <Box sx={{ p: 2 }}>
      {canCreate && <AddNoteForm studentId={record.id} />}
      <ReferenceManyField reference="mentor_notes" target="student_id" sort={{ field: 'created_at', order: 'DESC' }} perPage={20} pagination={<CompactPagination />}>
        <NoteCards />
      </ReferenceManyField>
    </Box>
  );
};
