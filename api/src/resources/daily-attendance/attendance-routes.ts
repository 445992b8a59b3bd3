import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { contextOf, requireActor } from '../../core/actor';
import { errors } from '../../core/errors';
import { parseInput } from '../../core/input';
import { attendanceWriter } from './attendance-writer';

const submission = z.object({
  mission_id: z.coerce.number({ error: 'Choose a mission.' }).int().positive('Choose a mission.'),
  note: z.string().trim().max(2000, 'Keep the note under 2,000 characters.').default(''),
});

/**
 * POST /attendance: a student's attendance for today (the batch's local day, decided by PostgreSQL).
 * The row, its audit entry and its points are written together (see attendance-writer); a second submission
 * the same day inserts nothing and gets a friendly 409, however many arrive at once.
 */
export function attendanceRouter(knex: Knex): Router {
  const router = Router();
  const writer = attendanceWriter(knex);

  router.post('/attendance', async (req: Request, res: Response) => {
    const actor = requireActor(req);
    if (actor.role !== 'student') throw errors.forbidden('Only students submit their own attendance.');
    const { mission_id: missionId, note } = parseInput(submission, req.body);
    const context = contextOf(req);
    const row = await writer.load({ studentId: actor.id, missionId, note, ip: context.ip, userAgent: context.userAgent, requestId: context.requestId });
    res.status(201).json({ id: row.id, mission_id: row.mission_id, local_date: row.day, submitted_at: row.submitted_at, note: row.note, message: `Attendance recorded for ${row.day}.` });
  });

  return router;
}
