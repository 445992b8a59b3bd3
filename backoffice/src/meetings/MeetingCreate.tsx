import { Create, SimpleForm } from 'react-admin';
import { MeetingInputs, pickMeetingFields } from './MeetingInputs';

export const MeetingCreate = () => (
  <Create title="Schedule a meeting" redirect="show" transform={pickMeetingFields}>
    <SimpleForm defaultValues={{ duration_minutes: 60, requires_code: true }}>
      <MeetingInputs mode="create" />
    </SimpleForm>
  </Create>
);
