import { sealer } from '../app/lib/seal.server';

// The portal's session cookie holds the student's API bearer token: nothing that sees the cookie may read it
// (the browser test in student-signup.test.ts checks the cookie itself).
const TOKEN = 'api-bearer-token-0123456789abcdef';

it('seals a value so the sealed text shows neither the token nor the JSON around it, and opens it again', () => {
  const box = sealer(['s3cret-one']);
  const sealed = box.seal({ token: TOKEN, csrf: 'csrf-1' });
  for (const view of [sealed, ...sealed.split('.').map((part) => Buffer.from(part, 'base64url').toString('latin1'))]) {
    expect(view).not.toContain(TOKEN);
    expect(view).not.toContain('token');
  }
  expect(box.open(sealed)).toEqual({ token: TOKEN, csrf: 'csrf-1' });
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
