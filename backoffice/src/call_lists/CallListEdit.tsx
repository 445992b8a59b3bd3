import { Box } from '@mui/material';
import { Edit, SimpleForm, TextInput, maxLength, required } from 'react-admin';
import { CallListTitle } from './CallListShow';

/** Rename a call list (or delete it with its calls; the call logs stay on the students). */
export const CallListEdit = () => (
  <Edit title={<CallListTitle />} mutationMode="pessimistic" redirect="show" transform={(data: Record<string, unknown>) => ({ title: String(data.title ?? '').trim() })}>
    <SimpleForm>
      <Box sx={{ width: '100%', maxWidth: 720 }}>
        <TextInput source="title" label="Title" validate={[required('Enter a title.'), maxLength(200)]} fullWidth />
      </Box>
    </SimpleForm>
  </Edit>
);
