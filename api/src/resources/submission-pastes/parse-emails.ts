const EMAIL = /[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+/gi;

export interface ParsedEmails {
  emails: string[];
  duplicates: number;
}

// Quoting people put around an address ('a@x', |a@x|, `a@x`, {a@x}): characters an address may contain, but never
// starts with in practice. A leading run of them is taken off (mailto: is left behind by the match itself).
const LEADING_QUOTES = /^[^a-z0-9_]+/i;

/**
 * Every email address in pasted text, however it came: one per line, commas, semicolons, spaces, tabs,
 * "Name <email>" forms, mailto: links, addresses in quotes or pipes, spreadsheet columns. Lower-cased, first
 * occurrence kept, repeats counted.
 */
export function parseEmails(text: string): ParsedEmails {
  const seen = new Set<string>();
  let duplicates = 0;
  for (const match of text.matchAll(EMAIL)) {
    const email = match[0].toLowerCase().replace(LEADING_QUOTES, '').replace(/^[.]+|[.]+$/g, '');
    if (!email.includes('@') || email.startsWith('@')) continue;
    if (seen.has(email)) duplicates += 1;
    else seen.add(email);
  }
  return { emails: [...seen], duplicates };
}
