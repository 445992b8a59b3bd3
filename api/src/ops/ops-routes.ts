import cluster from 'node:cluster';
import { timingSafeEqual, createHash } from 'node:crypto';
import { Router, type Application, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { migrationSource } from '@sms/db';
import { sessionEnded } from '../auth/authenticate';
import { findSessionActor, SESSION_COOKIE } from '../auth/sessions';
import type { Config } from '../config';
import { ACTIONS, type ResourceDefinition } from '../core/resource';
import { ROLES, type Actor, type Role } from '../core/actor';
import { errors } from '../core/errors';
import { listRoutes, METRICS_CONTENT_TYPE, metricsText, trackPool } from './metrics';
import { openApiDocument } from './openapi';
import { resourceMatrix, routeMatrix, unlistedRoutes } from './rbac';
import { recentErrors } from './recent-errors';
import { recentErrorsFromLogs, type AppLogSink } from './app-logs';

const OPS_ROLES: ReadonlySet<Role> = new Set(['admin', 'developer']);

function requireOps(actor: Actor | undefined): Actor {
  if (!actor) throw errors.unauthenticated();
  if (!OPS_ROLES.has(actor.role)) throw errors.forbidden(`Operations pages are for developers and admins; your role is ${actor.role}.`);
  return actor;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * GET /metrics, mounted before the session middleware: a scraper sends `Authorization: Bearer $METRICS_TOKEN`
 * (which is no session, so the session middleware would refuse it); people send their developer or admin session
 * (bearer or cookie). Anything else: 401 or 403 in the usual error shape.
 */
export function metricsRouter(deps: { knex: Knex; config: Config }): Router {
  trackPool(deps.knex);
  const expected = deps.config.METRICS_TOKEN ? digest(deps.config.METRICS_TOKEN) : undefined;
  const router = Router();
  router.get('/metrics', async (req: Request, res: Response) => {
    const header = req.get('authorization');
    const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const scraper = Boolean(expected && bearer && timingSafeEqual(digest(bearer), expected));
    if (!scraper) {
      const cookie = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
      const actor = bearer ? await findSessionActor(deps.knex, bearer, 'bearer') : cookie ? await findSessionActor(deps.knex, cookie, 'cookie') : null;
      if (bearer && !actor) throw sessionEnded();
      requireOps(actor ?? undefined);
    }
    const text = await metricsText();
    res.setHeader('Content-Type', METRICS_CONTENT_TYPE);
    res.send(text);
  });
  return router;
}

export interface OpsDeps {
  knex: Knex;
  config: Config;
  resources: readonly ResourceDefinition[];
  /** The Express app, to list the routes it really serves. */
  app: Application;
  version: string;
  /** Where log lines go; /ops/errors then reads every node's errors from app_logs. */
  logs?: AppLogSink;
}

/** Read-only operations endpoints for developers and admins: /ops/* and /openapi.json. */
export function opsRouter({ knex, config, resources, app, version, logs }: OpsDeps): Router {
  const router = Router();
  const startedAt = new Date();

  router.use(['/ops', '/openapi.json'], (req, _res, next) => {
    requireOps(req.actor);
    next();
  });

  router.get('/openapi.json', async (_req: Request, res: Response) => {
    res.json(await openApiDocument(knex, resources, { version, serverUrl: config.apiPublicUrl }));
  });

  router.get('/ops/migrations', async (_req: Request, res: Response) => {
    const known = await migrationSource.getMigrations([]);
    const hasTable = await knex.schema.hasTable('knex_migrations');
    const applied = hasTable
      ? ((await knex('knex_migrations').orderBy('id').select('name', 'batch', 'migration_time')) as { name: string; batch: number; migration_time: Date }[])
      : [];
    const appliedNames = new Set(applied.map((row) => row.name));
    const knownNames = new Set(known);
    res.json({
      current: applied.at(-1)?.name ?? null,
      applied: applied.map((row) => ({ name: row.name, batch: row.batch, applied_at: row.migration_time, in_code: knownNames.has(row.name) })),
      pending: known.filter((name) => !appliedNames.has(name)),
    });
  });

  router.get('/ops/rbac', (_req: Request, res: Response) => {
    res.json({
      roles: ROLES,
      actions: ACTIONS,
      resources: resourceMatrix(resources),
      routes: routeMatrix(resources),
      unlisted_routes: unlistedRoutes(listRoutes(app), resources),
    });
  });

  router.get('/ops/info', async (_req: Request, res: Response) => {
    const [server, size, tables] = await Promise.all([
      knex.raw('SELECT current_setting(\'server_version\') AS version, current_database() AS database, pg_postmaster_start_time() AS started_at'),
      knex.raw('SELECT pg_database_size(current_database())::bigint AS bytes'),
      knex.raw(
        // reltuples is the planner's estimate (-1 before a table's first ANALYZE; then the statistics' live rows).
        `SELECT c.relname AS name,
                (CASE WHEN c.reltuples >= 0 THEN c.reltuples ELSE coalesce(s.n_live_tup, 0) END)::bigint AS estimated_rows,
                pg_total_relation_size(c.oid)::bigint AS total_bytes
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
         ORDER BY 2 DESC, 3 DESC LIMIT 15`,
      ),
    ]);
    const pool = (knex.client as { pool?: { numUsed(): number; numFree(): number; numPendingAcquires(): number; max: number } }).pool;
    const memory = process.memoryUsage();
    res.json({
      version,
      node: process.version,
      environment: config.NODE_ENV,
      started_at: startedAt,
      uptime_seconds: Math.round(process.uptime()),
      pid: process.pid,
      workers: { count: config.API_WORKERS, this_worker: cluster.worker?.id ?? null },
      memory: { rss_bytes: memory.rss, heap_used_bytes: memory.heapUsed },
      database: {
        server_version: server.rows[0].version,
        name: server.rows[0].database,
        started_at: server.rows[0].started_at,
        size_bytes: Number(size.rows[0].bytes),
        pool: pool ? { max: pool.max, used: pool.numUsed(), free: pool.numFree(), pending: pool.numPendingAcquires() } : null,
        pool_max_total: config.DB_POOL_MAX,
      },
      tables: tables.rows.map((row: { name: string; estimated_rows: number; total_bytes: number }) => ({
        name: row.name,
        estimated_rows: Number(row.estimated_rows),
        total_bytes: Number(row.total_bytes),
      })),
    });
  });

  router.get('/ops/errors', async (_req: Request, res: Response) => {
    if (!logs) {
      res.json({ worker: cluster.worker?.id ?? null, pid: process.pid, ...recentErrors() });
      return;
    }
    // This node's lines still in the buffer first, so an error just answered is listed.
    await logs.flush();
    res.json({ worker: cluster.worker?.id ?? null, pid: process.pid, ...(await recentErrorsFromLogs(knex)) });
  });

  return router;
}
