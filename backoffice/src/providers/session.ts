import type { Me as ApiMe } from '@sms/api/contract';

/**
 * The signed-in user and the CSRF token, kept in memory only (never in localStorage):
 * the session itself is the API's httpOnly cookie. After a reload both are fetched
 * again from GET /auth/me by authProvider.checkAuth.
 */
export type { Role, TwoFactorState } from '@sms/api/contract';

export type Action = 'list' | 'read' | 'create' | 'update' | 'delete';

/** `GET /auth/me`, as the API's contract says, with the actions typed. */
export type Me = Omit<ApiMe, 'permissions'> & { permissions: Record<string, Action[]> };

let me: Me | null = null;
let csrfToken: string | null = null;
/** GET /auth/me said 401 and nobody has signed in since: no need to ask again. */
let signedOut = false;
/** The API's clock minus the browser's, so "now" and "today" follow the API whatever the browser's clock says. */
let clockOffsetMs = 0;

type Listener = () => void;
const listeners = new Set<Listener>();

export const session = {
  getMe: (): Me | null => me,
  getCsrfToken: (): string | null => csrfToken,
  getClockOffsetMs: (): number => clockOffsetMs,
  isKnownSignedOut: (): boolean => signedOut,
  set(nextMe: Me | null, nextCsrf?: string | null) {
    me = nextMe;
    signedOut = false;
    const serverNow = nextMe?.server_now ? Date.parse(nextMe.server_now) : NaN;
    // Off by less than a minute is the request's own delay: keep the browser's clock then.
    if (Number.isFinite(serverNow)) clockOffsetMs = Math.abs(serverNow - Date.now()) > 60_000 ? serverNow - Date.now() : 0;
    if (nextCsrf !== undefined) csrfToken = nextCsrf;
    listeners.forEach((l) => l());
  },
  /** Merge fields of the user record (e.g. after editing one's own profile). */
  patchMe(fields: Partial<Me>) {
    if (!me) return;
    me = { ...me, ...fields, permissions: me.permissions, role: me.role };
    listeners.forEach((l) => l());
  },
  setCsrfToken(token: string | null) {
    csrfToken = token;
  },
  clear({ signedOut: known = false }: { signedOut?: boolean } = {}) {
    me = null;
    csrfToken = null;
    signedOut = known;
    listeners.forEach((l) => l());
  },
  subscribe(listener: Listener) {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
};
