import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { requireActor } from '../../core/actor';
import { errors } from '../../core/errors';
import type { Dashboard, DashboardMentor, Standing } from '../../contract';
import { standingsOf, streak } from '../points/standing';

/**
 * GET /me/dashboard: everything a student's home screen shows, in one round trip for a slow connection:
 * per mission the points, rank, progress, today's attendance and streak; upcoming meetings and deadlines.
 */
export function meRouter(knex: Knex): Router {
  const router = Router();

  router.get('/me/dashboard', async (req: Request, res: Response) => {
    const actor = requireActor(req);
    if (actor.role !== 'student') throw errors.forbidden('The dashboard summary is for students.');
    const [standings, student, attendance, meetings, deadlines, mentors] = await Promise.all([
      standingsOf(knex, actor.id),
      knex('students').where({ id: actor.id }).first('status', 'status_reason'),
      knex('daily_attendance')
        .where({ student_id: actor.id })
        .andWhere('local_date', '>=', knex.raw("current_date - interval '400 days'"))
        .select('mission_id', knex.raw("to_char(local_date, 'YYYY-MM-DD') AS day")),
      knex.raw(
        `SELECT mt.id, mt.title, mt.starts_at, mt.duration_minutes, mt.requires_code, m.code AS mission_code, mt.mission_id,
                EXISTS (SELECT 1 FROM meeting_attendance a WHERE a.meeting_id = mt.id AND a.student_id = ?) AS attended
         FROM meetings mt JOIN missions m ON m.id = mt.mission_id
         WHERE mt.mission_id IN (SELECT mission_id FROM mission_enrolments WHERE student_id = ?)
           AND (NOT EXISTS (SELECT 1 FROM meeting_invitees i WHERE i.meeting_id = mt.id)
                OR EXISTS (SELECT 1 FROM meeting_invitees i WHERE i.meeting_id = mt.id AND i.student_id = ?))
           AND mt.starts_at + make_interval(mins => mt.duration_minutes) >= now()
         ORDER BY mt.starts_at LIMIT 5`,
        [actor.id, actor.id, actor.id],
      ),
      knex.raw(
        `SELECT a.id, a.number, a.title, a.deadline, m.code AS mission_code, a.mission_id,
                to_char(a.deadline AT TIME ZONE b.timezone, 'YYYY-MM-DD HH24:MI') AS deadline_local,
                s.status AS submission_status
         FROM assignments a JOIN missions m ON m.id = a.mission_id JOIN batches b ON b.id = m.batch_id
         LEFT JOIN submissions s ON s.assignment_id = a.id AND s.student_id = ?
         WHERE a.mission_id IN (SELECT mission_id FROM mission_enrolments WHERE student_id = ?)
           AND a.deadline >= now() - interval '1 day'
         ORDER BY a.deadline LIMIT 8`,
        [actor.id, actor.id],
      ),
      knex('mentor_pairings as p')
        .join('users as u', 'u.id', 'p.mentor_id')
        .where('p.student_id', actor.id)
        .select('p.mission_id', 'u.id', 'u.name', 'u.email', 'u.phone'),
    ]);
    const daysByMission = new Map<number, string[]>();
    for (const row of attendance as { mission_id: number; day: string }[]) {
      daysByMission.set(row.mission_id, [...(daysByMission.get(row.mission_id) ?? []), row.day]);
    }
    const body: Dashboard = {
      student: { id: actor.id, name: actor.name, status: student?.status ?? 'active', status_reason: student?.status_reason ?? null },
      missions: standings.map((s) => {
        const days = daysByMission.get(s.mission_id) ?? [];
        return {
          ...s,
          attendance: { submitted_today: days.includes(s.today), streak: streak(days, s.today), days_attended: days.length, can_submit: s.status === 'active' && s.enrolment_status === 'active' && (student?.status ?? 'active') === 'active' },
          mentors: (mentors as ({ mission_id: number } & DashboardMentor)[]).filter((m) => m.mission_id === s.mission_id).map(({ mission_id: _m, ...m }) => m),
        };
      }),
      upcoming_meetings: meetings.rows,
      deadlines: deadlines.rows,
    };
    res.json(body);
  });

  /** A student's standing: status, reason, restriction, and each case with its actions and appeals. */
  router.get('/me/standing', async (req: Request, res: Response) => {
    const actor = requireActor(req);
    if (actor.role !== 'student') throw errors.forbidden('Standing is for students.');
    const student = await knex('students').where({ id: actor.id }).first('status', 'status_reason', 'status_changed_at');
    const cases = await knex('integrity_cases as c')
      .leftJoin('missions as m', 'm.id', 'c.mission_id')
      .where('c.student_id', actor.id)
      .orderBy('c.created_at', 'desc')
      .select('c.id', 'c.kind', 'c.description', 'c.status', 'c.mission_id', 'm.code as mission_code', 'm.title as mission_title', 'c.created_at');
    const ids = cases.map((c) => c.id);
    const [actions, appeals] = await Promise.all([
      knex('integrity_actions').whereIn('case_id', ids).orderBy('taken_at').select('id', 'case_id', 'action', 'reason', 'ends_at', 'taken_at', 'lifted_at', 'lift_reason'),
      knex('appeals').whereIn('case_id', ids).orderBy('created_at').select('id', 'case_id', 'statement', 'link', 'status', 'decision_note', 'decided_at', 'created_at'),
    ]);
    const live = (a: { lifted_at: Date | null; ends_at: Date | null }) => !a.lifted_at && (!a.ends_at || new Date(a.ends_at) > new Date());
    const body: Standing = {
      status: student?.status ?? 'active',
      status_reason: student?.status_reason ?? null,
      restricted: actions.some((a) => a.action === 'restrict' && live(a)),
      cases: cases.map((c) => {
        const caseActions = actions.filter((a) => a.case_id === c.id);
        const caseAppeals = appeals.filter((a) => a.case_id === c.id);
        return {
          ...c,
          actions: caseActions.map((a) => ({ ...a, live: live(a) })),
          appeals: caseAppeals,
          can_appeal: caseActions.some(live) && !caseAppeals.some((a) => a.status === 'open'),
        };
      }),
    };
    res.json(body);
  });

  return router;
}
