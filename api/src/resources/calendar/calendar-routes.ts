import { Router, type Request, type Response } from 'express';
import ical, { ICalCalendarMethod } from 'ical-generator';
import type { Knex } from 'knex';
import { contextOf, requireActor, type Role } from '../../core/actor';
import { writeAudit } from '../../core/audit';
import { errors } from '../../core/errors';
import { hashToken, newToken } from '../../auth/sessions';
import { CALENDAR_ROLES, calendarEvents } from './calendar-events';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

function dateParam(raw: unknown, name: string, fallback: string): string {
  if (raw === undefined || raw === '') return fallback;
  if (typeof raw !== 'string' || !DATE.test(raw) || Number.isNaN(Date.parse(raw))) {
    throw errors.invalidQuery(`"${name}" must be a date like 2026-01-31.`);
  }
  return raw;
}

/**
 * GET /me/calendar?from&to: the signed-in student's or mentor's calendar as JSON (default: a week back, five ahead).
 * POST /me/calendar-feed: a new private iCal URL (the old one stops working); DELETE turns the feed off.
 * GET /calendar/<secret>.ics: that feed for Google/Outlook (30 days back, 90 ahead); no session, the secret is the key.
 */
export function calendarRouter(knex: Knex, apiPublicUrl: string): Router {
  const router = Router();

  router.get('/me/calendar', async (req: Request, res: Response) => {
    const actor = requireActor(req);
    const from = dateParam(req.query.from, 'from', isoDay(-7));
    const to = dateParam(req.query.to, 'to', isoDay(35));
    res.json({ from, to, events: await calendarEvents(knex, actor, from, to) });
  });

  router.post('/me/calendar-feed', async (req: Request, res: Response) => {
    const actor = requireActor(req);
    if (!CALENDAR_ROLES.includes(actor.role)) throw errors.forbidden('The calendar is for students and mentors.');
    const token = newToken();
    await knex.transaction(async (trx) => {
      await trx.raw(
        `INSERT INTO calendar_feeds (user_id, token_hash) VALUES (?, ?)
         ON CONFLICT (user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now(), last_fetched_at = NULL`,
        [actor.id, hashToken(token)],
      );
      await writeAudit(trx, contextOf(req), { action: 'create', resource: 'calendar_feeds', recordId: actor.id });
    });
    res.status(201).json({ url: `${apiPublicUrl}/calendar/${token}.ics` });
  });

  router.delete('/me/calendar-feed', async (req: Request, res: Response) => {
    const actor = requireActor(req);
    await knex.transaction(async (trx) => {
      const removed = await trx('calendar_feeds').where({ user_id: actor.id }).delete();
      if (removed) await writeAudit(trx, contextOf(req), { action: 'delete', resource: 'calendar_feeds', recordId: actor.id });
    });
    res.json({ url: null });
  });

  return router;
}

/** The public feed route, mounted before sign-in: calendar apps fetch it without cookies. */
export function calendarFeedRouter(knex: Knex): Router {
  const router = Router();
  router.get('/calendar/:file', async (req: Request, res: Response) => {
    const match = /^([A-Za-z0-9_-]{20,100})\.ics$/.exec(String(req.params.file));
    const notFound = errors.notFound('calendar feed');
    if (!match) throw notFound;
    // Only active accounts (and students in good standing) keep a working feed.
    const owner = await knex('calendar_feeds as f')
      .join('users as u', 'u.id', 'f.user_id')
      .leftJoin('students as s', 's.id', 'u.id')
      .where('f.token_hash', hashToken(match[1]))
      .andWhere('u.status', 'active')
      .andWhere((q) => q.whereNull('s.status').orWhere('s.status', 'active'))
      .first('u.id', 'u.role', 'u.name', 'u.timezone');
    if (!owner) throw notFound;
    const events = await calendarEvents(knex, { id: Number(owner.id), role: owner.role as Role }, isoDay(-30), isoDay(90));
    await knex('calendar_feeds').where({ user_id: owner.id }).update({ last_fetched_at: knex.fn.now() });
    const calendar = ical({ name: `School calendar — ${owner.name}`, method: ICalCalendarMethod.PUBLISH, timezone: owner.timezone, ttl: 60 * 60 });
    for (const event of events) {
      // A floating all-day date is written from the Date's local fields, so build it at local midnight.
      const [year, month, day] = event.day.split('-').map(Number);
      const allDayStart = new Date(year, month - 1, day);
      calendar.createEvent({
        id: `${event.uid}@sms`,
        summary: event.title,
        description: [event.mission_code, event.status].filter(Boolean).join(' · '),
        allDay: event.all_day,
        start: event.all_day ? allDayStart : new Date(event.starts_at),
        end: event.all_day ? undefined : event.ends_at ? new Date(event.ends_at) : new Date(Date.parse(event.starts_at) + 30 * 60_000),
        floating: event.all_day,
      });
    }
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Content-Disposition', 'inline; filename="calendar.ics"');
    res.send(calendar.toString());
  });
  return router;
}
