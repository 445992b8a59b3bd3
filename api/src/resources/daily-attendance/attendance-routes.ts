import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { contextOf, requireActor, type Actor, type RequestContext } from '../../core/actor';
import type { Batcher } from '../../core/batcher';
import { errors } from '../../core/errors';
import type { FastRoute } from '../../core/fast-lane';
import { parseInput } from '../../core/input';
import type { AttendanceRow, AttendanceSubmission } from './attendance-writer';

const submission = z.object({
  mission_id: z.number({ error: 'Choose a mission.' }).int().positive('Choose a mission.'),
  note: z.string().trim().max(2000, 'Keep the note under 2,000 characters.').default(''),
});

/**
 * A student's attendance for today (the batch's local day, decided by PostgreSQL). The row, its audit entry and
 * its points are written together (see attendance-writer); a second submission the same day inserts nothing and
 * gets a friendly 409, however many arrive at once.
 */
export function submitAttendance(writer: Batcher<AttendanceSubmission, AttendanceRow>) {
  return async (actor: Actor, body: unknown, context: RequestContext) => {
    if (actor.role !== 'student') throw errors.forbidden('Only students submit their own attendance.');
    const { mission_id: missionId, note } = parseInput(submission, body);
    const row = await writer.load({ studentId: actor.id, missionId, note, ip: context.ip, userAgent: context.userAgent, requestId: context.requestId });
    return {
      status: 201,
      body: { id: row.id, mission_id: row.mission_id, local_date: row.day, submitted_at: row.submitted_at, note: row.note, message: `Attendance recorded for ${row.day}.` },
    };
  };
}

export type SubmitAttendance = ReturnType<typeof submitAttendance>;

/** POST /attendance on the fast lane: the whole cohort submits in the same few minutes. */
export const attendanceFastRoute = (submit: SubmitAttendance): FastRoute => ({ method: 'POST', path: '/attendance', handle: submit });

/** POST /attendance through Express, for the requests the fast lane leaves (cookie sessions, other content types). */
export function attendanceRouter(submit: SubmitAttendance): Router {
  const router = Router();
  router.post('/attendance', async (req: Request, res: Response) => {
    const { status, body } = await submit(requireActor(req), req.body, contextOf(req));
    res.status(status).json(body);
  });
  return router;
}
