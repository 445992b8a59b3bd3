import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { contextOf, requireActor } from '../../core/actor';
import { writeAudit } from '../../core/audit';
import { errors } from '../../core/errors';
import { fields } from '../../core/fields';
import { parseInput } from '../../core/input';
import type { ResourceDefinition } from '../../core/resource';
import { assertCan, findVisible } from '../../core/resource-router';
import type { Mailer } from '../../mail/mailer';
import { mailTemplates } from '../../mail/templates';
import { missionsResource } from '../missions/missions.resource';
import { mentorPairingsResource } from './mentor-pairings.resource';
import { planReassign, type ReassignPlan } from './reassign-plan';

export const REASSIGN_PATH = '/mentor_pairings/reassign';

const reassignSchema = z
  .object({
    mission_id: fields.id,
    from_mentor_id: fields.id,
    student_ids: z.array(fields.id, { error: 'List the students as ids, e.g. [12, 13].' }).min(1, 'Choose at least one student, or leave student_ids out to move them all.').max(5000, 'At most 5000 students at once.').optional(),
    to_mentor_id: fields.id.optional(),
    dry_run: z.boolean({ error: 'Say dry_run: true to preview or false to apply.' }),
    /** With all the mentor's students moved, the mentor stops mentoring on this mission (mission_mentors.active). */
    deactivate: z.boolean({ error: 'Say deactivate: true to make the mentor inactive on this mission, or leave it out.' }).optional(),
  })
  .strict()
  .refine((body) => !(body.deactivate && body.student_ids), {
    path: ['deactivate'],
    message: 'A mentor is made inactive only when all their students move: leave student_ids out.',
  });

/** The answer, without the email addresses the plan carries for the notices. */
const publicPlan = (plan: ReassignPlan, applied: boolean, deactivated = false) => ({
  mission_id: plan.mission_id,
  mission_code: plan.mission_code,
  dry_run: !applied,
  moved: applied ? plan.moves.length : 0,
  deactivated: applied && deactivated,
  remaining: plan.remaining,
  from_mentor: withoutEmail(plan.from_mentor),
  moves: plan.moves.map(({ student_email: _email, ...move }) => move),
  mentors: plan.mentors.map(withoutEmail),
});
const withoutEmail = <T extends { email: string }>({ email: _email, ...rest }: T) => rest;

/**
 * Moves one, some or all of a mentor's students on a mission to other mentors: a dry run answers the plan; a real
 * run applies it in one transaction (every pairing or none), audits each move and mails each student and each new
 * mentor there, so a rolled-back move tells nobody. The same roles as changing pairings (the pairing policy).
 */
export function reassignRouter(knex: Knex, deps: { mailer: Mailer; portalUrl: string; backofficeUrl: string }): Router {
  const router = Router();
  const pairings = mentorPairingsResource as unknown as ResourceDefinition;
  const missions = missionsResource as unknown as ResourceDefinition;

  router.post(REASSIGN_PATH, async (req: Request, res: Response) => {
    const actor = requireActor(req);
    assertCan(pairings, actor, 'update');
    const input = parseInput(reassignSchema, req.body);
    if (input.dry_run) {
      const mission = await findVisible<{ id: number; code: string }>(missions, actor, knex, input.mission_id);
      res.json(publicPlan(await planReassign(knex, mission, input, { allowNone: input.deactivate }), false));
      return;
    }
    const plan = await knex.transaction(async (trx) => {
      const mission = await findVisible<{ id: number; code: string }>(missions, actor, trx, input.mission_id);
      // The same lock as auto-pairing and the capacity trigger: loads can't change under the plan.
      await trx.raw('SELECT 1 FROM mission_mentors WHERE mission_id = ? ORDER BY id FOR UPDATE', [mission.id]);
      const planned = await planReassign(trx, mission, input, { allowNone: input.deactivate });
      if (input.deactivate) {
        const mentor = await trx('mission_mentors').where({ mission_id: mission.id, mentor_id: input.from_mentor_id }).first('active');
        if (!mentor.active) throw errors.conflict(`${planned.from_mentor.name} is already inactive on ${mission.code}.`);
      }
      const before = new Map<number, Record<string, unknown>>();
      for (const row of await trx('mentor_pairings').whereIn('id', planned.moves.map((move) => move.pairing_id))) before.set(Number(row.id), row);
      const { rows: after } = await trx.raw(
        `UPDATE mentor_pairings mp SET mentor_id = t.mentor_id FROM unnest(?::bigint[], ?::bigint[]) AS t(id, mentor_id)
         WHERE mp.id = t.id RETURNING mp.*`,
        [planned.moves.map((move) => move.pairing_id), planned.moves.map((move) => move.to_mentor_id)],
      );
      const audits = after.map((row: Record<string, unknown>) => ({ action: 'reassign', resource: 'mentor_pairings', recordId: Number(row.id), before: before.get(Number(row.id)), after: row }));
      if (input.deactivate) {
        // The plan moved every pairing or threw, so nobody is left without a mentor by this.
        const old = await trx('mission_mentors').where({ mission_id: mission.id, mentor_id: input.from_mentor_id }).first();
        const [now] = await trx('mission_mentors').where({ id: old.id }).update({ active: false }).returning('*');
        audits.push({ action: 'deactivate', resource: 'mission_mentors', recordId: Number(old.id), before: old, after: now });
      }
      await writeAudit(trx, contextOf(req), audits);
      for (const move of planned.moves) {
        await deps.mailer.send(trx, mailTemplates.mentorChanged(move.student_email, move.student_name, mission.code, move.to_mentor_name, `${deps.portalUrl}/missions`));
      }
      for (const mentor of planned.mentors) {
        const students = planned.moves.filter((move) => move.to_mentor_id === mentor.mentor_id).map((move) => move.student_name);
        if (students.length) await deps.mailer.send(trx, mailTemplates.menteesAssigned(mentor.email, mentor.name, mission.code, students, `${deps.backofficeUrl}/#/mentor_pairings`));
      }
      return planned;
    });
    res.json(publicPlan(plan, true, Boolean(input.deactivate)));
  });

  return router;
}
