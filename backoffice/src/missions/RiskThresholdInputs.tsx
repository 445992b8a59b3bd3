import { Grid } from '@mui/material';
import { NumberInput, minValue, required } from 'react-admin';
import { fromPercent, percentRange, toPercent } from './MissionInputs';

export type RiskSource = 'risk_attendance_rate' | 'risk_missed_assignments' | 'risk_progress';

const WHAT: Record<RiskSource, string> = {
  risk_attendance_rate: 'Share of days attended since joining.',
  risk_missed_assignments: 'Assignments past their deadline with no submission.',
  risk_progress: 'Points earned out of the points possible so far.',
};

/**
 * The three risk thresholds, shared by a mission's form and the school's defaults in the settings. `required`:
 * the settings always hold a value; a new mission may leave them to the school defaults (`helperFor` says which).
 */
export function RiskThresholdInputs({ required: isRequired = false, helperFor }: { required?: boolean; helperFor?: (source: RiskSource) => string | undefined }) {
  const help = (source: RiskSource) => helperFor?.(source) ?? WHAT[source];
  const percent = isRequired ? [required('Enter a percentage from 0 to 100.'), ...percentRange] : percentRange;
  const atLeastOne = minValue(1, 'Missed assignments must be at least 1.');
  const percentInput = (source: 'risk_attendance_rate' | 'risk_progress', label: string) => (
    <Grid size={{ xs: 12, sm: 4 }}>
      <NumberInput source={source} label={label} min={0} max={100} step={5} format={toPercent} parse={fromPercent} validate={percent} helperText={help(source)} fullWidth />
    </Grid>
  );
  return (
    <>
      {percentInput('risk_attendance_rate', 'Attendance below (%)')}
      <Grid size={{ xs: 12, sm: 4 }}>
        <NumberInput
          source="risk_missed_assignments"
          label="Missed assignments (at least)"
          min={1}
          step={1}
          validate={isRequired ? [required('Enter a number (1 or more).'), atLeastOne] : atLeastOne}
          helperText={help('risk_missed_assignments')}
          fullWidth
        />
      </Grid>
      {percentInput('risk_progress', 'Progress below (%)')}
    </>
  );
}
