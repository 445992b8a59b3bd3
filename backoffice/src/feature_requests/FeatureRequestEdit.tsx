import { Box } from '@mui/material';
import { Edit, RadioButtonGroupInput, SimpleForm, TextInput, maxLength, required } from 'react-admin';
import { FEATURE_REQUEST_STATUS_CHOICES } from '../common/choices';
import { FeatureRequestDetails, FeatureRequestTitle } from './FeatureRequestShow';

/** Admins and managers review an idea: its status and a reply every student can read. */
export const FeatureRequestEdit = () => (
  <Edit
    title={<FeatureRequestTitle />}
    mutationMode="pessimistic"
    redirect="list"
    transform={(data: Record<string, unknown>) => ({
      status: data.status,
      public_reply: String(data.public_reply ?? '').trim() || null,
    })}
  >
    <SimpleForm>
      <FeatureRequestDetails />
      <Box sx={{ width: '100%', maxWidth: 720 }}>
        <RadioButtonGroupInput source="status" label="Status" choices={FEATURE_REQUEST_STATUS_CHOICES} validate={required()} />
        <TextInput
          source="public_reply"
          label="Public reply"
          multiline
          minRows={3}
          validate={maxLength(5000)}
          helperText="Every student sees it under the idea."
          fullWidth
        />
      </Box>
    </SimpleForm>
  </Edit>
);
