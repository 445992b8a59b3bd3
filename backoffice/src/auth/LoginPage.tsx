import { useEffect, useState } from 'react';
import { Alert, Box, Button, CircularProgress, Divider, Link as MuiLink } from '@mui/material';
import { Form, PasswordInput, TextInput, required, useCheckAuth, useLogin, useLogout, useNavigate, LinkBase, useLocation } from 'react-admin';
import { portalUrl } from '../config';
import { isPendingTwoFactor, STUDENT_MESSAGE } from '../providers/authProvider';
import { apiFetch, refreshSession } from '../providers/httpClient';
import { session } from '../providers/session';
import { AuthPage } from './AuthPage';
import { EnrolForm, RecoveryCodes, VerifyCodeForm, type TwoFactorAnswer } from './TwoFactorForms';

interface Credentials {
  email: string;
  password: string;
}

interface SsoConfig {
  enabled: boolean;
  name?: string;
  start_url?: string;
}

/** Why single sign-on came back without a session (`#/login?sso_error=<code>`, set by the API). */
const SSO_ERRORS: Record<string, string> = {
  unavailable: 'The sign-in provider cannot be reached right now. Try again in a minute, or sign in with your password.',
  expired: 'That single sign-on attempt expired or was already used. Please start again.',
  cancelled: 'Single sign-on was cancelled.',
  failed: 'Single sign-on did not work. Please try again.',
  unverified: 'Your sign-in provider has not verified your email address, so it cannot sign you in here.',
  domain: 'Accounts of that email domain cannot sign in here.',
  no_account: 'No staff account uses that email address. Ask an admin to invite you.',
  disabled: 'This account is disabled. Contact the school if you think this is a mistake.',
  student: STUDENT_MESSAGE,
};

type Step = 'password' | 'verify' | 'enrol' | 'codes';

const TITLES: Record<Step, string> = {
  password: 'Sign in',
  verify: 'Two-factor sign-in',
  enrol: 'Set up two-factor sign-in',
  codes: 'Your recovery codes',
};

export const LoginPage = () => {
  const login = useLogin();
  const logout = useLogout();
  const checkAuth = useCheckAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const ssoError = new URLSearchParams(location.search).get('sso_error');
  const [error, setError] = useState<string | null>(ssoError ? (SSO_ERRORS[ssoError] ?? SSO_ERRORS.failed) : null);
  const [loading, setLoading] = useState(false);
  const [step, setStep] = useState<Step>('password');
  const [recoveryCodes, setRecoveryCodes] = useState<string[]>([]);
  const [sso, setSso] = useState<SsoConfig | null>(null);

  // Already signed in (e.g. back button): go to the dashboard. Half signed in (a password or SSO without its
  // second factor yet, e.g. after a reload or coming back from the SSO provider): carry on with that step.
  useEffect(() => {
    checkAuth({}, false)
      .then(() => navigate('/'))
      .catch(async () => {
        const me = session.getMe() ?? (session.isKnownSignedOut() ? null : await refreshSession().catch(() => null));
        if (isPendingTwoFactor(me)) setStep(me!.two_factor!.step === 'enrol' ? 'enrol' : 'verify');
      });
  }, [checkAuth, navigate]);

  useEffect(() => {
    apiFetch<SsoConfig>('/auth/oidc')
      .then(setSso)
      .catch(() => setSso(null));
  }, []);

  const submit = async (values: Partial<Credentials>) => {
    setLoading(true);
    setError(null);
    try {
      await login({ email: values.email, password: values.password });
      const me = session.getMe();
      if (isPendingTwoFactor(me)) setStep(me!.two_factor!.step === 'enrol' ? 'enrol' : 'verify');
    } catch (e) {
      setError(e instanceof Error && e.message ? e.message : 'Sign-in failed. Please try again.');
    }
    setLoading(false);
  };

  /** The second factor is proven: the API answered a full session (and, after an enrolment, the recovery codes). */
  const finish = async (answer: TwoFactorAnswer) => {
    session.set(answer.user, answer.csrfToken ?? session.getCsrfToken());
    if (answer.recovery_codes?.length) {
      setRecoveryCodes(answer.recovery_codes);
      setStep('codes');
      return;
    }
    await login({ twoFactorDone: true });
  };

  const startOver = (
    <Box sx={{ mt: 2, textAlign: 'center' }}>
      <MuiLink component="button" type="button" onClick={() => void logout({}, '/login').then(() => setStep('password'))}>
        Sign in as someone else
      </MuiLink>
    </Box>
  );

  return (
    <AuthPage title={TITLES[step]}>
      {step === 'verify' && <VerifyCodeForm onDone={(answer) => void finish(answer)} footer={startOver} />}
      {step === 'enrol' && (
        <EnrolForm
          intro={
            <Alert severity="info" sx={{ mb: 2 }}>
              Your role requires two-factor sign-in: besides your password, you will enter a code from an app on your phone. Set it up now to continue.
            </Alert>
          }
          onEnabled={(answer) => void finish(answer)}
          footer={startOver}
        />
      )}
      {step === 'codes' && <RecoveryCodes codes={recoveryCodes} onContinue={() => void login({ twoFactorDone: true })} continueLabel="I have saved them — continue" />}
      {step === 'password' && (
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
          <TextInput source="email" label="Email" type="email" autoComplete="username" autoFocus validate={required('Enter your email address.')} fullWidth />
          <PasswordInput source="password" label="Password" autoComplete="current-password" validate={required('Enter your password.')} fullWidth />
          <Button type="submit" variant="contained" fullWidth disabled={loading} sx={{ mt: 1 }}>
            {loading ? <CircularProgress size={22} thickness={3} aria-label="Signing in" /> : 'Sign in'}
          </Button>
          {sso?.enabled && sso.start_url && (
            <>
              <Divider sx={{ my: 2 }}>or</Divider>
              <Button variant="outlined" fullWidth href={sso.start_url}>
                Sign in with {sso.name}
              </Button>
            </>
          )}
          <Box sx={{ mt: 2, textAlign: 'center' }}>
            <MuiLink component={LinkBase} to="/forgot-password">
              Forgot password?
            </MuiLink>
          </Box>
        </Form>
      )}
    </AuthPage>
  );
};
