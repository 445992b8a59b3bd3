import { Box, Grid, Typography } from '@mui/material';
import { FormDataConsumer, NumberInput, TextInput, maxLength, minValue, regex, required, useGetOne } from 'react-admin';
import { MissionInput } from '../common/ReferenceInputs';

const points = [minValue(0, "Points can't be negative.")];

/** The chosen mission's time zone (the batch's) and its point rules, beside the deadline and points. */
const useMission = (missionId: unknown) =>
  useGetOne('missions', { id: missionId as string }, { enabled: missionId != null && missionId !== '' }).data;

const DeadlineInput = ({ missionId }: { missionId: unknown }) => {
  const mission = useMission(missionId);
  return (
    <TextInput
      source="deadline_local"
      label={mission?.timezone ? `Deadline (${mission.timezone})` : 'Deadline'}
      type="datetime-local"
      validate={[
        required('Choose the deadline.'),
        regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'Give the date and the time.'),
      ]}
      helperText={
        mission?.timezone
          ? `In the batch's time zone, ${mission.timezone}: what students see.`
          : "In the batch's time zone (choose the mission first)."
      }
      slotProps={{ inputLabel: { shrink: true } }}
      fullWidth
    />
  );
};

const PointsInputs = ({ missionId }: { missionId: unknown }) => {
  const mission = useMission(missionId);
  const rule = (value: unknown) => (mission ? `Blank: the mission's rule (${value ?? 0}).` : "Blank: the mission's rule.");
  return (
    <>
      <Grid size={{ xs: 6, sm: 4 }}>
        <NumberInput source="points_on_time" label="Points on time" min={0} step={1} validate={points} helperText={rule(mission?.points_on_time)} fullWidth />
      </Grid>
      <Grid size={{ xs: 6, sm: 4 }}>
        <NumberInput source="points_late" label="Points late" min={0} step={1} validate={points} helperText={rule(mission?.points_late)} fullWidth />
      </Grid>
    </>
  );
};

/** Inputs shared by AssignmentCreate and AssignmentEdit. */
export const AssignmentInputs = () => (
  <Box sx={{ width: '100%', maxWidth: 720 }}>
    <FormDataConsumer>
      {({ formData }) => (
        <Grid container columnSpacing={2}>
          <Grid size={12}>
            <MissionInput validate={required('Choose the mission.')} fullWidth />
          </Grid>
          <Grid size={{ xs: 12, sm: 3 }}>
            <NumberInput source="number" label="Number" min={1} step={1} validate={[required('Give the number.'), minValue(1, 'Number starts at 1.')]} fullWidth />
          </Grid>
          <Grid size={{ xs: 12, sm: 9 }}>
            <TextInput source="title" label="Title" validate={[required('Enter a title.'), maxLength(200)]} fullWidth />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <DeadlineInput missionId={formData.mission_id} />
          </Grid>
          <Grid size={12}>
            <Typography variant="subtitle2" component="h3" sx={{ mt: 1 }}>
              Points
            </Typography>
          </Grid>
          <PointsInputs missionId={formData.mission_id} />
        </Grid>
      )}
    </FormDataConsumer>
  </Box>
);

/** Only the writable fields; the deadline goes as the batch's local time; blank points = the mission's rule. */
export const pickAssignmentFields = (data: Record<string, unknown>) => {
  const blankToNull = (v: unknown) => (v === '' || v == null ? null : Number(v));
  return {
    mission_id: data.mission_id,
    number: Number(data.number),
    title: String(data.title ?? '').trim(),
    deadline_local: String(data.deadline_local ?? '').slice(0, 16),
    points_on_time: blankToNull(data.points_on_time),
    points_late: blankToNull(data.points_late),
  };
};
