import { useState } from 'react';
import { Alert, Box, Button, CircularProgress, Link as MuiLink, Typography } from '@mui/material';
import { Form, TextInput, email as emailValidator, required, LinkBase } from 'react-admin';
import { apiFetch } from '../providers/httpClient';
import { AuthPage } from './AuthPage';

export const ForgotPasswordPage = () => {
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const [loading, setLoading] = useState(false);

  const submit = async (values: { email?: string }) => {
    setLoading(true);
    setResult(null);
    try {
      const json = await apiFetch<{ message?: string }>('/auth/password/forgot', {
        method: 'POST',
        body: JSON.stringify({ email: String(values.email ?? '').trim() }),
      });
      setResult({
        ok: true,
        message: json?.message || 'If an account exists for that email, a reset link is on its way.',
      });
    } catch (e) {
      setResult({ ok: false, message: e instanceof Error ? e.message : 'Something went wrong. Please try again.' });
    } finally {
      setLoading(false);
    }
  };

  return (
    <AuthPage title="Forgot your password?">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        Enter the email address of your staff account and we will email you a link to choose a new password.
      </Typography>
      {result && (
        <Alert severity={result.ok ? 'success' : 'error'} role={result.ok ? 'status' : 'alert'} sx={{ mb: 2 }}>
          {result.message}
        </Alert>
      )}
      <Form onSubmit={submit} noValidate>
        <TextInput
          source="email"
          label="Email"
          type="email"
          autoComplete="email"
          autoFocus
          validate={[required('Enter your email address.'), emailValidator('Enter a valid email address.')]}
          fullWidth
        />
        <Button type="submit" variant="contained" fullWidth disabled={loading}>
          {loading ? <CircularProgress size={22} thickness={3} aria-label="Sending" /> : 'Send reset link'}
        </Button>
      </Form>
      <Box sx={{ mt: 2, textAlign: 'center' }}>
        <MuiLink component={LinkBase} to="/login">
          Back to sign in
        </MuiLink>
      </Box>
    </AuthPage>
  );
};
