import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { AppLogSink } from '../ops/app-logs';
import { recordedErrorFor } from '../ops/recent-errors';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      id?: string;
      log?: Logger;
    }
  }
}

const INCOMING_ID = /^[\w-]{1,64}$/;

// Paths whose last segment is a key (the private iCal feed; a certificate's verification code), and any segment as
// long and random-looking as the tokens the system makes.
const KEY_IN_PATH = /^(\/calendar\/|\/certificates\/verify\/)[^/]+$/;
const TOKEN_SEGMENT = /^[A-Za-z0-9_-]{20,}(\.[a-z]{1,5})?$/;

/**
 * A request's URL as it may be written down (log lines, recent errors): no query string (tokens travel there), and
 * no secret in the path — `/calendar/<secret>.ics` becomes `/calendar/[redacted]`. The one place URLs are redacted.
 */
export function loggableUrl(url: string): string {
  const path = url.split(/[?#]/)[0];
  if (KEY_IN_PATH.test(path)) return path.replace(/[^/]+$/, '[redacted]');
  return path
    .split('/')
    .map((segment) => (TOKEN_SEGMENT.test(segment) ? '[redacted]' : segment))
    .join('/');
}

/**
 * Gives every request an id (the caller's X-Request-Id when it is sane), marks every answer uncacheable, and logs
 * each answer once it is sent:
 * 5xx as errors, 4xx as info, the rest at debug. Written by hand rather than with pino-http, whose per-request
 * child logger cost a quarter of the API's throughput under load; the log lines carry the same fields.
 * With a sink, the 4xx and 5xx lines (a 5xx with its error's message) also go to `app_logs`, batched.
 */
export function requestLog(logger: Logger, sink?: AppLogSink): RequestHandler {
  return (req, res, next) => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && INCOMING_ID.test(incoming) ? incoming : randomUUID();
    req.id = id;
    req.log = logger;
    res.setHeader('X-Request-Id', id);
    // Answers are private and change with the data.
    res.setHeader('Cache-Control', 'no-store');
    // Any answer may be logged (a 5xx at error level), so the listener is skipped only when nothing would be.
    if (logger.isLevelEnabled('error') || sink) {
      const started = process.hrtime.bigint();
      res.once('finish', () => {
        const level = res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'info' : 'debug';
        const logged = logger.isLevelEnabled(level);
        if (!logged && (!sink || level === 'debug')) return;
        const responseTime = Number(process.hrtime.bigint() - started) / 1e6;
        const url = loggableUrl(req.originalUrl ?? req.url);
        if (logged) logger[level]({ req: { id, method: req.method, url }, res: { statusCode: res.statusCode }, responseTime }, 'request completed');
        if (sink && level !== 'debug') {
          const route = req.route as { path?: unknown } | undefined;
          const failure = level === 'error' ? recordedErrorFor(id) : undefined;
          sink.write({
            level,
            message: failure?.message ?? `${req.method} ${url} answered ${res.statusCode}`,
            request_id: id,
            method: req.method,
            route: typeof route?.path === 'string' ? `${req.baseUrl ?? ''}${route.path}` : (failure?.route ?? url),
            status: res.statusCode,
            duration_ms: Math.round(responseTime * 10) / 10,
            user_id: req.actor?.id ?? null,
            db_code: failure?.db_code ?? null,
          });
        }
      });
    }
    next();
  };
}
