import type { Knex } from 'knex';
import type { RequestContext } from '../../core/actor';
import { insertAudited, writeAudit, type AuditEntry } from '../../core/audit';
import type { ImportPlan } from './plan-import';

type Row = Record<string, unknown>;

/** Arrays with nulls are fine for Postgres' unnest; knex's binding type is narrower. */
const raw = (trx: Knex.Transaction, sql: string, bindings: unknown[]) => trx.raw(sql, bindings as Knex.RawBinding[]);

/**
 * Writes a validated plan with set-based statements inside the caller's transaction, reporting progress
 * as it goes. Every created or changed row is audited with the import's id.
 */
export async function applyImport(
  trx: Knex.Transaction,
  plan: ImportPlan,
  context: RequestContext,
  importId: number,
  progress: (fraction: number) => Promise<void>,
): Promise<void> {
  const { ops } = plan;
  const audits: AuditEntry[] = [];
  const source = { import_id: importId };

  if (ops.newStudents.length) {
    const addresses = ops.newStudents.map((s) => s.address);
    await insertAudited(
      trx,
      context,
      'students',
      `INSERT INTO users (email, name, phone, role)
       SELECT email, name, phone, 'student' FROM unnest(?::text[], ?::text[], ?::text[]) AS v(email, name, phone)
       RETURNING id, email, name, phone`,
      [ops.newStudents.map((s) => s.email), ops.newStudents.map((s) => s.name), ops.newStudents.map((s) => s.phone)],
      source,
    );
    if (addresses.some(Boolean)) {
      await raw(
        trx,
        `UPDATE students s SET address = v.address FROM unnest(?::text[], ?::text[]) AS v(email, address)
         JOIN users u ON u.email = v.email WHERE s.id = u.id AND v.address IS NOT NULL`,
        [ops.newStudents.map((s) => s.email), addresses],
      );
    }
  }
  await progress(0.35);

  if (ops.changedStudents.length) {
    const c = ops.changedStudents;
    const { rows: before } = await raw(trx, 
      `SELECT u.id, u.name, u.phone, s.address FROM users u JOIN students s ON s.id = u.id WHERE u.id = ANY(?::bigint[]) FOR UPDATE`,
      [c.map((s) => s.id)],
    );
    await raw(trx, 
      `UPDATE users u SET name = coalesce(v.name, u.name), phone = coalesce(v.phone, u.phone)
       FROM unnest(?::bigint[], ?::text[], ?::text[]) AS v(id, name, phone) WHERE u.id = v.id`,
      [c.map((s) => s.id), c.map((s) => s.name), c.map((s) => s.phone)],
    );
    await raw(trx, 
      `UPDATE students s SET address = coalesce(v.address, s.address)
       FROM unnest(?::bigint[], ?::text[]) AS v(id, address) WHERE s.id = v.id`,
      [c.map((s) => s.id), c.map((s) => s.address)],
    );
    const previous = new Map((before as Row[]).map((row) => [row.id, row]));
    for (const s of c) {
      const old = previous.get(s.id) ?? {};
      audits.push({
        action: 'update',
        resource: 'students',
        recordId: s.id,
        before: old,
        after: { id: s.id, name: s.name ?? old.name, phone: s.phone ?? old.phone, address: s.address ?? old.address, ...source },
      });
    }
  }
  await progress(0.55);

  const inserted = (resource: string, sql: string, bindings: unknown[]) => insertAudited(trx, context, resource, sql, bindings, source);
  if (ops.batchEnrolments.length) {
    await inserted(
      'batch_enrolments',
      `INSERT INTO batch_enrolments (batch_id, student_id)
       SELECT v.batch_id, u.id FROM unnest(?::bigint[], ?::text[]) AS v(batch_id, email) JOIN users u ON u.email = v.email
       ON CONFLICT (batch_id, student_id) DO NOTHING RETURNING *`,
      [ops.batchEnrolments.map((e) => e.batch_id), ops.batchEnrolments.map((e) => e.email)],
    );
  }
  if (ops.missionEnrolments.length) {
    await inserted(
      'mission_enrolments',
      `INSERT INTO mission_enrolments (mission_id, student_id)
       SELECT v.mission_id, u.id FROM unnest(?::bigint[], ?::text[]) AS v(mission_id, email) JOIN users u ON u.email = v.email
       ON CONFLICT (student_id, mission_id) DO NOTHING RETURNING *`,
      [ops.missionEnrolments.map((e) => e.mission_id), ops.missionEnrolments.map((e) => e.email)],
    );
  }
  if (ops.pairings.length) {
    await inserted(
      'mentor_pairings',
      `INSERT INTO mentor_pairings (mission_id, student_id, mentor_id)
       SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::bigint[])
       ON CONFLICT (mission_id, student_id, mentor_id) DO NOTHING RETURNING *`,
      [ops.pairings.map((p) => p.mission_id), ops.pairings.map((p) => p.student_id), ops.pairings.map((p) => p.mentor_id)],
    );
  }
  await progress(0.8);
  await writeAudit(trx, context, audits);
  await progress(0.95);
}
