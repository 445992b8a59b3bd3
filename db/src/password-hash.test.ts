import { hashPassword, verifyPassword } from './password-hash';

it('hashes with scrypt and a salt, and verifies only the right password', async () => {
  const first = await hashPassword('correct horse battery');
  const second = await hashPassword('correct horse battery');
  expect(first).toMatch(/^scrypt\$16384\$8\$1\$/);
  expect(first).not.toBe(second);
  expect(await verifyPassword('correct horse battery', first)).toBe(true);
  expect(await verifyPassword('correct horse battery!', first)).toBe(false);
  expect(await verifyPassword('anything', null)).toBe(false);
  expect(await verifyPassword('anything', 'md5$abc')).toBe(false);
});
