import { Grid } from '@mui/material';
import { Create, SimpleForm, required } from 'react-admin';
import { MissionInput } from '../common/ReferenceInputs';
import {
  CapacityInput,
  MentorChoiceInputs,
  NoUserDirectoryNote,
  missionMentorData,
  validateMentorChoice,
} from './MissionMentorInputs';

export const MissionMentorCreate = () => (
  <Create title="Assign a mentor to a mission" redirect="list" transform={missionMentorData}>
    <SimpleForm validate={validateMentorChoice} defaultValues={{ capacity: null }}>
      <Grid container columnSpacing={2} sx={{ width: '100%', maxWidth: 900 }}>
        <Grid size={12}>
          <MissionInput source="mission_id" validate={required('Choose a mission.')} fullWidth />
        </Grid>
        <MentorChoiceInputs />
        <Grid size={{ xs: 12, sm: 6, md: 4 }}>
          <CapacityInput />
        </Grid>
        <Grid size={12}>
          <NoUserDirectoryNote />
        </Grid>
      </Grid>
    </SimpleForm>
  </Create>
);
