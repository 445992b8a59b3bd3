import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';

import { CsrfInput, Field, FormStatus, SelectField, SubmitButton } from '~/components/form';
import { api, isApiError } from '~/lib/api.server';
import { failureFor, PASSWORD_MIN } from '~/lib/forms';
import { failure, field, invalid, rawField, refuse, valuesOf } from '~/lib/forms.server';
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
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireStudent(request, context);
  const saved = new URL(request.url).searchParams.get('saved') ?? '';
  return {
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

export default function Profile() {
  const { user, saved, timeZones } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const profileFailure = failureFor(result, 'profile');
  const passwordFailure = failureFor(result, 'password');
  const otherFailure = result && !result.ok && !profileFailure && !passwordFailure ? failureFor(result) : undefined;
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
    </div>
  );
}
