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

export type SecondFactor = 'totp' | 'recovery_code' | 'trusted_device' | 'idp_mfa';

/** How the session was opened: a pending one has passed the password (or SSO) but not yet the second factor. */
export interface SessionKind {
  method?: 'password' | 'oidc';
  twoFactorPending?: boolean;
  secondFactor?: SecondFactor | null;
}

/** A session waiting for its second factor lives this long: enough to find the phone, not to be left lying about. */
export const PENDING_SESSION_MINUTES = 15;

export async function createSession(
  db: Knex | Knex.Transaction,
  userId: number,
  ttlHours: number,
  meta: { ip: string | null; userAgent: string | null },
  kind: SessionKind = {},
): Promise<NewSession> {
  const token = newToken();
  const csrfToken = newToken();
  const minutes = kind.twoFactorPending ? PENDING_SESSION_MINUTES : ttlHours * 60;
  const [row] = await db('sessions')
    .insert({
      token_hash: hashToken(token),
      user_id: userId,
      csrf_token: csrfToken,
      expires_at: db.raw(`now() + make_interval(mins => ?)`, [minutes]),
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 500) ?? null,
      method: kind.method ?? 'password',
      two_factor_pending: kind.twoFactorPending ?? false,
      second_factor: kind.secondFactor ?? null,
    })
    .returning('id');
  if (!kind.twoFactorPending) await db('users').where({ id: userId }).update({ last_sign_in_at: db.fn.now() });
  return { token, csrfToken, sessionId: Number(row.id) };
}

/**
 * The second factor is proven: the pending session is replaced by a full one under a new token (a token seen before
 * the second factor never becomes a full session), keeping how the first factor was given.
 */
export async function completeSession(
  db: Knex.Transaction,
  pendingSessionId: number,
  ttlHours: number,
  meta: { ip: string | null; userAgent: string | null },
  secondFactor: SecondFactor,
): Promise<NewSession & { userId: number }> {
  const [old] = await db('sessions').where({ id: pendingSessionId }).delete().returning(['user_id', 'method']);
  if (!old) throw new Error('completeSession: the pending session is gone');
  const created = await createSession(db, Number(old.user_id), ttlHours, meta, { method: old.method, secondFactor });
  return { ...created, userId: Number(old.user_id) };
}

/** Marks a full session as proven by a second factor (turning two-factor sign-in on from a signed-in session). */
export async function markSecondFactor(db: Knex | Knex.Transaction, sessionId: number, secondFactor: SecondFactor): Promise<void> {
  await db('sessions').where({ id: sessionId }).update({ second_factor: secondFactor });
}

interface SessionRow {
  token_hash: Buffer;
  session_id: number;
  csrf_token: string;
  two_factor_pending: boolean;
  second_factor: SecondFactor | null;
  id: number;
  email: string;
  name: string;
  role: Role;
  student_status: 'active' | 'banned' | 'delisted' | null;
  restricted: boolean;
}

const SESSION_ACTORS_SQL = `
  WITH found AS (
    SELECT s.token_hash, s.id AS session_id, s.csrf_token, s.two_factor_pending, s.second_factor, s.last_seen_at, u.id, u.email, u.name, u.role,
           st.status AS student_status,
           ${hasLiveRestrictionSql('u.id')} AS restricted
    FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN students st ON st.id = u.id
    WHERE s.token_hash = ANY($1::bytea[]) AND s.expires_at > now() AND u.status = 'active'
  ), touched AS (
    UPDATE sessions SET last_seen_at = now()
    WHERE id IN (SELECT session_id FROM found WHERE last_seen_at < now() - interval '1 minute')
  )
  SELECT token_hash, session_id, csrf_token, two_factor_pending, second_factor, id, email, name, role, student_status, restricted FROM found`;

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
 * A session still waiting for its second factor counts as none, unless the caller asks for it (`withPending`:
 * the main path, whose two-factor gate then opens only the two-factor routes to it).
 */
export async function findSessionActor(db: Knex, token: string, via: Actor['via'], { withPending = false } = {}): Promise<Actor | null> {
  if (via === 'bearer' && token.startsWith(API_KEY_PREFIX)) return findApiKeyActor(db, token);
  const row = await sessionLoader(db).load(hashToken(token));
  if (!row || (row.two_factor_pending && !withPending)) return null;
  return {
    twoFactorPending: row.two_factor_pending,
    secondFactor: row.second_factor,
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
