import { Router } from 'express';
import type { Knex } from 'knex';
import { migrationSource } from '@sms/db';

/** A readiness probe must answer before the load balancer gives up on it, even when the database hangs. */
const READY_TIMEOUT_MS = 2000;

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error) => (clearTimeout(timer), reject(error)),
    );
  });

/** Migrations this build knows that the database has not applied (empty when current). */
async function pendingMigrations(knex: Knex): Promise<string[]> {
  const known = await migrationSource.getMigrations([]);
  const applied = new Set(((await knex('knex_migrations').select('name')) as { name: string }[]).map((row) => row.name));
  return known.filter((name) => !applied.has(name));
}

/**
 * - `/health/live`: the process is up and its event loop turns (no database: a database outage must not make an
 *   orchestrator restart every healthy API process).
 * - `/health/ready`: this node can serve: the database answers and its schema is this build's (migrations current).
 *   Load balancers route on it (HAProxy's `option httpchk GET /health/ready`).
 * - `/health`: kept as it was (database check and version) for existing probes.
 */
export function healthRouter(knex: Knex, version: string): Router {
  const router = Router();
  router.get('/health/live', (_req, res) => {
    res.json({ status: 'ok', version, pid: process.pid, uptime_s: Math.round(process.uptime()) });
  });
  router.get('/health/ready', async (_req, res) => {
    try {
      const pending = await withTimeout(pendingMigrations(knex), READY_TIMEOUT_MS);
      if (pending.length > 0) {
        res.status(503).json({ status: 'not_ready', db: 'ok', migrations: 'pending', pending, version, message: `The database schema is behind this build: ${pending.length} migration(s) to apply.` });
        return;
      }
      res.json({ status: 'ready', db: 'ok', migrations: 'current', version });
    } catch {
      res.status(503).json({ status: 'not_ready', db: 'unreachable', version, message: 'The database is unreachable.' });
    }
  });
  router.get('/health', async (_req, res) => {
    try {
      await withTimeout(knex.raw('select 1'), READY_TIMEOUT_MS);
      res.json({ status: 'ok', db: 'ok', version });
    } catch {
      res.status(503).json({ status: 'degraded', db: 'unreachable', version });
    }
  });
  return router;
}
