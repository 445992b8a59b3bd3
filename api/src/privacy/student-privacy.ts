import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { contextOf, requireActor, type Actor } from '../core/actor';
import { writeAudit } from '../core/audit';
import { errors } from '../core/errors';
import { parseInput } from '../core/input';
import type { ResourceDefinition } from '../core/resource';
import { findVisible } from '../core/resource-router';

type Row = Record<string, unknown>;
type Db = Knex | Knex.Transaction;

/** Export and erasure are the admin's (PRODUCT.md: "everything, including users"), on top of reading the student. */
function requireAdmin(req: Request): Actor {
  const actor = requireActor(req);
  if (actor.role !== 'admin') throw errors.forbidden('Only admins export or erase what the school holds about a student.');
  return actor;
}

export const erasedEmail = (id: number) => `erased-${id}@invalid.example`;
export const erasedName = (id: number) => `Erased student #${id}`;
export const ERASED_TEXT = '[erased]';

/** Sections of the export that are rows of a resource, so their audit entries can be found by (resource, id). */
const AUDITED_SECTIONS = [
  'batch_enrolments',
  'mission_enrolments',
  'mentor_pairings',
  'daily_attendance',
  'meeting_attendance',
  'submissions',
  'integrity_cases',
  'integrity_actions',
  'appeals',
  'tickets',
  'ticket_messages',
  'feature_requests',
  'mentor_notes',
  'calls',
  'call_logs',
] as const;

/**
 * Everything held about a student, read in one repeatable-read snapshot: the account (no password hash, no token
 * hashes), the student record, enrolments, pairings, attendance, meetings, submissions, points, integrity, tickets,
 * notices read, feature requests and votes, mentor notes, calls, mail sent to them, and the audit entries where
 * they are the actor or the record (of any of the rows above).
 */
export async function studentExport(db: Db, id: number): Promise<Row> {
  const all = async (sql: string, bindings: unknown[] = [id]) => ((await db.raw(sql, bindings as Knex.RawBinding[])).rows as Row[]);
  const user = (await all(
    `SELECT id, email, name, role, status, phone, avatar_url, timezone, notification_prefs, email_verified_at, password_changed_at,
            last_sign_in_at, created_at, updated_at FROM users WHERE id = ?`,
  ))[0];
  const sections: Record<string, Row[]> = {
    sessions: await all('SELECT id, created_at, last_seen_at, expires_at, ip, user_agent FROM sessions WHERE user_id = ? ORDER BY id'),
    account_tokens: await all('SELECT id, purpose, created_at, expires_at, used_at FROM user_tokens WHERE user_id = ? ORDER BY id'),
    calendar_feed: await all('SELECT created_at, last_fetched_at FROM calendar_feeds WHERE user_id = ?'),
    // Two-factor sign-in: when it was set up and which devices are remembered; never the secret or the codes.
    two_factor: await all('SELECT created_at, enabled_at, (SELECT count(*)::int FROM user_recovery_codes r WHERE r.user_id = t.user_id AND r.used_at IS NULL) AS recovery_codes_left FROM user_totp t WHERE user_id = ?'),
    trusted_devices: await all('SELECT id, created_at, expires_at, last_used_at, ip, user_agent FROM trusted_devices WHERE user_id = ? ORDER BY id'),
    batch_enrolments: await all(
      'SELECT be.*, b.code AS batch_code, b.title AS batch_title FROM batch_enrolments be JOIN batches b ON b.id = be.batch_id WHERE be.student_id = ? ORDER BY be.id',
    ),
    mission_enrolments: await all(
      'SELECT me.*, m.code AS mission_code, m.title AS mission_title FROM mission_enrolments me JOIN missions m ON m.id = me.mission_id WHERE me.student_id = ? ORDER BY me.id',
    ),
    mentor_pairings: await all(
      `SELECT mp.*, u.name AS mentor_name, u.email AS mentor_email, m.code AS mission_code FROM mentor_pairings mp
       JOIN users u ON u.id = mp.mentor_id JOIN missions m ON m.id = mp.mission_id WHERE mp.student_id = ? ORDER BY mp.id`,
    ),
    daily_attendance: await all(
      'SELECT da.*, m.code AS mission_code FROM daily_attendance da JOIN missions m ON m.id = da.mission_id WHERE da.student_id = ? ORDER BY da.local_date, da.id',
    ),
    meeting_invitations: await all(
      'SELECT mi.meeting_id, mt.title, mt.starts_at FROM meeting_invitees mi JOIN meetings mt ON mt.id = mi.meeting_id WHERE mi.student_id = ? ORDER BY mt.starts_at',
    ),
    meeting_attendance: await all(
      `SELECT ma.*, mt.title AS meeting_title, mt.starts_at AS meeting_starts_at, mt.mission_id FROM meeting_attendance ma
       JOIN meetings mt ON mt.id = ma.meeting_id WHERE ma.student_id = ? ORDER BY ma.checked_in_at`,
    ),
    submissions: await all(
      `SELECT s.*, a.number AS assignment_number, a.title AS assignment_title, a.deadline FROM submissions s
       JOIN assignments a ON a.id = s.assignment_id WHERE s.student_id = ? ORDER BY s.submitted_at, s.id`,
    ),
    points_ledger: await all('SELECT * FROM points_ledger WHERE student_id = ? ORDER BY awarded_at, id'),
    integrity_cases: await all('SELECT * FROM integrity_cases WHERE student_id = ? ORDER BY id'),
    integrity_actions: await all('SELECT * FROM integrity_actions WHERE student_id = ? ORDER BY id'),
    appeals: await all('SELECT * FROM appeals WHERE student_id = ? ORDER BY id'),
    tickets: await all('SELECT * FROM tickets WHERE student_id = ? ORDER BY id'),
    ticket_messages: await all(
      `SELECT tm.*, u.name AS author_name, u.role AS author_role FROM ticket_messages tm JOIN tickets t ON t.id = tm.ticket_id
       JOIN users u ON u.id = tm.author_id WHERE t.student_id = ? OR tm.author_id = ? ORDER BY tm.ticket_id, tm.created_at, tm.id`,
      [id, id],
    ),
    notice_reads: await all(
      'SELECT nr.*, n.title AS notice_title FROM notice_reads nr JOIN notices n ON n.id = nr.notice_id WHERE nr.student_id = ? ORDER BY nr.read_at',
    ),
    notice_reactions: await all('SELECT * FROM notice_reactions WHERE student_id = ? ORDER BY created_at'),
    feature_requests: await all('SELECT * FROM feature_requests WHERE author_id = ? ORDER BY id'),
    feature_request_votes: await all(
      'SELECT v.*, fr.title FROM feature_request_votes v JOIN feature_requests fr ON fr.id = v.feature_request_id WHERE v.user_id = ? ORDER BY v.created_at',
    ),
    mentor_notes: await all(
      'SELECT mn.*, u.name AS author_name FROM mentor_notes mn JOIN users u ON u.id = mn.author_id WHERE mn.student_id = ? ORDER BY mn.id',
    ),
    calls: await all('SELECT * FROM calls WHERE student_id = ? ORDER BY id'),
    call_logs: await all(
      'SELECT cl.*, u.name AS caller_name FROM call_logs cl JOIN users u ON u.id = cl.caller_id WHERE cl.student_id = ? ORDER BY cl.called_at, cl.id',
    ),
    emails: user ? await all('SELECT id, created_at, "to", subject, text, transport FROM outbox_messages WHERE "to" = ? ORDER BY id', [user.email]) : [],
  };
  // Audit entries: by or about the student, or about any of the rows above (one indexed probe per resource).
  const records: [string, string[]][] = [
    ['users', [String(id)]],
    ['students', [String(id)]],
    ...AUDITED_SECTIONS.map((name): [string, string[]] => [name, sections[name].map((row) => String(row.id))]),
  ].filter(([, ids]) => ids.length > 0) as [string, string[]][];
  const about = records.map(() => '(resource = ? AND record_id = ANY(?::text[]))').join(' OR ');
  sections.audit_log = await all(`SELECT * FROM audit_log WHERE actor_user_id = ? OR ${about} ORDER BY at, id`, [id, ...records.flat()]);
  const student = (await all('SELECT * FROM students WHERE id = ?'))[0];
  return { exported_at: new Date().toISOString(), format: 'sms-student-export/1', user, student, ...sections };
}

const eraseInput = z.object({ confirm: z.string({ error: "Type the student's email address in confirm to erase their data." }).trim().min(1, "Type the student's email address in confirm to erase their data.") });

/** What an erasure changed, by table; stored in the audit entry in place of the values it removed. */
export async function eraseStudent(trx: Knex.Transaction, id: number, email: string): Promise<Record<string, number>> {
  const count = async (sql: string, bindings: unknown[]) => Number((await trx.raw(sql, bindings as Knex.RawBinding[])).rowCount ?? 0);
  const newEmail = erasedEmail(id);
  const counts: Record<string, number> = {};
  counts.sessions = await count('DELETE FROM sessions WHERE user_id = ?', [id]);
  counts.account_tokens = await count('DELETE FROM user_tokens WHERE user_id = ?', [id]);
  counts.calendar_feeds = await count('DELETE FROM calendar_feeds WHERE user_id = ?', [id]);
  counts.user_totp = await count('DELETE FROM user_totp WHERE user_id = ?', [id]);
  counts.user_recovery_codes = await count('DELETE FROM user_recovery_codes WHERE user_id = ?', [id]);
  counts.trusted_devices = await count('DELETE FROM trusted_devices WHERE user_id = ?', [id]);
  counts.users = await count(
    `UPDATE users SET name = ?, email = ?, phone = NULL, avatar_url = NULL, password_hash = NULL, status = 'disabled',
            notification_prefs = '{}'::jsonb WHERE id = ?`,
    [erasedName(id), newEmail, id],
  );
  counts.students = await count('UPDATE students SET address = NULL WHERE id = ?', [id]);
  // Free text they wrote: the rows stay (counts, points and the audit trail still add up), the words go.
  counts.ticket_messages = await count(`UPDATE ticket_messages SET body = ?, links = '[]'::jsonb WHERE author_id = ?`, [ERASED_TEXT, id]);
  counts.tickets = await count('UPDATE tickets SET subject = ? WHERE student_id = ?', [ERASED_TEXT, id]);
  counts.feature_requests = await count(`UPDATE feature_requests SET body = '' WHERE author_id = ? AND body <> ''`, [id]);
  counts.appeals = await count('UPDATE appeals SET statement = ?, link = NULL WHERE student_id = ?', [ERASED_TEXT, id]);
  counts.daily_attendance_notes = await count(`UPDATE daily_attendance SET note = '' WHERE student_id = ? AND note <> ''`, [id]);
  // Their address elsewhere: mail sent to them (the dev outbox), pasted lists and import error reports.
  counts.emails = await count('DELETE FROM outbox_messages WHERE "to" = ?', [email]);
  const replaceIn = (column: string) =>
    `${column} = (SELECT coalesce(jsonb_agg(CASE WHEN e #>> '{}' = ? THEN to_jsonb(?::text) ELSE e END ORDER BY o), '[]'::jsonb)
                  FROM jsonb_array_elements(${column}) WITH ORDINALITY AS x(e, o))`;
  counts.submission_pastes = await count(
    `UPDATE submission_pastes SET ${replaceIn('unknown_emails')}, ${replaceIn('not_enrolled_emails')}
     WHERE unknown_emails @> to_jsonb(ARRAY[?::text]) OR not_enrolled_emails @> to_jsonb(ARRAY[?::text])`,
    [email, newEmail, email, newEmail, email, email],
  );
  counts.imports = await count(
    `UPDATE imports SET errors = (
       SELECT coalesce(jsonb_agg(CASE WHEN e ->> 'email' = ? THEN jsonb_set(e, '{email}', to_jsonb(?::text)) ELSE e END ORDER BY o), '[]'::jsonb)
       FROM jsonb_array_elements(errors) WITH ORDINALITY AS x(e, o))
     WHERE errors @> jsonb_build_array(jsonb_build_object('email', ?::text))`,
    [email, newEmail, email],
  );
  return counts;
}

/**
 * GET /students/:id/export and POST /students/:id/erase (admins). Both are audited; an erasure's audit entry holds
 * the anonymised values and what was changed, never the values it removed.
 */
export function studentPrivacyRouter(knex: Knex, resources: readonly ResourceDefinition[]): Router {
  const students = resources.find((resource) => resource.name === 'students')!;
  const router = Router();

  router.get('/students/:id/export', async (req: Request, res: Response) => {
    const actor = requireAdmin(req);
    const document = await knex.transaction(
      async (trx) => {
        const { id } = await findVisible<{ id: number }>(students, actor, trx, req.params.id);
        const exported = await studentExport(trx, Number(id));
        const counts = Object.fromEntries(Object.entries(exported).filter(([, value]) => Array.isArray(value)).map(([key, value]) => [key, (value as unknown[]).length]));
        await writeAudit(trx, contextOf(req), { action: 'export', resource: 'students', recordId: id, after: { sections: counts } });
        return exported;
      },
      { isolationLevel: 'repeatable read' },
    );
    res.setHeader('Content-Disposition', `attachment; filename="student-${(document.user as Row).id}-export.json"`);
    res.json(document);
  });

  router.post('/students/:id/erase', async (req: Request, res: Response) => {
    const actor = requireAdmin(req);
    const input = parseInput(eraseInput, req.body);
    const result = await knex.transaction(async (trx) => {
      const { id } = await findVisible<{ id: number }>(students, actor, trx, req.params.id);
      const user = (await trx('users').where({ id }).forUpdate().first('id', 'email')) as { id: number; email: string };
      if (input.confirm.toLowerCase() !== user.email) {
        throw errors.validation('That is not this student\'s email address, so nothing was erased. Type their email address exactly in "confirm".', {
          confirm: "must be the student's email address",
        });
      }
      const counts = await eraseStudent(trx, Number(id), user.email);
      const after = await trx('users as u')
        .join('students as s', 's.id', 'u.id')
        .where('u.id', id)
        .first('u.id', 'u.name', 'u.email', 'u.phone', 'u.avatar_url', 'u.status', 's.address', 's.status as student_status');
      await writeAudit(trx, contextOf(req), {
        action: 'erase',
        resource: 'students',
        recordId: id,
        before: { fields_cleared: ['name', 'email', 'phone', 'avatar_url', 'address', 'password_hash', 'notification_prefs'] },
        after: { ...after, changed: counts },
      });
      return { id: Number(id), erased: true, user: after, changed: counts };
    });
    res.json({ ...result, message: `Student #${result.id} was erased: their account is disabled and anonymised, and the text they wrote is removed.` });
  });

  return router;
}
