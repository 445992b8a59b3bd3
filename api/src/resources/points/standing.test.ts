import { streak } from './standing';

it('counts consecutive days up to today, or up to yesterday while today is open', () => {
  expect(streak(['2026-11-25', '2026-11-26', '2026-11-27'], '2026-11-27')).toBe(3);
  expect(streak(['2026-11-25', '2026-11-26'], '2026-11-27')).toBe(2);
  expect(streak(['2026-11-24', '2026-11-26', '2026-11-27'], '2026-11-27')).toBe(2);
  expect(streak(['2026-11-25'], '2026-11-27')).toBe(0);
  expect(streak(['2026-02-28', '2026-03-01'], '2026-03-01')).toBe(2);
});
