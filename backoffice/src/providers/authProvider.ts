import { HttpError, type AuthProvider } from 'react-admin';
import { apiFetch, refreshSession } from './httpClient';
import { can, canByRole } from './permissions';
import { session, type Me } from './session';

export const STUDENT_MESSAGE = 'Students sign in on the student portal.';

/** Ends the API session; errors (already signed out, network…) are ignored. */
const endSession = async () => {
  try {
    await apiFetch('/auth/logout', { method: 'POST' });
  } catch {
    /* nothing to do */
  }
  session.clear({ signedOut: true });
};

/** The user from memory, or from GET /auth/me after a reload. */
const currentUser = async (): Promise<Me | null> =>
  session.getMe() ?? (session.isKnownSignedOut() ? null : await refreshSession());

/** A session that has passed the password (or SSO) but not yet its second factor. */
export const isPendingTwoFactor = (me: Me | null | undefined) => Boolean(me?.two_factor?.pending);

export const authProvider: AuthProvider = {
  /**
   * `{email, password}` signs in. A sign-in that needs its second factor stays on the sign-in page (which then asks
   * for the code, or the enrolment); `{twoFactorDone: true}` is how that page finishes, with the session already set.
   */
  async login({ email, password, twoFactorDone }: { email?: string; password?: string; twoFactorDone?: boolean }) {
    if (twoFactorDone) return;
    const signIn = () =>
      apiFetch<{ user: Me; csrfToken: string }>('/auth/login', {
        method: 'POST',
        body: JSON.stringify({ email: String(email ?? '').trim(), password }),
      });
    let answer: { user: Me; csrfToken: string };
    try {
      answer = await signIn();
    } catch (error) {
      // A still-valid session cookie we had forgotten about makes the API ask for its CSRF
      // token even here: fetch it (GET /auth/me) and try once more.
      if (!(error instanceof HttpError && error.status === 403 && error.body?.code === 'CSRF_FAILED')) throw error;
      await refreshSession();
      answer = await signIn();
    }
    const { user, csrfToken } = answer;
    session.set(user, csrfToken);
    if (user.role === 'student') {
      await endSession();
      throw new Error(STUDENT_MESSAGE);
    }
    if (isPendingTwoFactor(user)) return { redirectTo: '/login' };
    if (!user.permissions) await refreshSession();
  },

  async logout() {
    if (session.getMe() || session.getCsrfToken()) await endSession();
    session.clear({ signedOut: true });
  },

  async checkAuth() {
    let me: Me | null;
    try {
      me = await currentUser();
    } catch (error) {
      // API unreachable or failing: show why rather than silently bouncing to the login page.
      throw { message: error instanceof Error ? error.message : 'Cannot reach the API.' };
    }
    if (!me || isPendingTwoFactor(me)) throw { message: false, redirectTo: '/login' };
    if (me.role === 'student') {
      await endSession();
      throw { message: STUDENT_MESSAGE, redirectTo: '/login' };
    }
  },

  async checkError(error: unknown) {
    const status = (error as HttpError | undefined)?.status;
    const code = (error as HttpError | undefined)?.body?.code;
    if (status === 401) {
      session.clear({ signedOut: true });
      throw { message: 'Your session has ended. Please sign in again.', redirectTo: '/login' };
    }
    if (status === 403 && code === 'CSRF_FAILED') {
      // The CSRF token changed (e.g. password changed in another tab): fetch a fresh one.
      session.setCsrfToken(null);
      await refreshSession().catch(() => null);
    }
    if (status === 403 && code === 'TWO_FACTOR_REQUIRED') {
      await refreshSession().catch(() => null);
      throw { message: false, redirectTo: '/login' };
    }
    if (status === 403 && code === 'ACCOUNT_BLOCKED') {
      session.clear({ signedOut: true });
      throw { message: (error as HttpError).message, redirectTo: '/login' };
    }
    // FORBIDDEN and everything else: stay signed in, react-admin shows the message.
  },

  async getIdentity() {
    const me = await currentUser();
    if (!me) throw new Error('Not signed in');
    return { id: me.id, fullName: me.name, avatar: me.avatar_url || undefined, email: me.email, role: me.role };
  },

  async getPermissions() {
    const me = await currentUser();
    return me?.permissions ?? {};
  },

  async canAccess({ resource, action }) {
    const me = await currentUser();
    return canByRole(me?.role, resource, action) ?? can(me?.permissions, resource, action);
  },
};
