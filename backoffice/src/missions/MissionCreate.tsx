import { Create, SimpleForm } from 'react-admin';
import { validateDates } from '../batches/BatchInputs';
import { MissionInputs, pickMissionFields } from './MissionInputs';

export const MissionCreate = () => (
  <Create title="New mission" redirect="show" transform={pickMissionFields}>
    <SimpleForm
      defaultValues={{
        status: 'upcoming',
        position: 1,
        points_attendance: 1,
        points_meeting: 2,
        points_on_time: 10,
        points_late: 5,
      }}
      validate={validateDates}
    >
      <MissionInputs />
    </SimpleForm>
  </Create>
);
