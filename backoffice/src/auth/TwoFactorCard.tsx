import { useCallback, useEffect, useState } from 'react';
import { Alert, Box, Button, Card, CardContent, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { HttpError, useNotify } from 'react-admin';
import { apiFetch } from '../providers/httpClient';
import { session } from '../providers/session';
import { ConfirmWithCode, EnrolForm, RecoveryCodes, type TwoFactorAnswer } from './TwoFactorForms';

interface Device {
  id: number;
  created_at: string;
  expires_at: string;
  last_used_at: string | null;
  user_agent: string | null;
}

interface Status {
  enabled: boolean;
  enabled_at: string | null;
  required: boolean;
  recovery_codes_left: number;
  devices: Device[];
}

type Mode = 'idle' | 'enrol' | 'codes' | 'disable' | 'new-codes';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : 'never');

/** /profile: two-factor sign-in — turn it on (or off, where the role allows), recovery codes, remembered devices. */
export const TwoFactorCard = () => {
  const notify = useNotify();
  const [status, setStatus] = useState<Status | null>(null);
  const [mode, setMode] = useState<Mode>('idle');
  const [codes, setCodes] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    apiFetch<Status>('/auth/2fa')
      .then(setStatus)
      .catch((e) => setError(e instanceof Error ? e.message : 'Could not load two-factor sign-in.'));
  }, []);
  useEffect(load, [load]);

  const showCodes = (answer: { recovery_codes?: string[]; user?: TwoFactorAnswer['user'] }) => {
    if (answer.user) session.patchMe({ two_factor: answer.user.two_factor });
    setCodes(answer.recovery_codes ?? []);
    setMode('codes');
    load();
  };

  const forget = async (id?: number) => {
    try {
      await apiFetch(id ? `/auth/2fa/devices/${id}` : '/auth/2fa/devices', { method: 'DELETE' });
      notify(id ? 'That device will ask for a code at its next sign-in.' : 'Every remembered device will ask for a code again.', { type: 'success' });
      load();
    } catch (e) {
      notify(e instanceof HttpError ? e.message : 'Could not forget the device.', { type: 'error' });
    }
  };

  return (
    <Card>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          Two-factor sign-in
        </Typography>
        {error && (
          <Alert severity="error" role="alert" sx={{ mb: 2 }}>
            {error}
          </Alert>
        )}
        {status && mode === 'idle' && (
          <Stack spacing={1.5} alignItems="flex-start">
            <Typography variant="body2">
              {status.enabled
                ? `On since ${when(status.enabled_at)}. ${status.recovery_codes_left} recovery code${status.recovery_codes_left === 1 ? '' : 's'} left.`
                : 'Off: you sign in with your password alone. Turn it on so a stolen password is not enough to get in.'}
              {status.required ? ' Your role requires it.' : ''}
            </Typography>
            {!status.enabled && (
              <Button variant="contained" onClick={() => setMode('enrol')}>
                Turn on two-factor sign-in
              </Button>
            )}
            {status.enabled && (
              <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap>
                <Button variant="outlined" onClick={() => setMode('new-codes')}>
                  New recovery codes
                </Button>
                {!status.required && (
                  <Button variant="outlined" color="error" onClick={() => setMode('disable')}>
                    Turn off
                  </Button>
                )}
              </Stack>
            )}
            {status.devices.length > 0 && (
              <Box sx={{ width: '100%' }}>
                <Typography variant="subtitle2" component="h3">
                  Remembered devices (no code asked for 30 days)
                </Typography>
                <List dense>
                  {status.devices.map((device) => (
                    <ListItem key={device.id} disableGutters secondaryAction={<Button onClick={() => void forget(device.id)}>Forget</Button>}>
                      <ListItemText
                        primary={(device.user_agent ?? 'Unknown browser').slice(0, 80)}
                        secondary={`Remembered ${when(device.created_at)}, last used ${when(device.last_used_at)}, until ${when(device.expires_at)}`}
                        sx={{ pr: 10 }}
                      />
                    </ListItem>
                  ))}
                </List>
                <Button size="small" onClick={() => void forget()}>
                  Forget all devices
                </Button>
              </Box>
            )}
          </Stack>
        )}
        {mode === 'enrol' && (
          <Box sx={{ maxWidth: 420 }}>
            <EnrolForm onEnabled={showCodes} footer={<Button sx={{ mt: 1 }} onClick={() => setMode('idle')}>Cancel</Button>} />
          </Box>
        )}
        {mode === 'codes' && (
          <Box sx={{ maxWidth: 420 }}>
            <RecoveryCodes codes={codes} onContinue={() => setMode('idle')} continueLabel="Done" />
          </Box>
        )}
        {mode === 'new-codes' && (
          <ConfirmWithCode<{ recovery_codes: string[] }> label="Make new recovery codes" path="/auth/2fa/recovery-codes" onDone={showCodes} onCancel={() => setMode('idle')} />
        )}
        {mode === 'disable' && (
          <ConfirmWithCode<{ message: string }>
            label="Turn off"
            path="/auth/2fa/disable"
            onDone={(answer) => {
              notify(answer.message, { type: 'success' });
              setMode('idle');
              load();
            }}
            onCancel={() => setMode('idle')}
          />
        )}
      </CardContent>
    </Card>
  );
};
