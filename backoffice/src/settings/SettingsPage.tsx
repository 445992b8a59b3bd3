import type { ReactNode } from 'react';
import { Alert, Box, Chip, Grid, Stack, Typography } from '@mui/material';
import {
  AutocompleteInput,
  Edit,
  NumberInput,
  Show,
  SimpleForm,
  TextInput,
  maxLength,
  minValue,
  required,
  useNotify,
  useRecordContext,
} from 'react-admin';
import { formatDateTime, formatPercent } from '../common/format';
import { LabeledValue } from '../common/LabeledValue';
import { timezoneChoices } from '../common/timezones';
import { RiskThresholdInputs } from '../missions/RiskThresholdInputs';
import { can } from '../providers/permissions';
import { useMe } from '../providers/useMe';
import { EmailTemplatesInput, FeatureFlagsInput } from './KeyedInputs';

/** The fields an admin may change (PUT /settings/1). */
export const SETTINGS_FIELDS = [
  'school_name',
  'default_timezone',
  'points_attendance',
  'points_meeting',
  'points_on_time',
  'points_late',
  'risk_attendance_rate',
  'risk_missed_assignments',
  'risk_progress',
  'feature_flags',
  'email_templates',
] as const;

const pickSettings = (data: Record<string, unknown>) =>
  Object.fromEntries(SETTINGS_FIELDS.filter((k) => k in data).map((k) => [k, typeof data[k] === 'string' ? (data[k] as string).trim() : data[k]]));

const POINT_FIELDS = [
  ['points_attendance', 'Daily attendance'],
  ['points_meeting', 'Meeting'],
  ['points_on_time', 'On-time submission'],
  ['points_late', 'Late submission'],
] as const;

const Heading = ({ children, help }: { children: ReactNode; help?: ReactNode }) => (
  <Grid size={12}>
    <Typography variant="subtitle1" component="h2" sx={{ mt: 2 }}>
      {children}
    </Typography>
    {help && (
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {help}
      </Typography>
    )}
  </Grid>
);

const DEFAULTS_HELP = 'New missions take these unless they are given their own; changing them does not touch existing missions.';
const points = [required('Enter a number of points (0 or more).'), minValue(0, "Points can't be negative.")];

const LastChanged = () => {
  const record = useRecordContext();
  return record?.updated_at ? (
    <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
      {`Last changed ${formatDateTime(record.updated_at)}.`}
    </Typography>
  ) : null;
};

/** The admin's form. */
const SettingsInputs = () => (
  <Box sx={{ width: '100%', maxWidth: 760 }}>
    <LastChanged />
    <Grid container columnSpacing={2}>
      <Heading>School</Heading>
      <Grid size={{ xs: 12, sm: 6 }}>
        <TextInput source="school_name" label="School name" validate={[required('The school name is required.'), maxLength(200)]} fullWidth />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <AutocompleteInput
          source="default_timezone"
          label="Default time zone"
          choices={timezoneChoices}
          validate={required('Choose a time zone.')}
          helperText="New batches created without a time zone take this one."
          fullWidth
        />
      </Grid>
      <Heading help={DEFAULTS_HELP}>Point rules for new missions</Heading>
      {POINT_FIELDS.map(([source, label]) => (
        <Grid key={source} size={{ xs: 6, sm: 3 }}>
          <NumberInput source={source} label={label} min={0} step={1} validate={points} fullWidth />
        </Grid>
      ))}
      <Heading help={DEFAULTS_HELP}>Risk thresholds for new missions</Heading>
      <RiskThresholdInputs required />
      <Heading help="On/off switches read by the apps.">Feature flags</Heading>
      <Grid size={12}>
        <FeatureFlagsInput />
      </Grid>
      <Heading help="Stored for the mailer by name (not used by it yet).">Email templates</Heading>
      <Grid size={12}>
        <EmailTemplatesInput />
      </Grid>
    </Grid>
  </Box>
);

const SettingsEdit = () => {
  const notify = useNotify();
  return (
    <Edit
      resource="settings"
      id={1}
      title="Settings"
      actions={false}
      mutationMode="pessimistic"
      redirect={false}
      transform={pickSettings}
      mutationOptions={{
        onSuccess: () =>
          notify('Settings saved. New batches and missions take these defaults; existing ones keep theirs.', { type: 'success' }),
      }}
    >
      <SimpleForm>
        <SettingsInputs />
      </SimpleForm>
    </Edit>
  );
};

/** What staff other than admins see. */
const SettingsView = () => {
  const record = useRecordContext();
  if (!record) return null;
  const flags = Object.entries((record.feature_flags ?? {}) as Record<string, boolean>);
  const templates = Object.entries((record.email_templates ?? {}) as Record<string, { subject?: string }>);
  return (
    <Box sx={{ p: 2 }}>
      <Alert severity="info" sx={{ mb: 2 }}>
        Only admins change the settings.
      </Alert>
      <LastChanged />
      <Grid container spacing={2}>
        <LabeledValue label="School name" size={{ xs: 12, sm: 6 }}>
          {String(record.school_name ?? '')}
        </LabeledValue>
        <LabeledValue label="Default time zone" size={{ xs: 12, sm: 6 }}>
          {String(record.default_timezone ?? '')}
        </LabeledValue>
        {POINT_FIELDS.map(([source, label]) => (
          <LabeledValue key={source} label={`Points: ${label.toLowerCase()}`}>
            {String(record[source] ?? '')}
          </LabeledValue>
        ))}
        <LabeledValue label="At risk: attendance below">{formatPercent(record.risk_attendance_rate)}</LabeledValue>
        <LabeledValue label="At risk: missed assignments">{`${record.risk_missed_assignments ?? ''} or more`}</LabeledValue>
        <LabeledValue label="At risk: progress below">{formatPercent(record.risk_progress)}</LabeledValue>
        <LabeledValue label="Feature flags" size={12}>
          {flags.length ? (
            <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
              {flags.map(([name, on]) => (
                <Chip key={name} size="small" label={`${name}: ${on ? 'on' : 'off'}`} color={on ? 'success' : 'default'} variant={on ? 'filled' : 'outlined'} />
              ))}
            </Stack>
          ) : (
            'None'
          )}
        </LabeledValue>
        <LabeledValue label="Email templates" size={12}>
          {templates.length ? (
            <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
              {templates.map(([name, t]) => (
                <li key={name}>
                  <Box component="span" sx={{ fontFamily: 'monospace' }}>
                    {name}
                  </Box>
                  {`: ${t?.subject ?? ''}`}
                </li>
              ))}
            </Box>
          ) : (
            'None'
          )}
        </LabeledValue>
      </Grid>
    </Box>
  );
};

/**
 * The school's settings (the one `settings` row, id 1): admins edit them, other staff read them. New batches take the
 * default time zone and new missions the point rules and risk thresholds (the database fills them in).
 */
export const SettingsPage = () => {
  const me = useMe();
  if (can(me?.permissions, 'settings', 'update')) return <SettingsEdit />;
  return (
    <Show resource="settings" id={1} title="Settings" actions={false}>
      <SettingsView />
    </Show>
  );
};
