import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { contextOf, requireActor, type Actor } from '../../core/actor';
import { insertAudited } from '../../core/audit';
import type { ResourceDefinition } from '../../core/resource';
import { assertCan, findVisible } from '../../core/resource-router';
import { mentorPairingsResource } from '../mentor-pairings/mentor-pairings.resource';
import { missionsResource } from './missions.resource';

interface MentorLoad {
  mentor_id: number;
  name: string;
  capacity: number | null;
  load_before: number;
  load_after: number;
}

export interface PairingPlan {
  mission_id: number;
  unpaired: number;
  assignments: { student_id: number; student_name: string; mentor_id: number; mentor_name: string }[];
  unassigned: number;
  mentors: MentorLoad[];
}

/**
 * Spreads a mission's unpaired active students over its mentors: each student goes to the mentor with the
 * lowest load that still has room, so loads end as even as capacities allow.
 */
export async function planAutoPairing(db: Knex | Knex.Transaction, missionId: number): Promise<PairingPlan> {
  const { rows: mentors } = await db.raw(
    `SELECT mm.mentor_id, u.name, mm.capacity,
            (SELECT count(*)::int FROM mentor_pairings mp WHERE mp.mission_id = mm.mission_id AND mp.mentor_id = mm.mentor_id) AS load
     FROM mission_mentors mm JOIN users u ON u.id = mm.mentor_id
     WHERE mm.mission_id = ? AND mm.active AND u.status = 'active' ORDER BY mm.mentor_id`,
    [missionId],
  );
  const { rows: students } = await db.raw(
    `SELECT me.student_id, u.name FROM mission_enrolments me
     JOIN users u ON u.id = me.student_id JOIN students s ON s.id = me.student_id
     WHERE me.mission_id = ? AND me.status = 'active' AND s.status = 'active'
       AND NOT EXISTS (SELECT 1 FROM mentor_pairings mp WHERE mp.mission_id = me.mission_id AND mp.student_id = me.student_id)
     ORDER BY me.student_id`,
    [missionId],
  );
  const loads: MentorLoad[] = mentors.map((m: { mentor_id: number; name: string; capacity: number | null; load: number }) => ({
    mentor_id: m.mentor_id,
    name: m.name,
    capacity: m.capacity,
    load_before: m.load,
    load_after: m.load,
  }));
  const assignments: PairingPlan['assignments'] = [];
  for (const student of students as { student_id: number; name: string }[]) {
    let best: MentorLoad | undefined;
    for (const mentor of loads) {
      if (mentor.capacity !== null && mentor.load_after >= mentor.capacity) continue;
      if (!best || mentor.load_after < best.load_after) best = mentor;
    }
    if (!best) break;
    best.load_after += 1;
    assignments.push({ student_id: student.student_id, student_name: student.name, mentor_id: best.mentor_id, mentor_name: best.name });
  }
  return { mission_id: missionId, unpaired: students.length, assignments, unassigned: students.length - assignments.length, mentors: loads };
}

/** GET previews, POST applies (recomputed under lock, in one transaction). SREs and admins. */
export function autoPairRouter(knex: Knex): Router {
  const router = Router();
  const missions = missionsResource as unknown as ResourceDefinition;
  const pairings = mentorPairingsResource as unknown as ResourceDefinition;

  async function authorise(actor: Actor, db: Knex | Knex.Transaction, rawId: string): Promise<number> {
    assertCan(pairings, actor, 'create');
    return (await findVisible<{ id: number }>(missions, actor, db, rawId)).id;
  }

  router.get('/missions/:id/auto-pair', async (req: Request, res: Response) => {
    const id = await authorise(requireActor(req), knex, String(req.params.id));
    res.json(await planAutoPairing(knex, id));
  });

  router.post('/missions/:id/auto-pair', async (req: Request, res: Response) => {
    const actor = requireActor(req);
    const plan = await knex.transaction(async (trx) => {
      const id = await authorise(actor, trx, String(req.params.id));
      // One auto-pairing per mission at a time; manual pairings wait on the mentor rows.
      await trx.raw('SELECT 1 FROM mission_mentors WHERE mission_id = ? ORDER BY id FOR UPDATE', [id]);
      const planned = await planAutoPairing(trx, id);
      if (planned.assignments.length) {
        await insertAudited(
          trx,
          contextOf(req),
          'mentor_pairings',
          `INSERT INTO mentor_pairings (mission_id, student_id, mentor_id)
           SELECT ?, s, m FROM unnest(?::bigint[], ?::bigint[]) AS t(s, m) RETURNING *`,
          [id, planned.assignments.map((a) => a.student_id), planned.assignments.map((a) => a.mentor_id)],
          { auto_pairing: true },
        );
      }
      return planned;
    });
    res.json({ ...plan, paired: plan.assignments.length });
  });

  return router;
}
