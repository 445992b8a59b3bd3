import { Box, Grid, Typography } from '@mui/material';
import { DateInput, NumberInput, SelectInput, TextInput, maxLength, minValue, required } from 'react-admin';
import { codeValidator } from '../batches/BatchInputs';
import { MISSION_STATUS_CHOICES } from '../common/choices';
import { BatchInput } from '../common/ReferenceInputs';

const points = [minValue(0, "Points can't be negative.")];

const PointInput = ({ source, label }: { source: string; label: string }) => (
  <Grid size={{ xs: 6, sm: 3 }}>
    <NumberInput source={source} label={label} min={0} step={1} validate={points} fullWidth />
  </Grid>
);

/** Inputs shared by MissionCreate and MissionEdit. */
export const MissionInputs = () => (
  <Box sx={{ width: '100%', maxWidth: 720 }}>
    <Grid container columnSpacing={2}>
      <Grid size={12}>
        <BatchInput validate={required('Choose the batch.')} fullWidth />
      </Grid>
      <Grid size={{ xs: 12, sm: 4 }}>
        <TextInput source="code" label="Code" validate={codeValidator} helperText="e.g. M4, unique in the batch" fullWidth />
      </Grid>
      <Grid size={{ xs: 12, sm: 8 }}>
        <TextInput source="title" label="Title" validate={[required('Enter a title.'), maxLength(200)]} fullWidth />
      </Grid>
      <Grid size={12}>
        <TextInput source="description" label="Description" multiline minRows={3} validate={maxLength(20000)} fullWidth />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <SelectInput source="status" label="Status" choices={MISSION_STATUS_CHOICES} validate={required()} fullWidth />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <NumberInput source="position" label="Order in the batch" min={0} step={1} validate={minValue(0)} fullWidth />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <DateInput source="starts_on" label="Starts on" validate={required('Choose a start date.')} fullWidth />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <DateInput source="ends_on" label="Ends on" validate={required('Choose an end date.')} fullWidth />
      </Grid>
      <Grid size={12}>
        <Typography variant="subtitle2" component="h3" sx={{ mt: 1 }}>
          Points
        </Typography>
      </Grid>
      <PointInput source="points_attendance" label="Daily attendance" />
      <PointInput source="points_meeting" label="Meeting" />
      <PointInput source="points_on_time" label="On-time submission" />
      <PointInput source="points_late" label="Late submission" />
    </Grid>
  </Box>
);

const MISSION_FIELDS = [
  'batch_id',
  'code',
  'title',
  'description',
  'status',
  'starts_on',
  'ends_on',
  'position',
  'points_attendance',
  'points_meeting',
  'points_on_time',
  'points_late',
];

/** Only the writable fields are sent; empty optional numbers are left out, an empty description is ''. */
export const pickMissionFields = (data: Record<string, unknown>) =>
  Object.fromEntries(
    MISSION_FIELDS.filter((k) => k in data)
      .map((k) => [
        k,
        typeof data[k] === 'string' ? (data[k] as string).trim() : k === 'description' && data[k] == null ? '' : data[k],
      ])
      .filter(([k, v]) => k === 'description' || (v !== null && v !== ''))
  );
