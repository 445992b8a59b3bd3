import type { ActionFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData } from '@remix-run/react';

import { CsrfInput, Field, FormStatus, SubmitButton } from '~/components/form';
import { api } from '~/lib/api.server';
import { failureFor } from '~/lib/forms';
import { failure, field, invalid, success } from '~/lib/forms.server';
import { callerFor, readSecureForm } from '~/lib/session.server';

export const meta: MetaFunction = () => [{ title: 'Forgot your password · Student Portal' }];

export async function action({ request, context }: ActionFunctionArgs) {
  const submitted = await readSecureForm(request);
  if (!submitted.ok) return submitted.response;
  const email = field(submitted.form, 'email');
  if (!email) return invalid({ email: 'Enter your email address.' }, { values: { email } });
  try {
    const answer = await api.auth.forgotPassword(callerFor(undefined, context), email);
    return success(answer?.message || 'If that address has an account, a reset link is on its way.', {
      values: { email },
    });
  } catch (error) {
    return failure(error, { values: { email } });
  }
}

export default function ForgotPassword() {
  const result = useActionData<typeof action>();
  const failed = failureFor(result);
  return (
    <div className="page narrow">
      <h1>Forgot your password?</h1>
      {result?.ok ? (
        <div aria-live="polite">
          <p className="notice notice-success">{result.message}</p>
          <p>The link works once and expires soon. Check your spam folder if it does not arrive.</p>
        </div>
      ) : (
        <>
          <p>Enter your email and we will send you a link to choose a new password.</p>
          <Form method="post" className="stack">
            <FormStatus failure={failed} />
            <CsrfInput />
            <Field
              name="email"
              label="Email"
              type="email"
              autoComplete="email"
              inputMode="email"
              required
              failure={failed}
            />
            <SubmitButton pendingText="Sending…">Send reset link</SubmitButton>
          </Form>
        </>
      )}
      <p className="links">
        <Link to="/login">Back to sign in</Link>
      </p>
    </div>
  );
}
