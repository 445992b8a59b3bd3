// The portal's only way to data: a small client for the SMS API (see api/API.md).
// Server-only: the API token never reaches the browser.

const API_URL = (process.env.API_URL || 'http://localhost:4000').replace(/\/+$/, '');
const TIMEOUT_MS = Number(process.env.API_TIMEOUT_MS || 15_000);

export type Role = 'admin' | 'developer' | 'manager' | 'sre' | 'mentor' | 'student';

/** `Me` in the API contract: the signed-in account. */
export interface Me {
  id: number;
  email: string;
  name: string;
  role: Role;
  status: string;
  phone: string | null;
  avatar_url: string | null;
  timezone: string | null;
  notification_prefs: Record<string, unknown> | null;
  email_verified_at: string | null;
  permissions?: Record<string, string[]>;
}

export interface TokenResponse {
  token: string;
  csrfToken: string;
  user: Me;
}

export interface MessageResponse {
  message: string;
}

/** The fields a person may change on their own account (`PUT /users/:id`). */
export interface ProfileFields {
  name: string;
  phone: string | null;
  avatar_url: string | null;
  timezone: string;
}

/**
 * An error answered by the API (`{message, code, details}`), or the API being
 * unreachable (`code: "API_UNAVAILABLE"`). `message` is a sentence to show the person.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  /** Per-field messages from a `VALIDATION_FAILED` answer (`details.fields`), or `{}`. */
  get fields(): Record<string, string> {
    const fields = this.details.fields;
    if (!fields || typeof fields !== 'object' || Array.isArray(fields)) return {};
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(fields)) {
      if (typeof value === 'string') out[key] = value;
      else if (Array.isArray(value) && typeof value[0] === 'string') out[key] = value[0];
    }
    return out;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

/**
 * Who is asking: the bearer token (when signed in), and the browser's address and
 * User-Agent (sent as X-Forwarded-For and User-Agent: the API sees the student, not the portal).
 */
export interface Caller {
  token?: string;
  clientIp?: string;
  userAgent?: string;
}

interface CallOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  caller?: Caller;
}

const FALLBACK_MESSAGES: Record<number, string> = {
  400: 'The request was not accepted. Check the form and try again.',
  401: 'Please sign in again.',
  403: 'You are not allowed to do that.',
  404: 'We could not find that.',
  409: 'That conflicts with existing data.',
  422: 'Some fields need attention.',
  429: 'Too many attempts. Please wait a little and try again.',
};

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const record = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const message =
    typeof record.message === 'string' && record.message
      ? record.message
      : FALLBACK_MESSAGES[response.status] || 'Something went wrong on our side. Please try again in a minute.';
  const code = typeof record.code === 'string' ? record.code : response.status >= 500 ? 'INTERNAL' : 'HTTP_' + response.status;
  const details =
    record.details && typeof record.details === 'object' && !Array.isArray(record.details)
      ? (record.details as Record<string, unknown>)
      : {};
  return new ApiError(response.status, code, message, details);
}

/** One call to the API. Resolves with the parsed JSON body (undefined for 204), rejects with ApiError. */
export async function apiFetch<T>(path: string, { method = 'GET', body, caller = {} }: CallOptions = {}): Promise<T> {
  const headers = new Headers({ Accept: 'application/json', 'User-Agent': caller.userAgent || 'sms-portal' });
  if (body !== undefined) headers.set('Content-Type', 'application/json');
  if (caller.token) headers.set('Authorization', `Bearer ${caller.token}`);
  if (caller.clientIp) headers.set('X-Forwarded-For', caller.clientIp);

  let response: Response;
  try {
    response = await fetch(API_URL + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: 'manual',
    });
  } catch (error) {
    console.error(`portal: API ${method} ${path} failed: ${error instanceof Error ? error.message : String(error)}`);
    throw new ApiError(
      503,
      'API_UNAVAILABLE',
      "We can't reach the school's server right now. Please try again in a minute.",
    );
  }

  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

const post = <T>(path: string, body: unknown, caller?: Caller) => apiFetch<T>(path, { method: 'POST', body, caller });

/** The endpoints the portal uses, named after the contract. */
export const api = {
  auth: {
    token: (caller: Caller, email: string, password: string) =>
      post<TokenResponse>('/auth/token', { email, password }, caller),
    logout: (caller: Caller) => post<void>('/auth/logout', undefined, caller),
    me: (caller: Caller) => apiFetch<Me>('/auth/me', { caller }),
    signup: (caller: Caller, fields: { name: string; email: string; password: string }) =>
      post<MessageResponse>('/auth/signup', fields, caller),
    verifyEmail: (caller: Caller, token: string) => post<MessageResponse>('/auth/verify-email', { token }, caller),
    resendVerification: (caller: Caller, email: string) =>
      post<MessageResponse>('/auth/verify-email/resend', { email }, caller),
    forgotPassword: (caller: Caller, email: string) => post<MessageResponse>('/auth/password/forgot', { email }, caller),
    resetPassword: (caller: Caller, token: string, password: string) =>
      post<MessageResponse>('/auth/password/reset', { token, password }, caller),
    changePassword: (caller: Caller, currentPassword: string, newPassword: string) =>
      post<{ user: Me; csrfToken: string; token?: string }>(
        '/auth/password/change',
        { currentPassword, newPassword },
        caller,
      ),
  },
  users: {
    update: (caller: Caller, id: number, fields: ProfileFields) =>
      apiFetch<Me>(`/users/${encodeURIComponent(String(id))}`, { method: 'PUT', body: fields, caller }),
  },
};
