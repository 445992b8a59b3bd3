import { Box, Grid } from '@mui/material';
import { FormDataConsumer, SelectInput, TextInput, email, maxLength, required } from 'react-admin';
import { STUDENT_STATUS_CHOICES } from '../common/choices';
import { phoneValidator } from '../common/validators';

/** A reason is required when the status is not active (the API says the same). */
export const reasonRequired = (value: unknown, all: Record<string, unknown>) =>
  all.status && all.status !== 'active' && !String(value ?? '').trim()
    ? `Give a reason when a student is ${String(all.status)}.`
    : undefined;

/** Inputs shared by StudentCreate and StudentEdit. */
export const StudentInputs = ({ mode }: { mode: 'create' | 'edit' }) => (
  <Box sx={{ width: '100%', maxWidth: 640 }}>
    <Grid container columnSpacing={2}>
      <Grid size={{ xs: 12, sm: 6 }}>
        <TextInput source="name" label="Name" validate={[required('Enter a name.'), maxLength(200)]} fullWidth />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <TextInput
          source="email"
          label="Email"
          type="email"
          validate={[required('Enter an email address.'), email('Enter a valid email address.')]}
          helperText={
            mode === 'create' ? 'We email an invitation link so they can choose a password.' : 'Also their sign-in email.'
          }
          fullWidth
        />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <TextInput source="phone" label="Phone" type="tel" validate={phoneValidator} fullWidth />
      </Grid>
      <Grid size={12}>
        <TextInput source="address" label="Address" multiline minRows={2} validate={maxLength(500)} fullWidth />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <SelectInput source="status" label="Status" choices={STUDENT_STATUS_CHOICES} validate={required()} fullWidth />
      </Grid>
      <Grid size={12}>
        <FormDataConsumer>
          {({ formData }) =>
            formData.status && formData.status !== 'active' ? (
              <TextInput
                source="status_reason"
                label="Reason for the status"
                multiline
                minRows={2}
                validate={[reasonRequired, maxLength(2000)]}
                helperText="Required for banned and delisted students; the student sees it."
                fullWidth
              />
            ) : null
          }
        </FormDataConsumer>
      </Grid>
    </Grid>
  </Box>
);

const STUDENT_FIELDS = ['name', 'email', 'phone', 'address', 'status', 'status_reason'];

/** Only the writable fields; blanks become null; an active student carries no reason. */
export const pickStudentFields = (data: Record<string, unknown>) => {
  const out: Record<string, unknown> = {};
  for (const key of STUDENT_FIELDS) {
    if (!(key in data)) continue;
    const value = data[key];
    out[key] = typeof value === 'string' ? value.trim() || null : value;
  }
  if (out.status === 'active') delete out.status_reason;
  return out;
};
