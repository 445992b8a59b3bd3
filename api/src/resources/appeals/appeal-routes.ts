import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { contextOf, requireActor } from '../../core/actor';
import { writeAudit } from '../../core/audit';
import { errors } from '../../core/errors';
import type { ResourceDefinition } from '../../core/resource';
import { findVisible } from '../../core/resource-router';
import { parseInput } from '../../core/input';
import type { Mailer } from '../../mail/mailer';
import { appealsResource } from './appeals.resource';

const DECIDERS = new Set(['admin', 'sre']);
const decisionSchema = z.object({
  decision: z.enum(['accept', 'reject'], { error: 'Choose accept or reject.' }),
  note: z.string().trim().min(1, 'Write a note for the student.').max(5000, 'The note is too long.'),
});

/** Accepting lifts every live action of the case at once (restoring access); rejecting keeps them. Both audited and emailed. */
export function appealRouter(knex: Knex, deps: { mailer: Mailer; portalUrl: string }): Router {
  const router = Router();
  const appeals = appealsResource as unknown as ResourceDefinition;

  router.post('/appeals/:id/decide', async (req: Request, res: Response) => {
    const actor = requireActor(req);
    if (!DECIDERS.has(actor.role)) throw errors.forbidden('Only SREs and admins decide appeals.');
    const { decision, note } = parseInput(decisionSchema, req.body);
    const result = await knex.transaction(async (trx) => {
      const { id } = await findVisible<{ id: number }>(appeals, actor, trx, req.params.id);
      const appeal = await trx('appeals').where({ id }).forUpdate().first();
      if (appeal.status !== 'open') throw errors.conflict(`This appeal was already ${appeal.status}.`);
      const status = decision === 'accept' ? 'accepted' : 'rejected';
      const [decided] = await trx('appeals').where({ id }).update({ status, decided_by: actor.id, decided_at: trx.fn.now(), decision_note: note }).returning('*');
      const context = contextOf(req);
      const audits = [{ action: `appeal_${status}`, resource: 'appeals', recordId: id, before: appeal, after: decided }];
      if (decision === 'accept') {
        const lifted = await trx('integrity_actions')
          .where({ case_id: appeal.case_id })
          .whereNull('lifted_at')
          .update({ lifted_at: trx.fn.now(), lifted_by: actor.id, lift_reason: `Appeal accepted: ${note}` })
          .returning('*');
        await trx('integrity_cases').where({ id: appeal.case_id }).update({ status: 'closed' });
        for (const action of lifted) audits.push({ action: 'lift', resource: 'integrity_actions', recordId: action.id, before: null, after: action });
      }
      await writeAudit(trx, context, audits);
      const student = await trx('users').where({ id: appeal.student_id }).first('email', 'name');
      await deps.mailer.send(trx, {
        to: student.email,
        subject: `Your appeal was ${status}`,
        text: `Hello ${student.name},\n\nYour appeal was ${status}.\n${note}\n\n${decision === 'accept' ? 'Your access is restored.' : 'The decision stands.'} Details: ${deps.portalUrl}/standing\n`,
      });
      return decided;
    });
    res.json(result);
  });

  return router;
}
