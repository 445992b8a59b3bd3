import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData } from '@remix-run/react';

import { CsrfInput, Field, FormStatus, SubmitButton } from '~/components/form';
import { api } from '~/lib/api.server';
import { failureFor, PASSWORD_MIN } from '~/lib/forms';
import { failure, field, invalid, rawField, success } from '~/lib/forms.server';
import { callerFor, getSession, readSecureForm } from '~/lib/session.server';

export const meta: MetaFunction = () => [{ title: 'Sign up · Student Portal' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request);
  if (session.get('token')) throw redirect('/dashboard');
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submitted = await readSecureForm(request);
  if (!submitted.ok) return submitted.response;
  const { form } = submitted;
  const name = field(form, 'name');
  const email = field(form, 'email');
  const password = rawField(form, 'password');
  const values = { name, email };

  const errors: Record<string, string> = {};
  if (!name) errors.name = 'Enter your name.';
  if (!email) errors.email = 'Enter your email address.';
  if (password.length < PASSWORD_MIN) errors.password = `Use at least ${PASSWORD_MIN} characters.`;
  if (Object.keys(errors).length) return invalid(errors, { values });

  try {
    const answer = await api.auth.signup(callerFor(undefined, context), { name, email, password });
    return success(answer?.message ?? '', { values: { email } });
  } catch (error) {
    return failure(error, { values });
  }
}

export default function Signup() {
  const result = useActionData<typeof action>();

  if (result?.ok) {
    const sentTo = result.values?.email;
    return (
      <div className="page narrow">
        <h1>Check your email for a verification link</h1>
        <div aria-live="polite">
          <p className="notice notice-success">
            {sentTo ? (
              <>
                We sent it to <strong>{sentTo}</strong>.{' '}
              </>
            ) : null}
            Open the link to confirm your address, then sign in.
          </p>
          {result.message ? <p>{result.message}</p> : null}
        </div>
        <p>
          No email after a few minutes? Check your spam folder, or{' '}
          <Link to="/verify-email">ask for a new link</Link>.
        </p>
        <p>
          <Link to="/login">Go to sign in</Link>
        </p>
      </div>
    );
  }

  const failed = failureFor(result);
  return (
    <div className="page narrow">
      <h1>Create your student account</h1>
      <Form method="post" className="stack">
        <FormStatus failure={failed} />
        <CsrfInput />
        <Field name="name" label="Full name" autoComplete="name" required failure={failed} />
        <Field
          name="email"
          label="Email"
          type="email"
          autoComplete="email"
          inputMode="email"
          hint="Use the email you registered with the school."
          required
          failure={failed}
        />
        <Field
          name="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          minLength={PASSWORD_MIN}
          hint={`At least ${PASSWORD_MIN} characters.`}
          required
          failure={failed}
        />
        <SubmitButton pendingText="Creating your account…">Create account</SubmitButton>
      </Form>
      <p className="links">
        Already have an account? <Link to="/login">Sign in</Link>
      </p>
    </div>
  );
}
