// The portal's own session: an encrypted (AES-256-GCM), httpOnly cookie holding the API bearer token,
// the CSRF token for the portal's forms, and the student's id and name for the header.
import { data, redirect, type Session } from '@remix-run/node';
import { randomBytes, timingSafeEqual } from 'node:crypto';

import { api, isApiError, type Caller, type Me } from './api.server';
import { CSRF_FIELD, type FormFailure } from './forms';
import { createSealedCookieSessionStorage } from './sealed-session.server';

export interface SessionData {
  token: string;
  csrf: string;
  student: { id: number; name: string };
  /** The token of a sign-in that still needs its second factor (routes/two-factor.tsx); never a signed-in session. */
  pending: string;
}
export type PortalSession = Session<SessionData>;

const DEV_SECRET = 'sms-portal-dev-secret-change-me';

/**
 * SESSION_SECRET (comma-separated to rotate: the first seals, all open). Without
 * it, development uses a fixed secret and production a random one per process
 * (so nobody can open or forge cookies with a secret published in the repository; sessions
 * then end when the portal restarts).
 */
function sessionSecrets(): string[] {
  const configured = (process.env.SESSION_SECRET || '').split(',').map((s) => s.trim()).filter(Boolean);
  if (configured.length) return configured;
  if (process.env.NODE_ENV !== 'production') return [DEV_SECRET];
  console.warn('portal: SESSION_SECRET is not set; using a random secret, so sessions end when the portal restarts.');
  return [randomBytes(32).toString('base64url')];
}
const secrets = sessionSecrets();

/**
 * COOKIE_SECURE: "true" always marks the cookie Secure, "false" never does, and
 * "auto" does when NODE_ENV=production and the request came over https
 * (behind a proxy, set TRUST_PROXY so X-Forwarded-Proto counts).
 * Unset means "false", so http://localhost works out of the box.
 */
const secureMode = (process.env.COOKIE_SECURE || 'false').toLowerCase();

const storageFor = (secure: boolean) =>
  createSealedCookieSessionStorage<SessionData>('sms_portal', {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure,
    secrets,
    maxAge: 60 * 60 * 24 * 14,
  });
const plainStorage = storageFor(false);
const secureStorage = storageFor(true);

/** Whether this request's cookies are marked Secure (COOKIE_SECURE, as for the session). */
export function secureCookies(request: Request): boolean {
  if (secureMode === 'true') return true;
  return secureMode === 'auto' && process.env.NODE_ENV === 'production' && new URL(request.url).protocol === 'https:';
}

function storage(request: Request) {
  return secureCookies(request) ? secureStorage : plainStorage;
}

export const getSession = (request: Request) => storage(request).getSession(request.headers.get('Cookie'));
export const commitSession = (request: Request, session: PortalSession) => storage(request).commitSession(session);
export const destroySession = (request: Request, session: PortalSession) => storage(request).destroySession(session);

export const newCsrfToken = () => randomBytes(24).toString('base64url');

/** The caller to pass to the API for this request (token from the session, browser address from Express). */
export function callerFor(session: PortalSession | undefined, context: { clientIp?: string; userAgent?: string }): Caller {
  return { token: session?.get('token'), clientIp: context.clientIp, userAgent: context.userAgent };
}

/** `next` if it is a path on this site (never `//evil.example` or `https://…`), else the fallback. */
export function safeNext(next: unknown, fallback = '/dashboard'): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return fallback;
  }
  return next;
}

/** Why the person was sent to the login page; each maps to a fixed sentence there. */
export type LoginReason = 'expired' | 'signed-out' | 'password-reset' | 'not-student';

export function loginUrl(request: Request | undefined, reason?: LoginReason): string {
  const params = new URLSearchParams();
  if (request) {
    const url = new URL(request.url);
    const next = url.pathname + url.search;
    if (next !== '/' && next !== '/dashboard') params.set('next', next);
  }
  if (reason) params.set('reason', reason);
  const query = params.toString();
  return '/login' + (query ? `?${query}` : '');
}

/** Throws a redirect to the login page that also clears the session cookie. */
export async function signOutRedirect(request: Request, session: PortalSession, reason?: LoginReason): Promise<never> {
  throw redirect(loginUrl(request.method === 'GET' ? request : undefined, reason), {
    headers: { 'Set-Cookie': await destroySession(request, session) },
  });
}

export interface StudentContext {
  user: Me;
  session: PortalSession;
  caller: Caller;
}

/** Where a banned or delisted student is sent from every other page. */
export const STANDING_PATH = '/standing';

/** Banned or delisted (`GET /auth/me` standing): the portal shows them only /standing. */
export const isSuspended = (user: Me) => Boolean(user.standing && user.standing.status !== 'active');

const meOfRequest = new WeakMap<object, Map<string, Promise<Me>>>();

/**
 * `GET /auth/me`, asked once per request: the root loader (the nav) and the page's
 * loader run side by side on the same load context and share the answer.
 */
export function currentUser(context: object, caller: Caller): Promise<Me> {
  let byToken = meOfRequest.get(context);
  if (!byToken) meOfRequest.set(context, (byToken = new Map()));
  const key = caller.token ?? '';
  let me = byToken.get(key);
  if (!me) byToken.set(key, (me = api.auth.me(caller)));
  return me;
}

export interface StudentOptions {
  /** Only the standing page: a banned or delisted student may open it (everything else redirects there). */
  allowSuspended?: boolean;
}

/**
 * The signed-in student, checked with the API (`GET /auth/me`) so a ban, a
 * disabled account or a password change elsewhere ends the portal session at once.
 * Not signed in, or the API no longer accepts the token: redirect to /login?next=….
 * Banned or delisted: redirect to /standing (unless `allowSuspended`).
 */
export async function requireStudent(
  request: Request,
  context: { clientIp?: string; userAgent?: string },
  options: StudentOptions = {},
): Promise<StudentContext> {
  const session = await getSession(request);
  if (!session.get('token')) throw redirect(loginUrl(request));
  const caller = callerFor(session, context);
  return verifyStudent(request, session, caller, currentUser(context, caller), options);
}

/**
 * The check of `requireStudent` on a `GET /auth/me` already under way, so a page
 * can start its own API calls at the same moment (see student-page.server.ts).
 */
export async function verifyStudent(
  request: Request,
  session: PortalSession,
  caller: Caller,
  me: Promise<Me>,
  { allowSuspended = false }: StudentOptions = {},
): Promise<StudentContext> {
  let user: Me;
  try {
    user = await me;
  } catch (error) {
    if (isApiError(error) && (error.status === 401 || error.code === 'ACCOUNT_BLOCKED')) {
      return signOutRedirect(request, session, 'expired');
    }
    return throwForErrorPage(error);
  }
  if (user.role !== 'student') return signOutRedirect(request, session, 'not-student');
  if (!allowSuspended && isSuspended(user)) throw redirect(STANDING_PATH);
  return { user, session, caller };
}

/**
 * For loaders: an API error becomes an error page showing the API's message with
 * its status (e.g. 503 when the API is unreachable); anything else is rethrown.
 */
export function throwForErrorPage(error: unknown): never {
  if (isApiError(error)) throw data({ message: error.message }, { status: error.status });
  throw error;
}

/** Rethrows an API 401 met during an action as a redirect to sign in again. */
export async function signOutIfUnauthenticated(error: unknown, request: Request, session: PortalSession): Promise<void> {
  if (isApiError(error) && error.status === 401) await signOutRedirect(request, session, 'expired');
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export type SecureForm =
  | { ok: true; form: FormData; session: PortalSession }
  | { ok: false; response: ReturnType<typeof data<FormFailure>> };

export type StudentForm =
  | { ok: true; form: FormData; session: PortalSession; caller: Caller }
  | { ok: false; response: ReturnType<typeof data<FormFailure>> };

/**
 * The start of every signed-in action: the CSRF check of `readSecureForm`, then the
 * caller for the API (no session any more: back to sign in).
 *
 *   const submitted = await readStudentForm(request, context);
 *   if (!submitted.ok) return submitted.response;
 */
export async function readStudentForm(
  request: Request,
  context: { clientIp?: string; userAgent?: string },
): Promise<StudentForm> {
  const submitted = await readSecureForm(request);
  if (!submitted.ok) return submitted;
  if (!submitted.session.get('token')) throw redirect(loginUrl(undefined, 'expired'));
  return { ...submitted, caller: callerFor(submitted.session, context) };
}

/**
 * Reads a POSTed form and checks its hidden CSRF token against the one in the
 * session. Every action starts with it:
 *
 *   const submitted = await readSecureForm(request);
 *   if (!submitted.ok) return submitted.response;
 */
export async function readSecureForm(request: Request): Promise<SecureForm> {
  const [session, form] = await Promise.all([getSession(request), request.formData()]);
  const expected = session.get('csrf');
  const sent = form.get(CSRF_FIELD);
  if (expected && typeof sent === 'string' && sameToken(sent, expected)) {
    return { ok: true, form, session };
  }
  const intent = form.get('intent');
  const values: Record<string, string> = {};
  for (const [name, value] of form) {
    if (typeof value === 'string' && name !== CSRF_FIELD && !/password/i.test(name)) values[name] = value;
  }
  return {
    ok: false,
    response: data<FormFailure>(
      {
        ok: false,
        intent: typeof intent === 'string' ? intent : undefined,
        code: 'CSRF_FAILED',
        formError: 'This page was open too long or your session changed. Please try again.',
        fieldErrors: {},
        values,
      },
      { status: 403 },
    ),
  };
}
