import type { Knex } from 'knex';

/** Students whose ban or delisting has run out get their status back (the database decides what is live). */
export async function expireIntegrityActions(knex: Knex): Promise<number> {
  const { rows } = await knex.raw(
    `SELECT refresh_student_status(s.id) FROM students s
     WHERE s.status <> 'active'
       AND EXISTS (SELECT 1 FROM integrity_actions ia WHERE ia.student_id = s.id AND ia.lifted_at IS NULL AND ia.ends_at <= now())`,
  );
  return rows.length;
}
