import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Knex } from 'knex';
import type { Actor, Role } from '../core/actor';
import { AppError } from '../core/errors';
import { findSessionActor, SESSION_COOKIE } from './sessions';

/** A bearer token that no longer names a live session. */
export const sessionEnded = () => new AppError(401, 'UNAUTHENTICATED', 'Your session has ended. Please sign in again.');

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Signed-out flows: they never act with the cookie's authority, so a stale cookie must not block them. */
export const SIGNED_OUT_FLOWS: ReadonlySet<string> = new Set(['/auth/login', '/auth/token', '/auth/signup', '/auth/verify-email', '/auth/verify-email/resend', '/auth/password/forgot', '/auth/password/reset']);

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * A session of a role that must use two-factor sign-in but proved no second factor (made before the role required
 * it, e.g. TWO_FACTOR_REQUIRED_ROLES changed) is treated as pending too: its user is led to enrol or enter a code.
 */
const withTwoFactorRule = (actor: Actor | null, requiredRoles: readonly Role[]): Actor | undefined =>
  actor && actor.sessionId && !actor.twoFactorPending && !actor.secondFactor && requiredRoles.includes(actor.role)
    ? { ...actor, twoFactorPending: true }
    : (actor ?? undefined);

/**
 * Resolves the actor from a bearer token (server-side clients) or the session cookie (browsers).
 * Cookie-authenticated writes must carry the session's CSRF token and come from an allowed origin.
 * Sessions waiting for their second factor resolve too: `twoFactorGate` decides what they may do.
 */
export function authenticate(knex: Knex, allowedOrigins: readonly string[], twoFactorRequiredRoles: readonly Role[] = []): RequestHandler {
  const find = async (token: string, via: Actor['via']) => withTwoFactorRule(await findSessionActor(knex, token, via, { withPending: true }), twoFactorRequiredRoles);
  return async (req: Request, _res: Response, next: NextFunction) => {
    const header = req.get('authorization');
    const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const cookie = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    if (bearer) {
      req.actor = await find(bearer, 'bearer');
      if (!req.actor) throw sessionEnded();
      return next();
    }
    if (!SAFE_METHODS.has(req.method)) {
      const origin = req.get('origin');
      if (origin && !allowedOrigins.includes(origin)) {
        throw new AppError(403, 'CSRF_FAILED', `Requests from ${origin} are not allowed.`);
      }
    }
    if (cookie) {
      req.actor = await find(cookie, 'cookie');
      if (req.actor && !SAFE_METHODS.has(req.method) && !SIGNED_OUT_FLOWS.has(req.path)) {
        const sent = req.get('x-csrf-token') ?? '';
        if (!sameToken(sent, req.actor.csrfToken)) {
          throw new AppError(403, 'CSRF_FAILED', 'The security token for this form is missing or out of date. Reload the page and try again.');
        }
      }
    }
    next();
  };
}
