import { useState } from 'react';
import { Alert, Box, Button as MuiButton, Chip, Grid, LinearProgress, Paper, Stack, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import AddLinkIcon from '@mui/icons-material/AddLink';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import UploadIcon from '@mui/icons-material/Upload';
import {
  DataTable,
  Form,
  NumberInput,
  RecordContextProvider,
  ReferenceManyField,
  SaveButton,
  TextInput,
  maxLength,
  minValue,
  regex,
  required,
  useListContext,
  useNotify,
  useRecordContext,
  useRefresh,
} from 'react-admin';
import { CompactPagination } from '../common/CompactPagination';
import { errorMessage } from '../common/errors';
import { FormPanel } from '../common/FormPanel';
import { None } from '../common/Section';
import { useCreateAndReset } from '../common/useCreateAndReset';
import { useIsSmall } from '../common/useIsSmall';
import { can } from '../providers/permissions';
import { useMe } from '../providers/useMe';
import { KIND_LABELS, KindChip, ResourceActions, TargetField, TitleWithDescription, resourceTarget } from './ResourceParts';
import { formatBytes, uploadMissionResource } from './upload';

export const titleValidator = [required('Give the resource a title.'), maxLength(200, 'The title is too long (200 characters at most).')];
export const descriptionValidator = maxLength(2000, 'The description is too long (2,000 characters at most).');
export const urlValidator = [
  required('Give the link (https://…).'),
  regex(/^https?:\/\/\S+$/i, 'A link starts with https:// (or http://).'),
  maxLength(2000, 'The link is too long.'),
];
export const positionValidator = minValue(0, 'Position is 0 or more.');

const empty = <None text="No resource for this mission yet." />;

/** Phones: one card per resource, with its buttons. */
const ResourceCards = () => {
  const { data, isPending } = useListContext();
  if (isPending) return <LinearProgress />;
  if (!data?.length) return empty;
  return (
    <Stack spacing={1}>
      {data.map((r) => (
        <RecordContextProvider key={r.id} value={r}>
          <Paper variant="outlined" sx={{ p: 1.5 }}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
              <Box sx={{ flexGrow: 1, minWidth: 0 }}>
                <TitleWithDescription />
              </Box>
              <Chip size="small" variant="outlined" label={KIND_LABELS[String(r.kind)] ?? String(r.kind)} />
            </Stack>
            <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5, overflowWrap: 'anywhere' }}>
              {resourceTarget(r)}
            </Typography>
            <Typography variant="caption" color="text.secondary" component="div">
              {`Added by ${r.creator_name ?? '—'} · position ${r.position ?? 0}`}
            </Typography>
            <Box sx={{ mt: 0.5 }}>
              <ResourceActions />
            </Box>
          </Paper>
        </RecordContextProvider>
      ))}
    </Stack>
  );
};

/** The mission's links and files (position order), and for those who may add: the "Add a resource" panel. */
export const MissionResources = () => {
  const record = useRecordContext();
  const isSmall = useIsSmall();
  const me = useMe();
  if (!record) return null;
  const canCreate = can(me?.permissions, 'mission_resources', 'create');
  return (
    <Box sx={{ p: 2 }}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        Links and files for the mission's students (restricted, banned and delisted students can't open them).
      </Typography>
      <ReferenceManyField
        reference="mission_resources"
        target="mission_id"
        sort={{ field: 'position', order: 'ASC' }}
        perPage={50}
        pagination={<CompactPagination />}
      >
        {isSmall ? (
          <ResourceCards />
        ) : (
          <DataTable bulkActionButtons={false} rowClick={false} empty={empty}>
            <DataTable.NumberCol source="position" label="#" />
            <DataTable.Col source="title" label="Title">
              <TitleWithDescription />
            </DataTable.Col>
            <DataTable.Col source="kind" label="Kind" disableSort>
              <KindChip />
            </DataTable.Col>
            <DataTable.Col source="url" label="File or link" disableSort>
              <TargetField />
            </DataTable.Col>
            <DataTable.Col source="creator_name" label="Added by" disableSort />
            <DataTable.Col label="" disableSort align="right">
              <ResourceActions />
            </DataTable.Col>
          </DataTable>
        )}
      </ReferenceManyField>
      {canCreate && <AddResource missionId={record.id} />}
    </Box>
  );
};

/** Only the fields a new link sends; an empty position is left to the API (0). */
const linkData = (values: Record<string, unknown>, missionId: unknown) => ({
  mission_id: missionId,
  title: String(values.title ?? '').trim(),
  url: String(values.url ?? '').trim(),
  description: String(values.description ?? '').trim(),
  ...(values.position != null && values.position !== '' ? { position: values.position } : {}),
});

const AddLinkForm = ({ missionId }: { missionId: number | string }) => {
  const { save, isPending, formKey } = useCreateAndReset('mission_resources');
  return (
    // record={{}}: a new link, not the mission whose page this is (a form takes its record context's values).
    <Form
      key={formKey}
      record={{}}
      onSubmit={(values: Record<string, unknown>) => save(linkData(values, missionId), 'Link added.')}
      defaultValues={{ title: '', url: '', description: '', position: null }}
    >
      <Grid container columnSpacing={2}>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextInput source="title" label="Title" validate={titleValidator} fullWidth />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextInput source="url" label="Link" type="url" validate={urlValidator} helperText="https://…" fullWidth />
        </Grid>
        <Grid size={{ xs: 12, sm: 9 }}>
          <TextInput source="description" label="Description (optional)" multiline minRows={2} validate={descriptionValidator} fullWidth />
        </Grid>
        <Grid size={{ xs: 12, sm: 3 }}>
          <NumberInput source="position" label="Position" min={0} step={1} validate={positionValidator} helperText="Lower first" fullWidth />
        </Grid>
      </Grid>
      <SaveButton label="Add link" icon={<AddLinkIcon />} disabled={isPending} alwaysEnable />
    </Form>
  );
};

/**
 * A file upload: the file chooser (a chosen file fills an empty title with its name without the extension), title,
 * description. Plain state rather than a react-admin form: the file itself is no form value.
 */
const UploadForm = ({ missionId }: { missionId: number | string }) => {
  const notify = useNotify();
  const refresh = useRefresh();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [titleError, setTitleError] = useState<string | null>(null);

  const choose = (chosen: File | null) => {
    setFile(chosen);
    setProblem(null);
    if (chosen && !title.trim()) {
      setTitle(chosen.name.replace(/\.[^.]+$/, '') || chosen.name);
      setTitleError(null);
    }
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const cleanTitle = title.trim();
    if (!cleanTitle) return setTitleError('Give the resource a title.');
    if (cleanTitle.length > 200) return setTitleError('The title is too long (200 characters at most).');
    if (!file) return setProblem('Choose a file to upload.');
    setBusy(true);
    try {
      await uploadMissionResource({ missionId, title: cleanTitle, description: description.trim(), file });
      notify(`"${file.name}" uploaded.`, { type: 'success' });
      setFile(null);
      setTitle('');
      setDescription('');
      refresh();
    } catch (error) {
      const message = errorMessage(error);
      setProblem(message);
      notify(message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box component="form" onSubmit={submit} noValidate aria-label="Upload a file">
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
        <MuiButton variant="outlined" component="label" startIcon={<AttachFileIcon />} disabled={busy}>
          Choose a file
          <input
            type="file"
            hidden
            aria-label="File to upload"
            onChange={(e) => {
              choose(e.target.files?.[0] ?? null);
              e.target.value = '';
            }}
          />
        </MuiButton>
        <Typography variant="body2" color={file ? 'text.primary' : 'text.secondary'} sx={{ overflowWrap: 'anywhere', minWidth: 0 }}>
          {file ? `${file.name} · ${formatBytes(file.size) || '0 B'}` : 'No file chosen'}
        </Typography>
      </Stack>
      <Grid container columnSpacing={2}>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField
            label="Title"
            value={title}
            onChange={(e) => {
              setTitle(e.target.value);
              setTitleError(null);
            }}
            error={Boolean(titleError)}
            helperText={titleError ?? ' '}
            required
            fullWidth
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField
            label="Description (optional)"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            slotProps={{ htmlInput: { maxLength: 2000 } }}
            helperText=" "
            fullWidth
          />
        </Grid>
      </Grid>
      {problem && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {problem}
        </Alert>
      )}
      {busy && <LinearProgress sx={{ mb: 1 }} aria-label="Uploading" />}
      <MuiButton type="submit" variant="contained" startIcon={<UploadIcon />} disabled={busy}>
        Upload
      </MuiButton>
    </Box>
  );
};

/** "Add a resource": a link, or a file upload. */
const AddResource = ({ missionId }: { missionId: number | string }) => {
  const [kind, setKind] = useState<'link' | 'file'>('link');
  return (
    <FormPanel id="add-resource-heading" title="Add a resource" sx={{ mt: 2 }}>
      <ToggleButtonGroup
        exclusive
        size="small"
        value={kind}
        onChange={(_e, value) => value && setKind(value)}
        aria-label="Kind of resource"
        sx={{ mb: 2 }}
      >
        <ToggleButton value="link">Link</ToggleButton>
        <ToggleButton value="file">Upload a file</ToggleButton>
      </ToggleButtonGroup>
      {kind === 'link' ? <AddLinkForm missionId={missionId} /> : <UploadForm missionId={missionId} />}
    </FormPanel>
  );
};
