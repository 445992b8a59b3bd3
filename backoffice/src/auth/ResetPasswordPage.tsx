import { useState } from 'react';
import { Alert, Box, Button, CircularProgress, Link as MuiLink, Typography } from '@mui/material';
import { Form, PasswordInput, required, useLocation, LinkBase } from 'react-admin';
import { apiFetch } from '../providers/httpClient';
import { AuthPage } from './AuthPage';
import { PASSWORD_MIN_LENGTH, newPasswordValidators, sameAs } from './passwordRules';

/** /reset-password?token=…[&invite=1] — from the emailed link (invitation links say invite=1). */
export const ResetPasswordPage = () => {
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  const token = params.get('token') ?? '';
  const invite = params.get('invite') === '1';
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const [loading, setLoading] = useState(false);

  const title = invite ? 'Choose your password' : 'Reset your password';

  const submit = async (values: { password?: string }) => {
    setLoading(true);
    setResult(null);
    try {
      const json = await apiFetch<{ message?: string }>('/auth/password/reset', {
        method: 'POST',
        body: JSON.stringify({ token, password: values.password }),
      });
      setResult({
        ok: true,
        message: json?.message || (invite ? 'Your password is set. You can sign in now.' : 'Your password has been changed. You can sign in now.'),
      });
    } catch (e) {
      setResult({ ok: false, message: e instanceof Error ? e.message : 'Something went wrong. Please try again.' });
    } finally {
      setLoading(false);
    }
  };

  if (!token) {
    return (
      <AuthPage title={title}>
        <Alert severity="error" role="alert" sx={{ mb: 2 }}>
          This link is incomplete. Open the link from your email again, or ask for a new one.
        </Alert>
        <MuiLink component={LinkBase} to="/forgot-password">
          Ask for a new link
        </MuiLink>
      </AuthPage>
    );
  }

  return (
    <AuthPage title={title}>
      {result && (
        <Alert severity={result.ok ? 'success' : 'error'} role={result.ok ? 'status' : 'alert'} sx={{ mb: 2 }}>
          {result.message}
        </Alert>
      )}
      {result?.ok ? (
        <Button component={LinkBase} to="/login" variant="contained" fullWidth>
          Sign in
        </Button>
      ) : (
        <>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {invite
              ? `Welcome! Choose a password for your staff account (at least ${PASSWORD_MIN_LENGTH} characters).`
              : `Choose a new password (at least ${PASSWORD_MIN_LENGTH} characters). You will be signed out everywhere else.`}
          </Typography>
          <Form onSubmit={submit} noValidate>
            <PasswordInput
              source="password"
              label={invite ? 'Password' : 'New password'}
              autoComplete="new-password"
              autoFocus
              validate={newPasswordValidators}
              fullWidth
            />
            <PasswordInput
              source="confirmPassword"
              label="Repeat the password"
              autoComplete="new-password"
              validate={[required('Repeat the password.'), sameAs('password')]}
              fullWidth
            />
            <Button type="submit" variant="contained" fullWidth disabled={loading}>
              {loading ? <CircularProgress size={22} thickness={3} aria-label="Saving" /> : invite ? 'Set my password' : 'Change my password'}
            </Button>
          </Form>
          <Box sx={{ mt: 2, textAlign: 'center' }}>
            <MuiLink component={LinkBase} to="/forgot-password">
              Link expired? Ask for a new one
            </MuiLink>
          </Box>
        </>
      )}
    </AuthPage>
  );
};
