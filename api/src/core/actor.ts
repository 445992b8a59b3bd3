import type { Request } from 'express';
import { errors } from './errors';

import { ROLES, type Role } from '../contract/roles';

export { ROLES, type Role };
export const STAFF_ROLES: readonly Role[] = ['admin', 'developer', 'manager', 'sre', 'mentor'];

/** The signed-in user behind a request. */
export interface Actor {
  id: number;
  email: string;
  name: string;
  role: Role;
  sessionId: number;
  via: 'cookie' | 'bearer';
  csrfToken: string;
  /** Password (or SSO) proven, second factor not yet: only the two-factor routes are open (auth/two-factor-gate.ts). */
  twoFactorPending?: boolean;
  /** What proved the second factor of this session, if anything. */
  secondFactor?: 'totp' | 'recovery_code' | 'trusted_device' | 'idp_mfa' | null;
  /** A student's standing: banned and delisted students may only read why and appeal; restricted ones lose mentorship. */
  standing?: { status: 'active' | 'banned' | 'delisted'; restricted: boolean };
}

/** Refuses a restricted student the parts of the school that restriction takes away. */
export function assertNotRestricted(actor: Actor, what: string): void {
  if (actor.standing?.restricted) {
    throw errors.forbidden(`Your account is restricted after an academic integrity case, so ${what} is not available. You can still contact the SRE team, and appeal the decision.`);
  }
}

/** Where a write comes from, for the audit log. */
export interface RequestContext {
  actor: Actor | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      actor?: Actor;
    }
  }
}

export function requireActor(req: Request): Actor {
  if (!req.actor) throw errors.unauthenticated();
  return req.actor;
}

export function contextOf(req: Request): RequestContext {
  return {
    actor: req.actor ?? null,
    ip: req.ip ?? null,
    userAgent: req.get('user-agent') ?? null,
    requestId: req.id ? String(req.id) : null,
  };
}
