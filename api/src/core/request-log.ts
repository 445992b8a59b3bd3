import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

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
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && INCOMING_ID.test(incoming) ? incoming : randomUUID();
    req.id = id;
    req.log = logger;
    res.setHeader('X-Request-Id', id);
    // Answers are private and change with the data.
    res.setHeader('Cache-Control', 'no-store');
    // Any answer may be logged (a 5xx at error level), so the listener is skipped only when nothing would be.
    if (logger.isLevelEnabled('error')) {
      const started = process.hrtime.bigint();
      res.once('finish', () => {
        const level = res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'info' : 'debug';
        if (!logger.isLevelEnabled(level)) return;
        const responseTime = Number(process.hrtime.bigint() - started) / 1e6;
        logger[level]({ req: { id, method: req.method, url: loggableUrl(req.originalUrl ?? req.url) }, res: { statusCode: res.statusCode }, responseTime }, 'request completed');
      });
    }
    next();
  };
}
