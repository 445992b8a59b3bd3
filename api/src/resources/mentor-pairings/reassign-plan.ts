import type { Knex } from 'knex';
import { errors } from '../../core/errors';

export interface ReassignRequest {
  mission_id: number;
  from_mentor_id: number;
  /** Omitted: every student of that mentor on the mission. */
  student_ids?: number[];
  /** Omitted: spread over the mission's other active mentors, fewest students first. */
  to_mentor_id?: number;
}

export interface MentorLoad {
  mentor_id: number;
  name: string;
  email: string;
  capacity: number | null;
  load_before: number;
  load_after: number;
}

export interface PlannedMove {
  pairing_id: number;
  student_id: number;
  student_name: string;
  student_email: string;
  from_mentor_id: number;
  from_mentor_name: string;
  to_mentor_id: number;
  to_mentor_name: string;
}

export interface ReassignPlan {
  mission_id: number;
  mission_code: string;
  from_mentor: MentorLoad;
  moves: PlannedMove[];
  /** The target mentors, each with their load before and after the moves. */
  mentors: MentorLoad[];
  /** Students left with the mentor after the moves. */
  remaining: number;
}

const names = (rows: { name: string }[]) => rows.map((row) => row.name).join(', ');

/**
 * Which mentor each student goes to. Balanced like auto-pairing (api/src/resources/missions/auto-pair.ts): each
 * student to the target with the fewest students that still has room and is not already that student's mentor.
 * Throws a 4xx naming the problem; writes nothing.
 */
export async function planReassign(
  db: Knex | Knex.Transaction,
  mission: { id: number; code: string },
  input: ReassignRequest,
  options: { allowNone?: boolean } = {},
): Promise<ReassignPlan> {
  const { rows: mentorRows } = await db.raw(
    `SELECT mm.mentor_id::int AS mentor_id, u.name, u.email, u.status, mm.active, mm.capacity,
            (SELECT count(*)::int FROM mentor_pairings mp WHERE mp.mission_id = mm.mission_id AND mp.mentor_id = mm.mentor_id) AS load
     FROM mission_mentors mm JOIN users u ON u.id = mm.mentor_id
     WHERE mm.mission_id = ? ORDER BY mm.mentor_id`,
    [mission.id],
  );
  const loadOf = (row: { mentor_id: number; name: string; email: string; capacity: number | null; load: number }): MentorLoad => ({
    mentor_id: row.mentor_id,
    name: row.name,
    email: row.email,
    capacity: row.capacity,
    load_before: row.load,
    load_after: row.load,
  });
  const fromRow = mentorRows.find((row: { mentor_id: number }) => row.mentor_id === input.from_mentor_id);
  if (!fromRow) throw errors.validation(`Mentor #${input.from_mentor_id} is not a mentor on ${mission.code}.`, { from_mentor_id: 'Not a mentor on this mission.' });
  const from = loadOf(fromRow);

  const { rows: paired } = await db.raw(
    `SELECT mp.id::int AS pairing_id, mp.student_id::int AS student_id, u.name, u.email
     FROM mentor_pairings mp JOIN users u ON u.id = mp.student_id
     WHERE mp.mission_id = ? AND mp.mentor_id = ? ORDER BY mp.student_id`,
    [mission.id, from.mentor_id],
  );
  let chosen = paired as { pairing_id: number; student_id: number; name: string; email: string }[];
  if (input.student_ids) {
    const wanted = new Set(input.student_ids);
    chosen = chosen.filter((row) => wanted.has(row.student_id));
    const found = new Set(chosen.map((row) => row.student_id));
    const missing = [...wanted].filter((id) => !found.has(id));
    if (missing.length) {
      throw errors.validation(`Student${missing.length > 1 ? 's' : ''} #${missing.join(', #')} ${missing.length > 1 ? 'are' : 'is'} not paired with ${from.name} on ${mission.code}.`, {
        student_ids: 'Only students paired with this mentor can be moved.',
      });
    }
  }
  if (chosen.length === 0) {
    if (options.allowNone) return { mission_id: mission.id, mission_code: mission.code, from_mentor: from, moves: [], mentors: [], remaining: 0 };
    throw errors.validation(`${from.name} has no students on ${mission.code} to move.`, { from_mentor_id: 'No students to move.' });
  }

  let targets: MentorLoad[];
  if (input.to_mentor_id !== undefined) {
    if (input.to_mentor_id === from.mentor_id) throw errors.validation('Choose a different mentor to move the students to.', { to_mentor_id: 'Same as the current mentor.' });
    const row = mentorRows.find((candidate: { mentor_id: number }) => candidate.mentor_id === input.to_mentor_id);
    if (!row) throw errors.validation(`Mentor #${input.to_mentor_id} is not a mentor on ${mission.code}. A manager must add them to the mission first.`, { to_mentor_id: 'Not a mentor on this mission.' });
    if (row.status !== 'active' || !row.active) throw errors.validation(`${row.name} is not active${row.active ? '' : ` on ${mission.code}`} and can't take students.`, { to_mentor_id: 'Not an active mentor.' });
    targets = [loadOf(row)];
  } else {
    targets = mentorRows.filter((row: { mentor_id: number; status: string; active: boolean }) => row.mentor_id !== from.mentor_id && row.active && row.status === 'active').map(loadOf);
    if (targets.length === 0) throw errors.conflict(`${mission.code} has no other active mentor to take these students. A manager must add one first.`);
  }

  // A student may already have one of the targets as a second mentor: that mentor can't take them again.
  const { rows: existing } = await db.raw(
    `SELECT student_id::int AS student_id, mentor_id::int AS mentor_id FROM mentor_pairings
     WHERE mission_id = ? AND student_id = ANY(?::bigint[]) AND mentor_id = ANY(?::bigint[])`,
    [mission.id, chosen.map((row) => row.student_id), targets.map((target) => target.mentor_id)],
  );
  const alreadyWith = new Set(existing.map((row: { student_id: number; mentor_id: number }) => `${row.student_id}:${row.mentor_id}`));

  const moves: PlannedMove[] = [];
  const stuck: { name: string }[] = [];
  const duplicates: { name: string }[] = [];
  for (const student of chosen) {
    let best: MentorLoad | undefined;
    let blockedByDuplicate = false;
    for (const target of targets) {
      if (alreadyWith.has(`${student.student_id}:${target.mentor_id}`)) {
        blockedByDuplicate = true;
        continue;
      }
      if (target.capacity !== null && target.load_after >= target.capacity) continue;
      if (!best || target.load_after < best.load_after) best = target;
    }
    if (!best) {
      (blockedByDuplicate && targets.length === 1 ? duplicates : stuck).push(student);
      continue;
    }
    best.load_after += 1;
    moves.push({
      pairing_id: student.pairing_id,
      student_id: student.student_id,
      student_name: student.name,
      student_email: student.email,
      from_mentor_id: from.mentor_id,
      from_mentor_name: from.name,
      to_mentor_id: best.mentor_id,
      to_mentor_name: best.name,
    });
  }
  if (duplicates.length) throw errors.validation(`${targets[0].name} already mentors ${names(duplicates)} on ${mission.code}.`, { student_ids: 'Already paired with that mentor.' });
  if (stuck.length) {
    const what = input.to_mentor_id !== undefined ? `${targets[0].name} has room for only ${moves.length}` : `No other mentor on ${mission.code} has room for ${stuck.length}`;
    throw errors.conflict(`${what} of the ${chosen.length} students (not placed: ${names(stuck.slice(0, 5))}${stuck.length > 5 ? ', …' : ''}). Raise a capacity or add a mentor to the mission first.`, {
      unplaced: stuck.length,
    });
  }
  from.load_after = from.load_before - moves.length;
  return { mission_id: mission.id, mission_code: mission.code, from_mentor: from, moves, mentors: targets, remaining: from.load_after };
}
