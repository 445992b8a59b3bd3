import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { stringify } from 'csv-stringify/sync';
import { seesContacts } from '../../core/contacts';
import { z } from 'zod';
import { contextOf, requireActor } from '../../core/actor';
import { insertAudited, writeAudit } from '../../core/audit';
import { errors } from '../../core/errors';
import type { ResourceDefinition } from '../../core/resource';
import { assertCan, findVisible } from '../../core/resource-router';
import { parseInput } from '../../core/input';
import { assignmentsResource } from '../assignments/assignments.resource';
import { submissionsResource } from '../submissions/submissions.resource';
import { parseEmails } from './parse-emails';
import { submissionPastesResource } from './submission-pastes.resource';

const assignments = assignmentsResource as unknown as ResourceDefinition;
const submissions = submissionsResource as unknown as ResourceDefinition;
const pastes = submissionPastesResource as unknown as ResourceDefinition;

const body = z.object({
  text: z.string({ error: 'Paste the list of emails first.' }).max(2_000_000, 'The pasted text is too long.'),
  taken_at: z.string().datetime({ offset: true, message: 'Give the time the list was taken as a date and time with its zone.' }).optional(),
  dry_run: z.boolean().default(true),
});

interface Match {
  email: string;
  user_id: number | null;
  role: string | null;
  name: string | null;
  enrolled: boolean;
  submission_id: number | null;
}

/**
 * POST /assignments/:id/paste: the emails of students who submitted, pasted from the main platform.
 * Preview writes nothing; apply records new submissions (on time or late against the deadline) in one
 * transaction and keeps the paste. Pasting the same list again records nothing new.
 */
export function pasteRouter(knex: Knex): Router {
  const router = Router();

  router.post('/assignments/:id/paste', async (req: Request, res: Response) => {
    const actor = requireActor(req);
    assertCan(submissions, actor, 'create');
    const input = parseInput(body, req.body);
    const assignment = await findVisible<{ id: number; mission_id: number; deadline: Date; title: string; number: number }>(assignments, actor, knex, req.params.id);
    const { emails, duplicates } = parseEmails(input.text);
    if (emails.length === 0) throw errors.validation('No email addresses found in the pasted text.', { text: 'has no email addresses' });
    const takenAt = input.taken_at ? new Date(input.taken_at) : new Date();
    const status = takenAt.getTime() <= new Date(assignment.deadline).getTime() ? 'on_time' : 'late';

    const classify = async (db: Knex | Knex.Transaction) => {
      const { rows } = (await db.raw(
        `SELECT p.email, u.id AS user_id, u.role, u.name, coalesce(me.status <> 'withdrawn', false) AS enrolled, s.id AS submission_id
         FROM unnest(?::text[]) WITH ORDINALITY AS p(email, n)
         LEFT JOIN users u ON u.email = p.email
         LEFT JOIN mission_enrolments me ON me.student_id = u.id AND me.mission_id = ?
         LEFT JOIN submissions s ON s.assignment_id = ? AND s.student_id = u.id
         ORDER BY p.n`,
        [emails, assignment.mission_id, assignment.id],
      )) as { rows: Match[] };
      const unknown = rows.filter((r) => r.user_id === null || r.role !== 'student').map((r) => r.email);
      const notEnrolled = rows.filter((r) => r.user_id !== null && r.role === 'student' && !r.enrolled).map((r) => r.email);
      const already = rows.filter((r) => r.enrolled && r.submission_id !== null);
      const fresh = rows.filter((r) => r.enrolled && r.submission_id === null);
      return { unknown, notEnrolled, already, fresh };
    };

    if (input.dry_run) {
      const c = await classify(knex);
      res.json({
        dry_run: true,
        assignment_id: assignment.id,
        taken_at: takenAt.toISOString(),
        status_for_new: status,
        email_count: emails.length,
        duplicate_count: duplicates,
        new: c.fresh.map((r) => ({ student_id: r.user_id, email: r.email, name: r.name })),
        already_recorded: c.already.map((r) => ({ student_id: r.user_id, email: r.email, name: r.name })),
        unknown_emails: c.unknown,
        not_enrolled_emails: c.notEnrolled,
      });
      return;
    }

    const result = await knex.transaction(async (trx) => {
      const c = await classify(trx);
      const [paste] = await trx('submission_pastes')
        .insert({
          assignment_id: assignment.id,
          pasted_by: actor.id,
          taken_at: takenAt,
          email_count: emails.length,
          duplicate_count: duplicates,
          recorded_count: 0,
          already_count: 0,
          unknown_emails: JSON.stringify(c.unknown),
          not_enrolled_emails: JSON.stringify(c.notEnrolled),
        })
        .returning('*');
      const context = contextOf(req);
      const recorded = await insertAudited(
        trx,
        context,
        'submissions',
        `INSERT INTO submissions (assignment_id, mission_id, student_id, submitted_at, paste_id, recorded_by)
         SELECT ?, ?, unnest(?::bigint[]), ?, ?, ?
         ON CONFLICT (assignment_id, student_id) DO NOTHING RETURNING *`,
        [assignment.id, assignment.mission_id, c.fresh.map((r) => r.user_id), takenAt, paste.id, actor.id],
      );
      const already = emails.length - c.unknown.length - c.notEnrolled.length - recorded.length;
      await trx('submission_pastes').where({ id: paste.id }).update({ recorded_count: recorded.length, already_count: already });
      await writeAudit(trx, context, { action: 'create', resource: 'submission_pastes', recordId: paste.id, after: { ...paste, recorded_count: recorded.length, already_count: already } });
      return { paste_id: paste.id, recorded: recorded.length, already_recorded: already, unknown_emails: c.unknown, not_enrolled_emails: c.notEnrolled, duplicate_count: duplicates, status_for_new: status };
    });
    res.status(201).json(result);
  });

  router.get('/submission_pastes/:id/unmatched.csv', async (req: Request, res: Response) => {
    const actor = requireActor(req);
    const paste = await findVisible<{ id: number; unknown_emails: string[]; not_enrolled_emails: string[] }>(pastes, actor, knex, req.params.id);
    if (!seesContacts(actor)) throw errors.forbidden(`Your role (${actor.role}) can't see students' email addresses, and this list is nothing else.`);
    const id = paste.id;
    const rows = [
      ...paste.unknown_emails.map((email) => ({ email, reason: 'no student with this email' })),
      ...paste.not_enrolled_emails.map((email) => ({ email, reason: 'student not enrolled in this mission' })),
    ];
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="paste-${id}-unmatched.csv"`);
    res.send(stringify(rows, { header: true, columns: ['email', 'reason'] }));
  });

  return router;
}
