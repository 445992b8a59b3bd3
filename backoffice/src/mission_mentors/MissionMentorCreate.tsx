import { Grid } from '@mui/material';
import { Create, SimpleForm, required } from 'react-admin';
import { MissionInput } from '../common/ReferenceInputs';
import { CapacityInput, MentorChoiceInput, missionMentorData } from './MissionMentorInputs';

export const MissionMentorCreate = () => (
  <Create title="Assign a mentor to a mission" redirect="list" transform={missionMentorData}>
    <SimpleForm defaultValues={{ capacity: null }}>
      <Grid container columnSpacing={2} sx={{ width: '100%', maxWidth: 900 }}>
        <Grid size={12}>
          <MissionInput source="mission_id" validate={required('Choose a mission.')} fullWidth />
        </Grid>
        <Grid size={{ xs: 12, md: 8 }}>
          <MentorChoiceInput />
        </Grid>
        <Grid size={{ xs: 12, sm: 6, md: 4 }}>
          <CapacityInput />
        </Grid>
      </Grid>
    </SimpleForm>
  </Create>
);
