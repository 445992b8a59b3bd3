const EMAIL = /[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+/gi;

export interface ParsedEmails {
  emails: string[];
  duplicates: number;
}

/**
 * Every email address in pasted text, however it came: one per line, commas, semicolons, spaces, tabs,
 * "Name <email>" forms, spreadsheet columns. Lower-cased, first occurrence kept, repeats counted.
 */
export function parseEmails(text: string): ParsedEmails {
  const seen = new Set<string>();
  let duplicates = 0;
  for (const match of text.matchAll(EMAIL)) {
    const email = match[0].toLowerCase().replace(/^[.]+|[.]+$/g, '');
    if (seen.has(email)) duplicates += 1;
    else seen.add(email);
  }
  return { emails: [...seen], duplicates };
}
