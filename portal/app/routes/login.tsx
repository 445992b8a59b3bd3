import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';

import { CsrfInput, Field, FormStatus, SubmitButton } from '~/components/form';
import { api, type Me } from '~/lib/api.server';
import { failureFor } from '~/lib/forms';
import { deviceTokenOf } from '~/lib/device.server';
import { failure, field, invalid, rawField, refuse } from '~/lib/forms.server';
import {
  callerFor,
  commitSession,
  getSession,
  isSuspended,
  newCsrfToken,
  readSecureForm,
  safeNext,
  STANDING_PATH,
  type LoginReason,
} from '~/lib/session.server';

export const meta: MetaFunction = () => [{ title: 'Sign in · Student Portal' }];

const STAFF_MESSAGE = 'Staff sign in on the back office.';

const REASONS: Record<LoginReason, string> = {
  expired: 'Your session has ended. Please sign in again.',
  'signed-out': 'You have signed out.',
  'password-reset': 'Your password has been changed. Sign in with your new password.',
  'not-student': STAFF_MESSAGE,
};

const backofficeUrl = () => process.env.BACKOFFICE_URL || null;

const twoFactorUrl = (next: unknown) => {
  const target = safeNext(next, '');
  return target ? `/two-factor?next=${encodeURIComponent(target)}` : '/two-factor';
};

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const session = await getSession(request);
  if (session.get('token')) throw redirect(safeNext(url.searchParams.get('next')));
  if (session.get('pending')) throw redirect(twoFactorUrl(url.searchParams.get('next')));
  const reason = url.searchParams.get('reason');
  const notice = reason && reason in REASONS ? REASONS[reason as LoginReason] : null;
  return { notice, staffNotice: reason === 'not-student', backofficeUrl: backofficeUrl() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submitted = await readSecureForm(request);
  if (!submitted.ok) return submitted.response;
  const { form, session } = submitted;
  const email = field(form, 'email');
  const password = rawField(form, 'password');
  const values = { email };

  const missing: Record<string, string> = {};
  if (!email) missing.email = 'Enter your email address.';
  if (!password) missing.password = 'Enter your password.';
  if (Object.keys(missing).length) return invalid(missing, { values });

  let token: string;
  let user: Me;
  try {
    ({ token, user } = await api.auth.token(callerFor(undefined, context), email, password, await deviceTokenOf(request)));
  } catch (error) {
    return failure(error, { values });
  }

  if (user.role !== 'student') {
    // The portal is for students: end the session the API just opened and point staff elsewhere.
    await api.auth.logout({ ...callerFor(undefined, context), token }).catch(() => undefined);
    return refuse(STAFF_MESSAGE, { status: 403, code: 'STAFF_ACCOUNT', values });
  }

  if (user.two_factor?.pending) {
    // The password is right; the code (or the app's setup) comes next, on its own page.
    session.unset('token');
    session.set('pending', token);
    session.set('csrf', newCsrfToken());
    return redirect(twoFactorUrl(form.get('next')), { headers: { 'Set-Cookie': await commitSession(request, session) } });
  }

  session.set('token', token);
  session.set('student', { id: user.id, name: user.name });
  // A fresh CSRF token for the signed-in session.
  session.set('csrf', newCsrfToken());
  // A banned or delisted student may only read their standing and appeal: straight there.
  return redirect(isSuspended(user) ? STANDING_PATH : safeNext(form.get('next')), {
    headers: { 'Set-Cookie': await commitSession(request, session) },
  });
}

export default function Login() {
  const { notice, staffNotice, backofficeUrl } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = failureFor(result);
  const [searchParams] = useSearchParams();
  const next = searchParams.get('next') ?? '';
  const staff = failed?.code === 'STAFF_ACCOUNT' || (!failed && staffNotice);

  return (
    <div className="page narrow">
      <h1>Sign in</h1>
      {notice && !failed ? <p className="notice notice-info">{notice}</p> : null}
      <Form method="post" className="stack">
        <FormStatus failure={failed} />
        {staff && backofficeUrl ? (
          <p>
            <a href={backofficeUrl}>Open the back office</a>
          </p>
        ) : null}
        <CsrfInput />
        {next ? <input type="hidden" name="next" value={next} /> : null}
        <Field
          name="email"
          label="Email"
          type="email"
          autoComplete="email"
          inputMode="email"
          required
          failure={failed}
        />
        <Field
          name="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          failure={failed}
        />
        <SubmitButton pendingText="Signing in…">Sign in</SubmitButton>
      </Form>
      {failed?.code === 'EMAIL_NOT_VERIFIED' ? (
        <Form method="post" action="/verify-email" className="stack secondary-form">
          <CsrfInput />
          <input type="hidden" name="email" value={failed.values.email ?? ''} />
          <p>Lost the email? We can send the link again.</p>
          <button type="submit" className="button button-secondary">
            Send a new verification link
          </button>
        </Form>
      ) : null}
      <ul className="links">
        <li>
          <Link to="/forgot-password">Forgot your password?</Link>
        </li>
        <li>
          New here? <Link to="/signup">Create an account</Link>
        </li>
      </ul>
    </div>
  );
}
