import type { CookieOptions, Request, Response } from 'express';
import type { Knex } from 'knex';
import type { Config } from '../config';
import { contextOf, type Actor, type Role } from '../core/actor';
import { writeAudit } from '../core/audit';
import type { MeLoader } from './me';
import { createSession, SESSION_COOKIE, type NewSession, type SecondFactor } from './sessions';
import { DEVICE_COOKIE, TRUSTED_DEVICE_DAYS, type TwoFactor } from './two-factor';

export interface SignInDeps {
  knex: Knex;
  config: Config;
  twoFactor: TwoFactor;
  me: MeLoader;
}

export const sessionCookieOptions = (config: Config): CookieOptions => ({
  httpOnly: true,
  sameSite: 'lax',
  secure: config.cookieSecure,
  path: '/',
  maxAge: config.SESSION_TTL_HOURS * 3600 * 1000,
});

/** The remembered-device cookie: only the sign-in routes (under /auth) ever read it. */
export const deviceCookieOptions = (config: Config): CookieOptions => ({
  httpOnly: true,
  sameSite: 'lax',
  secure: config.cookieSecure,
  path: '/auth',
  maxAge: TRUSTED_DEVICE_DAYS * 24 * 3600 * 1000,
});

export const metaOf = (req: Request) => ({ ip: req.ip ?? null, userAgent: req.get('user-agent') ?? null });

/** The device token a sign-in brings: the API's cookie (browsers) or `device_token` in the body (the portal's server). */
export function deviceTokenOf(req: Request): unknown {
  return (req.body as Record<string, unknown> | undefined)?.device_token ?? (req.cookies as Record<string, string> | undefined)?.[DEVICE_COOKIE];
}

export interface OpenedSession {
  session: NewSession;
  pending: boolean;
  user: Awaited<ReturnType<MeLoader>>;
}

/**
 * The session a proven first factor (password, or SSO) earns. Two-factor applies when the user has turned it on or
 * their role requires it: then the session is pending (only the two-factor routes open) unless the second factor is
 * already proven — by the identity provider (`idpMfa`) or by a remembered device of this user.
 */
export async function openSession(
  deps: SignInDeps,
  req: Request,
  user: { id: number; role: Role },
  { method, idpMfa = false }: { method: 'password' | 'oidc'; idpMfa?: boolean },
): Promise<OpenedSession> {
  const { knex, config, twoFactor } = deps;
  const { session, pending } = await knex.transaction(async (trx) => {
    const enabled = await twoFactor.isEnabled(trx, user.id);
    const required = config.twoFactorRequiredRoles.includes(user.role);
    let secondFactor: SecondFactor | null = null;
    if (idpMfa) secondFactor = 'idp_mfa';
    else if (enabled && (await twoFactor.trustedDevice(trx, user.id, deviceTokenOf(req)))) secondFactor = 'trusted_device';
    const waiting = !secondFactor && (enabled || required);
    const created = await createSession(trx, user.id, config.SESSION_TTL_HOURS, metaOf(req), { method, twoFactorPending: waiting, secondFactor });
    await writeAudit(trx, { ...contextOf(req), actor: { id: user.id, role: user.role } as Actor }, {
      action: waiting ? 'login_started' : 'login',
      resource: 'sessions',
      recordId: created.sessionId,
      after: { method, second_factor: secondFactor, ...(waiting ? { next: enabled ? 'verify_2fa' : 'enrol_2fa' } : {}) },
    });
    return { session: created, pending: waiting };
  });
  return { session, pending, user: await deps.me(user.id, { pending }) };
}

/** Answers a sign-in: a cookie for browsers (`/auth/login`), the token in the body for server-side clients. */
export function answerSignIn(res: Response, config: Config, opened: Pick<OpenedSession, 'session' | 'user'>, via: 'cookie' | 'bearer', extra: Record<string, unknown> = {}) {
  if (via === 'cookie') {
    res.cookie(SESSION_COOKIE, opened.session.token, sessionCookieOptions(config));
    res.json({ user: opened.user, csrfToken: opened.session.csrfToken, ...extra });
  } else {
    res.json({ token: opened.session.token, csrfToken: opened.session.csrfToken, user: opened.user, ...extra });
  }
}
