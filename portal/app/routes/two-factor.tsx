import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';

import { CsrfInput, Field, FormStatus, SubmitButton } from '~/components/form';
import { TwoFactorSetup, RecoveryCodeList } from '~/components/two-factor';
import { api, isApiError, type Caller, type Me, type TwoFactorEnrolment } from '~/lib/api.server';
import { rememberDevice } from '~/lib/device.server';
import { failureFor } from '~/lib/forms';
import { failure, field, refuse } from '~/lib/forms.server';
import { commitSession, destroySession, getSession, isSuspended, newCsrfToken, readSecureForm, safeNext, STANDING_PATH, type PortalSession } from '~/lib/session.server';

export const meta: MetaFunction = () => [{ title: 'Two-factor sign-in · Student Portal' }];

/** The caller of the sign-in that waits for its second factor. */
const pendingCaller = (session: PortalSession, context: { clientIp?: string; userAgent?: string }): Caller => ({
  token: session.get('pending'),
  clientIp: context.clientIp,
  userAgent: context.userAgent,
});

/** The pending sign-in is over (expired, or finished elsewhere): back to the sign-in page. */
async function startOver(request: Request, session: PortalSession): Promise<never> {
  session.unset('pending');
  throw redirect('/login?reason=expired', { headers: { 'Set-Cookie': await commitSession(request, session) } });
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = await getSession(request);
  if (session.get('token')) throw redirect('/dashboard');
  if (!session.get('pending')) throw redirect('/login');
  const caller = pendingCaller(session, context);
  let me: Me;
  try {
    me = await api.auth.me(caller);
  } catch (error) {
    if (isApiError(error) && error.status === 401) return startOver(request, session);
    throw error;
  }
  if (!me.two_factor?.pending) return startOver(request, session);
  let enrolment: TwoFactorEnrolment | null = null;
  if (me.two_factor.step === 'enrol') {
    const status = await api.twoFactor.status(caller);
    enrolment = status.pending_enrolment ? await api.twoFactor.enrolment(caller) : await api.twoFactor.start(caller);
  }
  return { step: me.two_factor.step, enrolment, next: safeNext(new URL(request.url).searchParams.get('next')) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submitted = await readSecureForm(request);
  if (!submitted.ok) return submitted.response;
  const { form, session } = submitted;
  if (!session.get('pending')) throw redirect('/login');
  const caller = pendingCaller(session, context);
  const intent = field(form, 'intent');
  const next = safeNext(form.get('next'));

  if (intent === 'cancel') {
    await api.auth.logout(caller).catch(() => undefined);
    throw redirect('/login', { headers: { 'Set-Cookie': await destroySession(request, session) } });
  }

  const code = field(form, 'code');
  if (!code) return refuse('Enter the code from your authenticator app.', { intent, status: 422, fieldErrors: { code: 'Enter the 6-digit code from your app, or a recovery code.' } });
  let answer: Awaited<ReturnType<typeof api.twoFactor.verify>>;
  try {
    answer = intent === 'enrol' ? ((await api.twoFactor.enable(caller, code)) as typeof answer) : await api.twoFactor.verify(caller, code, form.get('remember') === 'on');
  } catch (error) {
    if (isApiError(error) && error.status === 401) return startOver(request, session);
    return failure(error, { intent });
  }
  session.unset('pending');
  session.set('token', answer.token);
  session.set('student', { id: answer.user.id, name: answer.user.name });
  session.set('csrf', newCsrfToken());
  const headers = new Headers({ 'Set-Cookie': await commitSession(request, session) });
  if (answer.device_token) headers.append('Set-Cookie', await rememberDevice(request, answer.device_token));
  // Recovery codes are shown once, on this answer; everything else goes on to the page asked for.
  if (answer.recovery_codes?.length) return Response.json({ ok: true as const, recoveryCodes: answer.recovery_codes, next }, { headers });
  return redirect(isSuspended(answer.user) ? STANDING_PATH : next, { headers });
}

export default function TwoFactor() {
  const { step, enrolment, next } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (result && 'recoveryCodes' in result) {
    return (
      <div className="page narrow">
        <h1>Your recovery codes</h1>
        <RecoveryCodeList codes={result.recoveryCodes} />
        <p>
          <Link className="button" to={result.next}>
            I have saved them — continue
          </Link>
        </p>
      </div>
    );
  }
  const failed = failureFor(result as Parameters<typeof failureFor>[0]);
  return (
    <div className="page narrow">
      <h1>{step === 'enrol' ? 'Set up two-factor sign-in' : 'Two-factor sign-in'}</h1>
      {step === 'enrol' && enrolment ? (
        <TwoFactorSetup enrolment={enrolment} failure={failed} intent="enrol" hidden={{ next }} intro="Your account requires two-factor sign-in: set up an authenticator app to continue." />
      ) : (
        <Form method="post" className="stack">
          <FormStatus failure={failed} />
          <CsrfInput />
          <input type="hidden" name="intent" value="verify" />
          <input type="hidden" name="next" value={next} />
          <p>Enter the 6-digit code from your authenticator app. Lost your phone? Enter one of your recovery codes instead.</p>
          <Field name="code" label="Authentication code" autoComplete="one-time-code" inputMode="text" autoCapitalize="characters" spellCheck={false} required failure={failed} />
          <label className="checkbox">
            <input type="checkbox" name="remember" /> Remember this device for 30 days
          </label>
          <SubmitButton intent="verify" pendingText="Checking…">
            Verify
          </SubmitButton>
        </Form>
      )}
      <Form method="post" className="secondary-form">
        <CsrfInput />
        <input type="hidden" name="intent" value="cancel" />
        <button type="submit" className="button button-secondary">
          Sign in as someone else
        </button>
      </Form>
    </div>
  );
}
