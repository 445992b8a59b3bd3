import { Alert, Box, Button, Card, CardContent, CircularProgress, Typography } from '@mui/material';
import { useState } from 'react';
import { Form, HttpError, PasswordInput, required, useNotify } from 'react-admin';
import { newPasswordValidators, sameAs } from '../auth/passwordRules';
import { apiFetch } from '../providers/httpClient';
import { session, type Me } from '../providers/session';

interface PasswordValues {
  currentPassword?: string;
  newPassword?: string;
  confirmPassword?: string;
}

/** POST /auth/password/change; the API ends every other session and sends a new CSRF token. */
export const ChangePasswordForm = () => {
  const notify = useNotify();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState(0);

  const submit = async (values: PasswordValues) => {
    setSaving(true);
    setError(null);
    try {
      const json = await apiFetch<{ user?: Me; csrfToken?: string }>('/auth/password/change', {
        method: 'POST',
        body: JSON.stringify({ currentPassword: values.currentPassword, newPassword: values.newPassword }),
      });
      if (json?.csrfToken) session.setCsrfToken(json.csrfToken);
      if (json?.user) session.patchMe(json.user);
      setDone((n) => n + 1);
      notify('Your password has been changed. Other devices have been signed out.', { type: 'success' });
    } catch (e) {
      // Field errors go beside the inputs and the form shows the message as a notification;
      // anything else (rate limit, network…) is shown above the form.
      if (e instanceof HttpError && e.body?.errors) return e.body.errors;
      setError(e instanceof Error ? e.message : 'Your password could not be changed.');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          Change password
        </Typography>
        {error && (
          <Alert severity="error" role="alert" sx={{ mb: 2 }}>
            {error}
          </Alert>
        )}
        {/* a new key after a successful change remounts the form, clearing the inputs */}
        <Form key={done} onSubmit={submit} noValidate>
          <Box sx={{ maxWidth: 520 }}>
            <PasswordInput
              source="currentPassword"
              label="Current password"
              autoComplete="current-password"
              validate={required('Enter your current password.')}
              fullWidth
            />
            <PasswordInput
              source="newPassword"
              label="New password"
              autoComplete="new-password"
              validate={newPasswordValidators}
              helperText="At least 10 characters."
              fullWidth
            />
            <PasswordInput
              source="confirmPassword"
              label="Repeat the new password"
              autoComplete="new-password"
              validate={[required('Repeat the new password.'), sameAs('newPassword')]}
              fullWidth
            />
            <Button type="submit" variant="contained" disabled={saving} startIcon={saving ? <CircularProgress size={18} /> : undefined}>
              Change password
            </Button>
          </Box>
        </Form>
      </CardContent>
    </Card>
  );
};
