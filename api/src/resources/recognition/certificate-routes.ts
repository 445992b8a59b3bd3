import { randomInt } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { contextOf, requireActor } from '../../core/actor';
import { insertAudited } from '../../core/audit';
import { errors } from '../../core/errors';
import { fields } from '../../core/fields';
import { parseInput } from '../../core/input';
import type { ResourceDefinition } from '../../core/resource';
import { findVisible } from '../../core/resource-router';
import { missionsResource } from '../missions/missions.resource';
import { certificatePdf } from './certificate-pdf';
import { certificatesResource } from './recognition.resources';

const ISSUERS = new Set(['admin', 'manager', 'sre']);
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const newCode = () => Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

const issueInput = z.object({
  mission_id: fields.id,
  student_ids: z.array(fields.id).max(5000).optional(),
});

const certificates = certificatesResource as unknown as ResourceDefinition;

/**
 * POST /certificates/issue {mission_id, student_ids?}: certificates for the mission's students whose enrolment is
 * completed (all of them, or the ones named), in one audited statement; already certified ones are left alone.
 * GET /certificates/:id/pdf: the certificate as a PDF, to whoever may read it.
 */
export function certificateRouter(knex: Knex, apiPublicUrl: string): Router {
  const router = Router();

  router.post('/certificates/issue', async (req: Request, res: Response) => {
    const actor = requireActor(req);
    if (!ISSUERS.has(actor.role)) throw errors.forbidden(`Your role (${actor.role}) can't issue certificates.`);
    const input = parseInput(issueInput, req.body);
    const result = await knex.transaction(async (trx) => {
      await findVisible(missionsResource as unknown as ResourceDefinition, actor, trx, input.mission_id);
      const { rows: candidates } = await trx.raw(
        `SELECT me.student_id, me.status, u.name, m.title, b.code AS batch_code,
                (SELECT coalesce(sum(l.points), 0)::int FROM points_ledger l WHERE l.student_id = me.student_id AND l.mission_id = me.mission_id) AS points,
                EXISTS (SELECT 1 FROM certificates c WHERE c.student_id = me.student_id AND c.mission_id = me.mission_id) AS certified
         FROM mission_enrolments me JOIN users u ON u.id = me.student_id JOIN missions m ON m.id = me.mission_id JOIN batches b ON b.id = m.batch_id
         WHERE me.mission_id = ? AND (?::bigint[] IS NULL OR me.student_id = ANY (?::bigint[]))`,
        [input.mission_id, input.student_ids ?? null, input.student_ids ?? null],
      );
      const known = new Set(candidates.map((c: { student_id: number }) => Number(c.student_id)));
      const notEnrolled = (input.student_ids ?? []).filter((id) => !known.has(id));
      const notCompleted = candidates.filter((c: { status: string }) => c.status !== 'completed').map((c: { student_id: number }) => Number(c.student_id));
      const due = candidates.filter((c: { status: string; certified: boolean }) => c.status === 'completed' && !c.certified);
      if (input.student_ids && (notEnrolled.length || notCompleted.length)) {
        throw errors.validation(
          [
            notEnrolled.length ? `Not enrolled in this mission: ${notEnrolled.join(', ')}.` : '',
            notCompleted.length ? `Mission not completed yet (mark the enrolment completed first): ${notCompleted.join(', ')}.` : '',
          ].filter(Boolean).join(' '),
          { student_ids: 'not all can be certified' },
        );
      }
      if (due.length) {
        await insertAudited(
          trx,
          contextOf(req),
          'certificates',
          `INSERT INTO certificates (student_id, mission_id, code, student_name, mission_title, batch_code, points, issued_by)
           SELECT s, ?, c, n, t, b, p, ? FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[]) AS x(s, c, n, t, b, p)
           RETURNING *`,
          [
            input.mission_id,
            actor.id,
            due.map((c: { student_id: number }) => c.student_id),
            due.map(() => newCode()),
            due.map((c: { name: string }) => c.name),
            due.map((c: { title: string }) => c.title),
            due.map((c: { batch_code: string }) => c.batch_code),
            due.map((c: { points: number }) => c.points),
          ],
        );
      }
      return { issued: due.length, already: candidates.filter((c: { certified: boolean }) => c.certified).length, not_completed: input.student_ids ? 0 : notCompleted.length };
    });
    res.status(201).json(result);
  });

  router.get('/certificates/:id/pdf', async (req: Request, res: Response) => {
    const actor = requireActor(req);
    const row = await findVisible<{ code: string; student_name: string; mission_title: string; batch_code: string; points: number; issued_at: Date }>(certificates, actor, knex, req.params.id);
    const settings = await knex('settings').where({ id: 1 }).first('school_name');
    const pdf = await certificatePdf({
      schoolName: settings?.school_name ?? 'SMS',
      studentName: row.student_name,
      missionTitle: row.mission_title,
      batchCode: row.batch_code,
      points: row.points,
      issuedOn: new Date(row.issued_at).toISOString().slice(0, 10),
      code: row.code,
      verifyUrl: `${apiPublicUrl}/certificates/verify/${row.code}`,
    });
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `attachment; filename="certificate-${row.code}.pdf"`);
    res.send(pdf);
  });

  return router;
}

/** GET /certificates/verify/:code — public: anyone holding a certificate's code can check what it says. */
export function certificateVerifyRouter(knex: Knex): Router {
  const router = Router();
  router.get('/certificates/verify/:code', async (req: Request, res: Response) => {
    const code = String(req.params.code).toUpperCase();
    const row = /^[A-Z0-9]{12}$/.test(code)
      ? await knex('certificates').where({ code }).first('code', 'student_name', 'mission_title', 'batch_code', 'points', 'issued_at')
      : undefined;
    if (!row) throw errors.notFound('certificate');
    res.json({ valid: true, ...row });
  });
  return router;
}
