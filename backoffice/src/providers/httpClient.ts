import { fetchUtils, HttpError } from 'react-admin';
import { apiUrl } from '../config';
import { session, type Me } from './session';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The API's error body: { message, code, details }. */
export interface ApiErrorBody {
  message?: string;
  code?: string;
  details?: { fields?: Record<string, string>; retryAfterSeconds?: number; requestId?: string };
  /** Added here for react-admin forms: field errors + root.serverError (shown as the notification). */
  errors?: Record<string, unknown>;
}

let refreshing: Promise<Me | null> | null = null;

/** GET /auth/me, storing user and CSRF token; null when not signed in. Concurrent calls share one request. */
/** The first /auth/me answer, asked by the page's inline script before this code loaded (server.mjs). */
const takeEarlyMe = (): Promise<{ json: unknown }> | null => {
  const early = typeof window !== 'undefined' ? window.SMS_ME : undefined;
  if (!early) return null;
  window.SMS_ME = undefined;
  return early.then(async (response) => {
    if (!response) return fetchUtils.fetchJson(`${apiUrl}/auth/me`, { credentials: 'include' });
    const json = await response.json().catch(() => ({}));
    if (!response.ok) throw new HttpError((json as ApiErrorBody).message ?? response.statusText, response.status, json);
    return { json };
  });
};

export const refreshSession = (): Promise<Me | null> => {
  if (!refreshing) {
    refreshing = (takeEarlyMe() ?? fetchUtils.fetchJson(`${apiUrl}/auth/me`, { credentials: 'include' }))
      .then(({ json }) => {
        const { csrfToken, ...me } = json as Me & { csrfToken?: string };
        session.set(me as Me, csrfToken ?? null);
        return me as Me;
      })
      .catch((error: unknown) => {
        if (error instanceof HttpError && error.status === 401) {
          session.clear({ signedOut: true });
          return null;
        }
        throw error;
      })
      .finally(() => {
        refreshing = null;
      });
  }
  return refreshing;
};

/**
 * fetchJson with the session cookie and, on writes, the CSRF token. Errors are
 * HttpError(message from the body's `message`, status, body); 422 field errors are
 * also exposed as body.errors so react-admin forms show them beside the inputs.
 */
export const httpClient = async (url: string, options: fetchUtils.Options = {}) => {
  const method = (options.method || 'GET').toUpperCase();
  const headers = new Headers(options.headers || { Accept: 'application/json' });
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  // ra-data-simple-rest adds `Range: students=0-24` to list reads; the API reads the range from the query
  // string, and that header (not CORS-safelisted) would cost every list a preflight round trip.
  if (method === 'GET') headers.delete('Range');
  if (WRITE_METHODS.has(method)) {
    if (!session.getCsrfToken() && !session.isKnownSignedOut()) {
      // e.g. the page was reloaded and nothing has asked /auth/me yet
      await refreshSession().catch(() => null);
    }
    const token = session.getCsrfToken();
    if (token) headers.set('X-CSRF-Token', token);
  }
  try {
    // No HTTP cache: the API's ETags cover the body only, and a 304 keeps the stale Content-Range
    // (Chromium does not update it), so a list whose first page is unchanged would show an old total.
    return await fetchUtils.fetchJson(url, { cache: 'no-store', ...options, headers, credentials: 'include' });
  } catch (error) {
    throw normaliseError(error);
  }
};

export const normaliseError = (error: unknown): unknown => {
  if (error instanceof HttpError) {
    const body = (error.body ?? undefined) as ApiErrorBody | undefined;
    const fields = body?.details?.fields;
    if (body && fields && typeof fields === 'object' && Object.keys(fields).length > 0) {
      body.errors = { ...fields, root: { serverError: body.message || error.message } };
    }
    if (!body?.message && error.status >= 500) {
      return new HttpError('Something went wrong on the server. Please try again.', error.status, body);
    }
    return error;
  }
  if (error instanceof TypeError) {
    // fetch() rejects with a TypeError when the network or CORS fails.
    return new Error(`Cannot reach the API at ${apiUrl}. Check your connection and try again.`);
  }
  return error;
};

/** Plain JSON call to the API for the auth pages (login, forgot/reset password…). */
export const apiFetch = <T = unknown>(path: string, options: fetchUtils.Options = {}) =>
  httpClient(`${apiUrl}${path}`, options).then(({ json }) => json as T);
