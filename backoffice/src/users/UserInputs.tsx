import { Box } from '@mui/material';
import { AutocompleteInput, SelectInput, TextInput, email, maxLength, required } from 'react-admin';
import { STATUS_CHOICES, roleChoices, staffRoleChoices } from '../common/roles';
import { timezoneChoices } from '../common/timezones';
import { phoneValidator } from '../common/validators';

/**
 * Inputs shared by UserCreate (an admin invites a staff member: name, email, role)
 * and UserEdit (name, phone, role, status, time zone; role and status for admins only).
 */
export const UserInputs = ({ mode, canManage = true }: { mode: 'create' | 'edit'; canManage?: boolean }) => (
  <Box sx={{ width: '100%', maxWidth: 520 }}>
    <TextInput source="name" label="Name" validate={[required('Enter a name.'), maxLength(200)]} fullWidth />
    {mode === 'create' ? (
      <TextInput
        source="email"
        label="Email"
        type="email"
        validate={[required('Enter an email address.'), email('Enter a valid email address.')]}
        helperText="We email an invitation link so they can choose a password."
        fullWidth
      />
    ) : (
      <TextInput source="phone" label="Phone" type="tel" validate={phoneValidator} fullWidth />
    )}
    {canManage && (
      <SelectInput
        source="role"
        label="Role"
        // A student account cannot be created here (students sign up on the portal), but an
        // existing student's role is still displayed correctly when editing.
        choices={mode === 'create' ? staffRoleChoices : roleChoices}
        validate={required('Choose a role.')}
        fullWidth
      />
    )}
    {mode === 'edit' && canManage && (
      <SelectInput source="status" label="Status" choices={STATUS_CHOICES} validate={required()} fullWidth />
    )}
    {mode === 'edit' && <AutocompleteInput source="timezone" label="Time zone" choices={timezoneChoices} fullWidth />}
  </Box>
);
