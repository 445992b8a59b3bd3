import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Rotating check-in codes: six digits from HMAC(secret, 30-second step), like an authenticator app. */
export const CODE_STEP_SECONDS = 30;

export const newCodeSecret = () => randomBytes(20).toString('hex');

function codeAt(secret: string, step: number): string {
  const digest = createHmac('sha256', secret).update(String(step)).digest();
  return String(digest.readUInt32BE(digest.length - 4) % 1_000_000).padStart(6, '0');
}

export function currentCode(secret: string, now = Date.now()): { code: string; expiresInSeconds: number } {
  const step = Math.floor(now / 1000 / CODE_STEP_SECONDS);
  return { code: codeAt(secret, step), expiresInSeconds: CODE_STEP_SECONDS - (Math.floor(now / 1000) % CODE_STEP_SECONDS) };
}

/** The code on screen now, or the one just before it (read at the last second), and nothing else. */
export function isValidCode(secret: string, code: unknown, now = Date.now()): boolean {
  if (typeof code !== 'string' || !/^\d{6}$/.test(code.trim())) return false;
  const step = Math.floor(now / 1000 / CODE_STEP_SECONDS);
  const given = Buffer.from(code.trim());
  return [step, step - 1].some((s) => timingSafeEqual(Buffer.from(codeAt(secret, s)), given));
}
