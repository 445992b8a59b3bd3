import { Box, Grid, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/PersonAdd';
import {
  DataTable,
  DeleteButton,
  EditButton,
  Form,
  ReferenceManyField,
  SaveButton,
  SimpleList,
  useCanAccess,
  useRecordContext,
} from 'react-admin';
import { CapacityInput, MentorChoiceInput, missionMentorData } from '../mission_mentors/MissionMentorInputs';
import { FormPanel } from '../common/FormPanel';
import { useCreateAndReset } from '../common/useCreateAndReset';
import { useIsSmall } from '../common/useIsSmall';
import { CompactPagination } from '../common/CompactPagination';

const loadText = (r: Record<string, unknown>) =>
  r.capacity == null ? `${r.load ?? 0} (no limit)` : `${r.load ?? 0} / ${r.capacity}`;

/** The mission's mentors with their load (current pairings) and capacity. */
export const MissionMentors = () => {
  const record = useRecordContext();
  const isSmall = useIsSmall();
  const { canAccess: canEdit } = useCanAccess({ resource: 'mission_mentors', action: 'edit' });
  const { canAccess: canDelete } = useCanAccess({ resource: 'mission_mentors', action: 'delete' });
  const { canAccess: canCreate } = useCanAccess({ resource: 'mission_mentors', action: 'create' });
  if (!record) return null;
  return (
    <Box sx={{ p: 2 }}>
      <Typography variant="h6" component="h2" gutterBottom>
        Mentors ({record.mentor_count ?? 0})
      </Typography>
      <ReferenceManyField
        reference="mission_mentors"
        target="mission_id"
        sort={{ field: 'mentor_name', order: 'ASC' }}
        perPage={25}
        pagination={<CompactPagination />}
      >
        {isSmall ? (
          <SimpleList
            primaryText={(m) => m.mentor_name}
            secondaryText={(m) => m.mentor_email}
            tertiaryText={(m) => `Load ${loadText(m)}`}
            rowClick={canEdit ? 'edit' : false}
            empty={<NoMentors />}
          />
        ) : (
          <DataTable bulkActionButtons={false} rowClick={false} empty={<NoMentors />}>
            <DataTable.Col source="mentor_name" label="Mentor" />
            <DataTable.Col source="mentor_email" label="Email" />
            <DataTable.NumberCol source="load" label="Students paired" />
            <DataTable.Col source="capacity" label="Capacity" render={(m) => (m.capacity == null ? 'No limit' : m.capacity)} />
            {(canEdit || canDelete) && (
              <DataTable.Col label="" disableSort align="right">
                {canEdit && <EditButton label="Edit capacity" />}
                {canDelete && (
                  <DeleteButton
                    label="Remove"
                    mutationMode="pessimistic"
                    redirect={false}
                    confirmTitle="Remove this mentor from the mission?"
                    confirmContent="Only possible while no student is paired with them on this mission."
                  />
                )}
              </DataTable.Col>
            )}
          </DataTable>
        )}
      </ReferenceManyField>
      {canCreate && <AddMentorForm missionId={record.id} />}
    </Box>
  );
};

const NoMentors = () => (
  <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
    No mentor is assigned to this mission yet.
  </Typography>
);

/** Managers and admins assign a mentor (from the mentors directory) to this mission. */
const AddMentorForm = ({ missionId }: { missionId: number | string }) => {
  const { save, isPending, formKey } = useCreateAndReset('mission_mentors');

  const submit = (values: Record<string, unknown>) =>
    save(missionMentorData({ ...values, mission_id: missionId }), 'Mentor added to the mission.');

  return (
    <FormPanel id="add-mentor-heading" title="Add a mentor" sx={{ mt: 2 }}>
      <Form key={formKey} onSubmit={submit} defaultValues={{ capacity: null }}>
        <Grid container columnSpacing={2} sx={{ alignItems: 'flex-start' }}>
          <Grid size={{ xs: 12, md: 7 }}>
            <MentorChoiceInput />
          </Grid>
          <Grid size={{ xs: 12, sm: 6, md: 3 }}>
            <CapacityInput helperText="Blank: no limit" />
          </Grid>
          <Grid size={{ xs: 12, md: 2 }} sx={{ pt: { md: 1 } }}>
            <SaveButton label="Add mentor" icon={<AddIcon />} disabled={isPending} alwaysEnable sx={{ whiteSpace: 'nowrap' }} />
          </Grid>
        </Grid>
      </Form>
    </FormPanel>
  );
};
