import type { NextFunction, Request, Response } from 'express';
import type { Knex } from 'knex';
import { RateLimiterPostgres, RateLimiterRes, type IRateLimiterStoreOptions, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Actor } from './actor';
import { errors } from './errors';

/** Makes a limiter whose counts every API node shares. */
export type LimiterFactory = (options: Omit<IRateLimiterStoreOptions, 'storeClient'>) => RateLimiterAbstract;

/** The table the migration 20261207100100_rate_limits creates (never created at run time). */
export const RATE_LIMITS_TABLE = 'rate_limits';

/**
 * Limiters on rate-limiter-flexible's Postgres store in the app's own database: each limiter's keys are prefixed with
 * its name in one table, so two API processes (or hosts) count the same failures and writes. One of them sweeps
 * expired rows (every 5 minutes, in the library).
 */
export function sharedLimiters(knex: Knex): LimiterFactory {
  let sweeps = false;
  return (options) => {
    const limiter = new RateLimiterPostgres({
      ...options,
      storeClient: knex,
      storeType: 'knex',
      tableName: RATE_LIMITS_TABLE,
      tableCreated: true,
      clearExpiredByTimeout: !sweeps,
    });
    sweeps = true;
    return limiter;
  };
}

export const inMinutes = (seconds: number) => {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
};

const waitOf = (result: RateLimiterRes) => Math.max(1, Math.ceil(result.msBeforeNext / 1000));

/** A wait as people say it: "30 seconds", "2 minutes". */
const inWords = (seconds: number) => (seconds < 60 ? `${seconds} second${seconds === 1 ? '' : 's'}` : inMinutes(seconds));

export interface WriteLimitOptions {
  /** Writes (POST, PUT, PATCH, DELETE) one signed-in user may make per window. */
  perUser: number;
  /** Writes one client address may make per window, whoever is signed in. */
  perAddress: number;
  windowSeconds: number;
}

/**
 * The per-user and per-address limit on writes, on the shared store. Once over, a key is refused from memory until its
 * window ends (no database round trip per refused request), so a flood costs the database nothing more.
 */
export class WriteLimit {
  private readonly byUser: RateLimiterAbstract;
  private readonly byAddress: RateLimiterAbstract;

  constructor(limiter: LimiterFactory, private readonly options: WriteLimitOptions) {
    this.byUser = limiter({ keyPrefix: 'write_user', points: options.perUser, duration: options.windowSeconds, inMemoryBlockOnConsumed: options.perUser });
    this.byAddress = limiter({ keyPrefix: 'write_ip', points: options.perAddress, duration: options.windowSeconds, inMemoryBlockOnConsumed: options.perAddress });
  }

  /** Counts one write; a write over either limit is refused with 429, Retry-After and when to try again. */
  async consume(actor: Pick<Actor, 'id'> | null | undefined, address: string | null | undefined): Promise<void> {
    try {
      await Promise.all([
        address ? this.byAddress.consume(address).catch((rejection) => Promise.reject(tagged(rejection, 'address'))) : undefined,
        actor ? this.byUser.consume(String(actor.id)).catch((rejection) => Promise.reject(tagged(rejection, 'user'))) : undefined,
      ]);
    } catch (rejection) {
      const limited = rejection as { result?: RateLimiterRes; by?: 'user' | 'address' };
      if (!(limited.result instanceof RateLimiterRes)) throw limited.result ?? rejection;
      const wait = waitOf(limited.result);
      const who =
        limited.by === 'user'
          ? `You have made more than ${this.options.perUser} changes in ${inWords(this.options.windowSeconds)}`
          : `More than ${this.options.perAddress} changes came from your network in ${inWords(this.options.windowSeconds)}`;
      throw errors.rateLimited(`${who}, so we paused saving for a moment. Wait ${inWords(wait)} and try again; nothing you saved before is lost.`, wait);
    }
  }

  /** Express middleware: counts every write of a request after authentication. */
  middleware() {
    return async (req: Request, _res: Response, next: NextFunction) => {
      if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
      await this.consume(req.actor, req.ip);
      next();
    };
  }
}

const tagged = (rejection: unknown, by: 'user' | 'address') => ({ result: rejection, by });
