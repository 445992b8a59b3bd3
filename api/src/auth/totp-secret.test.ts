import { TotpSecretBox } from './totp-secret';

it('seals with AES-256-GCM, opens with any configured key, and says when to reseal after a rotation', () => {
  const old = new TotpSecretBox(['an-old-key-of-at-least-32-characters!!']);
  const sealed = old.seal('JBSWY3DPEHPK3PXP');
  expect(sealed).toMatch(/^v1\.[\w-]{8}\./);
  expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
  expect(old.seal('JBSWY3DPEHPK3PXP')).not.toBe(sealed);
  const rotated = new TotpSecretBox(['a-new-key-of-at-least-32-characters!!!', 'an-old-key-of-at-least-32-characters!!']);
  expect(rotated.open(sealed)).toEqual({ plain: 'JBSWY3DPEHPK3PXP', stale: true });
  expect(rotated.open(rotated.seal('JBSWY3DPEHPK3PXP'))).toEqual({ plain: 'JBSWY3DPEHPK3PXP', stale: false });
  expect(() => new TotpSecretBox(['a-new-key-of-at-least-32-characters!!!']).open(sealed)).toThrow(/TOTP_ENCRYPTION_KEY/);
  const tampered = sealed.slice(0, -2) + (sealed.endsWith('AA') ? 'BB' : 'AA');
  expect(() => old.open(tampered)).toThrow();
});
