import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';

import { CsrfInput, Field, FormStatus, SubmitButton } from '~/components/form';
import { api } from '~/lib/api.server';
import { failureFor, PASSWORD_MIN } from '~/lib/forms';
import { failure, field, invalid, rawField, refuse } from '~/lib/forms.server';
import { callerFor, destroySession, readSecureForm } from '~/lib/session.server';

export const meta: MetaFunction = () => [{ title: 'Choose a new password · Student Portal' }];

export async function loader({ request }: LoaderFunctionArgs) {
  return { token: new URL(request.url).searchParams.get('token') ?? '' };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submitted = await readSecureForm(request);
  if (!submitted.ok) return submitted.response;
  const { form, session } = submitted;
  const token = field(form, 'token');
  const password = rawField(form, 'password');
  const confirm = rawField(form, 'confirmPassword');

  const errors: Record<string, string> = {};
  if (password.length < PASSWORD_MIN) errors.password = `Use at least ${PASSWORD_MIN} characters.`;
  else if (password !== confirm) errors.confirmPassword = 'The two passwords are not the same.';
  if (!token) return refuse('This reset link is incomplete. Ask for a new one.', { code: 'TOKEN_MISSING' });
  if (Object.keys(errors).length) return invalid(errors);

  try {
    await api.auth.resetPassword(callerFor(undefined, context), token, password);
  } catch (error) {
    return failure(error, { fieldMap: { newPassword: 'password' } });
  }
  // The API ended every session of this account: end this browser's portal session too.
  return redirect('/login?reason=password-reset', {
    headers: { 'Set-Cookie': await destroySession(request, session) },
  });
}

export default function ResetPassword() {
  const { token } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = failureFor(result);

  if (!token) {
    return (
      <div className="page narrow">
        <h1>This link is incomplete</h1>
        <p>Open the link from the email exactly as it was sent, or ask for a new one.</p>
        <p>
          <Link to="/forgot-password">Ask for a new reset link</Link>
        </p>
      </div>
    );
  }

  const expired = failed && failed.code !== 'VALIDATION_FAILED' && failed.code !== 'CSRF_FAILED';
  return (
    <div className="page narrow">
      <h1>Choose a new password</h1>
      <Form method="post" className="stack">
        <FormStatus failure={failed} />
        {expired ? (
          <p>
            <Link to="/forgot-password">Ask for a new reset link</Link>
          </p>
        ) : null}
        <CsrfInput />
        <input type="hidden" name="token" value={token} />
        <Field
          name="password"
          label="New password"
          type="password"
          autoComplete="new-password"
          minLength={PASSWORD_MIN}
          hint={`At least ${PASSWORD_MIN} characters.`}
          required
          failure={failed}
        />
        <Field
          name="confirmPassword"
          label="New password again"
          type="password"
          autoComplete="new-password"
          required
          failure={failed}
        />
        <SubmitButton pendingText="Saving…">Save new password</SubmitButton>
      </Form>
    </div>
  );
}
