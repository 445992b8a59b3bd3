import type { Knex } from 'knex';
import { AppError } from '../core/errors';
import { hashToken, newToken } from './sessions';

export type TokenPurpose = 'verify_email' | 'reset_password' | 'invite';

export const TOKEN_LIFETIME_HOURS: Record<TokenPurpose, number> = {
  verify_email: 48,
  reset_password: 1,
  invite: 24 * 7,
};

/** Issues a single-use token, stored only as its hash; earlier unused tokens of the same purpose stop working. */
export async function issueToken(db: Knex | Knex.Transaction, userId: number, purpose: TokenPurpose): Promise<string> {
  const token = newToken();
  await db('user_tokens').where({ user_id: userId, purpose }).whereNull('used_at').update({ used_at: db.fn.now() });
  await db('user_tokens').insert({
    user_id: userId,
    purpose,
    token_hash: hashToken(token),
    expires_at: db.raw(`now() + make_interval(hours => ?)`, [TOKEN_LIFETIME_HOURS[purpose]]),
  });
  return token;
}

/** Marks the token used and returns its owner, in one statement so two clicks can't both succeed. */
export async function consumeToken(
  db: Knex | Knex.Transaction,
  token: unknown,
  purposes: readonly TokenPurpose[],
): Promise<{ userId: number; purpose: TokenPurpose }> {
  if (typeof token !== 'string' || token.length < 20 || token.length > 200) {
    throw new AppError(400, 'INVALID_TOKEN', 'This link is not valid. Check that you copied all of it, or request a new one.');
  }
  const hash = hashToken(token);
  const [row] = await db('user_tokens')
    .where({ token_hash: hash })
    .whereIn('purpose', purposes)
    .whereNull('used_at')
    .andWhere('expires_at', '>', db.fn.now())
    .update({ used_at: db.fn.now() })
    .returning(['user_id', 'purpose']);
  if (row) return { userId: Number(row.user_id), purpose: row.purpose };
  const known = await db('user_tokens').where({ token_hash: hash }).whereIn('purpose', purposes).first('used_at', 'expires_at');
  if (known?.used_at) throw new AppError(400, 'INVALID_TOKEN', 'This link has already been used. Request a new one if you still need it.');
  if (known) throw new AppError(400, 'INVALID_TOKEN', 'This link has expired. Request a new one.');
  throw new AppError(400, 'INVALID_TOKEN', 'This link is not valid. Check that you copied all of it, or request a new one.');
}
