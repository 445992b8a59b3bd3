import { z } from 'zod';
import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { assertNotRestricted, contextOf, requireActor } from '../../core/actor';
import { writeAudit } from '../../core/audit';
import { AppError, errors } from '../../core/errors';
import type { ResourceDefinition } from '../../core/resource';
import { findVisible } from '../../core/resource-router';
import { parseInput } from '../../core/input';
import type { LimiterFactory } from '../../core/limits';
import { currentCode, isValidCode } from './check-in-code';
import { CheckInThrottle } from './check-in-throttle';
import { meetingsResource } from './meetings.resource';

const meetings = meetingsResource as unknown as ResourceDefinition;
const EARLY_MINUTES = 10;

interface MeetingRow {
  id: number;
  mission_id: number;
  title: string;
  starts_at: Date;
  duration_minutes: number;
  requires_code: boolean;
  code_secret: string;
}

/** The rotating code (staff) and the student's check-in. */
const checkInInput = z.object({ code: z.string({ error: 'Enter the 6-digit code as text, e.g. "123456".' }).max(20, 'The code has 6 digits.').optional() });

export function meetingRouter(knex: Knex, limiter: LimiterFactory): Router {
  const router = Router();
  const throttle = new CheckInThrottle(limiter);

  async function visibleMeeting(req: Request): Promise<MeetingRow> {
    const { id } = await findVisible<{ id: number }>(meetings, requireActor(req), knex, req.params.id);
    return knex('meetings').where({ id }).first();
  }

  const windowOf = (meeting: MeetingRow) => ({
    opens_at: new Date(meeting.starts_at.getTime() - EARLY_MINUTES * 60_000).toISOString(),
    closes_at: new Date(meeting.starts_at.getTime() + meeting.duration_minutes * 60_000).toISOString(),
  });

  router.get('/meetings/:id/code', async (req: Request, res: Response) => {
    const actor = requireActor(req);
    if (actor.role === 'student' || actor.role === 'developer') throw errors.forbidden('Only the meeting’s staff can show its check-in code.');
    const meeting = await visibleMeeting(req);
    const { code, expiresInSeconds } = currentCode(meeting.code_secret);
    res.setHeader('Cache-Control', 'no-store');
    res.json({ meeting_id: meeting.id, code, expires_in_seconds: expiresInSeconds, requires_code: meeting.requires_code, ...windowOf(meeting) });
  });

  router.post('/meetings/:id/check-in', async (req: Request, res: Response) => {
    const actor = requireActor(req);
    if (actor.role !== 'student') throw errors.forbidden('Only students check in to meetings; staff mark attendance on the sheet.');
    const { code } = parseInput(checkInInput, req.body);
    assertNotRestricted(actor, 'meeting check-in');
    const meeting = await visibleMeeting(req);
    const { opens_at: opensAt, closes_at: closesAt } = windowOf(meeting);
    const now = Date.now();
    if (now < Date.parse(opensAt)) throw new AppError(422, 'VALIDATION_FAILED', 'Check-in opens 10 minutes before the meeting starts. Come back then.', { opens_at: opensAt });
    if (now > Date.parse(closesAt)) throw new AppError(422, 'VALIDATION_FAILED', 'This meeting has ended, so check-in is closed. Ask your mentor to mark you present if you attended.');
    if (meeting.requires_code) await throttle.assertCanTry(actor.id, meeting.id);
    if (meeting.requires_code && !isValidCode(meeting.code_secret, code, now)) {
      await throttle.recordWrong(actor.id, meeting.id);
      throw errors.validation('That check-in code is wrong or has expired. Enter the code your mentor is showing now.', { code: 'wrong or expired' });
    }
    if (meeting.requires_code) await throttle.recordRight(actor.id, meeting.id);
    const row = await knex.transaction(async (trx) => {
      const [inserted] = await trx.raw(
        `INSERT INTO meeting_attendance (meeting_id, student_id, method) VALUES (?, ?, ?)
         ON CONFLICT (meeting_id, student_id) DO NOTHING RETURNING *`,
        [meeting.id, actor.id, meeting.requires_code ? 'code' : 'self'],
      ).then((result: { rows: Record<string, unknown>[] }) => result.rows);
      if (!inserted) return null;
      await writeAudit(trx, contextOf(req), { action: 'create', resource: 'meeting_attendance', recordId: inserted.id as number, after: inserted });
      return inserted;
    });
    if (!row) throw new AppError(409, 'CONFLICT', 'You are already checked in to this meeting.', { already_checked_in: true });
    res.status(201).json({ ...row, message: `You are checked in to “${meeting.title}”.` });
  });

  return router;
}
