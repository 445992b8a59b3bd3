/**
 * Display helpers shared by the lists and show pages, and the one place dates become words. Every instant is
 * shown in the signed-in user's profile time zone (not the browser's), every batch day ("YYYY-MM-DD" from
 * the API) as the calendar day it is, and "today" is the profile zone's day on the API's clock: the same
 * numbers and days whatever the browser's zone or clock says.
 */
import { session } from '../providers/session';

export const DEFAULT_ZONE = 'Asia/Dhaka';

/** The signed-in user's profile time zone. */
export const userZone = (): string => session.getMe()?.timezone || DEFAULT_ZONE;

/** The locale dates and numbers are written in (the browser's, until profiles choose one). */
export const userLocale = (): string | undefined => undefined;

/** Now on the API's clock (the browser's, corrected by the offset measured at sign-in). */
export const nowMs = (): number => Date.now() + session.getClockOffsetMs();

const formatters = new Map<string, Intl.DateTimeFormat>();
const formatter = (zone: string, options: Intl.DateTimeFormatOptions) => {
  const key = `${zone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(userLocale(), { ...options, timeZone: zone });
    formatters.set(key, f);
  }
  return f;
};

const partsOf = (instant: number, zone: string) => {
  const parts = formatter(zone, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute'), second: get('second') };
};

const pad = (n: number) => String(n).padStart(2, '0');

/** The calendar day ("YYYY-MM-DD") of an instant in a zone (the user's by default). */
export const dayOf = (instant: number | string | Date, zone = userZone()): string => {
  const p = partsOf(new Date(instant).getTime(), zone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
};

/** Today in the user's profile zone as "YYYY-MM-DD". */
export const todayIso = (): string => dayOf(nowMs());

/** "YYYY-MM-DD" shifted by whole days. */
export const addDays = (day: string, n: number): string => {
  const d = new Date(`${day.slice(0, 10)}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** A calendar day from the API ("YYYY-MM-DD"), shown without any time-zone shift. */
export const formatDay = (value: unknown, options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' }): string => {
  if (!value) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(value));
  if (!match) return String(value);
  return formatter('UTC', options).format(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12));
};

/** "Today", "Tomorrow", "Yesterday" or the day, for a calendar day (the user's today). */
export const relativeDay = (value: unknown): string => {
  if (!value) return '—';
  const day = String(value).slice(0, 10);
  const today = todayIso();
  if (day === today) return 'Today';
  if (day === addDays(today, 1)) return 'Tomorrow';
  if (day === addDays(today, -1)) return 'Yesterday';
  return formatDay(day);
};

/** A time of day ("18:05") of an instant in the user's zone. */
export const formatTime = (value: unknown): string =>
  value ? formatter(userZone(), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(String(value))) : '';

/** "Times in your time zone, Asia/Dhaka." beside a date-time input. */
export const zoneHint = (): string => `Times in your time zone, ${userZone().replace(/_/g, ' ')}.`;

/** "09:41:07" of an instant in the user's zone (the dashboard's "updated at"). */
export const formatClock = (value: unknown): string =>
  formatter(userZone(), { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(new Date(value as string));

/** A timestamp in the user's profile zone, or `empty` when there is none. */
export const formatDateTime = (value: unknown, empty = ''): string =>
  value ? formatter(userZone(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(String(value))) : empty;

/** A timestamp, short: the time when it is today (user's zone), else day, month and time. */
export const formatWhen = (value: unknown): string => {
  if (!value) return '';
  const at = new Date(String(value));
  if (dayOf(at) === todayIso()) return formatTime(at);
  return formatter(userZone(), { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
};

/** A wall time in a zone ("YYYY-MM-DDTHH:mm") as the instant it names. */
export const wallToInstant = (wall: string, zone = userZone()): Date | null => {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(wall);
  if (!match) return null;
  const [y, mo, d, h, mi, se] = match.slice(1).map((x) => Number(x ?? 0));
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, se || 0);
  // The zone's offset at that moment, found by comparing its wall clock with UTC (twice, for DST edges).
  let guess = asUtc;
  for (let i = 0; i < 2; i += 1) {
    const p = partsOf(guess, zone);
    const offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - guess;
    guess = asUtc - offset;
  }
  return new Date(guess);
};

/** An instant as the user's wall time "YYYY-MM-DDTHH:mm" (for datetime-local inputs). */
export const instantToWall = (value: unknown, zone = userZone()): string => {
  if (!value) return '';
  const date = new Date(String(value));
  if (Number.isNaN(date.getTime())) return '';
  const p = partsOf(date.getTime(), zone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
};

/** "1 Sep 2026 – 15 Oct 2026" */
export const formatDayRange = (from: unknown, to: unknown): string =>
  [formatDay(from), formatDay(to)].filter(Boolean).join(' – ');

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** "DEMO-B01 · M1 Mission 1: Foundations" for a missions record (joined batch_code). */
export const missionLabel = (record: Record<string, unknown> | undefined | null): string =>
  record ? [record.batch_code, record.code].filter(Boolean).join(' · ') + (record.title ? ` — ${record.title}` : '') : '';

/** "DEMO-B01 — Batch 1" for a batches record. */
export const batchLabel = (record: Record<string, unknown> | undefined | null): string =>
  record ? `${record.code}${record.title ? ` — ${record.title}` : ''}` : '';

/** "12 min", "3 h", "2 d" since a timestamp (for "unanswered for 3 h"). */
export const formatElapsed = (since: unknown, now = nowMs()): string => {
  if (!since) return '';
  const minutes = Math.max(0, Math.floor((now - new Date(String(since)).getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} d`;
};

/**
 * A date-time input's value as an ISO instant for the API ("…Z"): a wall time ("YYYY-MM-DDTHH:mm") is read in
 * the user's profile zone; an ISO string with its zone passes through; null when blank or not a date.
 */
export const toIsoInstant = (value: unknown): string | null => {
  if (value == null || value === '') return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  const wall = wallToInstant(String(value));
  if (wall) return wall.toISOString();
  const date = new Date(String(value));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};

/** A batch-local wall time from the API ("2026-12-01T23:59") as "1 Dec 2026, 23:59", without any shift. */
export const formatLocalDateTime = (value: unknown): string => {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(String(value ?? ''));
  if (!match) return value ? String(value) : '';
  return `${formatDay(value)}, ${match[4]}:${match[5]}`;
};

/** "3 Dec 2026, 18:00 – 19:00" for a meeting (start and end instants, user's zone). */
export const formatTimeRange = (start: unknown, end: unknown): string => {
  if (!start) return '';
  if (!end) return formatDateTime(start);
  const endText = dayOf(String(start)) === dayOf(String(end)) ? formatTime(end) : formatDateTime(end);
  return `${formatDateTime(start)} – ${endText}`;
};

/** A link into a list with a filter set (and its inputs shown), e.g. the students list filtered by mission. */
export const listLink = (resource: string, filter: Record<string, unknown>) =>
  `/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}&displayedFilters=${encodeURIComponent(
    JSON.stringify(Object.fromEntries(Object.keys(filter).map((key) => [key, true])))
  )}`;

/** react-admin's create page with some fields filled in (its ?source= parameter). */
export const createLink = (resource: string, values: Record<string, unknown>) =>
  `/${resource}/create?source=${encodeURIComponent(JSON.stringify(values))}`;

/** A share from the API (0..1, a number or a numeric string) as "63%"; `empty` when there is none. */
export const formatPercent = (value: unknown, empty = '—'): string => {
  if (value == null || value === '') return empty;
  const n = Number(value);
  return Number.isFinite(n) ? `${Math.round(n * 100)}%` : empty;
};
