import { Edit, SaveButton, SimpleForm, Toolbar, useRecordContext } from 'react-admin';
import { StudentInputs, pickStudentFields } from './StudentInputs';

const StudentTitle = () => {
  const record = useRecordContext();
  return <span>{record ? `Student: ${record.name}` : 'Student'}</span>;
};

/** Save only: students are never deleted (ban or delist them instead). */
const StudentEditToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

export const StudentEdit = () => (
  <Edit title={<StudentTitle />} mutationMode="pessimistic" transform={pickStudentFields} redirect="show">
    <SimpleForm toolbar={<StudentEditToolbar />}>
      <StudentInputs mode="edit" />
    </SimpleForm>
  </Edit>
);
