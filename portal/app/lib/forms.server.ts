// Helpers for actions: read fields, answer failures the components know how to show.
import { data } from '@remix-run/node';

import { isApiError } from './api.server';
import type { FormFailure, FormSuccess } from './forms';

/** A text field, trimmed; '' when absent. Passwords: use `rawField` (spaces count). */
export const field = (form: FormData, name: string): string => {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

export const rawField = (form: FormData, name: string): string => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};

/** A record id sent in a form or the URL ('12'), or 0 when it is not one. */
export const idOf = (value: string | undefined): number => (value && /^\d{1,15}$/.test(value) ? Number(value) : 0);

/** An http(s) address a person typed (the API accepts no other links). */
export const isWebLink = (value: string): boolean => {
  if (!/^https?:\/\/\S+$/i.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
};

/**
 * Links typed one per line (blank lines skipped): the list, or a sentence saying what is wrong.
 */
export function linksField(text: string, max = 10): { links: string[]; error: string | null } {
  const links = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const bad = links.find((link) => !isWebLink(link));
  if (bad) return { links, error: `“${bad.length > 60 ? `${bad.slice(0, 57)}…` : bad}” is not a web address: links start with https:// (one per line).` };
  if (links.length > max) return { links, error: `At most ${max} links.` };
  return { links, error: null };
}

/** The named fields as typed, to fill the form again. */
export const valuesOf = (form: FormData, names: string[]): Record<string, string> =>
  Object.fromEntries(names.map((name) => [name, field(form, name)]));

interface FailureOptions {
  intent?: string;
  values?: Record<string, string>;
  fieldErrors?: Record<string, string>;
  /** Rename API field names to this form's input names (e.g. `password` → `newPassword`). */
  fieldMap?: Record<string, string>;
}

/** Fields the portal checked itself before calling the API (422). */
export function invalid(fieldErrors: Record<string, string>, options: FailureOptions = {}) {
  return data<FormFailure>(
    {
      ok: false,
      intent: options.intent,
      code: 'VALIDATION_FAILED',
      formError: 'Please correct the highlighted fields.',
      fieldErrors,
      values: options.values ?? {},
    },
    { status: 422 },
  );
}

/** A refusal decided by the portal itself, with a sentence for the person. */
export function refuse(
  formError: string,
  { status = 400, code, ...options }: FailureOptions & { status?: number; code?: string } = {},
) {
  return data<FormFailure>(
    {
      ok: false,
      intent: options.intent,
      code,
      formError,
      fieldErrors: options.fieldErrors ?? {},
      values: options.values ?? {},
    },
    { status },
  );
}

/**
 * The API refused (or could not be reached): its `message` for the person, its
 * `details.fields` beside the inputs. Anything that is not an ApiError is a bug
 * and is rethrown for the error page.
 */
export function failure(error: unknown, options: FailureOptions = {}) {
  if (!isApiError(error)) throw error;
  const fieldErrors: Record<string, string> = { ...options.fieldErrors };
  for (const [name, message] of Object.entries(error.fields)) {
    fieldErrors[options.fieldMap?.[name] ?? name] = message;
  }
  return data<FormFailure>(
    {
      ok: false,
      intent: options.intent,
      code: error.code,
      formError: error.message,
      fieldErrors,
      values: options.values ?? {},
    },
    { status: error.status >= 400 && error.status < 600 ? error.status : 500 },
  );
}

export const success = (message: string, options: { intent?: string; values?: Record<string, string> } = {}) =>
  data<FormSuccess>({ ok: true, message, intent: options.intent, values: options.values });
