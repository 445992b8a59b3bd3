// Sealing a value with AES-256-GCM (confidential and tamper-proof) under a key derived from a secret with HKDF;
// with several secrets (rotation) the first seals and every one opens. Used for the portal's session cookie.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const keyOf = (secret: string) => Buffer.from(hkdfSync('sha256', secret, 'sms-portal-session', 'aes-256-gcm cookie key', 32));

export function sealer(secrets: readonly string[]) {
  if (secrets.length === 0) throw new Error('sealer needs at least one secret');
  const keys = secrets.map(keyOf);
  return {
    seal(value: unknown): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keys[0], iv);
      const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
      return [VERSION, iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
    },
    /** The sealed value, or undefined for anything not sealed by one of the secrets (tampered, old, foreign). */
    open(sealed: unknown): unknown {
      if (typeof sealed !== 'string') return undefined;
      const [version, iv, body, tag] = sealed.split('.');
      if (version !== VERSION || !iv || !body || !tag) return undefined;
      for (const key of keys) {
        try {
          const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
          decipher.setAuthTag(Buffer.from(tag, 'base64url'));
          const text = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
          return JSON.parse(text);
        } catch {
          // Not this key: try the next one.
        }
      }
      return undefined;
    },
  };
}
