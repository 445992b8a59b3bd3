import type { Knex } from 'knex';
import { z } from 'zod';
import type { Actor } from '../../core/actor';
import { errors } from '../../core/errors';
import { fields } from '../../core/fields';
import type { ResourceDefinition } from '../../core/resource';
import { findVisible, scopedQuery } from '../../core/resource-router';
import { batchesResource } from '../batches/batches.resource';
import { missionsResource } from '../missions/missions.resource';
import { studentProgressResource } from './student-progress.resource';

export const generateInput = z
  .object({
    title: fields.title.optional(),
    batch_id: fields.id.optional(),
    mission_id: fields.id.optional(),
    risk: z.array(z.enum(['high', 'medium'], { error: 'Risk levels are high and medium.' })).min(1, 'Choose at least one risk level.').default(['high']),
    sre_ids: z.array(fields.id).max(200).optional(),
    include_open: z.boolean().default(false),
    dry_run: z.boolean().default(true),
  })
  .refine((input) => input.batch_id || input.mission_id, { path: ['mission_id'], message: 'Choose a batch or a mission to call about.' });
export type GenerateInput = z.infer<typeof generateInput>;

interface Candidate {
  student_id: number;
  student_name: string;
  risk: 'high' | 'medium';
  reasons: Set<string>;
  attendance_rate: number | null;
}

export interface CallListPlan {
  title: string;
  batch_id: number | null;
  mission_id: number | null;
  students: number;
  skipped_open: number;
  sres: { sre_id: number; name: string; open_before: number; new_calls: number }[];
  calls: { student_id: number; student_name: string; risk: string; reasons: string[]; assigned_to: number }[];
}

const lower = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));

/**
 * Who to call and who calls them: the students at the chosen risk levels in a batch or mission (one call per
 * student, with every reason from every mission), worst first, each given to the SRE with the fewest open calls
 * at that moment, so the team's queues end as even as they can. Students already on an open call are left out
 * unless asked, so nobody is phoned twice for the same thing.
 */
export async function planCallList(db: Knex | Knex.Transaction, actor: Actor, input: GenerateInput): Promise<CallListPlan> {
  let batchCode: string | undefined;
  let missionLabel: string | undefined;
  if (input.mission_id) {
    const mission = await findVisible<{ id: number; batch_id: number; code: string }>(missionsResource as unknown as ResourceDefinition, actor, db, input.mission_id);
    if (input.batch_id && Number(mission.batch_id) !== input.batch_id) throw errors.validation('That mission is not in that batch.', { mission_id: 'not in the chosen batch' });
    missionLabel = mission.code;
    if (!input.batch_id) batchCode = (await db('batches').where({ id: mission.batch_id }).first('code'))?.code;
  }
  if (input.batch_id) batchCode = (await findVisible<{ code: string }>(batchesResource as unknown as ResourceDefinition, actor, db, input.batch_id)).code;

  const query = scopedQuery(studentProgressResource as unknown as ResourceDefinition, actor, db)
    .whereIn('student_progress.risk', input.risk)
    .where({ 'student_progress.mission_status': 'active', 'student_progress.enrolment_status': 'active', 'student_progress.student_status': 'active' });
  if (input.mission_id) query.where('student_progress.mission_id', input.mission_id);
  if (input.batch_id) query.where('student_progress.batch_id', input.batch_id);
  const rows = (await query) as unknown as { student_id: number; student_name: string; risk: 'high' | 'medium'; risk_reasons: string[]; attendance_rate: string | null }[];

  const byStudent = new Map<number, Candidate>();
  for (const row of rows) {
    const rate = row.attendance_rate === null ? null : Number(row.attendance_rate);
    const known = byStudent.get(Number(row.student_id));
    if (!known) {
      byStudent.set(Number(row.student_id), { student_id: Number(row.student_id), student_name: row.student_name, risk: row.risk, reasons: new Set(row.risk_reasons), attendance_rate: rate });
      continue;
    }
    if (row.risk === 'high') known.risk = 'high';
    for (const reason of row.risk_reasons) known.reasons.add(reason);
    known.attendance_rate = lower(known.attendance_rate, rate);
  }
  let candidates = [...byStudent.values()];
  const open = new Set<number>(
    candidates.length
      ? (await db('calls').where('status', 'open').whereIn('student_id', candidates.map((c) => c.student_id)).distinct('student_id')).map((r: { student_id: number }) => Number(r.student_id))
      : [],
  );
  const skippedOpen = input.include_open ? 0 : candidates.filter((c) => open.has(c.student_id)).length;
  if (!input.include_open) candidates = candidates.filter((c) => !open.has(c.student_id));
  candidates.sort((a, b) => (a.risk === b.risk ? 0 : a.risk === 'high' ? -1 : 1) || (a.attendance_rate ?? 1) - (b.attendance_rate ?? 1) || a.student_id - b.student_id);

  const sreQuery = db('users as u')
    .where({ 'u.role': 'sre', 'u.status': 'active' })
    .select('u.id', 'u.name', db.raw(`(SELECT count(*)::int FROM calls c WHERE c.assigned_to = u.id AND c.status = 'open') AS open_before`))
    .orderBy('u.id');
  if (input.sre_ids) sreQuery.whereIn('u.id', input.sre_ids);
  const sres = (await sreQuery).map((s: { id: number; name: string; open_before: number }) => ({ sre_id: Number(s.id), name: s.name, open_before: s.open_before, new_calls: 0 }));
  if (input.sre_ids) {
    const missing = [...new Set(input.sre_ids)].filter((id) => !sres.some((s) => s.sre_id === id));
    if (missing.length) throw errors.validation(`These people are not active SREs, so they can't take calls: ${missing.join(', ')}.`, { sre_ids: 'not active SREs' });
  }
  if (sres.length === 0) throw errors.validation('There is no active SRE to give the calls to. Add an SRE account first.', { sre_ids: 'no active SRE' });

  const calls: CallListPlan['calls'] = [];
  for (const candidate of candidates) {
    let least = sres[0];
    for (const sre of sres) if (sre.open_before + sre.new_calls < least.open_before + least.new_calls) least = sre;
    least.new_calls += 1;
    calls.push({ student_id: candidate.student_id, student_name: candidate.student_name, risk: candidate.risk, reasons: [...candidate.reasons].sort(), assigned_to: least.sre_id });
  }
  const scope = [batchCode, missionLabel].filter(Boolean).join(' ');
  return {
    title: input.title ?? `${scope}: ${input.risk.join(' and ')} risk`,
    batch_id: input.batch_id ?? null,
    mission_id: input.mission_id ?? null,
    students: calls.length,
    skipped_open: skippedOpen,
    sres,
    calls,
  };
}
