import { checkPrecomputedDemoHash } from './seeds/demo-accounts';
import { hashPassword, needsRehash, SCRYPT_N, targetParams, verifyPassword } from './password-hash';

it('hashes with scrypt and a salt, and verifies only the right password', async () => {
  const first = await hashPassword('correct horse battery');
  const second = await hashPassword('correct horse battery');
  expect(first).toMatch(/^scrypt\$\d+\$8\$1\$/);
  expect(first).not.toBe(second);
  expect(await verifyPassword('correct horse battery', first)).toBe(true);
  expect(await verifyPassword('correct horse battery!', first)).toBe(false);
  expect(await verifyPassword('anything', null)).toBe(false);
  expect(await verifyPassword('anything', 'md5$abc')).toBe(false);
  // A tampered row asking for gigabytes of memory is refused, not run.
  expect(await verifyPassword('anything', first.replace(/^scrypt\$\d+/, 'scrypt$1073741824'))).toBe(false);
});

it("targets OWASP's scrypt cost (N=2^17, r=8, p=1) unless the test-only variable lowers it", async () => {
  expect(targetParams({})).toEqual({ N: 2 ** 17, r: 8, p: 1 });
  expect(SCRYPT_N).toBe(131072);
  expect(targetParams({ PASSWORD_HASH_TEST_COST: '10' })).toEqual({ N: 1024, r: 8, p: 1 });
  expect(() => targetParams({ PASSWORD_HASH_TEST_COST: '2' })).toThrow(/from 4 to 16/);
  // One real hash at full cost: node's default maxmem (32 MiB) would refuse it, so this proves the setting.
  const full = await hashPassword('correct horse battery', targetParams({}));
  expect(full).toMatch(/^scrypt\$131072\$8\$1\$/);
  expect(await verifyPassword('correct horse battery', full)).toBe(true);
  expect(needsRehash(full, targetParams({}))).toBe(false);
});

it('says which stored hashes need upgrading: older cost, other parameters, unknown scheme', async () => {
  const today = targetParams({});
  const old = await hashPassword('x', { N: 16384, r: 8, p: 1 });
  expect(needsRehash(old, today)).toBe(true);
  expect(needsRehash(await hashPassword('x', { N: 1024, r: 8, p: 2 }), { N: 1024, r: 8, p: 1 })).toBe(true);
  expect(needsRehash('md5$abc', today)).toBe(true);
});

it("the demo seed's precomputed hash is the default demo password at today's cost", async () => {
  expect(await checkPrecomputedDemoHash()).toBe(true);
});
