import cluster from 'node:cluster';

export interface RecentError {
  at: string;
  request_id: string;
  method: string | null;
  /** The route pattern when one matched, else the path (without its query). */
  route: string | null;
  message: string;
  /** The database error code, when the database raised it. */
  db_code: string | null;
  worker: number;
}

export const RECENT_ERRORS_CAPACITY = 100;
const MAX_MESSAGE = 500;

/** The last unexpected (500) errors of this process, newest overwriting oldest: bounded whatever the traffic. */
const ring: (RecentError | undefined)[] = new Array(RECENT_ERRORS_CAPACITY);
let next = 0;
let total = 0;

export function recordError(error: unknown, requestId: string, where?: { method?: string; route?: string }): void {
  const raw = error as { message?: unknown; code?: unknown; nativeError?: { code?: unknown } } | undefined;
  const message = String(raw?.message ?? error ?? 'unknown error');
  const code = raw?.nativeError?.code ?? raw?.code;
  ring[next] = {
    at: new Date().toISOString(),
    request_id: requestId,
    method: where?.method ?? null,
    route: where?.route ?? null,
    message: message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message,
    db_code: typeof code === 'string' ? code : null,
    worker: cluster.worker?.id ?? 0,
  };
  next = (next + 1) % RECENT_ERRORS_CAPACITY;
  total += 1;
}

/** Newest first. */
export function recentErrors(): { total: number; capacity: number; errors: RecentError[] } {
  const errors: RecentError[] = [];
  for (let i = 1; i <= RECENT_ERRORS_CAPACITY; i += 1) {
    const entry = ring[(next - i + RECENT_ERRORS_CAPACITY) % RECENT_ERRORS_CAPACITY];
    if (entry) errors.push(entry);
  }
  return { total, capacity: RECENT_ERRORS_CAPACITY, errors };
}

/** The error recorded for a request, if any (its 5xx log line carries the message). */
export function recordedErrorFor(requestId: string): RecentError | undefined {
  for (let i = 1; i <= RECENT_ERRORS_CAPACITY; i += 1) {
    const entry = ring[(next - i + RECENT_ERRORS_CAPACITY) % RECENT_ERRORS_CAPACITY];
    if (!entry) return undefined;
    if (entry.request_id === requestId) return entry;
  }
  return undefined;
}
