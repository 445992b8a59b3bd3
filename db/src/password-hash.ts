import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// scrypt from node's crypto: memory-hard, no native add-on to build, and asynchronous (it runs on libuv's thread
// pool, so a sign-in never blocks the event loop). Format: scrypt$N$r$p$salt$hash (base64).
// Cost: OWASP's current recommendation, N=2^17, r=8, p=1 (128 MiB and roughly 0.2–0.4 s per hash on a server core).
export const SCRYPT_N = 2 ** 17;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

/**
 * PASSWORD_HASH_TEST_COST=<log2 N> (4–16) lowers the cost, for test runs only: the test suite hashes and
 * verifies hundreds of passwords. The API warns at start when it is set.
 */
export const TEST_COST_VARIABLE = 'PASSWORD_HASH_TEST_COST';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** The parameters new hashes get (and that older hashes are upgraded to on their next successful sign-in). */
export function targetParams(env: NodeJS.ProcessEnv = process.env): ScryptParams {
  const raw = env[TEST_COST_VARIABLE];
  if (raw) {
    const logN = Number(raw);
    if (!Number.isInteger(logN) || logN < 4 || logN > 16) throw new Error(`${TEST_COST_VARIABLE} must be an integer from 4 to 16 (log2 of scrypt's N), got "${raw}".`);
    return { N: 2 ** logN, r: R, p: P };
  }
  return { N: SCRYPT_N, r: R, p: P };
}

function scrypt(password: string, salt: Buffer, options: ScryptOptions & { N: number; r: number }): Promise<Buffer> {
  // scrypt needs 128 * N * r bytes; node refuses above maxmem (32 MiB by default), so allow what the cost asks plus slack.
  const maxmem = 128 * options.N * options.r + 16 * 1024 * 1024;
  return new Promise((resolve, reject) =>
    scryptCallback(password.normalize('NFKC'), salt, KEY_LENGTH, { ...options, maxmem }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export async function hashPassword(password: string, params: ScryptParams = targetParams()): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Parameters of a stored hash, or null when it is not one of ours. */
function parse(stored: string): (ScryptParams & { salt: Buffer; hash: Buffer }) | null {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (scheme !== 'scrypt' || !salt || !hash) return null;
  // Refuse absurd parameters (a tampered row must not make the server allocate gigabytes).
  if (![params.N, params.r, params.p].every(Number.isSafeInteger) || params.N < 2 || params.N > 2 ** 20 || params.r < 1 || params.r > 32 || params.p < 1 || params.p > 16) return null;
  return { ...params, salt: Buffer.from(salt, 'base64'), hash: Buffer.from(hash, 'base64') };
}

export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  if (!stored) return false;
  const parsed = parse(stored);
  if (!parsed) return false;
  const key = await scrypt(password, parsed.salt, { N: parsed.N, r: parsed.r, p: parsed.p });
  return key.length === parsed.hash.length && timingSafeEqual(key, parsed.hash);
}

/** True when a stored hash was made with other parameters than today's: rehash it after a successful sign-in. */
export function needsRehash(stored: string, params: ScryptParams = targetParams()): boolean {
  const parsed = parse(stored);
  return !parsed || parsed.N !== params.N || parsed.r !== params.r || parsed.p !== params.p;
}
