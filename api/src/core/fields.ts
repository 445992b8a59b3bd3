import { z } from 'zod';
import { errors } from './errors';

// Field rules shared by resources, so the same field says the same thing everywhere. Numbers are JSON numbers:
// a string, true or [3] is refused with a message, never guessed into one (forms convert at their own edge).
const TIME_ZONES = new Set(Intl.supportedValuesOf('timeZone').concat('UTC'));

export const fields = {
  code: z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/, 'Use letters, digits, dot, dash or underscore (up to 40), starting with a letter or digit.'),
  title: z.string().trim().min(1, 'Title is required.').max(200, 'Title is too long (200 characters at most).'),
  name: z.string().trim().min(1, 'Name is required.').max(200, 'Name is too long.'),
  email: z.string().trim().toLowerCase().email('Enter a valid email address.'),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-01-31.'),
  timezone: z.string().refine((zone) => TIME_ZONES.has(zone), 'Choose a valid time zone, e.g. Asia/Dhaka.'),
  id: z
    .number({ error: (issue) => (issue.input === undefined ? 'Choose one.' : 'Choose one: an id is a whole number such as 12.') })
    .int('Choose one: an id is a whole number such as 12.')
    .positive('Choose one: an id is a whole number such as 12.')
    .max(Number.MAX_SAFE_INTEGER, 'Choose one: that id is too large.'),
  count: (label: string) => z.number({ error: `${label} must be a whole number.` }).int(`${label} must be a whole number.`).min(0, `${label} can't be negative.`),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{6,20}$/, 'Enter a phone number with digits, spaces, dashes or a leading +.')
    .nullable()
    .optional()
    .or(z.literal('').transform(() => null)),
  optionalText: (max: number) => z.string().trim().max(max, `At most ${max} characters.`).nullable().optional(),
};

/** A share between 0 and 1 (e.g. 0.6 = 60 %). */
const share = (label: string) =>
  z
    .number({ error: `${label} must be a number between 0 and 1.` })
    .min(0, `${label} must be between 0 and 1 (e.g. 0.6 for 60 %).`)
    .max(1, `${label} must be between 0 and 1 (e.g. 0.6 for 60 %).`);

/** When a student counts as at risk in a mission: a mission's own thresholds and the school's defaults. */
export const riskThresholds = {
  risk_attendance_rate: share('The attendance threshold'),
  risk_missed_assignments: z
    .number({ error: 'Missed assignments must be a whole number.' })
    .int('Missed assignments must be a whole number.')
    .min(1, 'Missed assignments must be at least 1.'),
  risk_progress: share('The progress threshold'),
};

export const isValidTimeZone = (zone: string) => TIME_ZONES.has(zone);

/** Start and end dates in order, looking at the new values over the stored ones. */
export function assertDatesOrdered(data: Record<string, unknown>, existing: Record<string, unknown> | null): void {
  const starts = (data.starts_on ?? existing?.starts_on) as string | undefined;
  const ends = (data.ends_on ?? existing?.ends_on) as string | undefined;
  if (starts && ends && ends < starts) {
    throw errors.validation('The end date must be on or after the start date.', { ends_on: 'must be on or after the start date' });
  }
}
