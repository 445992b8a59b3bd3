import type { NextFunction, Request, Response } from 'express';
import type { Actor } from '../core/actor';
import { AppError } from '../core/errors';
import { SIGNED_OUT_FLOWS } from './authenticate';

/** What a session waiting for its second factor may do: say who it is, finish (or set up) two-factor sign-in, sign out. */
const OPEN_TO_PENDING: { method: string; path: RegExp }[] = [
  { method: 'GET', path: /^\/auth\/me$/ },
  { method: 'POST', path: /^\/auth\/logout$/ },
  { method: 'GET', path: /^\/auth\/2fa$/ },
  { method: 'GET', path: /^\/auth\/2fa\/setup$/ },
  { method: 'POST', path: /^\/auth\/2fa\/(setup|enable|verify)$/ },
  { method: 'GET', path: /^\/auth\/oidc(\/.*)?$/ },
];

export function assertTwoFactorDone(actor: Actor | undefined, method: string, path: string): void {
  if (!actor?.twoFactorPending) return;
  if (SIGNED_OUT_FLOWS.has(path) || OPEN_TO_PENDING.some((rule) => rule.method === method && rule.path.test(path))) return;
  throw new AppError(403, 'TWO_FACTOR_REQUIRED', 'Finish signing in first: enter the code from your authenticator app (or set one up, if your role requires it).');
}

export function twoFactorGate(req: Request, _res: Response, next: NextFunction): void {
  assertTwoFactorDone(req.actor, req.method, req.path);
  next();
}
