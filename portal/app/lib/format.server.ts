// Dates, times and numbers as the student reads them. Formatting happens on the
// server only: pages arrive as finished text (nothing to format in the browser, and
// no hydration mismatch between Node's and the phone's Intl data).
import { DEFAULT_TIMEZONE } from './timezones.server';

const zoneCache = new Map<string, boolean>();

/** The student's time zone if Node knows it, else the school's default (Asia/Dhaka). */
export function zoneOrDefault(zone: string | null | undefined): string {
  if (!zone) return DEFAULT_TIMEZONE;
  let known = zoneCache.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-GB', { timeZone: zone });
      known = true;
    } catch {
      known = false;
    }
    zoneCache.set(zone, known);
  }
  return known ? zone : DEFAULT_TIMEZONE;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = zone + JSON.stringify(options);
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat('en-GB', { ...options, timeZone: zone });
    formatters.set(key, found);
  }
  return found;
}

/** "YYYY-MM-DD" of an instant in a zone. */
export function dayKey(instant: string | Date, zone: string): string {
  const parts = formatter(zone, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(instant));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** "Fri 27 Nov" (a calendar day given as YYYY-MM-DD, no zone involved); the year when it is not `thisYear`. */
export function formatDay(day: string, thisYear?: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  const withYear = thisYear !== undefined && day.slice(0, 4) !== thisYear;
  return formatter('UTC', { weekday: 'short', day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}) })
    .format(date)
    .replace(',', '');
}

/** "27 Nov 2026" for a YYYY-MM-DD day. */
export function formatLongDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return formatter('UTC', { day: 'numeric', month: 'short', year: 'numeric' }).format(date);
}

/** "18:30" in the zone. */
export function formatTime(instant: string | Date, zone: string): string {
  return formatter(zone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));
}

/**
 * "Today, 18:30", "Tomorrow, 18:30", "Yesterday, 18:30" or "Mon 30 Nov, 18:30", seen
 * from `now` in the zone; `inline` writes "today" etc. in lower case, for mid-sentence.
 */
export function formatWhen(instant: string | Date, zone: string, now: Date = new Date(), inline = false): string {
  const day = dayKey(instant, zone);
  const today = dayKey(now, zone);
  const time = formatTime(instant, zone);
  const offset = Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  const word = offset === 0 ? 'Today' : offset === 1 ? 'Tomorrow' : offset === -1 ? 'Yesterday' : null;
  if (word) return `${inline ? word.toLowerCase() : word}, ${time}`;
  return `${formatDay(day, today.slice(0, 4))}, ${time}`;
}

/** "in 3 days", "in 5 hours", "in 20 minutes", "2 days ago": how far `instant` is from `now`. */
export function formatDistance(instant: string | Date, now: Date = new Date()): string {
  const ms = new Date(instant).getTime() - now.getTime();
  const minutes = Math.round(Math.abs(ms) / 60_000);
  let text: string;
  if (minutes < 60) text = plural(Math.max(1, minutes), 'minute');
  else if (minutes < 24 * 60) text = plural(Math.round(minutes / 60), 'hour');
  else text = plural(Math.round(minutes / (24 * 60)), 'day');
  return ms >= 0 ? `in ${text}` : `${text} ago`;
}

/** "1 day", "3 days". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}

/** "+10", "−5", "0" with a real minus sign. */
export function signed(points: number): string {
  if (points > 0) return `+${points}`;
  if (points < 0) return `−${Math.abs(points)}`;
  return '0';
}

export const MISSION_STATUS_LABELS: Record<string, string> = {
  upcoming: 'Upcoming',
  active: 'Active',
  completed: 'Completed',
  archived: 'Archived',
  planned: 'Planned',
  withdrawn: 'Withdrawn',
  banned: 'Banned',
  delisted: 'Delisted',
};

export const statusLabel = (status: string) => MISSION_STATUS_LABELS[status] ?? status;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * The plain text of sanitised HTML (a notice's `body_html`), cut to `max` characters at
 * a word: for a preview line, rendered as text (escaped by React), never as HTML.
 */
export function textOf(html: string, max: number): string {
  const text = html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : ' ';
      }
      return ENTITIES[name.toLowerCase()] ?? entity;
    })
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max + 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : text.slice(0, max)).replace(/[\s.,;:!?-]+$/, '')}…`;
}

/** Who a notice is for: "Everyone", "Batch DEMO-B01", "Mission M1". */
export function audienceText(notice: { audience: string; batch_code: string | null; mission_code: string | null }): string {
  if (notice.audience === 'batch') return `Batch ${notice.batch_code ?? ''}`.trim();
  if (notice.audience === 'mission') return `Mission ${notice.mission_code ?? ''}`.trim();
  return 'Everyone';
}

/** Who a ticket goes to, mid-sentence ("To …"): "your mentor on M1", "the SRE team". */
export function recipientText(ticket: { recipient: string; mission_code: string | null }): string {
  if (ticket.recipient === 'mentor') return ticket.mission_code ? `your mentor on ${ticket.mission_code}` : 'your mentor';
  return 'the SRE team';
}

export const ROLE_LABELS: Record<string, string> = {
  admin: 'Admin',
  developer: 'Developer',
  manager: 'Manager',
  sre: 'SRE team',
  mentor: 'Mentor',
  student: 'Student',
};
