// Form building blocks: every input has a label, its error is tied to it with
// aria-describedby, and form-level messages sit in a live region.
import { useNavigation, useRouteLoaderData } from '@remix-run/react';
import { useEffect, useRef, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';

import { CSRF_FIELD, type FormFailure } from '~/lib/forms';
import type { loader as rootLoader } from '~/root';

/** The hidden CSRF token (from the root loader) that `readSecureForm` checks. */
export function CsrfInput() {
  const root = useRouteLoaderData<typeof rootLoader>('root');
  return <input type="hidden" name={CSRF_FIELD} value={root?.csrf ?? ''} />;
}

/**
 * Form-level status. The live region is always in the page so screen readers
 * announce the message when it appears after a submission with JavaScript; without
 * JavaScript the new page reads it as the first thing in the form.
 */
export function FormStatus({ failure, success }: { failure?: FormFailure; success?: string | null }) {
  return (
    <div className="form-status" aria-live="polite" aria-atomic="true">
      {failure ? (
        <p className="notice notice-error" role="alert">
          {failure.formError}
        </p>
      ) : success ? (
        <p className="notice notice-success">{success}</p>
      ) : null}
    </div>
  );
}

/** API field messages can be terse ("wrong or expired"): start them with a capital letter. */
const sentence = (message: string | undefined) =>
  message ? message.charAt(0).toUpperCase() + message.slice(1) : message;

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id'> {
  name: string;
  label: string;
  hint?: ReactNode;
  failure?: FormFailure;
  /** Id prefix when the same field name appears in two forms on one page. */
  idPrefix?: string;
}

export function Field({ name, label, hint, failure, idPrefix = '', defaultValue, ...input }: FieldProps) {
  const id = `${idPrefix}${name}`;
  const error = sentence(failure?.fieldErrors[name]);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const isPassword = input.type === 'password';
  const typed = isPassword ? undefined : failure?.values[name];
  const ref = useRef<HTMLInputElement>(null);
  // A refused submission empties password fields, with or without JavaScript alike.
  useEffect(() => {
    if (isPassword && failure && ref.current) ref.current.value = '';
  }, [isPassword, failure]);
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <input
        ref={ref}
        id={id}
        name={name}
        defaultValue={typed ?? defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...input}
      />
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'id'> {
  name: string;
  label: string;
  options: readonly string[];
  failure?: FormFailure;
}

export function SelectField({ name, label, options, failure, defaultValue, ...select }: SelectFieldProps) {
  const error = failure?.fieldErrors[name];
  const errorId = error ? `${name}-error` : undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={name}>{label}</label>
      <select
        id={name}
        name={name}
        defaultValue={failure?.values[name] ?? defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={errorId}
        {...select}
      >
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A submit button that says what is happening while its form is on its way (with
 * JavaScript). `intent` matches the form's hidden `intent` input on pages with several forms.
 */
export function SubmitButton({
  children,
  pendingText,
  intent,
  className = 'button',
}: {
  children: ReactNode;
  pendingText: string;
  intent?: string;
  className?: string;
}) {
  const navigation = useNavigation();
  const pending =
    navigation.state === 'submitting' &&
    (intent === undefined || navigation.formData?.get('intent') === intent);
  return (
    <button
      type="submit"
      className={className}
      aria-disabled={pending || undefined}
    >
      {pending ? pendingText : children}
    </button>
  );
}
