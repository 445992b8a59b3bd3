// Form building blocks: every input has a label, its error is tied to it with
// aria-describedby, and form-level messages sit in a live region.
import { useNavigation, useRouteLoaderData } from '@remix-run/react';
import {
  useEffect,
  useRef,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';

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

/** Ids and messages of one labelled control: its hint and error are tied to it with aria-describedby. */
function describe(name: string, idPrefix: string, hint: ReactNode, failure: FormFailure | undefined) {
  const id = `${idPrefix}${name}`;
  const error = sentence(failure?.fieldErrors[name]);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return { id, error, hintId, errorId, describedBy };
}

/** Label, hint, the control, and its error, in that order. */
function FieldShell({
  ids,
  label,
  hint,
  children,
}: {
  ids: ReturnType<typeof describe>;
  label: string;
  hint?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className={ids.error ? 'field field-invalid' : 'field'}>
      <label htmlFor={ids.id}>{label}</label>
      {hint ? (
        <p className="hint" id={ids.hintId}>
          {hint}
        </p>
      ) : null}
      {children}
      {ids.error ? (
        <p className="field-error" id={ids.errorId}>
          {ids.error}
        </p>
      ) : null}
    </div>
  );
}

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id'> {
  name: string;
  label: string;
  hint?: ReactNode;
  failure?: FormFailure;
  /** Id prefix when the same field name appears in two forms on one page. */
  idPrefix?: string;
}

export function Field({ name, label, hint, failure, idPrefix = '', defaultValue, ...input }: FieldProps) {
  const ids = describe(name, idPrefix, hint, failure);
  const isPassword = input.type === 'password';
  const typed = isPassword ? undefined : failure?.values[name];
  const ref = useRef<HTMLInputElement>(null);
  // A refused submission empties password fields, with or without JavaScript alike.
  useEffect(() => {
    if (isPassword && failure && ref.current) ref.current.value = '';
  }, [isPassword, failure]);
  return (
    <FieldShell ids={ids} label={label} hint={hint}>
      <input
        ref={ref}
        id={ids.id}
        name={name}
        defaultValue={typed ?? defaultValue}
        aria-invalid={ids.error ? true : undefined}
        aria-describedby={ids.describedBy}
        {...input}
      />
    </FieldShell>
  );
}

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'id'> {
  name: string;
  label: string;
  hint?: ReactNode;
  failure?: FormFailure;
  idPrefix?: string;
}

/** A multi-line `Field`: what was typed comes back after a refused submission. */
export function TextAreaField({ name, label, hint, failure, idPrefix = '', defaultValue, rows = 5, ...textarea }: TextAreaFieldProps) {
  const ids = describe(name, idPrefix, hint, failure);
  return (
    <FieldShell ids={ids} label={label} hint={hint}>
      <textarea
        id={ids.id}
        name={name}
        rows={rows}
        defaultValue={failure?.values[name] ?? defaultValue}
        aria-invalid={ids.error ? true : undefined}
        aria-describedby={ids.describedBy}
        {...textarea}
      />
    </FieldShell>
  );
}

export type SelectOption = string | { value: string; label: string };

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'id'> {
  name: string;
  label: string;
  /** A plain string is both the value and the label. */
  options: readonly SelectOption[];
  hint?: ReactNode;
  failure?: FormFailure;
  idPrefix?: string;
}

export function SelectField({ name, label, options, hint, failure, idPrefix = '', defaultValue, ...select }: SelectFieldProps) {
  const ids = describe(name, idPrefix, hint, failure);
  return (
    <FieldShell ids={ids} label={label} hint={hint}>
      <select
        id={ids.id}
        name={name}
        defaultValue={failure?.values[name] ?? defaultValue}
        aria-invalid={ids.error ? true : undefined}
        aria-describedby={ids.describedBy}
        {...select}
      >
        {options.map((option) => {
          const { value, label: text } = typeof option === 'string' ? { value: option, label: option } : option;
          return (
            <option key={value} value={value}>
              {text}
            </option>
          );
        })}
      </select>
    </FieldShell>
  );
}

interface ChoiceFieldProps {
  name: string;
  legend: string;
  options: readonly { value: string; label: string; detail?: string }[];
  defaultValue?: string;
  hint?: ReactNode;
  failure?: FormFailure;
  idPrefix?: string;
}

/** One choice among a few, as radio buttons in a fieldset (every option readable at 360 px, unlike a select). */
export function ChoiceField({ name, legend, options, defaultValue, hint, failure, idPrefix = '' }: ChoiceFieldProps) {
  const ids = describe(name, idPrefix, hint, failure);
  const chosen = failure?.values[name] ?? defaultValue;
  return (
    <fieldset
      className={ids.error ? 'field choice-field field-invalid' : 'field choice-field'}
      aria-describedby={ids.describedBy}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={ids.hintId}>
          {hint}
        </p>
      ) : null}
      {options.map((option) => (
        <label key={option.value} className="choice">
          <input
            type="radio"
            name={name}
            value={option.value}
            defaultChecked={option.value === chosen}
            aria-invalid={ids.error ? true : undefined}
          />
          <span>
            {option.label}
            {option.detail ? <span className="choice-detail">{option.detail}</span> : null}
          </span>
        </label>
      ))}
      {ids.error ? (
        <p className="field-error" id={ids.errorId}>
          {ids.error}
        </p>
      ) : null}
    </fieldset>
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
