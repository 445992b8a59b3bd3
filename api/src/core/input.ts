import type { RequestHandler } from 'express';
import type { z } from 'zod';
import { errors } from './errors';

/** Deeper than any field of this API nests; a deeper body is a mistake or an attack. */
export const MAX_BODY_DEPTH = 16;

/**
 * A request body every route can take: a JSON object (or nothing), no `__proto__` key at any depth (JSON.parse keeps
 * it as a plain key, but copying it into an object changes that object's prototype and drops the value: refused
 * rather than lost), no NUL character in text (PostgreSQL can't store it), not absurdly deep.
 */
export function assertPlainBody(body: unknown): void {
  if (body === undefined) return;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw errors.invalidInput('The request body must be a JSON object of fields, e.g. {"name": "…"}.');
  }
  const walk = (value: unknown, path: string, depth: number): void => {
    if (typeof value === 'string') {
      if (value.includes('\u0000')) throw errors.invalidInput(`Text can't contain the NUL character${path ? ` (in "${path}")` : ''}.`, { field: path });
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    if (depth > MAX_BODY_DEPTH) throw errors.invalidInput(`The request body is nested too deeply (more than ${MAX_BODY_DEPTH} levels).`);
    for (const [key, item] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (key === '__proto__') throw errors.invalidInput(`The key "__proto__" is not allowed${path ? ` (in "${path}")` : ''}.`, { field: path || key });
      walk(item, at, depth + 1);
    }
  };
  walk(body, '', 0);
}

/** The same check for every Express route, right after the JSON parser. */
export const plainBodies: RequestHandler = (req, _res, next) => {
  assertPlainBody(req.body);
  next();
};

/**
 * Parses a request body against a schema; every problem is named by field, in one 422 a person can act on. A body
 * that is not a JSON object (an array, a string, null) is refused with a 400 before the schema sees it.
 */
export function parseInput<T extends z.ZodTypeAny>(schema: T, body: unknown): z.infer<T> {
  assertPlainBody(body === null ? [] : body);
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[String(issue.path[0] ?? 'body')] ??= issue.message;
  const sentences = Object.values(fields).map((message) => (/[.!?]$/.test(message) ? message : `${message}.`));
  throw errors.validation(sentences.join(' '), fields);
}

/** A route's `:id`, or 0 for anything that is not one (callers answer 404). */
export const idParam = (raw: unknown): number => (/^\d{1,15}$/.test(String(raw)) ? Number(raw) : 0);

/**
 * Query-string values are text by nature: the named ones that are plain decimal whole numbers become numbers here,
 * at the edge, so the schema behind can refuse anything else ("0x3", "1e3", "true") instead of guessing.
 */
export function numbersInQuery(query: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  const out = { ...query };
  for (const name of names) {
    const value = out[name];
    if (typeof value === 'string' && /^-?\d{1,15}$/.test(value)) out[name] = Number(value);
  }
  return out;
}
