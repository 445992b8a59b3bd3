import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { Actor } from '../core/actor';
import { hashToken } from './sessions';

/** Every API key starts with this, so the API knows at once which table to look in (and leaks are easy to scan for). */
export const API_KEY_PREFIX = 'smsk_';

export function newApiKey(): { token: string; prefix: string } {
  const token = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { token, prefix: token.slice(0, 12) };
}

/**
 * The active staff user behind an unexpired key, acting with their current role. Keys are for integrations, so
 * there is no session behind them (sessionId 0) and no CSRF token (they are only ever sent as bearer tokens).
 */
export async function findApiKeyActor(db: Knex, token: string): Promise<Actor | null> {
  const { rows } = await db.raw(
    `WITH found AS (
       SELECT k.id AS key_id, k.last_used_at, u.id, u.email, u.name, u.role
       FROM api_keys k JOIN users u ON u.id = k.user_id
       WHERE k.token_hash = ? AND (k.expires_at IS NULL OR k.expires_at > now()) AND u.status = 'active' AND u.role <> 'student'
     ), touched AS (
       UPDATE api_keys SET last_used_at = now() WHERE id IN (SELECT key_id FROM found WHERE last_used_at IS NULL OR last_used_at < now() - interval '1 minute')
     )
     SELECT id, email, name, role FROM found`,
    [hashToken(token)],
  );
  const row = rows[0];
  if (!row) return null;
  return { id: Number(row.id), email: row.email, name: row.name, role: row.role, sessionId: 0, via: 'bearer', csrfToken: '' };
}
