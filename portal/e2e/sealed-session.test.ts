import { createSealedCookieSessionStorage, sealer } from '../app/lib/sealed-session.server';

// The portal's session cookie holds the student's API bearer token: nothing that sees the cookie may read it.
const TOKEN = 'api-bearer-token-0123456789abcdef';

it('seals the session so the cookie shows neither the token nor the JSON around it, and opens it again', async () => {
  const storage = createSealedCookieSessionStorage<{ token: string; csrf: string }>('sms_portal', { httpOnly: true, path: '/', secrets: ['s3cret-one'] });
  const session = await storage.getSession(null);
  session.set('token', TOKEN);
  session.set('csrf', 'csrf-1');
  const header = await storage.commitSession(session);
  const value = decodeURIComponent(/^sms_portal=([^;]*)/.exec(header)![1]);
  for (const view of [value, Buffer.from(value, 'base64').toString('latin1'), ...value.split('.').map((part) => Buffer.from(part, 'base64url').toString('latin1'))]) {
    expect(view).not.toContain(TOKEN);
    expect(view).not.toContain('token');
  }
  const again = await storage.getSession(`sms_portal=${encodeURIComponent(value)}`);
  expect(again.get('token')).toBe(TOKEN);
});

it('opens nothing that was tampered with, sealed under another secret, or only signed', async () => {
  const box = sealer(['s3cret-one']);
  const sealed = box.seal({ token: TOKEN });
  const [version, iv, body, tag] = sealed.split('.');
  const flipped = Buffer.from(body, 'base64url');
  flipped[0] ^= 1;
  expect(box.open([version, iv, flipped.toString('base64url'), tag].join('.'))).toBeUndefined();
  expect(sealer(['another-secret']).open(sealed)).toBeUndefined();
  expect(box.open(Buffer.from(JSON.stringify({ token: TOKEN })).toString('base64'))).toBeUndefined();
});

it('rotates: the first secret seals, every listed secret opens', () => {
  const old = sealer(['old-secret']).seal({ token: TOKEN });
  const rotated = sealer(['new-secret', 'old-secret']);
  expect(rotated.open(old)).toEqual({ token: TOKEN });
  expect(sealer(['old-secret']).open(rotated.seal({ token: TOKEN }))).toBeUndefined();
});
