// The portal's session cookie, encrypted: Remix's cookie session storage signs its value but leaves it readable
// (base64 JSON), and the value holds the student's API bearer token. Here the value is sealed (seal.server.ts) under
// a key derived from SESSION_SECRET.
import { createCookie, createSession, type CookieOptions, type SessionData, type SessionStorage } from '@remix-run/node';

import { sealer } from './seal.server';

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
