import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { hashToken } from '../auth/sessions';

/** Bearer sessions for many users at once, straight into the sessions table (for load tests and benchmarks). */
export async function insertSessions(knex: Knex, userIds: number[]): Promise<string[]> {
  const tokens = userIds.map(() => randomBytes(24).toString('base64url'));
  const rows = userIds.map((id, i) => ({ token_hash: hashToken(tokens[i]), user_id: id, csrf_token: 'x', expires_at: knex.raw("now() + interval '1 hour'") }));
  for (let i = 0; i < rows.length; i += 2000) await knex('sessions').insert(rows.slice(i, i + 2000));
  return tokens;
}
