import { CODE_STEP_SECONDS, currentCode, isValidCode, newCodeSecret } from './check-in-code';

it('accepts the current and the previous code only', () => {
  const secret = newCodeSecret();
  const now = 1_800_000_000_000;
  const { code } = currentCode(secret, now);
  expect(code).toMatch(/^\d{6}$/);
  expect(isValidCode(secret, code, now)).toBe(true);
  expect(isValidCode(secret, code, now + CODE_STEP_SECONDS * 1000)).toBe(true);
  expect(isValidCode(secret, code, now + CODE_STEP_SECONDS * 2000)).toBe(false);
  expect(isValidCode(newCodeSecret(), code, now)).toBe(false);
  expect(isValidCode(secret, '12345', now)).toBe(false);
  expect(isValidCode(secret, undefined, now)).toBe(false);
});
