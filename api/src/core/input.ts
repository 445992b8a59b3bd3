import type { z } from 'zod';
import { errors } from './errors';

/** Parses a request body against a schema; every problem is named by field, in one 422 a person can act on. */
export function parseInput<T extends z.ZodTypeAny>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[String(issue.path[0] ?? 'body')] ??= issue.message;
  const sentences = Object.values(fields).map((message) => (/[.!?]$/.test(message) ? message : `${message}.`));
  throw errors.validation(sentences.join(' '), fields);
}

/** A route's `:id`, or 0 for anything that is not one (callers answer 404). */
export const idParam = (raw: unknown): number => (/^\d{1,15}$/.test(String(raw)) ? Number(raw) : 0);
