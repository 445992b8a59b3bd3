import { hostname } from 'node:os';
import type { Knex } from 'knex';
import type { Logger } from 'pino';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'fatal';

export interface AppLogEntry {
  at: string;
  level: LogLevel;
  message: string;
  request_id: string | null;
  method: string | null;
  route: string | null;
  status: number | null;
  duration_ms: number | null;
  user_id: number | null;
  db_code: string | null;
}

/** Which API process wrote a line: host and pid, so a line leads to its node. */
export const NODE_NAME = `${hostname()}:${process.pid}`;

const MAX_MESSAGE = 2000;
const FLUSH_EVERY_MS = 500;
const FLUSH_AT = 500;
/** What a database outage may pile up before lines are dropped (and counted): memory stays bounded. */
const MAX_BUFFERED = 20_000;

// One statement per batch: the lines travel as one JSON parameter.
const INSERT_SQL = `
  INSERT INTO app_logs (at, level, message, request_id, method, route, status, duration_ms, user_id, db_code, node)
  SELECT i.at, i.level, i.message, i.request_id, i.method, left(i.route, 500), i.status, i.duration_ms,
         (SELECT u.id FROM users u WHERE u.id = i.user_id), i.db_code, ?
  FROM json_to_recordset(?::json) AS i(at timestamptz, level text, message text, request_id text, method text, route text,
    status smallint, duration_ms real, user_id bigint, db_code text)`;

/**
 * Log lines on their way to `app_logs`: a request only appends to an array; a timer writes what piled up as one
 * INSERT (every half second, or at 500 lines), so logging costs requests no database round trip.
 */
export class AppLogSink {
  private buffer: AppLogEntry[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private closed = false;
  dropped = 0;

  constructor(
    private readonly knex: Knex,
    private readonly logger: Logger,
  ) {}

  write(entry: Omit<AppLogEntry, 'at'> & { at?: string }): void {
    if (this.closed) return;
    if (this.buffer.length >= MAX_BUFFERED) {
      this.dropped += 1;
      return;
    }
    const message = entry.message.length > MAX_MESSAGE ? `${entry.message.slice(0, MAX_MESSAGE - 1)}…` : entry.message;
    this.buffer.push({ ...entry, message, at: entry.at ?? new Date().toISOString() });
    if (this.buffer.length >= FLUSH_AT) void this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), FLUSH_EVERY_MS);
      this.timer.unref();
    }
  }

  /** Writes what is buffered; resolves when it is in the table (or given up on). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.buffer.splice(0);
    if (batch.length === 0) return this.flushing;
    this.flushing = this.flushing.then(() =>
      this.knex.raw(INSERT_SQL, [NODE_NAME, JSON.stringify(batch)]).then(
        () => undefined,
        // Never logged back into the sink: a database outage must not feed itself.
        (error: unknown) => this.logger.warn({ err: error, lines: batch.length }, 'writing log lines to app_logs failed; they are in this process log only'),
      ),
    );
    return this.flushing;
  }

  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
  }
}

/** Deletes log lines older than `days` days; returns how many. For the scheduled retention job. */
export async function pruneAppLogs(db: Knex, days: number): Promise<number> {
  if (!Number.isFinite(days) || days < 0) throw new RangeError('days must be a non-negative number');
  const result = await db.raw<{ rowCount: number }>("DELETE FROM app_logs WHERE at < now() - make_interval(secs => ? * 86400)", [days]);
  return result.rowCount;
}

export const RECENT_ERRORS_SHOWN = 100;

/** The newest unexpected errors of every node, as GET /ops/errors shows them. */
export async function recentErrorsFromLogs(db: Knex): Promise<{ total: number; capacity: number; errors: Record<string, unknown>[] }> {
  const rows = (await db('app_logs')
    .where({ level: 'error' })
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(RECENT_ERRORS_SHOWN)
    .select('at', 'request_id', 'method', 'route', 'message', 'db_code', 'status', 'user_id', 'node')) as Record<string, unknown>[];
  const [{ count }] = (await db('app_logs').where({ level: 'error' }).where('at', '>', db.raw("now() - interval '1 day'")).count('* as count')) as { count: string }[];
  return { total: Number(count), capacity: RECENT_ERRORS_SHOWN, errors: rows.map((row) => ({ ...row, at: (row.at as Date).toISOString() })) };
}
