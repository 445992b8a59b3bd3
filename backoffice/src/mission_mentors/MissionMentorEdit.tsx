import { Box, Typography } from '@mui/material';
import { BooleanInput, Edit, SaveButton, SimpleForm, Toolbar, DeleteButton, useRecordContext } from 'react-admin';
import { CapacityInput } from './MissionMentorInputs';

const Title = () => {
  const record = useRecordContext();
  return <span>{record ? `${record.mentor_name} on ${record.mission_code}` : 'Mission mentor'}</span>;
};

const Summary = () => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Box sx={{ mb: 2 }}>
      <Typography variant="subtitle1">{`${record.mentor_name} <${record.mentor_email}>`}</Typography>
      <Typography variant="body2" color="text.secondary">
        {`${record.mission_code} — ${record.mission_title} · ${record.load ?? 0} students paired now`}
      </Typography>
    </Box>
  );
};

const EditToolbar = () => (
  <Toolbar sx={{ justifyContent: 'space-between' }}>
    <SaveButton />
    <DeleteButton
      label="Remove from mission"
      mutationMode="pessimistic"
      confirmTitle="Remove this mentor from the mission?"
      confirmContent="Only possible while no student is paired with them on this mission."
    />
  </Toolbar>
);

/** The capacity, and whether they take new students here (an SRE's Move students can make them inactive); to move a mentor, remove and add them again. */
export const MissionMentorEdit = () => (
  <Edit
    title={<Title />}
    mutationMode="pessimistic"
    transform={(data: Record<string, unknown>) => ({
      capacity: data.capacity === '' || data.capacity == null ? null : Number(data.capacity),
      active: data.active !== false,
    })}
    redirect={(_resource, _id, data) => (data?.mission_id ? `/missions/${data.mission_id}/show` : '/mission_mentors')}
  >
    <SimpleForm toolbar={<EditToolbar />}>
      <Summary />
      <Box sx={{ width: '100%', maxWidth: 320 }}>
        <CapacityInput />
        <BooleanInput source="active" label="Active: takes new students on this mission" helperText="Off: no new pairing with this mentor here, by hand, import or auto-pairing." />
      </Box>
    </SimpleForm>
  </Edit>
);
