import { useMemo, useState } from 'react';
import { Box, Grid } from '@mui/material';
import { AutocompleteArrayInput, BooleanInput, TextInput, maxLength, regex, required, type RaRecord } from 'react-admin';
import { useApiGet } from '../ops/OpsParts';

/** The API's rule for resource and action names. */
const NAME = /^[a-z][a-z0-9_]{0,62}$/;

/** Actions the API writes to the audit log (and so can send); others can be typed. */
const KNOWN_ACTIONS = ['create', 'update', 'delete', 'erase', 'export', 'ban', 'restrict', 'lift', 'acknowledge', 'recompute_points', 'retry', 'login', 'logout'];

const namesRule = (what: string) => (value: unknown) =>
  Array.isArray(value) && value.some((v) => !NAME.test(String(v))) ? `${what} are lower-case names like daily_attendance.` : undefined;

/** A chips input of names: the known ones to pick from, and any other typed (checked against the API's rule). */
const NamesInput = ({ source, label, known, helperText }: { source: string; label: string; known: string[]; helperText: string }) => {
  const [extra, setExtra] = useState<string[]>([]);
  const choices = useMemo(() => [...new Set([...known, ...extra])].map((id) => ({ id, name: id })), [known, extra]);
  return (
    <AutocompleteArrayInput
      source={source}
      label={label}
      choices={choices}
      validate={namesRule(label)}
      helperText={helperText}
      onCreate={(filter?: string) => {
        const name = String(filter ?? '').trim().toLowerCase();
        if (!NAME.test(name)) return undefined;
        setExtra((names) => [...names, name]);
        return { id: name, name };
      }}
      createItemLabel={(filter: string) => `Add “${filter}”`}
      fullWidth
    />
  );
};

const urlValidator = [
  required('Give the address to POST to.'),
  regex(/^https?:\/\/\S+$/i, 'The address starts with https:// (or http://).'),
  maxLength(2000, 'The address is too long.'),
];

/** Inputs shared by WebhookCreate and WebhookEdit. */
export const WebhookInputs = () => {
  const rbac = useApiGet<{ resources: { resource: string }[] }>('/ops/rbac');
  const resources = useMemo(() => (rbac.data?.resources ?? []).map((r) => r.resource).sort(), [rbac.data]);
  return (
    <Box sx={{ width: '100%', maxWidth: 720 }}>
      <Grid container columnSpacing={2}>
        <Grid size={12}>
          <TextInput source="url" label="Address (URL)" type="url" validate={urlValidator} helperText="Each matching change is POSTed here as JSON." fullWidth />
        </Grid>
        <Grid size={12}>
          <TextInput source="description" label="Description" validate={maxLength(500, 'The description is too long (500 characters at most).')} fullWidth />
        </Grid>
        <Grid size={12}>
          <NamesInput source="resources" label="Resources" known={resources} helperText="Blank: every resource." />
        </Grid>
        <Grid size={12}>
          <NamesInput source="actions" label="Actions" known={KNOWN_ACTIONS} helperText="Blank: every action (create, update, delete…)." />
        </Grid>
        <Grid size={12}>
          <BooleanInput source="active" label="Active (sends deliveries)" />
        </Grid>
      </Grid>
    </Box>
  );
};

const FIELDS = ['url', 'description', 'resources', 'actions', 'active'];

/** Only the writable fields (the secret and stamps are the API's). */
export const pickWebhookFields = (data: RaRecord | Record<string, unknown>) =>
  Object.fromEntries(
    FIELDS.filter((k) => k in data).map((k) => [
      k,
      typeof data[k] === 'string' ? (data[k] as string).trim() : k === 'resources' || k === 'actions' ? data[k] ?? [] : data[k],
    ])
  );
