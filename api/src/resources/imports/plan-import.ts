import type { Knex } from 'knex';
import { z } from 'zod';
import { fields } from '../../core/fields';
import type { CsvRow } from './csv-rows';

export type ImportKind = 'students' | 'enrolments' | 'pairings';
export type RowAction = 'create' | 'update' | 'skip' | 'error';

export interface RowResult {
  line: number;
  email: string;
  action: RowAction;
  /** What the row does, or what is wrong with it. */
  messages: string[];
}

/** Validated writes, resolved to ids, ready for one transaction. */
export interface ImportOps {
  newStudents: { email: string; name: string; phone: string | null; address: string | null }[];
  changedStudents: { id: number; email: string; name: string | null; phone: string | null; address: string | null }[];
  batchEnrolments: { batch_id: number; email: string }[];
  missionEnrolments: { mission_id: number; email: string }[];
  pairings: { mission_id: number; student_id: number; mentor_id: number }[];
}

export interface ImportPlan {
  kind: ImportKind;
  rows: RowResult[];
  counts: Record<RowAction, number>;
  ops: ImportOps;
}

export const IMPORT_COLUMNS: Record<ImportKind, { required: string[]; known: string[] }> = {
  students: { required: ['email'], known: ['email', 'name', 'phone', 'address', 'batch_code', 'mission_codes'] },
  enrolments: { required: ['email', 'batch_code'], known: ['email', 'batch_code', 'mission_code'] },
  pairings: { required: ['email', 'batch_code', 'mission_code', 'mentor_email'], known: ['email', 'batch_code', 'mission_code', 'mentor_email'] },
};

const emailRule = fields.email;
const phoneRule = z.string().regex(/^\+?[0-9 ()-]{6,20}$/);

interface Lookups {
  users: Map<string, { id: number; role: string; name: string; phone: string | null; address: string | null }>;
  batches: Map<string, number>;
  missions: Map<string, number>; // `${batchId}:${code}`
  batchMembers: Set<string>; // `${batchId}:${studentId}`
  missionMembers: Set<string>; // `${missionId}:${studentId}`
  missionMentors: Set<string>; // `${missionId}:${mentorId}`
  pairs: Set<string>; // `${missionId}:${studentId}:${mentorId}`
}

const splitCodes = (text: string) => text.split(/[;|]/).map((code) => code.trim()).filter(Boolean);

/** Everything the rows refer to, in a handful of queries whatever the row count. */
async function lookups(db: Knex | Knex.Transaction, rows: CsvRow[]): Promise<Lookups> {
  const emails = new Set<string>();
  const batchCodes = new Set<string>();
  for (const { values } of rows) {
    for (const key of ['email', 'mentor_email']) if (values[key]) emails.add(values[key].toLowerCase());
    if (values.batch_code) batchCodes.add(values.batch_code);
  }
  const users = await db('users as u')
    .leftJoin('students as s', 's.id', 'u.id')
    .whereIn('u.email', [...emails])
    .select('u.id', 'u.email', 'u.role', 'u.name', 'u.phone', 's.address');
  const batches = await db('batches').whereIn('code', [...batchCodes]).select('id', 'code');
  const batchIds = batches.map((b) => b.id);
  const missions = await db('missions').whereIn('batch_id', batchIds).select('id', 'batch_id', 'code');
  const missionIds = missions.map((m) => m.id);
  const userIds = users.map((u) => u.id);
  const [batchMembers, missionMembers, missionMentors, pairs] = await Promise.all([
    db('batch_enrolments').whereIn('batch_id', batchIds).whereIn('student_id', userIds).select('batch_id', 'student_id'),
    db('mission_enrolments').whereIn('mission_id', missionIds).whereIn('student_id', userIds).select('mission_id', 'student_id'),
    db('mission_mentors').whereIn('mission_id', missionIds).select('mission_id', 'mentor_id'),
    db('mentor_pairings').whereIn('mission_id', missionIds).whereIn('student_id', userIds).select('mission_id', 'student_id', 'mentor_id'),
  ]);
  return {
    users: new Map(users.map((u) => [u.email, u])),
    batches: new Map(batches.map((b) => [b.code, b.id])),
    missions: new Map(missions.map((m) => [`${m.batch_id}:${m.code}`, m.id])),
    batchMembers: new Set(batchMembers.map((r) => `${r.batch_id}:${r.student_id}`)),
    missionMembers: new Set(missionMembers.map((r) => `${r.mission_id}:${r.student_id}`)),
    missionMentors: new Set(missionMentors.map((r) => `${r.mission_id}:${r.mentor_id}`)),
    pairs: new Set(pairs.map((r) => `${r.mission_id}:${r.student_id}:${r.mentor_id}`)),
  };
}

/**
 * Decides, row by row, what an import would do and why a row is wrong. Writes nothing:
 * the same plan serves the dry run and, recomputed inside the transaction, the import itself.
 */
export async function planImport(db: Knex | Knex.Transaction, kind: ImportKind, rows: CsvRow[]): Promise<ImportPlan> {
  const look = await lookups(db, rows);
  const ops: ImportOps = { newStudents: [], changedStudents: [], batchEnrolments: [], missionEnrolments: [], pairings: [] };
  const firstLine = new Map<string, number>();
  const results: RowResult[] = rows.map(({ line, values }) => {
    const email = (values.email ?? '').toLowerCase();
    const problems: string[] = [];
    const done: string[] = [];
    if (!emailRule.safeParse(email).success) problems.push(email ? `"${values.email}" is not a valid email address.` : 'Email is missing.');
    const duplicateKey = kind === 'students' ? email : JSON.stringify([email, values.batch_code, values.mission_code, values.mentor_email]);
    if (email && firstLine.has(duplicateKey)) problems.push(`Duplicate of line ${firstLine.get(duplicateKey)} in this file.`);
    else if (email) firstLine.set(duplicateKey, line);

    const user = look.users.get(email);
    if (user && user.role !== 'student') problems.push('This email belongs to a staff account, not a student.');
    const batchId = values.batch_code ? look.batches.get(values.batch_code) : undefined;
    if (values.batch_code && batchId === undefined) problems.push(`Unknown batch code "${values.batch_code}".`);
    const missionCodes = kind === 'students' ? splitCodes(values.mission_codes ?? '') : values.mission_code ? [values.mission_code] : [];
    if (missionCodes.length && !values.batch_code) problems.push('Mission codes need a batch_code in the same row.');
    const missionIds: number[] = [];
    for (const code of missionCodes) {
      const id = batchId !== undefined ? look.missions.get(`${batchId}:${code}`) : undefined;
      if (batchId !== undefined && id === undefined) problems.push(`Batch "${values.batch_code}" has no mission "${code}".`);
      if (id !== undefined) missionIds.push(id);
    }

    if (kind === 'students') {
      const name = values.name ?? '';
      const phone = values.phone || null;
      const address = values.address || null;
      if (!user && !name) problems.push('Name is missing for a new student.');
      if (name.length > 200) problems.push('Name is longer than 200 characters.');
      if (phone && !phoneRule.safeParse(phone).success) problems.push(`"${phone}" is not a phone number (digits, spaces, dashes, a leading +).`);
      if (address && address.length > 500) problems.push('Address is longer than 500 characters.');
      if (problems.length) return { line, email, action: 'error', messages: problems };
      if (!user) {
        ops.newStudents.push({ email, name, phone, address });
        done.push('New student.');
      } else {
        const changed = (name && name !== user.name) || (phone && phone !== user.phone) || (address && address !== user.address);
        if (changed) {
          ops.changedStudents.push({ id: user.id, email, name: name || null, phone, address });
          done.push(`Updates ${[name && name !== user.name && 'name', phone && phone !== user.phone && 'phone', address && address !== user.address && 'address'].filter(Boolean).join(', ')}.`);
        }
      }
      if (batchId !== undefined && !(user && look.batchMembers.has(`${batchId}:${user.id}`))) {
        ops.batchEnrolments.push({ batch_id: batchId, email });
        done.push(`Joins batch ${values.batch_code}.`);
      }
      for (const [i, missionId] of missionIds.entries()) {
        if (user && look.missionMembers.has(`${missionId}:${user.id}`)) continue;
        ops.missionEnrolments.push({ mission_id: missionId, email });
        done.push(`Enrols in ${missionCodes[i]}.`);
      }
      const action: RowAction = !user ? 'create' : done.length ? 'update' : 'skip';
      return { line, email, action, messages: done.length ? done : ['Already up to date.'] };
    }

    if (!problems.length && !user) problems.push('No student has this email. Import the students first.');
    if (kind === 'enrolments') {
      if (problems.length || !user || batchId === undefined) return { line, email, action: 'error', messages: problems };
      if (!look.batchMembers.has(`${batchId}:${user.id}`)) {
        ops.batchEnrolments.push({ batch_id: batchId, email });
        done.push(`Joins batch ${values.batch_code}.`);
      }
      if (missionIds[0] !== undefined && !look.missionMembers.has(`${missionIds[0]}:${user.id}`)) {
        ops.missionEnrolments.push({ mission_id: missionIds[0], email });
        done.push(`Enrols in ${values.mission_code}.`);
      }
      return { line, email, action: done.length ? 'create' : 'skip', messages: done.length ? done : ['Already enrolled.'] };
    }

    // pairings
    const mentorEmail = (values.mentor_email ?? '').toLowerCase();
    const mentor = look.users.get(mentorEmail);
    if (!mentor || mentor.role !== 'mentor') problems.push(`No mentor has the email "${values.mentor_email}".`);
    const missionId = missionIds[0];
    if (mentor && missionId !== undefined && !look.missionMentors.has(`${missionId}:${mentor.id}`)) {
      problems.push(`${values.mentor_email} is not a mentor of ${values.mission_code}. A manager must add them to the mission first.`);
    }
    if (user && missionId !== undefined && !look.missionMembers.has(`${missionId}:${user.id}`)) {
      problems.push(`This student is not enrolled in ${values.mission_code}. Import the enrolment first.`);
    }
    if (problems.length || !user || !mentor || missionId === undefined) return { line, email, action: 'error', messages: problems };
    if (look.pairs.has(`${missionId}:${user.id}:${mentor.id}`)) return { line, email, action: 'skip', messages: ['Already paired.'] };
    ops.pairings.push({ mission_id: missionId, student_id: user.id, mentor_id: mentor.id });
    return { line, email, action: 'create', messages: [`Pairs with ${mentorEmail} on ${values.mission_code}.`] };
  });
  const counts: Record<RowAction, number> = { create: 0, update: 0, skip: 0, error: 0 };
  for (const row of results) counts[row.action] += 1;
  return { kind, rows: results, counts, ops };
}
