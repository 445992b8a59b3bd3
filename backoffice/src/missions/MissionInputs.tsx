import { Box, Grid, Typography } from '@mui/material';
import { DateInput, NumberInput, SelectInput, TextInput, maxLength, maxValue, minValue, required } from 'react-admin';
import { codeValidator } from '../batches/BatchInputs';
import { stateChoices, stateOf } from '../common/choices';
import { BatchInput } from '../common/ReferenceInputs';
import { RiskThresholdInputs } from './RiskThresholdInputs';

const points = [minValue(0, "Points can't be negative.")];

/** The API keeps shares (0.6); people edit percentages (60). */
export const toPercent = (value: unknown) => (value == null || value === '' ? '' : String(Math.round(Number(value) * 1000) / 10));
export const fromPercent = (value: unknown) => (value == null || value === '' ? null : Number(value) / 100);
export const percentRange = [minValue(0, 'Enter a percentage from 0 to 100.'), maxValue(1, 'Enter a percentage from 0 to 100.')];

/** The school's settings (GET /settings/1) on a new mission: blank point rules and thresholds take these. */
export type SchoolDefaults = Record<string, unknown> | undefined;

/** "School default: 10" on a new mission (what a blank input becomes); nothing when editing one. */
const defaultHelp = (defaults: SchoolDefaults | null, source: string, show: (v: unknown) => string = String) => {
  if (defaults === null) return undefined;
  const value = defaults?.[source];
  return value == null ? "Blank: the school's default" : `School default: ${show(value)}`;
};

const PointInput = ({ source, label, defaults }: { source: string; label: string; defaults: SchoolDefaults | null }) => (
  <Grid size={{ xs: 6, sm: 3 }}>
    <NumberInput source={source} label={label} min={0} step={1} validate={points} helperText={defaultHelp(defaults, source)} fullWidth />
  </Grid>
);

const percentText = (value: unknown) => `${toPercent(value)}%`;

/**
 * Inputs shared by MissionCreate and MissionEdit. On a new mission (`schoolDefaults` given, possibly still loading)
 * the point rules and thresholds may stay blank: the database fills them from the settings.
 */
export const MissionInputs = ({ schoolDefaults = null }: { schoolDefaults?: SchoolDefaults | null }) => (
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
      <Grid size={12}>
        <TextInput
          source="guidelines_md"
          label="Guidelines for students"
          multiline
          minRows={6}
          validate={maxLength(20000, 'The guidelines are too long (20,000 characters at most).')}
          helperText="Markdown: **bold**, *italic*, - lists, [links](https://…), ## headings. Shown to the mission's students in the portal."
          slotProps={{ htmlInput: { style: { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: '0.9rem' } } }}
          fullWidth
        />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <SelectInput source="status" label="State" choices={stateChoices('upcoming')} format={stateOf('upcoming')} defaultValue="upcoming" helperText="Upcoming, active or completed by its dates, unless archived or cancelled." fullWidth />
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
        {schoolDefaults !== null && (
          <Typography variant="body2" color="text.secondary">
            Left blank, each takes the school's default from the settings.
          </Typography>
        )}
      </Grid>
      <PointInput source="points_attendance" label="Daily attendance" defaults={schoolDefaults} />
      <PointInput source="points_meeting" label="Meeting" defaults={schoolDefaults} />
      <PointInput source="points_on_time" label="On-time submission" defaults={schoolDefaults} />
      <PointInput source="points_late" label="Late submission" defaults={schoolDefaults} />
      <Grid size={12}>
        <Typography variant="subtitle2" component="h3" sx={{ mt: 1 }}>
          Risk thresholds
        </Typography>
        <Typography variant="body2" color="text.secondary">
          A student is at risk in this mission for each rule they break (one: medium, two or more: high). The low-performer report
          and the call lists use these. Left blank on a new mission, each takes the school's default.
        </Typography>
      </Grid>
      <RiskThresholdInputs
        helperFor={(source) => defaultHelp(schoolDefaults, source, source === 'risk_missed_assignments' ? String : percentText)}
      />
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
  'risk_attendance_rate',
  'risk_missed_assignments',
  'risk_progress',
  'guidelines_md',
];

/** Text fields the API keeps as '' when empty (the others are left out when blank). */
const TEXT_FIELDS = ['description', 'guidelines_md'];

/** Only the writable fields are sent; empty optional numbers are left out, an empty description or guidelines is ''. */
export const pickMissionFields = (data: Record<string, unknown>) =>
  Object.fromEntries(
    MISSION_FIELDS.filter((k) => k in data)
      .map((k) => [
        k,
        typeof data[k] === 'string' ? (data[k] as string).trim() : TEXT_FIELDS.includes(k) && data[k] == null ? '' : data[k],
      ])
      .filter(([k, v]) => TEXT_FIELDS.includes(k as string) || (v !== null && v !== ''))
  );
