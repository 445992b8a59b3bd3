import { useState } from 'react';
import {
  Alert,
  Box,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField,
  Typography,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import KeyIcon from '@mui/icons-material/Key';
import {
  AutocompleteInput,
  Form,
  NumberInput,
  ReferenceInput,
  SaveButton,
  TextInput,
  maxLength,
  maxValue,
  minValue,
  required,
  useNotify,
  useRefresh,
} from 'react-admin';
import { apiUrl } from '../config';
import { stickyActions } from '../common/dialogStyles';
import { errorMessage, fieldErrors } from '../common/errors';
import { formatDateTime } from '../common/format';
import { roleLabel } from '../common/roles';
import { useIsSmall } from '../common/useIsSmall';
import { httpClient } from '../providers/httpClient';
import { useMe } from '../providers/useMe';
import { CopyButton } from './CopyButton';
import { OPS_ROLES, mono } from '../ops/OpsParts';

interface NewKey {
  id: number;
  name: string;
  prefix: string;
  token: string;
  expires_at: string | null;
  user_id: number;
  message?: string;
}

const userLabel = (u: Record<string, unknown> | undefined) => (u ? `${u.name} <${u.email}> · ${roleLabel(String(u.role))}` : '');

/** Step 1: name, user (admins choose any active staff account; developers make keys for themselves), expiry. */
const KeyForm = ({ isAdmin, onCreated, onClose }: { isAdmin: boolean; onCreated: (key: NewKey) => void; onClose: () => void }) => {
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const submit = async (values: Record<string, unknown>) => {
    setBusy(true);
    try {
      const body: Record<string, unknown> = { name: String(values.name ?? '').trim() };
      if (isAdmin && values.user_id != null && values.user_id !== '') body.user_id = values.user_id;
      if (values.expires_in_days != null && values.expires_in_days !== '') body.expires_in_days = values.expires_in_days;
      const { json } = await httpClient(`${apiUrl}/api_keys`, { method: 'POST', body: JSON.stringify(body) });
      onCreated(json as NewKey);
      return undefined;
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
      return fieldErrors(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form onSubmit={submit} defaultValues={{ name: '', user_id: null, expires_in_days: null }}>
      <DialogTitle id="new-key-title">New API key</DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          A key acts as its user, with that user's current role, for scripts and integrations (sent as{' '}
          <Box component="code" sx={mono}>
            Authorization: Bearer smsk_…
          </Box>
          ).
        </Typography>
        <TextInput
          source="name"
          label="Name"
          validate={[required('Name the key after what will use it.'), maxLength(100, 'The name is too long (100 characters at most).')]}
          helperText="What will use it, e.g. “Nightly export”."
          fullWidth
        />
        {isAdmin ? (
          <ReferenceInput source="user_id" reference="users" filter={{ role_neq: 'student', status: 'active' }} sort={{ field: 'name', order: 'ASC' }}>
            <AutocompleteInput
              label="Acts as"
              optionText={userLabel}
              filterToQuery={(q) => ({ q })}
              helperText="Any active staff account. Blank: yourself."
              fullWidth
            />
          </ReferenceInput>
        ) : (
          <Typography variant="body2" sx={{ my: 1 }}>
            The key acts as you. An admin makes keys for other accounts.
          </Typography>
        )}
        <NumberInput
          source="expires_in_days"
          label="Expires after (days)"
          min={1}
          max={3650}
          step={1}
          validate={[minValue(1, 'A key lasts at least a day.'), maxValue(3650, 'A key lasts at most ten years.')]}
          helperText="Blank: never expires (revoke it when no longer needed)."
          fullWidth
        />
      </DialogContent>
      <DialogActions sx={stickyActions}>
        <MuiButton onClick={onClose} disabled={busy}>
          Cancel
        </MuiButton>
        <SaveButton label="Create key" icon={<KeyIcon />} disabled={busy} alwaysEnable={!busy} />
      </DialogActions>
    </Form>
  );
};

/** Step 2: the token, shown once, with a copy button. */
const ShowToken = ({ created, onClose }: { created: NewKey; onClose: () => void }) => (
  <>
    <DialogTitle id="new-key-title">{`Key “${created.name}” created`}</DialogTitle>
    <DialogContent>
      <Alert severity="warning" sx={{ mb: 2 }}>
        <strong>Copy the key now: it is not shown again.</strong> Only its prefix is kept; if it is lost, revoke it and make a new
        one. Keep it out of code and chat: anyone holding it acts as its user.
      </Alert>
      <TextField
        label="API key"
        value={created.token}
        fullWidth
        multiline
        slotProps={{ input: { readOnly: true, sx: mono }, htmlInput: { 'data-testid': 'new-api-key' } }}
        onFocus={(e) => e.target.select()}
      />
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center', mt: 1 }}>
        <CopyButton text={created.token} label="Copy key" variant="contained" />
        <Typography variant="body2" color="text.secondary">
          {created.expires_at ? `Expires ${formatDateTime(created.expires_at)}.` : 'Never expires.'}
        </Typography>
      </Box>
    </DialogContent>
    <DialogActions sx={stickyActions}>
      <MuiButton onClick={onClose} variant="outlined">
        I have copied it
      </MuiButton>
    </DialogActions>
  </>
);

/** "New API key" (admins and developers): the form, then the key shown once. */
export const NewApiKeyButton = () => {
  const me = useMe();
  const isSmall = useIsSmall();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<NewKey | null>(null);
  if (!me || !OPS_ROLES.includes(me.role)) return null;
  const close = () => {
    setOpen(false);
    setCreated(null);
    refresh();
  };
  return (
    <>
      <MuiButton size="small" startIcon={<AddIcon />} onClick={() => setOpen(true)}>
        New API key
      </MuiButton>
      <Dialog
        open={open}
        // The token must not vanish on a stray click: only the buttons close the dialog once it is shown.
        onClose={created ? undefined : () => setOpen(false)}
        fullWidth
        maxWidth="sm"
        fullScreen={isSmall}
        aria-labelledby="new-key-title"
      >
        {created ? (
          <ShowToken created={created} onClose={close} />
        ) : (
          <KeyForm isAdmin={me.role === 'admin'} onCreated={setCreated} onClose={() => setOpen(false)} />
        )}
      </Dialog>
    </>
  );
};
