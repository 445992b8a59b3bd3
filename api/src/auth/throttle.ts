import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { errors } from '../core/errors';
import type { LimiterFactory } from '../core/limits';

const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

/**
 * Failed sign-ins and reset requests, counted per IP and per account, in the store every API node shares
 * (core/limits.ts): five failures spread over two hosts lock the account on both.
 */
export class AuthThrottle {
  private readonly loginByIp: RateLimiterAbstract;
  private readonly loginByEmail: RateLimiterAbstract;
  private readonly resetByIp: RateLimiterAbstract;
  private readonly resetByEmail: RateLimiterAbstract;
  private readonly signupByIp: RateLimiterAbstract;
  // Two-factor codes, per account: 5 wrong codes lock it for 15 minutes, 20 in a day for a day (a 6-digit code
  // accepted in a window of 3 leaves an attacker who has the password about 60 in a million tries a day).
  private readonly codeByUser: RateLimiterAbstract;
  private readonly codeByUserDay: RateLimiterAbstract;

  constructor(limiter: LimiterFactory) {
    this.loginByIp = limiter({ keyPrefix: 'login_ip', points: 30, duration: 15 * 60, blockDuration: 15 * 60 });
    this.loginByEmail = limiter({ keyPrefix: 'login_email', points: 5, duration: 15 * 60, blockDuration: 15 * 60 });
    this.resetByIp = limiter({ keyPrefix: 'reset_ip', points: 10, duration: 60 * 60 });
    this.resetByEmail = limiter({ keyPrefix: 'reset_email', points: 3, duration: 60 * 60 });
    this.signupByIp = limiter({ keyPrefix: 'signup_ip', points: 10, duration: 60 * 60 });
    this.codeByUser = limiter({ keyPrefix: 'code_user', points: 5, duration: 15 * 60, blockDuration: 15 * 60 });
    this.codeByUserDay = limiter({ keyPrefix: 'code_user_day', points: 20, duration: 24 * 60 * 60, blockDuration: 24 * 60 * 60 });
  }

  async assertCanTryLogin(ip: string, email: string): Promise<void> {
    const [byIp, byEmail] = await Promise.all([this.loginByIp.get(ip), this.loginByEmail.get(email)]);
    const blocked = [byIp, byEmail].filter((r): r is RateLimiterRes => !!r && r.remainingPoints <= 0);
    if (blocked.length) {
      const wait = Math.max(...blocked.map((r) => r.msBeforeNext)) / 1000;
      throw errors.rateLimited(`Too many failed sign-ins. Try again in ${minutes(wait)} minute${minutes(wait) === 1 ? '' : 's'}.`, Math.ceil(wait));
    }
  }

  async recordLoginFailure(ip: string, email: string): Promise<void> {
    await Promise.all([this.loginByIp.penalty(ip, 1), this.loginByEmail.penalty(email, 1)]);
    const byEmail = await this.loginByEmail.get(email);
    if (byEmail && byEmail.remainingPoints <= 0) await this.loginByEmail.block(email, 15 * 60);
    const byIp = await this.loginByIp.get(ip);
    if (byIp && byIp.remainingPoints <= 0) await this.loginByIp.block(ip, 15 * 60);
  }

  async recordLoginSuccess(email: string): Promise<void> {
    await this.loginByEmail.delete(email);
  }

  async assertCanTryCode(userId: number): Promise<void> {
    const key = String(userId);
    const results = await Promise.all([this.codeByUser.get(key), this.codeByUserDay.get(key)]);
    const blocked = results.filter((r): r is RateLimiterRes => !!r && r.remainingPoints <= 0);
    if (blocked.length) {
      const wait = Math.max(...blocked.map((r) => r.msBeforeNext)) / 1000;
      throw errors.rateLimited(`Too many wrong codes. Try again in ${minutes(wait)} minute${minutes(wait) === 1 ? '' : 's'}, or ask an admin to reset your two-factor sign-in.`, Math.ceil(wait));
    }
  }

  async recordCodeFailure(userId: number): Promise<void> {
    const key = String(userId);
    for (const [limiter, seconds] of [[this.codeByUser, 15 * 60], [this.codeByUserDay, 24 * 60 * 60]] as const) {
      await limiter.penalty(key, 1);
      const now = await limiter.get(key);
      if (now && now.remainingPoints <= 0) await limiter.block(key, seconds);
    }
  }

  async recordCodeSuccess(userId: number): Promise<void> {
    await this.codeByUser.delete(String(userId));
  }

  private async consume(limiter: RateLimiterAbstract, key: string, what: string): Promise<void> {
    try {
      await limiter.consume(key);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const wait = rejection.msBeforeNext / 1000;
      throw errors.rateLimited(`Too many ${what}. Try again in ${minutes(wait)} minute${minutes(wait) === 1 ? '' : 's'}.`, Math.ceil(wait));
    }
  }

  async consumeReset(ip: string, email: string): Promise<void> {
    await this.consume(this.resetByIp, ip, 'requests from your network');
    await this.consume(this.resetByEmail, email, 'reset emails for this address');
  }

  async consumeSignup(ip: string): Promise<void> {
    await this.consume(this.signupByIp, ip, 'sign-ups from your network');
  }
}
