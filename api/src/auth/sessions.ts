import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { Actor, Role } from '../core/actor';
import { Batcher } from '../core/batcher';
import { preparedQuery } from '../core/prepared';
import { hasLiveRestrictionSql } from '../resources/integrity-actions/live-actions';
import { API_KEY_PREFIX, findApiKeyActor } from './api-keys';

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

interface SessionRow {
  token_hash: Buffer;
  session_id: number;
  csrf_token: string;
  id: number;
  email: string;
  name: string;
  role: Role;
  student_status: 'active' | 'banned' | 'delisted' | null;
  restricted: boolean;
}

const SESSION_ACTORS_SQL = `
  WITH found AS (
    SELECT s.token_hash, s.id AS session_id, s.csrf_token, s.last_seen_at, u.id, u.email, u.name, u.role,
           st.status AS student_status,
           ${hasLiveRestrictionSql('u.id')} AS restricted
    FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN students st ON st.id = u.id
    WHERE s.token_hash = ANY($1::bytea[]) AND s.expires_at > now() AND u.status = 'active'
  ), touched AS (
    UPDATE sessions SET last_seen_at = now()
    WHERE id IN (SELECT session_id FROM found WHERE last_seen_at < now() - interval '1 minute')
  )
  SELECT token_hash, session_id, csrf_token, id, email, name, role, student_status, restricted FROM found`;

const loaders = new WeakMap<Knex, Batcher<Buffer, SessionRow | null>>();

/**
 * Looks up many tokens in one statement, touching last_seen_at at most once a minute per session,
 * so a crowd of requests arriving together costs one round trip.
 */
function sessionLoader(db: Knex): Batcher<Buffer, SessionRow | null> {
  let loader = loaders.get(db);
  if (!loader) {
    loader = new Batcher(async (hashes) => {
      const rows = await preparedQuery<SessionRow>(db, 'session_actors', SESSION_ACTORS_SQL, [hashes]);
      const byHash = new Map(rows.map((row) => [row.token_hash.toString('hex'), row]));
      return hashes.map((hash) => byHash.get(hash.toString('hex')) ?? null);
    });
    loaders.set(db, loader);
  }
  return loader;
}

/**
 * The active user behind a token, or null: an expired session, a disabled user or a revoked session all end here.
 * Bearer API keys (integrations) resolve here too, so every request path authenticates the same way.
 */
export async function findSessionActor(db: Knex, token: string, via: Actor['via']): Promise<Actor | null> {
  if (via === 'bearer' && token.startsWith(API_KEY_PREFIX)) return findApiKeyActor(db, token);
  const row = await sessionLoader(db).load(hashToken(token));
  if (!row) return null;
  return {
    id: Number(row.id),
    email: row.email,
    name: row.name,
    role: row.role,
    sessionId: Number(row.session_id),
    via,
    csrfToken: row.csrf_token,
    standing: row.role === 'student' ? { status: row.student_status ?? 'active', restricted: row.restricted } : undefined,
  };
}

export async function endSession(db: Knex | Knex.Transaction, sessionId: number): Promise<void> {
  await db('sessions').where({ id: sessionId }).delete();
}
