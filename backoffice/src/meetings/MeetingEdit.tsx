import { Edit, SimpleForm, useRecordContext } from 'react-admin';
import { MeetingInputs, pickMeetingFields } from './MeetingInputs';

export const MeetingTitle = () => {
  const record = useRecordContext();
  return <span>{record ? `Meeting: ${record.title}` : 'Meeting'}</span>;
};

export const MeetingEdit = () => (
  <Edit title={<MeetingTitle />} mutationMode="pessimistic" transform={pickMeetingFields} redirect="show">
    <SimpleForm>
      <MeetingInputs mode="edit" />
    </SimpleForm>
  </Edit>
);
