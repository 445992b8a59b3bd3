// Shapes shared by actions (server) and the components that render their results.

/** The hidden input every POST form carries; checked against the session by `readSecureForm`. */
export const CSRF_FIELD = 'csrf';

/** What an action answers when the submission did not go through. */
export interface FormFailure {
  ok: false;
  /** Which form on the page this answers (pages with several forms). */
  intent?: string;
  /** A sentence for the person, shown above the form. */
  formError: string;
  /** The API's error code (e.g. `EMAIL_NOT_VERIFIED`) when the API refused. */
  code?: string;
  /** Per-field messages, keyed by input name. */
  fieldErrors: Record<string, string>;
  /** What the person typed (never passwords), to fill the form again without JavaScript. */
  values: Record<string, string>;
}

/** What an action answers when it worked and stays on the page. */
export interface FormSuccess {
  ok: true;
  intent?: string;
  message: string;
  values?: Record<string, string>;
}

export type FormResult = FormFailure | FormSuccess;

/** The failure for the given form on the page, if the action answered one. */
export function failureFor(result: FormResult | undefined, intent?: string): FormFailure | undefined {
  if (!result || result.ok) return undefined;
  if (intent !== undefined && result.intent !== intent) return undefined;
  return result;
}

/** The API's password rule (API.md: at least 10 characters), checked early for a quicker answer. */
export const PASSWORD_MIN = 10;

/** API.md "tickets": a subject up to 200 characters, a message up to 20,000. */
export const TICKET_SUBJECT_MAX = 200;
export const TICKET_MESSAGE_MAX = 20_000;
