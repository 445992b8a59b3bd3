import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { contextOf, requireActor } from '../../core/actor';
import { writeAudit } from '../../core/audit';
import { errors } from '../../core/errors';
import type { NotificationItem } from '../../contract';

type Notification = NotificationItem;

// Everything a student should hear about, newest first: news of the last 30 days, and reminders of what is due in
// the next two days (deadlines not yet submitted) or starts in the next day (meetings that include them).
// Notices are not here: the notices page has its own unread count.
const NOTIFICATIONS_SQL = `
  WITH me AS (SELECT id, notifications_seen_at AS seen FROM users WHERE id = :student),
  news AS (
    SELECT 'assignment' AS kind, 'assignment-' || a.id AS key, 'New assignment in ' || m.code || ': #' || a.number || ' ' || a.title AS title, a.created_at AS at, '/assignments' AS href
    FROM assignments a JOIN missions m ON m.id = a.mission_id
    WHERE a.mission_id IN (SELECT mission_id FROM mission_enrolments WHERE student_id = :student) AND a.created_at > now() - interval '30 days'
    UNION ALL
    SELECT 'ticket_reply', 'ticket-message-' || tm.id, u.name || ' replied on “' || t.subject || '”', tm.created_at, '/tickets/' || t.id
    FROM tickets t JOIN ticket_messages tm ON tm.ticket_id = t.id JOIN users u ON u.id = tm.author_id
    WHERE t.student_id = :student AND tm.author_id <> :student AND tm.created_at > now() - interval '30 days'
    UNION ALL
    SELECT 'shoutout', 'shoutout-' || s.id, u.name || ' gave you a shout-out: ' || initcap(replace(s.badge, '_', ' ')), s.created_at, '/achievements'
    FROM shoutouts s JOIN users u ON u.id = s.given_by WHERE s.student_id = :student AND s.created_at > now() - interval '30 days'
    UNION ALL
    SELECT 'certificate', 'certificate-' || c.id, 'Your certificate for ' || c.mission_title || ' is ready', c.issued_at, '/achievements'
    FROM certificates c WHERE c.student_id = :student AND c.issued_at > now() - interval '30 days'
    UNION ALL
    SELECT 'appeal', 'appeal-' || ap.id, 'Your appeal was ' || ap.status, ap.decided_at, '/standing'
    FROM appeals ap WHERE ap.student_id = :student AND ap.decided_at > now() - interval '30 days'
  ),
  reminders AS (
    SELECT 'deadline' AS kind, 'deadline-' || a.id AS key, 'Due soon in ' || m.code || ': #' || a.number || ' ' || a.title AS title, a.deadline AS at, '/assignments' AS href
    FROM assignments a JOIN missions m ON m.id = a.mission_id
    WHERE a.mission_id IN (SELECT mission_id FROM mission_enrolments WHERE student_id = :student AND status = 'active')
      AND a.deadline BETWEEN now() AND now() + interval '48 hours'
      AND NOT EXISTS (SELECT 1 FROM submissions sb WHERE sb.assignment_id = a.id AND sb.student_id = :student)
    UNION ALL
    SELECT 'meeting', 'meeting-' || mt.id, 'Meeting soon: ' || mt.title, mt.starts_at, '/meetings'
    FROM meetings mt
    WHERE mt.mission_id IN (SELECT mission_id FROM mission_enrolments WHERE student_id = :student AND status = 'active')
      AND mt.starts_at BETWEEN now() - make_interval(mins => mt.duration_minutes) AND now() + interval '24 hours'
      AND (NOT EXISTS (SELECT 1 FROM meeting_invitees i WHERE i.meeting_id = mt.id)
           OR EXISTS (SELECT 1 FROM meeting_invitees i WHERE i.meeting_id = mt.id AND i.student_id = :student))
  )
  SELECT kind, key, title, at, href, at > coalesce(me.seen, '-infinity') AS new FROM news, me
  UNION ALL
  SELECT kind, key, title, at, href, false FROM reminders
  ORDER BY at DESC
  LIMIT 50`;

export async function notificationsOf(db: Knex, studentId: number): Promise<{ items: Notification[]; new_count: number }> {
  const { rows } = await db.raw(NOTIFICATIONS_SQL, { student: studentId });
  const items = rows.map((row: Notification & { at: Date }) => ({ ...row, at: new Date(row.at).toISOString() }));
  return { items, new_count: items.filter((item: Notification) => item.new).length };
}

/** GET /me/notifications: a student's alerts; POST /me/notifications/seen: all seen up to now. */
export function notificationsRouter(knex: Knex): Router {
  const router = Router();
  const requireStudent = (req: Request) => {
    const actor = requireActor(req);
    if (actor.role !== 'student') throw errors.forbidden('Alerts are for students.');
    return actor;
  };
  router.get('/me/notifications', async (req: Request, res: Response) => {
    res.json(await notificationsOf(knex, requireStudent(req).id));
  });
  router.post('/me/notifications/seen', async (req: Request, res: Response) => {
    const actor = requireStudent(req);
    await knex.transaction(async (trx) => {
      await trx('users').where({ id: actor.id }).update({ notifications_seen_at: trx.fn.now() });
      await writeAudit(trx, contextOf(req), { action: 'seen', resource: 'notifications', recordId: actor.id });
    });
    res.json({ new_count: 0 });
  });
  return router;
}
