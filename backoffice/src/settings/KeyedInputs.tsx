import { useState } from 'react';
import {
  Box,
  Button as MuiButton,
  FormHelperText,
  IconButton,
  Paper,
  Stack,
  Switch,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutline';
import { useInput } from 'react-admin';

/** The API's rule for flag and template names. */
const NAME = /^[A-Za-z][\w.-]{0,63}$/;
const NAME_HELP = 'Letters, digits, dot, dash or underscore, starting with a letter.';

const objectOf = <T,>(value: unknown): Record<string, T> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, T>) : {};

const without = <T,>(object: Record<string, T>, key: string) => Object.fromEntries(Object.entries(object).filter(([k]) => k !== key));

/** A name field and an "Add" button; the name must follow the API's rule and be new. */
const AddName = ({ label, button, existing, onAdd }: { label: string; button: string; existing: string[]; onAdd: (name: string) => void }) => {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = () => {
    const clean = name.trim();
    if (!NAME.test(clean)) return setError(clean ? NAME_HELP : `Type a name first. ${NAME_HELP}`);
    if (existing.includes(clean)) return setError(`"${clean}" is already there.`);
    onAdd(clean);
    setName('');
    setError(null);
  };
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }}>
      <TextField
        label={label}
        value={name}
        size="small"
        onChange={(e) => {
          setName(e.target.value);
          setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            add();
          }
        }}
        error={Boolean(error)}
        helperText={error ?? NAME_HELP}
        sx={{ flex: '1 1 220px', maxWidth: 360 }}
      />
      <MuiButton startIcon={<AddIcon />} onClick={add} sx={{ mt: 1 }}>
        {button}
      </MuiButton>
    </Stack>
  );
};

/** Feature flags ({name: true|false}) as a list of switches; names are added and removed, not renamed. */
export const FeatureFlagsInput = ({ source = 'feature_flags' }: { source?: string }) => {
  const { field } = useInput({ source });
  const flags = objectOf<boolean>(field.value);
  const names = Object.keys(flags);
  return (
    <Box sx={{ width: '100%' }}>
      {names.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          No feature flag yet.
        </Typography>
      ) : (
        <Paper variant="outlined" sx={{ mb: 1 }}>
          {names.map((name, i) => (
            <Stack
              key={name}
              direction="row"
              spacing={1}
              sx={{ alignItems: 'center', px: 1.5, py: 0.5, borderTop: i ? 1 : 0, borderColor: 'divider' }}
            >
              <Typography component="span" sx={{ flexGrow: 1, fontFamily: 'monospace', overflowWrap: 'anywhere', minWidth: 0 }}>
                {name}
              </Typography>
              <Typography variant="caption" color="text.secondary" sx={{ width: 24 }}>
                {flags[name] ? 'On' : 'Off'}
              </Typography>
              <Switch
                checked={Boolean(flags[name])}
                onChange={(e) => field.onChange({ ...flags, [name]: e.target.checked })}
                slotProps={{ input: { 'aria-label': `Feature ${name}` } }}
              />
              <Tooltip title={`Remove ${name}`}>
                <IconButton aria-label={`Remove flag ${name}`} onClick={() => field.onChange(without(flags, name))} size="small">
                  <DeleteIcon fontSize="small" />
                </IconButton>
              </Tooltip>
            </Stack>
          ))}
        </Paper>
      )}
      <AddName label="New flag" button="Add flag" existing={names} onAdd={(name) => field.onChange({ ...flags, [name]: true })} />
    </Box>
  );
};

type Template = { subject: string; text: string };

const validateTemplates = (value: unknown) => {
  const missing = Object.entries(objectOf<Template>(value)).find(([, t]) => !String(t?.subject ?? '').trim() || !String(t?.text ?? '').trim());
  return missing ? `The template "${missing[0]}" needs a subject and a text.` : undefined;
};

/** Email templates ({name: {subject, text}}): one card each, editable; names are added and removed. */
export const EmailTemplatesInput = ({ source = 'email_templates' }: { source?: string }) => {
  const { field, fieldState } = useInput({ source, validate: validateTemplates });
  const templates = objectOf<Template>(field.value);
  const names = Object.keys(templates);
  const change = (name: string, part: keyof Template, text: string) =>
    field.onChange({ ...templates, [name]: { ...templates[name], [part]: text } });
  return (
    <Box sx={{ width: '100%' }}>
      {names.length === 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          No email template yet.
        </Typography>
      )}
      <Stack spacing={1.5} sx={{ mb: names.length ? 1.5 : 0 }}>
        {names.map((name) => (
          <Paper key={name} variant="outlined" sx={{ p: 1.5 }}>
            <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
              <Typography component="h4" variant="subtitle2" sx={{ flexGrow: 1, fontFamily: 'monospace', overflowWrap: 'anywhere' }}>
                {name}
              </Typography>
              <Tooltip title={`Remove ${name}`}>
                <IconButton aria-label={`Remove template ${name}`} onClick={() => field.onChange(without(templates, name))} size="small">
                  <DeleteIcon fontSize="small" />
                </IconButton>
              </Tooltip>
            </Stack>
            <TextField
              label="Subject"
              value={templates[name]?.subject ?? ''}
              onChange={(e) => change(name, 'subject', e.target.value)}
              slotProps={{ htmlInput: { maxLength: 200 } }}
              fullWidth
            />
            <TextField
              label="Text"
              value={templates[name]?.text ?? ''}
              onChange={(e) => change(name, 'text', e.target.value)}
              multiline
              minRows={3}
              slotProps={{ htmlInput: { maxLength: 20000 } }}
              fullWidth
            />
          </Paper>
        ))}
      </Stack>
      {fieldState.error?.message && (
        <FormHelperText error sx={{ mb: 1 }}>
          {fieldState.error.message}
        </FormHelperText>
      )}
      <AddName
        label="New template"
        button="Add template"
        existing={names}
        onAdd={(name) => field.onChange({ ...templates, [name]: { subject: '', text: '' } })}
      />
    </Box>
  );
};
