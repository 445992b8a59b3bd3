import { Edit, SimpleForm, useRecordContext } from 'react-admin';
import { AssignmentInputs, pickAssignmentFields } from './AssignmentInputs';

export const AssignmentTitle = () => {
  const record = useRecordContext();
  return <span>{record ? `${record.mission_code} · Assignment ${record.number}: ${record.title}` : 'Assignment'}</span>;
};

export const AssignmentEdit = () => (
  <Edit title={<AssignmentTitle />} mutationMode="pessimistic" transform={pickAssignmentFields} redirect="show">
    <SimpleForm>
      <AssignmentInputs />
    </SimpleForm>
  </Edit>
);
