// The portal's session cookie, encrypted: Remix's cookie session storage signs its value but leaves it readable
// (base64 JSON), and the value holds the student's API bearer token. Here the value is sealed with AES-256-GCM
// (confidential and tamper-proof), under a key derived from SESSION_SECRET with HKDF; with several secrets
// (rotation) the first seals and every one opens.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

import { createCookie, createSession, type CookieOptions, type SessionData, type SessionStorage } from '@remix-run/node';

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

/** Remix's cookie session storage, with the cookie's value sealed instead of merely signed. */
export function createSealedCookieSessionStorage<Data = SessionData>(name: string, options: CookieOptions & { secrets: string[] }): SessionStorage<Data> {
  const { secrets, ...cookieOptions } = options;
  const box = sealer(secrets);
  // The seal authenticates the value, so the cookie itself needs no signature.
  const cookie = createCookie(name, cookieOptions);
  return {
    async getSession(cookieHeader?: string | null, parseOptions?: Parameters<typeof cookie.parse>[1]) {
      const sealed = cookieHeader ? await cookie.parse(cookieHeader, parseOptions) : undefined;
      const data = box.open(sealed);
      return createSession<Data>((data && typeof data === 'object' ? data : {}) as Data);
    },
    async commitSession(session, serializeOptions) {
      const serialized = await cookie.serialize(box.seal(session.data), serializeOptions);
      if (serialized.length > 4096) throw new Error(`The session cookie is too large (${serialized.length} bytes).`);
      return serialized;
    },
    async destroySession(_session, serializeOptions) {
      return cookie.serialize('', { ...serializeOptions, maxAge: undefined, expires: new Date(0) });
    },
  };
}
