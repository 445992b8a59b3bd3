import { Box, Grid } from '@mui/material';
import {
  BooleanInput,
  FormDataConsumer,
  RadioButtonGroupInput,
  TextInput,
  maxLength,
  required,
} from 'react-admin';
import { NOTICE_AUDIENCE_CHOICES } from '../common/choices';
import { nowMs, toIsoInstant } from '../common/format';
import { ZonedDateTimeInput } from '../common/DateTimes';
import { BatchInput, MissionInput } from '../common/ReferenceInputs';
import { useMe } from '../providers/useMe';

/** Who each role may address (the API refuses the rest): managers and admins everyone; SREs batches and missions; mentors their missions. */
const audienceChoices = (role: string | undefined) =>
  NOTICE_AUDIENCE_CHOICES.filter((c) =>
    role === 'mentor' ? c.id === 'mission' : role === 'admin' || role === 'manager' ? true : c.id !== 'everyone'
  );

const validateExpiry = (value: unknown, all: Record<string, unknown>) => {
  const expires = toIsoInstant(value);
  if (!expires) return undefined;
  const publish = toIsoInstant(all.publish_at) ?? new Date(nowMs()).toISOString();
  return expires <= publish ? 'The expiry must be after the publish time.' : undefined;
};

/** Inputs shared by NoticeCreate and NoticeEdit. */
export const NoticeInputs = () => {
  const role = useMe()?.role;
  return (
    <Box sx={{ width: '100%', maxWidth: 800 }}>
      <Grid container columnSpacing={2}>
        <Grid size={12}>
          <TextInput source="title" label="Title" validate={[required('Enter a title.'), maxLength(200)]} fullWidth />
        </Grid>
        <Grid size={12}>
          <TextInput
            source="body_md"
            label="Body (markdown)"
            multiline
            minRows={8}
            validate={[required('Write the notice.'), maxLength(50000)]}
            helperText="Markdown: **bold**, *italic*, - lists, [links](https://…), ## headings. Rendered safely for students."
            slotProps={{ htmlInput: { style: { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: '0.9rem' } } }}
            fullWidth
          />
        </Grid>
        <Grid size={12}>
          <RadioButtonGroupInput source="audience" label="Send to" choices={audienceChoices(role)} validate={required('Choose who reads it.')} helperText={false} />
        </Grid>
        <FormDataConsumer>
          {({ formData }) =>
            formData.audience === 'batch' ? (
              <Grid size={12}>
                <BatchInput validate={required('Choose the batch.')} fullWidth />
              </Grid>
            ) : formData.audience === 'mission' ? (
              <Grid size={12}>
                <MissionInput validate={required('Choose the mission.')} fullWidth />
              </Grid>
            ) : null
          }
        </FormDataConsumer>
        <Grid size={{ xs: 12, sm: 6 }}>
          <BooleanInput source="requires_ack" label="Students must acknowledge it" helperText="You see who has and has not." />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <BooleanInput source="pinned" label="Pinned at the top" helperText={false} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <ZonedDateTimeInput source="publish_at" label="Publish at" helperText="Blank: now." fullWidth />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <ZonedDateTimeInput source="expires_at" label="Expires at (optional)" validate={validateExpiry} helperText="Blank: never." fullWidth />
        </Grid>
      </Grid>
    </Box>
  );
};

/** The API body: only the chosen audience's batch or mission; instants as ISO with their zone. */
export const pickNoticeFields = (data: Record<string, unknown>) => {
  const out: Record<string, unknown> = {
    title: String(data.title ?? '').trim(),
    body_md: String(data.body_md ?? ''),
    audience: data.audience,
    batch_id: data.audience === 'batch' ? data.batch_id : null,
    mission_id: data.audience === 'mission' ? data.mission_id : null,
    requires_ack: Boolean(data.requires_ack),
    pinned: Boolean(data.pinned),
    expires_at: toIsoInstant(data.expires_at),
  };
  const publish = toIsoInstant(data.publish_at);
  if (publish) out.publish_at = publish;
  return out;
};
