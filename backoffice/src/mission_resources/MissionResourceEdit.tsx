import { Box, Grid, Typography } from '@mui/material';
import { Edit, NumberInput, SimpleForm, TextInput, useRecordContext, type RaRecord } from 'react-admin';
import { descriptionValidator, positionValidator, titleValidator, urlValidator } from './MissionResources';
import { resourceTarget } from './ResourceParts';

export const MissionResourceTitle = () => {
  const record = useRecordContext();
  return <span>{record ? `Resource: ${record.title}` : 'Resource'}</span>;
};

/** Only what may change: title, description, position, and a link's address (a file is replaced by a new upload). */
const pickFields = (data: RaRecord) => {
  const out: Record<string, unknown> = {
    title: String(data.title ?? '').trim(),
    description: String(data.description ?? '').trim(),
  };
  if (data.position != null && data.position !== '') out.position = data.position;
  if (data.kind === 'link') out.url = String(data.url ?? '').trim();
  return out;
};

const Inputs = () => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Box sx={{ width: '100%', maxWidth: 720 }}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {`${record.mission_code ?? 'Mission'} · ${record.kind === 'file' ? `file ${resourceTarget(record)}` : 'link'}`}
      </Typography>
      <Grid container columnSpacing={2}>
        <Grid size={12}>
          <TextInput source="title" label="Title" validate={titleValidator} fullWidth />
        </Grid>
        {record.kind === 'link' && (
          <Grid size={12}>
            <TextInput source="url" label="Link" type="url" validate={urlValidator} fullWidth />
          </Grid>
        )}
        <Grid size={12}>
          <TextInput source="description" label="Description" multiline minRows={2} validate={descriptionValidator} fullWidth />
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <NumberInput source="position" label="Position" min={0} step={1} validate={positionValidator} helperText="Lower first" fullWidth />
        </Grid>
      </Grid>
      {record.kind === 'file' && (
        <Typography variant="caption" color="text.secondary" component="p">
          To replace the file, upload the new one from the mission's Resources tab and delete this one.
        </Typography>
      )}
    </Box>
  );
};

/** Back to the mission's Resources tab after saving. */
const backToMission = (_resource?: string, _id?: unknown, data?: Partial<RaRecord>) =>
  data?.mission_id ? `missions/${data.mission_id}/show?tab=resources` : 'mission_resources';

export const MissionResourceEdit = () => (
  <Edit title={<MissionResourceTitle />} mutationMode="pessimistic" transform={pickFields} redirect={backToMission}>
    <SimpleForm>
      <Inputs />
    </SimpleForm>
  </Edit>
);
