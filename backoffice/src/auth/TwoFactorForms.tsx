import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { Alert, Box, Button, Checkbox, CircularProgress, FormControlLabel, Stack, TextField, Typography } from '@mui/material';
import { HttpError } from 'react-admin';
import { apiFetch } from '../providers/httpClient';
import type { Me } from '../providers/session';

/** What the API answers when a step of two-factor sign-in succeeds. */
export interface TwoFactorAnswer {
  user: Me;
  csrfToken?: string;
  recovery_codes?: string[];
  message?: string;
}

interface Enrolment {
  secret: string;
  otpauth_url: string;
  qr_data_url: string;
}

/** The API's message for a failed step, and the one for the code field if it names it. */
function problemOf(error: unknown): { message: string; field?: string } {
  if (error instanceof HttpError) return { message: error.message, field: error.body?.details?.fields?.code };
  return { message: error instanceof Error ? error.message : 'Something went wrong. Please try again.' };
}

/** A code from the authenticator app (6 digits) or a recovery code. */
export const CodeField = ({ value, onChange, error, label = 'Code' }: { value: string; onChange: (value: string) => void; error?: string; label?: string }) => (
  <TextField
    label={label}
    value={value}
    onChange={(event) => onChange(event.target.value)}
    error={Boolean(error)}
    helperText={error ?? ' '}
    autoComplete="one-time-code"
    autoFocus
    fullWidth
    slotProps={{ htmlInput: { maxLength: 40, autoCapitalize: 'characters', spellCheck: false } }}
  />
);

/** A small form around a code: submit, busy state, the API's message above it. */
function useCodeForm<T>(send: (code: string) => Promise<T>, onDone: (answer: T) => void) {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ message: string; field?: string } | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!code.trim()) {
      setProblem({ message: 'Enter the code.', field: 'Enter the 6-digit code from your authenticator app.' });
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      onDone(await send(code.trim()));
    } catch (error) {
      setProblem(problemOf(error));
      setCode('');
    } finally {
      setBusy(false);
    }
  };
  return { code, setCode, busy, problem, submit };
}

const post = <T,>(path: string, body: unknown) => apiFetch<T>(path, { method: 'POST', body: JSON.stringify(body) });

/** The code step of a sign-in: an app code or a recovery code, and "remember this device". */
export const VerifyCodeForm = ({ onDone, footer }: { onDone: (answer: TwoFactorAnswer) => void; footer?: ReactNode }) => {
  const [remember, setRemember] = useState(false);
  const form = useCodeForm((code) => post<TwoFactorAnswer>('/auth/2fa/verify', { code, remember_device: remember }), onDone);
  return (
    <Box component="form" onSubmit={form.submit} noValidate>
      <Typography variant="body2" sx={{ mb: 2 }}>
        Enter the 6-digit code from your authenticator app. Lost your phone? Enter one of your recovery codes instead.
      </Typography>
      {form.problem && !form.problem.field && (
        <Alert severity="error" role="alert" sx={{ mb: 2 }}>
          {form.problem.message}
        </Alert>
      )}
      <CodeField value={form.code} onChange={form.setCode} error={form.problem?.field} label="Authentication code" />
      <FormControlLabel control={<Checkbox checked={remember} onChange={(event) => setRemember(event.target.checked)} />} label="Remember this device for 30 days" />
      <Button type="submit" variant="contained" fullWidth disabled={form.busy} sx={{ mt: 1 }}>
        {form.busy ? <CircularProgress size={22} thickness={3} aria-label="Checking the code" /> : 'Verify'}
      </Button>
      {footer}
    </Box>
  );
};

/** The key, in groups of four, to type into an app that can't scan. */
const groups = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

/**
 * Enrolment: a QR code (and the key as text) for an authenticator app, confirmed by its first code. Picks up an
 * enrolment already under way (a reload, a mistyped code) rather than making a new secret.
 */
export const EnrolForm = ({ intro, onEnabled, footer }: { intro?: ReactNode; onEnabled: (answer: TwoFactorAnswer) => void; footer?: ReactNode }) => {
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const form = useCodeForm((code) => post<TwoFactorAnswer>('/auth/2fa/enable', { code }), onEnabled);

  useEffect(() => {
    let live = true;
    apiFetch<{ pending_enrolment: boolean }>('/auth/2fa')
      .then((status) => (status.pending_enrolment ? apiFetch<Enrolment>('/auth/2fa/setup') : post<Enrolment>('/auth/2fa/setup', {})))
      .then((answer) => live && setEnrolment(answer))
      .catch((error) => live && setLoadError(problemOf(error).message));
    return () => {
      live = false;
    };
  }, []);

  if (loadError) return <Alert severity="error" role="alert">{loadError}</Alert>;
  if (!enrolment) return <CircularProgress aria-label="Preparing two-factor sign-in" />;
  return (
    <Box component="form" onSubmit={form.submit} noValidate>
      {intro}
      <Typography variant="body2" gutterBottom>
        1. Scan this QR code with an authenticator app (Google Authenticator, Microsoft Authenticator, 1Password, Authy…).
      </Typography>
      <Box sx={{ textAlign: 'center', my: 1 }}>
        <img src={enrolment.qr_data_url} alt="QR code to add this account to an authenticator app" width={200} height={200} />
      </Box>
      <Typography variant="body2">Can’t scan it? Type this key into the app instead:</Typography>
      <Typography
        component="code"
        data-testid="totp-secret"
        sx={{ display: 'block', fontFamily: 'monospace', fontSize: '1.05rem', wordBreak: 'break-all', bgcolor: 'action.hover', p: 1, my: 1, borderRadius: 1 }}
      >
        {groups(enrolment.secret)}
      </Typography>
      <Typography variant="body2" sx={{ mb: 2 }}>
        2. Enter the 6-digit code the app shows for this account.
      </Typography>
      {form.problem && !form.problem.field && (
        <Alert severity="error" role="alert" sx={{ mb: 2 }}>
          {form.problem.message}
        </Alert>
      )}
      <CodeField value={form.code} onChange={form.setCode} error={form.problem?.field} label="Code from the app" />
      <Button type="submit" variant="contained" fullWidth disabled={form.busy}>
        {form.busy ? <CircularProgress size={22} thickness={3} aria-label="Checking the code" /> : 'Turn on two-factor sign-in'}
      </Button>
      {footer}
    </Box>
  );
};

/** Recovery codes, shown once: copy or download them before going on. */
export const RecoveryCodes = ({ codes, onContinue, continueLabel = 'I have saved my recovery codes' }: { codes: string[]; onContinue?: () => void; continueLabel?: string }) => {
  const file = useMemo(() => URL.createObjectURL(new Blob([`${codes.join('\n')}\n`], { type: 'text/plain' })), [codes]);
  return (
    <Stack spacing={1.5}>
      <Alert severity="warning">
        Save these recovery codes somewhere safe (a password manager, or on paper). Each one signs you in once if you lose your phone. They are shown only now.
      </Alert>
      <Box component="ul" aria-label="Recovery codes" sx={{ columns: 2, fontFamily: 'monospace', fontSize: '1rem', m: 0, pl: 3 }}>
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </Box>
      <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap>
        <Button variant="outlined" href={file} download="recovery-codes.txt">
          Download
        </Button>
        <Button variant="outlined" onClick={() => void navigator.clipboard?.writeText(codes.join('\n'))}>
          Copy
        </Button>
      </Stack>
      {onContinue && (
        <Button variant="contained" onClick={onContinue}>
          {continueLabel}
        </Button>
      )}
    </Stack>
  );
};

/** A code-confirmed action of the profile card (new recovery codes, turning it off). */
export const ConfirmWithCode = <T,>({ label, path, onDone, onCancel }: { label: string; path: string; onDone: (answer: T) => void; onCancel: () => void }) => {
  const form = useCodeForm((code) => post<T>(path, { code }), onDone);
  return (
    <Box component="form" onSubmit={form.submit} noValidate sx={{ maxWidth: 360 }}>
      {form.problem && !form.problem.field && (
        <Alert severity="error" role="alert" sx={{ mb: 2 }}>
          {form.problem.message}
        </Alert>
      )}
      <CodeField value={form.code} onChange={form.setCode} error={form.problem?.field} label="Code from your app (or a recovery code)" />
      <Stack direction="row" spacing={1}>
        <Button type="submit" variant="contained" disabled={form.busy}>
          {label}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </Stack>
    </Box>
  );
};
