import SendIcon from '@mui/icons-material/Send';
import { Create, SaveButton, SimpleForm, Toolbar } from 'react-admin';
import { StudentInputs, pickStudentFields } from './StudentInputs';

const InviteToolbar = () => (
  <Toolbar>
    <SaveButton label="Add and send invitation" icon={<SendIcon />} />
  </Toolbar>
);

export const StudentCreate = () => (
  <Create title="Add a student" redirect="show" transform={pickStudentFields}>
    <SimpleForm defaultValues={{ status: 'active' }} toolbar={<InviteToolbar />}>
      <StudentInputs mode="create" />
    </SimpleForm>
  </Create>
);
