import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';

import { CsrfInput, Field, FormStatus, SelectField, SubmitButton } from '~/components/form';
import { RecoveryCodeList, TwoFactorSetup } from '~/components/two-factor';
import { api, isApiError, type Caller } from '~/lib/api.server';
import { failureFor, PASSWORD_MIN, type FormFailure } from '~/lib/forms';
import { failure, field, idOf, invalid, rawField, refuse, valuesOf } from '~/lib/forms.server';
import {
  callerFor,
  commitSession,
  destroySession,
  newCsrfToken,
  readSecureForm,
  requireStudent,
  signOutIfUnauthenticated,
} from '~/lib/session.server';
import { DEFAULT_TIMEZONE, timeZones } from '~/lib/timezones.server';

export const meta: MetaFunction = () => [{ title: 'Profile · Student Portal' }];

const SAVED: Record<string, string> = {
  profile: 'Your profile is saved.',
  password: 'Your password is changed. You have been signed out on your other devices.',
  '2fa-on': 'Two-factor sign-in is on: signing in asks for a code from your app.',
  '2fa-off': 'Two-factor sign-in is off. You sign in with your password alone.',
  '2fa-forgotten': 'Forgotten: that device asks for a code at its next sign-in.',
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, caller } = await requireStudent(request, context);
  const saved = new URL(request.url).searchParams.get('saved') ?? '';
  const twoFactor = await api.twoFactor.status(caller);
  const enrolment = twoFactor.pending_enrolment ? await api.twoFactor.enrolment(caller) : null;
  return {
    twoFactor,
    enrolment,
    user: {
      email: user.email,
      name: user.name,
      phone: user.phone ?? '',
      avatar_url: user.avatar_url ?? '',
      timezone: user.timezone || DEFAULT_TIMEZONE,
    },
    saved: saved in SAVED ? saved : null,
    timeZones: timeZones(user.timezone),
  };
}

const PROFILE_FIELDS = ['name', 'phone', 'avatar_url', 'timezone'];

export async function action({ request, context }: ActionFunctionArgs) {
  const submitted = await readSecureForm(request);
  if (!submitted.ok) return submitted.response;
  const { form, session } = submitted;
  const { user } = await requireStudent(request, context);
  const caller = callerFor(session, context);
  const intent = field(form, 'intent');

  if (intent === 'profile') {
    const values = valuesOf(form, PROFILE_FIELDS);
    const errors: Record<string, string> = {};
    if (!values.name) errors.name = 'Enter your name.';
    if (values.avatar_url && !/^https:\/\/\S+$/i.test(values.avatar_url)) {
      errors.avatar_url = 'Use an https:// address of an image, or leave it empty.';
    }
    if (Object.keys(errors).length) return invalid(errors, { intent, values });
    try {
      const updated = await api.users.update(caller, user.id, {
        name: values.name,
        phone: values.phone || null,
        avatar_url: values.avatar_url || null,
        timezone: values.timezone || DEFAULT_TIMEZONE,
      });
      session.set('student', { id: user.id, name: updated?.name ?? values.name });
    } catch (error) {
      await signOutIfUnauthenticated(error, request, session);
      return failure(error, { intent, values });
    }
    return redirect('/profile?saved=profile', { headers: { 'Set-Cookie': await commitSession(request, session) } });
  }

  if (intent.startsWith('2fa-')) return twoFactorAction(intent, form, caller);

  if (intent === 'password') {
    const currentPassword = rawField(form, 'currentPassword');
    const newPassword = rawField(form, 'newPassword');
    const confirmPassword = rawField(form, 'confirmPassword');
    const errors: Record<string, string> = {};
    if (!currentPassword) errors.currentPassword = 'Enter your current password.';
    if (newPassword.length < PASSWORD_MIN) errors.newPassword = `Use at least ${PASSWORD_MIN} characters.`;
    else if (newPassword !== confirmPassword) errors.confirmPassword = 'The two new passwords are not the same.';
    if (Object.keys(errors).length) return invalid(errors, { intent });

    let answer: Awaited<ReturnType<typeof api.auth.changePassword>>;
    try {
      answer = await api.auth.changePassword(caller, currentPassword, newPassword);
    } catch (error) {
      // A wrong current password may come back as 401 too: only sign out if the session itself is gone.
      if (isApiError(error) && error.status === 401) {
        const stillSignedIn = await api.auth.me(caller).then(
          () => true,
          () => false,
        );
        if (!stillSignedIn) await signOutIfUnauthenticated(error, request, session);
        return failure(error, {
          intent,
          fieldErrors: { currentPassword: error.fields.currentPassword ?? error.message },
          fieldMap: { password: 'newPassword' },
        });
      }
      return failure(error, { intent, fieldMap: { password: 'newPassword' } });
    }
    if (!answer?.token) {
      // The API ended every session and gave no new token: sign in again.
      return redirect('/login?reason=password-reset', {
        headers: { 'Set-Cookie': await destroySession(request, session) },
      });
    }
    session.set('token', answer.token);
    session.set('csrf', newCsrfToken());
    return redirect('/profile?saved=password', { headers: { 'Set-Cookie': await commitSession(request, session) } });
  }

  return refuse('Unknown form. Please reload the page and try again.');
}

/** Two-factor sign-in on the profile: every step is a plain form post (no JavaScript needed). */
async function twoFactorAction(intent: string, form: FormData, caller: Caller) {
  const code = field(form, 'code');
  const needsCode = ['2fa-enable', '2fa-codes', '2fa-disable'].includes(intent);
  if (needsCode && !code) return invalid({ code: 'Enter the 6-digit code from your app, or a recovery code.' }, { intent });
  try {
    switch (intent) {
      case '2fa-start':
        await api.twoFactor.start(caller);
        return redirect('/profile#two-factor');
      case '2fa-cancel':
        await api.twoFactor.cancel(caller);
        return redirect('/profile#two-factor');
      case '2fa-enable': {
        const answer = await api.twoFactor.enable(caller, code);
        return Response.json({ ok: true as const, intent, recoveryCodes: answer.recovery_codes, message: 'Two-factor sign-in is on.' });
      }
      case '2fa-codes': {
        const answer = await api.twoFactor.recoveryCodes(caller, code);
        return Response.json({ ok: true as const, intent, recoveryCodes: answer.recovery_codes, message: answer.message });
      }
      case '2fa-disable':
        await api.twoFactor.disable(caller, code);
        return redirect('/profile?saved=2fa-off');
      case '2fa-forget': {
        const device = field(form, 'device');
        if (device === 'all') await api.twoFactor.forgetDevices(caller);
        else await api.twoFactor.forgetDevice(caller, idOf(device));
        return redirect('/profile?saved=2fa-forgotten');
      }
      default:
        return refuse('Unknown form. Please reload the page and try again.');
    }
  } catch (error) {
    return failure(error, { intent });
  }
}

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }) : 'never');

export default function Profile() {
  const { user, saved, timeZones, twoFactor, enrolment } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const profileFailure = failureFor(result as FormFailure, 'profile');
  const passwordFailure = failureFor(result as FormFailure, 'password');
  const twoFactorFailure = result && !result.ok && result.intent?.startsWith('2fa-') ? (result as FormFailure) : undefined;
  const recoveryCodes = result && result.ok && 'recoveryCodes' in result ? (result.recoveryCodes as string[]) : null;
  const otherFailure = result && !result.ok && !profileFailure && !passwordFailure && !twoFactorFailure ? failureFor(result as FormFailure) : undefined;
  const avatar = (profileFailure?.values.avatar_url ?? user.avatar_url) || '';

  return (
    <div className="page narrow">
      <h1>Your profile</h1>
      <FormStatus failure={otherFailure} success={saved && !result ? SAVED[saved] : null} />

      <section aria-labelledby="details-heading" className="panel">
        <h2 id="details-heading">Details</h2>
        <Form method="post" className="stack">
          <FormStatus failure={profileFailure} />
          <CsrfInput />
          <input type="hidden" name="intent" value="profile" />
          <p className="muted">
            Email: <strong>{user.email}</strong>
          </p>
          <Field name="name" label="Full name" autoComplete="name" required defaultValue={user.name} failure={profileFailure} />
          <Field
            name="phone"
            label="Phone"
            type="tel"
            autoComplete="tel"
            inputMode="tel"
            hint="With country code, e.g. +8801700000000."
            defaultValue={user.phone}
            failure={profileFailure}
          />
          <div className="avatar-row">
            {/^https:\/\//i.test(avatar) ? (
              <img className="avatar" src={avatar} alt="" width={56} height={56} loading="lazy" referrerPolicy="no-referrer" />
            ) : null}
            <Field
              name="avatar_url"
              label="Avatar image URL"
              type="url"
              inputMode="url"
              placeholder="https://…"
              defaultValue={user.avatar_url}
              failure={profileFailure}
            />
          </div>
          <SelectField
            name="timezone"
            label="Time zone"
            options={timeZones}
            defaultValue={user.timezone}
            failure={profileFailure}
          />
          <SubmitButton intent="profile" pendingText="Saving…">
            Save profile
          </SubmitButton>
        </Form>
      </section>

      <section aria-labelledby="password-heading" className="panel">
        <h2 id="password-heading">Change password</h2>
        <Form method="post" className="stack">
          <FormStatus failure={passwordFailure} />
          <CsrfInput />
          <input type="hidden" name="intent" value="password" />
          {/* Lets password managers file the new password under the right account. */}
          <input type="hidden" name="username" autoComplete="username" value={user.email} />
          <Field
            name="currentPassword"
            label="Current password"
            type="password"
            autoComplete="current-password"
            required
            failure={passwordFailure}
          />
          <Field
            name="newPassword"
            label="New password"
            type="password"
            autoComplete="new-password"
            minLength={PASSWORD_MIN}
            hint={`At least ${PASSWORD_MIN} characters. Changing it signs you out on your other devices.`}
            required
            failure={passwordFailure}
          />
          <Field
            name="confirmPassword"
            label="New password again"
            type="password"
            autoComplete="new-password"
            required
            failure={passwordFailure}
          />
          <SubmitButton intent="password" pendingText="Changing…">
            Change password
          </SubmitButton>
        </Form>
      </section>

      <section aria-labelledby="two-factor-heading" className="panel" id="two-factor">
        <h2 id="two-factor-heading">Two-factor sign-in</h2>
        {recoveryCodes ? (
          <>
            <FormStatus success={result && result.ok ? result.message : null} />
            <RecoveryCodeList codes={recoveryCodes} />
            <p>
              <a className="button" href="/profile?saved=2fa-on#two-factor">
                I have saved them
              </a>
            </p>
          </>
        ) : enrolment ? (
          <>
            <TwoFactorSetup enrolment={enrolment} failure={twoFactorFailure} intent="2fa-enable" />
            <Form method="post" className="secondary-form">
              <CsrfInput />
              <input type="hidden" name="intent" value="2fa-cancel" />
              <button type="submit" className="button button-secondary">
                Cancel
              </button>
            </Form>
          </>
        ) : twoFactor.enabled ? (
          <div className="stack">
            <FormStatus failure={twoFactorFailure} />
            <p>
              On since {when(twoFactor.enabled_at)}: signing in asks for a code from your authenticator app. {twoFactor.recovery_codes_left} recovery code
              {twoFactor.recovery_codes_left === 1 ? '' : 's'} left.
            </p>
            <Form method="post" className="stack">
              <CsrfInput />
              <Field name="code" label="Code from your app (or a recovery code)" autoComplete="one-time-code" failure={twoFactorFailure} />
              <div className="button-row">
                <button type="submit" name="intent" value="2fa-codes" className="button button-secondary">
                  New recovery codes
                </button>
                {!twoFactor.required ? (
                  <button type="submit" name="intent" value="2fa-disable" className="button button-secondary">
                    Turn off
                  </button>
                ) : null}
              </div>
            </Form>
            {twoFactor.devices.length ? (
              <>
                <h3>Remembered devices</h3>
                <ul className="device-list">
                  {twoFactor.devices.map((device) => (
                    <li key={device.id}>
                      <span className="device-name">
                        {(device.user_agent ?? 'Unknown browser').slice(0, 60)}
                        <span className="muted"> · until {when(device.expires_at)}</span>
                      </span>
                      <Form method="post">
                        <CsrfInput />
                        <input type="hidden" name="intent" value="2fa-forget" />
                        <input type="hidden" name="device" value={device.id} />
                        <button type="submit" className="button button-secondary">
                          Forget
                        </button>
                      </Form>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
        ) : (
          <Form method="post" className="stack">
            <FormStatus failure={twoFactorFailure} />
            <CsrfInput />
            <input type="hidden" name="intent" value="2fa-start" />
            <p>Off: you sign in with your password alone. Turn it on so that a stolen password is not enough to get into your account.</p>
            <SubmitButton intent="2fa-start" pendingText="Preparing…">
              Turn on two-factor sign-in
            </SubmitButton>
          </Form>
        )}
      </section>
    </div>
  );
}
