import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { recordError } from '../ops/recent-errors';
import { loggableUrl } from './request-log';

export type ErrorCode =
  | 'INVALID_QUERY'
  | 'INVALID_INPUT'
  | 'VALIDATION_FAILED'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CSRF_FAILED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'ACCOUNT_BLOCKED'
  | 'ACCOUNT_SUSPENDED'
  | 'EMAIL_NOT_VERIFIED'
  | 'INVALID_TOKEN'
  | 'TWO_FACTOR_REQUIRED'
  | 'DATABASE_UNAVAILABLE'
  | 'INTERNAL';

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** The one error factory: every handler throws one of these, the one handler below answers. */
export const errors = {
  invalidQuery: (message: string, details = {}) => new AppError(400, 'INVALID_QUERY', message, details),
  invalidInput: (message: string, details = {}) => new AppError(400, 'INVALID_INPUT', message, details),
  validation: (message: string, fields: Record<string, string> = {}) =>
    new AppError(422, 'VALIDATION_FAILED', message, { fields }),
  unauthenticated: (message = 'Please sign in to continue.') => new AppError(401, 'UNAUTHENTICATED', message),
  forbidden: (message = 'Your role does not allow this.') => new AppError(403, 'FORBIDDEN', message),
  notFound: (what = 'record') => new AppError(404, 'NOT_FOUND', `That ${what} does not exist or you do not have access to it.`),
  conflict: (message: string, details = {}) => new AppError(409, 'CONFLICT', message, details),
  rateLimited: (message: string, retryAfterSeconds: number) =>
    new AppError(429, 'RATE_LIMITED', message, { retryAfterSeconds }),
};

/** How long a client is asked to wait before retrying while the database is unreachable. */
export const DATABASE_RETRY_SECONDS = 5;

const UNREACHABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND']);
// PostgreSQL: connection exceptions (class 08), shutting down (57P01 admin, 57P02 crash), starting up (57P03), too many connections.
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;
// What pg and knex say, without a code, when a connection breaks or none comes.
const UNREACHABLE_MESSAGES = /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect|Knex: Timeout acquiring a connection)/;

/**
 * The database is down, starting, stopping or out of reach (through knex, objection's wrapper or an AggregateError of
 * each address tried): a passing condition the client can retry, not a fault of ours.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const raw = error as { code?: unknown; name?: unknown; message?: unknown; nativeError?: unknown; cause?: unknown; errors?: unknown };
  if (typeof raw.code === 'string' && (UNREACHABLE_SOCKET_CODES.has(raw.code) || UNAVAILABLE_SQLSTATE.test(raw.code))) return true;
  if (raw.name === 'KnexTimeoutError' || (typeof raw.message === 'string' && UNREACHABLE_MESSAGES.test(raw.message))) return true;
  const inner = [raw.nativeError, raw.cause, ...(Array.isArray(raw.errors) ? raw.errors : [])];
  return inner.some((next) => next !== error && isDatabaseUnavailable(next, depth + 1));
}

const databaseUnavailable = () =>
  new AppError(503, 'DATABASE_UNAVAILABLE', `The database is not reachable right now, so nothing was saved or read. Try again in ${DATABASE_RETRY_SECONDS} seconds; if it lasts, tell the team running the system.`, {
    retryAfterSeconds: DATABASE_RETRY_SECONDS,
  });

/** Messages for named constraints, registered by the resources that own the tables. */
const constraintMessages = new Map<string, string>();
export function registerConstraintMessages(messages: Record<string, string>): void {
  for (const [name, message] of Object.entries(messages)) constraintMessages.set(name, message);
}

const humanise = (column: string) => column.replace(/_id$/, '').replace(/_/g, ' ');

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
  column?: string;
  table?: string;
  message?: string;
}

/** Maps a PostgreSQL error to a client error; undefined means it is our fault (500). */
export function fromDatabaseError(error: PgError): AppError | undefined {
  const code = error.code;
  if (!code || typeof code !== 'string') return undefined;
  const known = error.constraint ? constraintMessages.get(error.constraint) : undefined;
  const keyMatch = /^Key \((.+?)\)=\((.*)\)/.exec(error.detail ?? '');
  const field = keyMatch?.[1];
  switch (code) {
    case '23505':
      return new AppError(409, 'CONFLICT', known ?? `${field ? `A record with ${humanise(field)} "${keyMatch?.[2]}"` : 'This record'} already exists.`, {
        constraint: error.constraint,
        fields: field ? { [field]: 'already exists' } : {},
      });
    case '23503': {
      const stillReferenced = /is still referenced/.test(error.detail ?? '');
      const message =
        known ??
        (stillReferenced
          ? `This record is still used elsewhere${error.table ? ` (by ${humanise(error.table)})` : ''}, so it cannot be removed.`
          : `The ${field ? humanise(field) : 'linked record'} you chose does not exist.`);
      return new AppError(stillReferenced ? 409 : 422, stillReferenced ? 'CONFLICT' : 'VALIDATION_FAILED', message, {
        constraint: error.constraint,
        fields: field && !stillReferenced ? { [field]: 'does not exist' } : {},
      });
    }
    case '23514':
    case '23P01':
      return new AppError(422, 'VALIDATION_FAILED', known ?? `These values break one of the rules for ${error.table ? humanise(error.table) : 'this record'}; check them and try again.`, {
        constraint: error.constraint,
      });
    case '23502':
      return new AppError(422, 'VALIDATION_FAILED', `${error.column ? humanise(error.column) : 'A field'} is required.`, {
        fields: error.column ? { [error.column]: 'is required' } : {},
      });
    case '22001':
      return new AppError(422, 'VALIDATION_FAILED', 'A value is longer than allowed.');
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
    case '22023':
    case '22P05':
    case '22021':
      // The driver's text names tables, columns and statements: it goes to the log, never to the client.
      return new AppError(400, 'INVALID_INPUT', `${error.column ? `The ${humanise(error.column)}` : 'A value you sent'} has the wrong type or is out of range (e.g. text where a number or date belongs, or a number too large). Check it and try again.`);
    default:
      return undefined;
  }
}

const isJson = (text: unknown) => {
  if (typeof text !== 'string') return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** The one error shape: any error thrown while serving a request, as the status, headers and body to answer with. */
export function errorResponse(
  error: unknown,
  requestId: string,
  logger: Logger,
  where?: { method?: string; route?: string },
): { status: number; headers: Record<string, string>; body: { message: string; code: string; details: Record<string, unknown> } } {
  const raw = error as { nativeError?: unknown; type?: string } | undefined;
  let appError: AppError | undefined = error instanceof AppError ? error : fromDatabaseError((raw?.nativeError ?? error) as PgError);
  if (!appError && isDatabaseUnavailable(error)) {
    // Not our fault and not news per request: a warning (the outage shows on /health), never a recorded error.
    logger.warn({ requestId, code: (raw?.nativeError as { code?: unknown } | undefined)?.code ?? (error as { code?: unknown }).code }, 'database unavailable');
    appError = databaseUnavailable();
  }
  if (!appError && raw?.type === 'entity.parse.failed') {
    appError = errors.invalidInput(isJson((raw as { body?: unknown }).body) ? 'The request body must be a JSON object of fields, e.g. {"name": "…"}.' : 'The request body is not valid JSON.');
  }
  if (!appError && raw?.type === 'entity.too.large') {
    appError = new AppError(413, 'INVALID_INPUT', 'The request body is too large.');
  }
  if (!appError) {
    logger.error({ err: error, requestId }, 'unhandled error');
    recordError(error, requestId, where);
    return {
      status: 500,
      headers: {},
      body: { message: `Something went wrong on our side. Quote request id ${requestId} if you report it.`, code: 'INTERNAL', details: { requestId } },
    };
  }
  const headers: Record<string, string> = appError.status === 429 || appError.status === 503 ? { 'Retry-After': String(appError.details.retryAfterSeconds ?? 60) } : {};
  return { status: appError.status, headers, body: { message: appError.message, code: appError.code, details: appError.details } };
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const route = req.route as { path?: unknown } | undefined;
    const where = { method: req.method, route: typeof route?.path === 'string' ? `${req.baseUrl ?? ''}${route.path}` : loggableUrl(req.path) };
    const { status, headers, body } = errorResponse(error, String(req.id ?? ''), logger, where);
    res.set(headers).status(status).json(body);
  };
}
