import { Box, Typography } from '@mui/material';
import { Edit, SimpleForm, TextInput, maxLength, required, useRecordContext } from 'react-admin';
import { RISK_REASON_CHOICES, choiceName } from '../common/choices';

export const CallScriptTitle = () => {
  const record = useRecordContext();
  return <span>{record ? `Call script: ${record.title}` : 'Call script'}</span>;
};

const Reason = () => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
      {`Suggested on calls about: ${choiceName(RISK_REASON_CHOICES, record.reason)}.`}
    </Typography>
  );
};

/** Edit the words of a script (the reason it is for is fixed). */
export const CallScriptEdit = () => (
  <Edit
    title={<CallScriptTitle />}
    mutationMode="pessimistic"
    redirect="list"
    transform={(data: Record<string, unknown>) => ({ title: String(data.title ?? '').trim(), body: String(data.body ?? '').trim() })}
  >
    <SimpleForm>
      <Box sx={{ width: '100%', maxWidth: 720 }}>
        <Reason />
        <TextInput source="title" label="Title" validate={[required('Enter a title.'), maxLength(200)]} fullWidth />
        <TextInput
          source="body"
          label="Script"
          multiline
          minRows={6}
          validate={[required('Write the script.'), maxLength(10000, 'The script is too long (10,000 characters at most).')]}
          helperText="Plain text; each line shows as written."
          fullWidth
        />
      </Box>
    </SimpleForm>
  </Edit>
);
