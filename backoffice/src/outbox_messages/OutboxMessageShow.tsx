import { DateTimeField } from '../common/DateTimes';
import { Typography } from '@mui/material';
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

export const OutboxMessageShow = () => (
  <Show title={<OutboxTitle />}>
    <SimpleShowLayout>
      <DateTimeField source="created_at" label="Created" />
      <TextField source="to" label="To" />
      <TextField source="subject" label="Subject" />
      <TextField source="transport" label="Sent via" />
      <TextField source="error" label="Delivery error" emptyText="—" />
      <BodyField label="Body" />
    </SimpleShowLayout>
  </Show>
);
