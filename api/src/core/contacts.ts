import type { RequestHandler } from 'express';
import type { Actor, Role } from './actor';

/**
 * Contact details (email addresses, phone numbers, postal addresses) are for the roles that need them: admins and
 * SREs, mentors (whose scopes only ever hold their own students) and students (their own, and their mentors'). The
 * developer and manager roles see their own and nobody else's, on every path: resource rows (lists, reads, CSV),
 * joined columns, JSON inside rows (audit before/after, import error reports) and custom routes' answers.
 *
 * A field is a contact field by its name — `email`, `phone`, `address`, or any `<who>_email`, `<who>_phone`,
 * `<who>_address`, `<who>_emails` — so a new resource or a new joined column is covered without a line of code;
 * names that don't say so (e.g. the outbox's `to`) are declared on the resource (`contactFields`).
 */
export const CONTACT_ROLES: ReadonlySet<Role> = new Set(['admin', 'sre', 'mentor', 'student']);

const CONTACT_NAME = /^(?:(.+)_)?(email|phone|address)(es|s)?$/;

export const seesContacts = (actor: Actor | null | undefined): boolean => !actor || CONTACT_ROLES.has(actor.role);

export const isContactField = (name: string, extra: readonly string[] = []): boolean => CONTACT_NAME.test(name) || extra.includes(name);

/** The column saying whose contact a field is: `student_email` → `student_id`, `email` → `id`. */
function ownerColumn(name: string): string {
  const who = CONTACT_NAME.exec(name)?.[1];
  return who ? `${who}_id` : 'id';
}

/** A contact value (text, a list, or null: even "has none" is withheld); a flag such as `notification_prefs.email: true` is not. */
const isContactValue = (value: unknown): boolean => value === null || typeof value === 'string' || Array.isArray(value);
/** A contact value that says something (for the audit of what was shown). */
const holdsContact = (value: unknown): boolean => (typeof value === 'string' ? value !== '' : Array.isArray(value) ? value.length > 0 : false);

const isOwn = (row: Record<string, unknown>, name: string, actor: Actor) => {
  const owner = row[ownerColumn(name)];
  return owner !== undefined && owner !== null && String(owner) === String(actor.id);
};

const EMAIL_IN_TEXT = /[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/gi;

/** Email addresses inside text, e.g. an import error "No mentor has the email "x@y"". */
export const maskEmails = (text: string) => text.replace(EMAIL_IN_TEXT, '[email hidden]');

function strip(value: unknown, actor: Actor, extra: readonly string[], depth: number): unknown {
  if (depth > 20 || value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value;
  // Lists of sentences (an import's per-row messages) may quote an address; free text fields are left as written.
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? maskEmails(item) : strip(item, actor, extra, depth + 1)));
  const row = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(row)) {
    if (isContactField(key, extra) && isContactValue(item) && !isOwn(row, key, actor)) continue;
    out[key] = strip(item, actor, extra, depth + 1);
  }
  return out;
}

/**
 * The value without other people's contact details, for an actor whose role may not see them; unchanged for
 * everyone else. Walks nested objects and arrays, so JSON columns and custom answers are covered too.
 */
export function withoutContacts<T>(actor: Actor | null | undefined, value: T, extra: readonly string[] = []): T {
  if (seesContacts(actor)) return value;
  return strip(value, actor!, extra, 0) as T;
}

/** Contact fields a row discloses to this actor about someone else (for the audit of sensitive reads). */
export function disclosedContacts(actor: Actor, row: Record<string, unknown>, extra: readonly string[] = []): string[] {
  if (!seesContacts(actor)) return [];
  return Object.keys(row).filter((key) => isContactField(key, extra) && holdsContact(row[key]) && !isOwn(row, key, actor));
}

/** CSV columns this actor may see: contact columns dropped for roles that may not see them. */
export const visibleColumns = (actor: Actor | null | undefined, columns: readonly string[], extra: readonly string[] = []): string[] =>
  seesContacts(actor) ? [...columns] : columns.filter((column) => !isContactField(column, extra));

/**
 * Every JSON answer passes through `withoutContacts` for the signed-in actor: the safety net under custom routes
 * (resource rows are already serialised that way), so a new route can't hand a manager a student's phone number.
 */
export const contactGuard: RequestHandler = (req, res, next) => {
  const json = res.json.bind(res);
  res.json = (body: unknown) => json(withoutContacts(req.actor, body));
  next();
};
