import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { contextOf, requireActor } from '../../core/actor';
import { AppError, errors } from '../../core/errors';

const submission = z.object({
  mission_id: z.coerce.number({ error: 'Choose a mission.' }).int().positive('Choose a mission.'),
  note: z.string().trim().max(2000, 'Keep the note under 2,000 characters.').default(''),
});

/**
 * POST /attendance: a student's attendance for today (the batch's local day, decided by PostgreSQL).
 * One statement inserts the row, its audit entry and (by trigger) its points; a second submission the same
 * day inserts nothing and gets a friendly 409, however many arrive at once.
 */
export function attendanceRouter(knex: Knex): Router {
  const router = Router();

  router.post('/attendance', async (req: Request, res: Response) => {
    const actor = requireActor(req);
    if (actor.role !== 'student') throw errors.forbidden('Only students submit their own attendance.');
    const parsed = submission.safeParse(req.body ?? {});
    if (!parsed.success) {
      const fields = Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
      throw errors.validation(Object.values(fields).join(' '), fields);
    }
    const { mission_id: missionId, note } = parsed.data;
    const context = contextOf(req);
    const { rows } = await knex.raw(
      `WITH inserted AS (
         INSERT INTO daily_attendance (student_id, mission_id, note) VALUES (?, ?, ?)
         ON CONFLICT (student_id, mission_id, local_date) DO NOTHING
         RETURNING *
       ), audited AS (
         INSERT INTO audit_log (actor_user_id, actor_role, action, resource, record_id, after, ip, user_agent, request_id)
         SELECT ?, 'student', 'create', 'daily_attendance', id::text, to_jsonb(inserted), ?, ?, ? FROM inserted
       )
       SELECT inserted.*, to_char(inserted.local_date, 'YYYY-MM-DD') AS day FROM inserted`,
      [actor.id, missionId, note, actor.id, context.ip, context.userAgent, context.requestId],
    );
    if (rows.length === 0) {
      throw new AppError(409, 'CONFLICT', "You already submitted today's attendance for this mission.", { already_submitted: true });
    }
    const [row] = rows;
    res.status(201).json({ id: row.id, mission_id: row.mission_id, local_date: row.day, submitted_at: row.submitted_at, note: row.note, message: `Attendance recorded for ${row.day}.` });
  });

  return router;
}
