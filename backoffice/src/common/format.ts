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
