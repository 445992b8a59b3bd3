import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { requireActor } from '../core/actor';
import { findSessionActor, SESSION_COOKIE } from '../auth/sessions';
import type { EventHub } from './event-hub';

export const HEARTBEAT_MS = 15_000;

/** The token this stream was opened with, to check at each heartbeat that its session still lives. */
function tokenOf(req: Request): { token: string; via: 'bearer' | 'cookie' } | undefined {
  const header = req.get('authorization');
  if (header?.startsWith('Bearer ')) return { token: header.slice(7).trim(), via: 'bearer' };
  const cookie = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
  return cookie ? { token: cookie, via: 'cookie' } : undefined;
}

/**
 * GET /events: Server-Sent Events of committed changes the caller may read, `data: {"resource", "op", "ids"}` —
 * clients refetch what they show. Bearer token or the back office's session cookie. A comment line every 15 s keeps
 * proxies from closing the stream and checks the session: a signed-out, banned or demoted user's stream ends.
 */
export function eventsRouter(knex: Knex, hub: EventHub, heartbeatMs = HEARTBEAT_MS): Router {
  const router = Router();
  router.get('/events', async (req: Request, res: Response) => {
    const actor = requireActor(req);
    const credentials = tokenOf(req);
    await hub.listening();
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Connection', 'keep-alive');
    // nginx and some proxies buffer responses unless told not to.
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    res.write(`retry: 3000\nevent: ready\ndata: {"role":"${actor.role}"}\n\n`);
    let open = true;
    const close = () => {
      if (!open) return;
      open = false;
      clearInterval(heartbeat);
      unsubscribe();
      res.end();
    };
    const unsubscribe = hub.subscribe({
      actor,
      send: (event) => {
        if (open) res.write(`data: ${JSON.stringify(event)}\n\n`);
      },
      end: () => close(),
    });
    const heartbeat = setInterval(() => {
      if (!open) return;
      res.write(': heartbeat\n\n');
      if (!credentials) return;
      findSessionActor(knex, credentials.token, credentials.via).then(
        (current) => {
          if (!current || current.role !== actor.role || current.standing?.status !== actor.standing?.status) {
            if (open) res.write('event: end\ndata: {"reason":"session ended"}\n\n');
            close();
          }
        },
        () => undefined,
      );
    }, heartbeatMs);
    heartbeat.unref();
    req.once('close', close);
  });
  return router;
}
