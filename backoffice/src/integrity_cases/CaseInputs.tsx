import { Box, Grid } from '@mui/material';
import { RadioButtonGroupInput, TextInput, maxLength, required } from 'react-admin';
import { CASE_KIND_CHOICES } from '../common/choices';
import { LinkListInput, cleanLinks } from '../common/LinkListInput';
import { MissionInput, StudentInput } from '../common/ReferenceInputs';

/** Inputs shared by CaseCreate and CaseEdit (the student is chosen once, when the case is opened). */
export const CaseInputs = ({ mode }: { mode: 'create' | 'edit' }) => (
  <Box sx={{ width: '100%', maxWidth: 720 }}>
    <Grid container columnSpacing={2}>
      {mode === 'create' && (
        <Grid size={12}>
          <StudentInput validate={required('Choose the student.')} helperText="Search by name or email." fullWidth />
        </Grid>
      )}
      <Grid size={12}>
        <MissionInput label="Mission (optional)" helperText="Where it happened, if in a mission." fullWidth />
      </Grid>
      <Grid size={12}>
        <RadioButtonGroupInput source="kind" label="Kind" choices={CASE_KIND_CHOICES} validate={required('Choose the kind.')} />
      </Grid>
      <Grid size={12}>
        <TextInput
          source="description"
          label="What happened"
          multiline
          minRows={4}
          validate={[required('Describe what happened.'), maxLength(10000)]}
          helperText="Facts, dates and what was compared. The student can read the case."
          fullWidth
        />
      </Grid>
      <Grid size={12}>
        <LinkListInput source="evidence_links" label="Evidence links" helperText="Up to 20 links (diffs, screenshots, reports)." />
      </Grid>
    </Grid>
  </Box>
);

/** The writable fields, trimmed; empty evidence rows dropped; no mission = null. */
export const pickCaseFields = (data: Record<string, unknown>) => {
  const out: Record<string, unknown> = {
    mission_id: data.mission_id || null,
    kind: data.kind,
    description: String(data.description ?? '').trim(),
    evidence_links: cleanLinks(data.evidence_links),
  };
  if (data.student_id != null && !('id' in data)) out.student_id = data.student_id;
  return out;
};
