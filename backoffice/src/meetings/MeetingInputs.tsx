import { Box, Grid } from '@mui/material';
import {
  AutocompleteArrayInput,
  BooleanInput,
  FormDataConsumer,
  NumberInput,
  ReferenceArrayInput,
  TextInput,
  maxLength,
  maxValue,
  minValue,
  required,
  useRecordContext,
} from 'react-admin';
import { plural, toIsoInstant } from '../common/format';
import { ZonedDateTimeInput } from '../common/DateTimes';
import { MissionInput, studentLabel } from '../common/ReferenceInputs';

/** Inputs shared by MeetingCreate and MeetingEdit. */
export const MeetingInputs = ({ mode }: { mode: 'create' | 'edit' }) => {
  const record = useRecordContext();
  const invited = Number(record?.invitee_count ?? 0);
  return (
    <Box sx={{ width: '100%', maxWidth: 720 }}>
      <Grid container columnSpacing={2}>
        <Grid size={12}>
          <MissionInput validate={required('Choose the mission.')} fullWidth />
        </Grid>
        <Grid size={12}>
          <TextInput source="title" label="Title" validate={[required('Enter a title.'), maxLength(200)]} fullWidth />
        </Grid>
        <Grid size={{ xs: 12, sm: 7 }}>
          <ZonedDateTimeInput source="starts_at" label="Starts at" validate={required('Choose when it starts.')} fullWidth />
        </Grid>
        <Grid size={{ xs: 12, sm: 5 }}>
          <NumberInput
            source="duration_minutes"
            label="Duration (minutes)"
            min={5}
            max={600}
            step={5}
            validate={[minValue(5, 'A meeting lasts at least 5 minutes.'), maxValue(600, 'A meeting lasts at most 10 hours.')]}
            fullWidth
          />
        </Grid>
        <Grid size={12}>
          <BooleanInput
            source="requires_code"
            label="Students check in with the code shown in the meeting"
            helperText="Stops checking in from outside the meeting. Check-in opens 10 minutes before the start and closes at the end."
          />
        </Grid>
        <Grid size={12}>
          <FormDataConsumer>
            {({ formData }) =>
              formData.clear_invitees ? null : (
                <ReferenceArrayInput
                  source="invitee_ids"
                  reference="students"
                  filter={formData.mission_id ? { mission_id: formData.mission_id } : {}}
                  sort={{ field: 'name', order: 'ASC' }}
                >
                  <AutocompleteArrayInput
                    label={mode === 'edit' && invited ? 'Replace the invited students with' : 'Invited students (optional)'}
                    optionText={studentLabel}
                    filterToQuery={(q) => ({ q })}
                    helperText={
                      mode === 'edit' && invited
                        ? `${plural(invited, 'student is', 'students are')} invited now. Leave blank to keep them.`
                        : "Blank: every student of the mission may attend."
                    }
                    fullWidth
                  />
                </ReferenceArrayInput>
              )
            }
          </FormDataConsumer>
        </Grid>
        {mode === 'edit' && invited > 0 && (
          <Grid size={12}>
            <BooleanInput source="clear_invitees" label="Open to every student of the mission (remove the invitations)" helperText={false} />
          </Grid>
        )}
      </Grid>
    </Box>
  );
};

/**
 * The API body: the start as an ISO instant with its zone; invitees only when chosen (the API
 * replaces the whole list, and does not return it), [] to open the meeting to the whole mission.
 */
export const pickMeetingFields = (data: Record<string, unknown>) => {
  const out: Record<string, unknown> = {
    mission_id: data.mission_id,
    title: String(data.title ?? '').trim(),
    starts_at: toIsoInstant(data.starts_at),
    requires_code: Boolean(data.requires_code),
  };
  if (data.duration_minutes !== '' && data.duration_minutes != null) out.duration_minutes = Number(data.duration_minutes);
  const invitees = Array.isArray(data.invitee_ids) ? data.invitee_ids : [];
  if (data.clear_invitees) out.invitee_ids = [];
  else if (invitees.length) out.invitee_ids = invitees;
  return out;
};
