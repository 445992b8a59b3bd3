import { Box, Grid } from '@mui/material';
import {
  AutocompleteInput,
  DateInput,
  NumberInput,
  SelectInput,
  TextInput,
  maxLength,
  minValue,
  regex,
  required,
} from 'react-admin';
import { stateChoices, stateOf } from '../common/choices';
import { timezoneChoices } from '../common/timezones';

/** The end date may not come before the start date (the API checks it too). */
export const validateDates = (values: Record<string, unknown>) => {
  const errors: Record<string, string> = {};
  if (values.starts_on && values.ends_on && String(values.ends_on) < String(values.starts_on)) {
    errors.ends_on = 'The end date must be on or after the start date.';
  }
  return errors;
};

export const codeValidator = [
  required('Enter a code.'),
  maxLength(40),
  regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'Use letters, digits, dots, dashes or underscores.'),
];

/**
 * Inputs shared by BatchCreate and BatchEdit. On a new batch (`schoolDefaults` given, possibly still loading) the
 * time zone may stay blank: the database takes the settings' default time zone.
 */
export const BatchInputs = ({ schoolDefaults = null }: { schoolDefaults?: Record<string, unknown> | undefined | null }) => (
  <Box sx={{ width: '100%', maxWidth: 640 }}>
    <Grid container columnSpacing={2}>
      <Grid size={{ xs: 12, sm: 6 }}>
        <TextInput source="code" label="Code" validate={codeValidator} helperText="e.g. B2027-01" fullWidth />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <TextInput source="title" label="Title" validate={[required('Enter a title.'), maxLength(200)]} fullWidth />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <SelectInput source="status" label="State" choices={stateChoices('planned')} format={stateOf('planned')} defaultValue="planned" helperText="Planned, active or completed by its dates, unless archived or cancelled." fullWidth />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <NumberInput
          source="capacity"
          label="Capacity (students)"
          min={1}
          step={1}
          validate={[required('Enter the capacity.'), minValue(1, 'Capacity must be at least 1.')]}
          fullWidth
        />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <DateInput source="starts_on" label="Starts on" validate={required('Choose a start date.')} fullWidth />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <DateInput source="ends_on" label="Ends on" validate={required('Choose an end date.')} fullWidth />
      </Grid>
      <Grid size={12}>
        <AutocompleteInput
          source="timezone"
          label="Time zone"
          choices={timezoneChoices}
          validate={schoolDefaults === null ? required('Choose a time zone.') : undefined}
          helperText={
            schoolDefaults === null
              ? "Students' days (attendance) are counted in this time zone."
              : `Students' days are counted in this time zone. Blank: ${String(schoolDefaults?.default_timezone ?? "the school's default")} (school default).`
          }
          fullWidth
        />
      </Grid>
    </Grid>
  </Box>
);
