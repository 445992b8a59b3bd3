/** Display helpers shared by the lists and show pages. */

/** A calendar day from the API ("YYYY-MM-DD"), shown without any time-zone shift. */
export const formatDay = (value: unknown): string => {
  if (!value) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(value));
  if (!match) return String(value);
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return date.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
};

/** "1 Sep 2026 – 15 Oct 2026" */
export const formatDayRange = (from: unknown, to: unknown): string =>
  [formatDay(from), formatDay(to)].filter(Boolean).join(' – ');

/** A timestamp in the viewer's locale and time zone, or `empty` when there is none. */
export const formatDateTime = (value: unknown, empty = ''): string =>
  value ? new Date(String(value)).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : empty;

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** "DEMO-B01 · M1 Mission 1: Foundations" for a missions record (joined batch_code). */
export const missionLabel = (record: Record<string, unknown> | undefined | null): string =>
  record ? [record.batch_code, record.code].filter(Boolean).join(' · ') + (record.title ? ` — ${record.title}` : '') : '';

/** "DEMO-B01 — Batch 1" for a batches record. */
export const batchLabel = (record: Record<string, unknown> | undefined | null): string =>
  record ? `${record.code}${record.title ? ` — ${record.title}` : ''}` : '';

/** "12 min", "3 h", "2 d" since a timestamp (for "unanswered for 3 h"). */
export const formatElapsed = (since: unknown, now = Date.now()): string => {
  if (!since) return '';
  const minutes = Math.max(0, Math.floor((now - new Date(String(since)).getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} d`;
};

/** The browser's IANA time zone ("Asia/Dhaka"), shown beside date-time inputs. */
export const browserTimeZone = (): string => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
};

/**
 * A DateTimeInput value ("YYYY-MM-DDTHH:mm", the browser's local time, or an ISO string the input
 * was given) as an ISO instant with its zone for the API ("…Z"); null when blank or not a date.
 */
export const toIsoInstant = (value: unknown): string | null => {
  if (value == null || value === '') return null;
  const date = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};

/** A batch-local wall time from the API ("2026-12-01T23:59") as "1 Dec 2026, 23:59", without any shift. */
export const formatLocalDateTime = (value: unknown): string => {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(String(value ?? ''));
  if (!match) return value ? String(value) : '';
  return `${formatDay(value)}, ${match[4]}:${match[5]}`;
};

/** "3 Dec 2026, 18:00 – 19:00" for a meeting (start and end instants, viewer's zone). */
export const formatTimeRange = (start: unknown, end: unknown): string => {
  if (!start) return '';
  const from = new Date(String(start));
  const to = end ? new Date(String(end)) : null;
  const sameDay = to && from.toDateString() === to.toDateString();
  const endText = to ? (sameDay ? to.toLocaleTimeString(undefined, { timeStyle: 'short' }) : formatDateTime(end)) : '';
  return `${formatDateTime(start)}${endText ? ` – ${endText}` : ''}`;
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

/** Today in the browser's zone as "YYYY-MM-DD" (for date inputs' lower bound). */
export const todayIso = (): string => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
