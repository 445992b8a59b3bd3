import type { NextFunction, Request, Response } from 'express';
import type { Actor } from '../core/actor';
import { AppError } from '../core/errors';

/** What a banned or delisted student may still do: see who they are, read why, appeal, sign out. */
const OPEN_TO_SUSPENDED: { method: string; path: RegExp }[] = [
  { method: 'GET', path: /^\/auth\/me$/ },
  { method: 'POST', path: /^\/auth\/logout$/ },
  { method: 'GET', path: /^\/me\/standing$/ },
  { method: 'GET', path: /^\/integrity_cases(\/\d+)?$/ },
  { method: 'GET', path: /^\/integrity_actions(\/\d+)?$/ },
  { method: 'GET', path: /^\/appeals(\/\d+)?$/ },
  { method: 'POST', path: /^\/appeals$/ },
];

/** Every other route answers a banned or delisted student with the reason, whatever the front end shows. */
export function assertStanding(actor: Actor | undefined, method: string, path: string): void {
  const standing = actor?.standing;
  if (!standing || standing.status === 'active') return;
  if (OPEN_TO_SUSPENDED.some((rule) => rule.method === method && rule.path.test(path))) return;
  throw new AppError(
    403,
    'ACCOUNT_SUSPENDED',
    `Your account is ${standing.status}. You can read why and appeal the decision; everything else is closed until then.`,
    { status: standing.status },
  );
}

export function standingGate(req: Request, _res: Response, next: NextFunction): void {
  assertStanding(req.actor, req.method, req.path);
  next();
}
