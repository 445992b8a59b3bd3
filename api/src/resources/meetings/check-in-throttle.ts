import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { errors } from '../../core/errors';
import { inMinutes, type LimiterFactory } from '../../core/limits';

const WINDOW = 15 * 60;

/**
 * Wrong meeting check-in codes, in the store every API node shares. A code has six digits: 5 wrong tries at one
 * meeting (10 across meetings in an hour) block the student's check-ins until the block ends, the right code included,
 * so guessing takes years instead of minutes. Per student, never per meeting: one student's typos lock no one else out.
 */
export class CheckInThrottle {
  private readonly byMeeting: RateLimiterAbstract;
  private readonly byStudent: RateLimiterAbstract;

  constructor(limiter: LimiterFactory) {
    this.byMeeting = limiter({ keyPrefix: 'checkin_meeting', points: 5, duration: WINDOW, blockDuration: WINDOW });
    this.byStudent = limiter({ keyPrefix: 'checkin_user', points: 10, duration: 60 * 60, blockDuration: 60 * 60 });
  }

  private keys(studentId: number, meetingId: number) {
    return [
      [this.byMeeting, `${studentId}:${meetingId}`, WINDOW],
      [this.byStudent, String(studentId), 60 * 60],
    ] as const;
  }

  async assertCanTry(studentId: number, meetingId: number): Promise<void> {
    const results = await Promise.all(this.keys(studentId, meetingId).map(([limiter, key]) => limiter.get(key)));
    const blocked = results.filter((r): r is RateLimiterRes => !!r && r.remainingPoints <= 0);
    if (!blocked.length) return;
    const wait = Math.ceil(Math.max(...blocked.map((r) => r.msBeforeNext)) / 1000);
    throw errors.rateLimited(
      `Too many wrong check-in codes, so check-in is paused for you for ${inMinutes(wait)}. Ask your mentor to mark you present, or try again then with the code on screen.`,
      wait,
    );
  }

  async recordWrong(studentId: number, meetingId: number): Promise<void> {
    for (const [limiter, key, seconds] of this.keys(studentId, meetingId)) {
      const now = await limiter.penalty(key, 1);
      if (now.remainingPoints <= 0) await limiter.block(key, seconds);
    }
  }

  async recordRight(studentId: number, meetingId: number): Promise<void> {
    await this.byMeeting.delete(`${studentId}:${meetingId}`);
  }
}
