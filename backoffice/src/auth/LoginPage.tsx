import { useEffect, useState } from 'react';
import { Alert, Box, Button, CircularProgress, Link as MuiLink } from '@mui/material';
import { Form, PasswordInput, TextInput, required, useCheckAuth, useLogin, useNavigate, LinkBase } from 'react-admin';
import { portalUrl } from '../config';
import { STUDENT_MESSAGE } from '../providers/authProvider';
import { AuthPage } from './AuthPage';

interface Credentials {
  email: string;
  password: string;
}

export const LoginPage = () => {
  const login = useLogin();
  const checkAuth = useCheckAuth();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  // Already signed in (e.g. back button): go to the dashboard.
  useEffect(() => {
    checkAuth({}, false)
      .then(() => navigate('/'))
      .catch(() => undefined);
  }, [checkAuth, navigate]);

  const submit = async (values: Partial<Credentials>) => {
    setLoading(true);
    setError(null);
    try {
      await login({ email: values.email, password: values.password });
    } catch (e) {
      setError(e instanceof Error && e.message ? e.message : 'Sign-in failed. Please try again.');
      setLoading(false);
    }
  };

  return (
    <AuthPage title="Sign in">
      <Form onSubmit={submit} noValidate>
        {error && (
          <Alert severity="error" role="alert" sx={{ mb: 2 }}>
            {error}
            {error === STUDENT_MESSAGE && portalUrl && (
              <>
                {' '}
                <MuiLink href={portalUrl}>Open the student portal</MuiLink>
              </>
            )}
          </Alert>
        )}
        <TextInput
          source="email"
          label="Email"
          type="email"
          autoComplete="username"
          autoFocus
          validate={required('Enter your email address.')}
          fullWidth
        />
        <PasswordInput
          source="password"
          label="Password"
          autoComplete="current-password"
          validate={required('Enter your password.')}
          fullWidth
        />
        <Button type="submit" variant="contained" fullWidth disabled={loading} sx={{ mt: 1 }}>
          {loading ? <CircularProgress size={22} thickness={3} aria-label="Signing in" /> : 'Sign in'}
        </Button>
        <Box sx={{ mt: 2, textAlign: 'center' }}>
          <MuiLink component={LinkBase} to="/forgot-password">
            Forgot password?
          </MuiLink>
        </Box>
      </Form>
    </AuthPage>
  );
};
