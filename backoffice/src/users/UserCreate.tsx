import SendIcon from '@mui/icons-material/Send';
import { Create, SaveButton, SimpleForm, Toolbar } from 'react-admin';
import { UserInputs } from './UserInputs';

const InviteToolbar = () => (
  <Toolbar>
    <SaveButton label="Send invitation" icon={<SendIcon />} />
  </Toolbar>
);

export const UserCreate = () => (
  <Create
    title="Invite a staff member"
    redirect="list"
    transform={(data: Record<string, unknown>) => ({
      name: String(data.name ?? '').trim(),
      email: String(data.email ?? '').trim(),
      role: data.role,
    })}
  >
    <SimpleForm defaultValues={{ role: 'mentor' }} toolbar={<InviteToolbar />}>
      <UserInputs mode="create" />
    </SimpleForm>
  </Create>
);
