import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { Actor, Role } from '../core/actor';

export const SESSION_COOKIE = 'sms_session';

export const hashToken = (token: string) => createHash('sha256').update(token).digest();
export const newToken = () => randomBytes(32).toString('base64url');

export interface NewSession {
  token: string;
  csrfToken: string;
  sessionId: number;
}

export async function createSession(
  db: Knex | Knex.Transaction,
  userId: number,
  ttlHours: number,
  meta: { ip: string | null; userAgent: string | null },
): Promise<NewSession> {
  const token = newToken();
  const csrfToken = newToken();
  const [row] = await db('sessions')
    .insert({
      token_hash: hashToken(token),
      user_id: userId,
      csrf_token: csrfToken,
      expires_at: db.raw(`now() + make_interval(hours => ?)`, [ttlHours]),
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 500) ?? null,
    })
    .returning('id');
  await db('users').where({ id: userId }).update({ last_sign_in_at: db.fn.now() });
  return { token, csrfToken, sessionId: Number(row.id) };
}

/** The active user behind a token, or null: an expired session, a disabled user or a revoked session all end here. */
export async function findSessionActor(db: Knex, token: string, via: Actor['via']): Promise<Actor | null> {
  const row = await db('sessions as s')
    .join('users as u', 'u.id', 's.user_id')
    .where('s.token_hash', hashToken(token))
    .andWhere('s.expires_at', '>', db.fn.now())
    .andWhere('u.status', 'active')
    .first('s.id as session_id', 's.csrf_token', 's.last_seen_at', 'u.id', 'u.email', 'u.name', 'u.role');
  if (!row) return null;
  if (Date.now() - new Date(row.last_seen_at).getTime() > 60_000) {
    // At most one write a minute per session, so reads stay reads.
    await db('sessions').where({ id: row.session_id }).update({ last_seen_at: db.fn.now() });
  }
  return {
    id: Number(row.id),
    email: row.email,
    name: row.name,
    role: row.role as Role,
    sessionId: Number(row.session_id),
    via,
    csrfToken: row.csrf_token,
  };
}

export async function endSession(db: Knex | Knex.Transaction, sessionId: number): Promise<void> {
  await db('sessions').where({ id: sessionId }).delete();
}
