import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react';

import { CsrfInput, Field, FormStatus, SubmitButton } from '~/components/form';
import { api, isApiError } from '~/lib/api.server';
import { failureFor } from '~/lib/forms';
import { failure, field, invalid, success } from '~/lib/forms.server';
import { callerFor, readSecureForm } from '~/lib/session.server';

export const meta: MetaFunction = () => [{ title: 'Verify your email · Student Portal' }];

type Outcome = { state: 'verified'; message: string } | { state: 'failed'; message: string } | { state: 'none' };

/** Opening the emailed link (`/verify-email?token=…`) confirms the address. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get('token');
  if (!token) return data<Outcome>({ state: 'none' });
  try {
    const answer = await api.auth.verifyEmail(callerFor(undefined, context), token);
    return data<Outcome>({ state: 'verified', message: answer?.message ?? '' });
  } catch (error) {
    if (!isApiError(error)) throw error;
    return data<Outcome>({ state: 'failed', message: error.message }, { status: error.status });
  }
}

// The token is single-use: asking for a new link must not verify the old one again.
export const shouldRevalidate: ShouldRevalidateFunction = () => false;

/** Ask for a new verification link. */
export async function action({ request, context }: ActionFunctionArgs) {
  const submitted = await readSecureForm(request);
  if (!submitted.ok) return submitted.response;
  const email = field(submitted.form, 'email');
  if (!email) return invalid({ email: 'Enter your email address.' }, { values: { email } });
  try {
    const answer = await api.auth.resendVerification(callerFor(undefined, context), email);
    return success(answer?.message || 'If that address has an account waiting for verification, a new link is on its way.', {
      values: { email },
    });
  } catch (error) {
    return failure(error, { values: { email } });
  }
}

function ResendForm() {
  const result = useActionData<typeof action>();
  const failed = failureFor(result);
  return (
    // Posts to the bare path so the page shown after it does not reuse the old token.
    <Form method="post" action="/verify-email" className="stack">
      <h2>Get a new link</h2>
      <FormStatus failure={failed} success={result?.ok ? result.message : null} />
      <CsrfInput />
      <Field name="email" label="Email" type="email" autoComplete="email" inputMode="email" required failure={failed} />
      <SubmitButton pendingText="Sending…">Send a new link</SubmitButton>
    </Form>
  );
}

export default function VerifyEmail() {
  const outcome = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();

  if (outcome.state === 'verified' && !result) {
    return (
      <div className="page narrow">
        <h1>Email confirmed</h1>
        <p className="notice notice-success">{outcome.message || 'Your email address is confirmed.'}</p>
        <p>
          <Link to="/login" className="button">
            Sign in
          </Link>
        </p>
      </div>
    );
  }

  return (
    <div className="page narrow">
      <h1>{outcome.state === 'failed' ? 'This link did not work' : 'Verify your email'}</h1>
      {outcome.state === 'failed' ? <p className="notice notice-error">{outcome.message}</p> : null}
      {outcome.state === 'none' && !result ? (
        <p>Open the link in the email we sent you when you signed up, or ask for a new one below.</p>
      ) : null}
      <ResendForm />
      <p className="links">
        Already confirmed? <Link to="/login">Sign in</Link>
      </p>
    </div>
  );
}
