import { Form } from '@remix-run/react';

import { CsrfInput, Field, FormStatus, SubmitButton } from '~/components/form';
import type { FormFailure } from '~/lib/forms';

/** The key in groups of four, for typing into an app that can't scan. */
const groups = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

/**
 * Setting up an authenticator app: a QR code and the key as text, then the app's first code (a plain form: works
 * without JavaScript). `intent` names the action that confirms it; `hidden` adds inputs (e.g. where to go next).
 */
export function TwoFactorSetup({
  enrolment,
  failure,
  intent,
  intro,
  hidden = {},
}: {
  enrolment: { secret: string; qr_data_url: string };
  failure?: FormFailure;
  intent: string;
  intro?: string;
  hidden?: Record<string, string>;
}) {
  return (
    <Form method="post" className="stack">
      <FormStatus failure={failure} />
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {intro ? <p className="notice notice-info">{intro}</p> : null}
      <p>1. Scan this QR code with an authenticator app (Google Authenticator, Microsoft Authenticator, 1Password, Authy…).</p>
      <img className="qr" src={enrolment.qr_data_url} alt="QR code to add your account to an authenticator app" width={200} height={200} />
      <p>
        Can’t scan it? Type this key into the app instead:
        <code className="totp-key" data-testid="totp-secret">
          {groups(enrolment.secret)}
        </code>
      </p>
      <p>2. Enter the 6-digit code the app shows for this account.</p>
      <Field name="code" label="Code from the app" autoComplete="one-time-code" inputMode="numeric" required failure={failure} />
      <SubmitButton intent={intent} pendingText="Checking…">
        Turn on two-factor sign-in
      </SubmitButton>
    </Form>
  );
}

/** Recovery codes, shown once. */
export function RecoveryCodeList({ codes }: { codes: string[] }) {
  return (
    <>
      <p className="notice notice-info">
        Save these recovery codes somewhere safe (a password manager, or on paper). Each one signs you in once if you lose your phone. They are shown only now.
      </p>
      <ul className="recovery-codes" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
    </>
  );
}
