import { DateTimeField } from '../common/DateTimes';
import { Box, Typography } from '@mui/material';
import { formatDateTime } from '../common/format';
import { Show, SimpleShowLayout, TextField, useRecordContext } from 'react-admin';
import { LinkifiedText } from '../common/LinkifiedText';

const OutboxTitle = () => {
  const record = useRecordContext();
  return <span>{record ? `Message: ${record.subject}` : 'Message'}</span>;
};

/** The plain-text body with its links clickable (e.g. to follow a reset or invitation link in development). */
const BodyField = (_props: { label?: string }) => {
  const record = useRecordContext();
  if (!record) return null;
  const text = record.text;
  if (text == null || text === '') {
    return (
      <Typography variant="body2" color="text.secondary">
        (no text body)
      </Typography>
    );
  }
  return <LinkifiedText text={String(text)} />;
};

/** Each delivery attempt: when, how it went, and why it failed. */
const AttemptsField = (_props: { label?: string }) => {
  const record = useRecordContext();
  const attempts = (record?.attempts ?? []) as { at: string; outcome: string; error?: string }[];
  if (!attempts.length) return <Typography variant="body2" color="text.secondary">none yet</Typography>;
  return (
    <Box component="ol" sx={{ m: 0, pl: 3 }}>
      {attempts.map((attempt, index) => (
        <li key={index}>
          <Typography variant="body2">
            {formatDateTime(attempt.at)}: {attempt.outcome}
            {attempt.error ? ` (${attempt.error})` : ''}
          </Typography>
        </li>
      ))}
    </Box>
  );
};

export const OutboxMessageShow = () => (
  <Show title={<OutboxTitle />}>
    <SimpleShowLayout>
      <DateTimeField source="created_at" label="Created" />
      <TextField source="to" label="To" />
      <TextField source="subject" label="Subject" />
      <TextField source="transport" label="Sent via" />
      <TextField source="status" label="Status" />
      <DateTimeField source="sent_at" label="Sent" />
      <TextField source="error" label="Delivery error" emptyText="—" />
      <AttemptsField label="Attempts" />
      <BodyField label="Body" />
    </SimpleShowLayout>
  </Show>
);
