import { parse } from 'csv-parse/sync';
import { errors } from '../../core/errors';

export const MAX_IMPORT_ROWS = 10_000;

export interface CsvRow {
  /** The line in the file (the header is line 1). */
  line: number;
  values: Record<string, string>;
}

const normaliseHeader = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** Parses pasted or uploaded CSV with a header row; a person-sized message for anything unreadable. */
export function parseCsv(text: unknown, required: readonly string[], known: readonly string[]): CsvRow[] {
  if (typeof text !== 'string' || !text.trim()) throw errors.validation('Paste CSV text or choose a CSV file first.', { csv: 'is empty' });
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true, info: true }) as unknown as typeof records;
  } catch (error) {
    throw errors.validation(`The file is not valid CSV: ${(error as Error).message}`, { csv: 'is not valid CSV' });
  }
  const [header, ...rows] = records;
  const columns = (header?.record ?? []).map(normaliseHeader);
  const missing = required.filter((column) => !columns.includes(column));
  if (missing.length) {
    throw errors.validation(
      `The first row must name the columns. Missing: ${missing.join(', ')}. Expected columns: ${known.join(', ')}.`,
      { csv: `missing columns: ${missing.join(', ')}` },
    );
  }
  const unknown = columns.filter((column) => column && !known.includes(column));
  if (unknown.length) {
    throw errors.validation(`Unknown column${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. Expected columns: ${known.join(', ')}.`, {
      csv: `unknown columns: ${unknown.join(', ')}`,
    });
  }
  if (rows.length === 0) throw errors.validation('The file has a header but no rows.', { csv: 'has no rows' });
  if (rows.length > MAX_IMPORT_ROWS) throw errors.validation(`The file has ${rows.length} rows; import at most ${MAX_IMPORT_ROWS} at a time.`, { csv: 'too many rows' });
  return rows.map(({ record, info }) => ({
    line: info.lines,
    values: Object.fromEntries(columns.map((column, i) => [column, (record[i] ?? '').trim()])),
  }));
}
