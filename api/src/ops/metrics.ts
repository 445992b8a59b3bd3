import cluster from 'node:cluster';
import { performance } from 'node:perf_hooks';
import type { Application, Request, RequestHandler } from 'express';
import type { Knex } from 'knex';
import client from 'prom-client';

/**
 * Prometheus metrics for this process, in prom-client's global registry (the one its cluster support collects
 * from each worker): Node's default process metrics, one request-duration histogram labelled by method, route
 * pattern and status class, and the database pool. Created once per process, whatever the number of apps in it.
 */
export const registry = client.register;

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD']);
const STATUS_CLASSES = ['1xx', '1xx', '2xx', '3xx', '4xx', '5xx'];

const httpDuration = new client.Histogram({
  name: 'http_request_duration_seconds',
  help: 'Time to answer HTTP requests, by method, route pattern (never the raw URL) and status class.',
  labelNames: ['method', 'route', 'status_class'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
});

client.collectDefaultMetrics({ register: registry });
// A worker answers the primary's requests for its metrics (prom-client installs the listener on construction).
if (cluster.isWorker) new client.AggregatorRegistry();

/** The pools whose use the gauges report: the latest app's (one per process outside tests). */
let pool: { numUsed(): number; numFree(): number; numPendingAcquires(): number; max: number } | undefined;

new client.Gauge({
  name: 'db_pool_connections',
  help: 'Database connections of this process by state: used, free, pending (requests waiting for one), max.',
  labelNames: ['state'] as const,
  collect() {
    if (!pool) return;
    this.set({ state: 'used' }, pool.numUsed());
    this.set({ state: 'free' }, pool.numFree());
    this.set({ state: 'pending' }, pool.numPendingAcquires());
    this.set({ state: 'max' }, pool.max);
  },
});

/** Reports this knex's pool in the `db_pool_connections` gauge. */
export function trackPool(knex: Knex): void {
  const tarn = (knex.client as { pool?: typeof pool }).pool;
  if (tarn) pool = tarn;
  else {
    // knex creates its pool on first use.
    void knex.client.acquireConnection().then((connection: unknown) => {
      knex.client.releaseConnection(connection);
      pool = (knex.client as { pool?: typeof pool }).pool;
    }, () => undefined);
  }
}

export const statusClass = (status: number) => STATUS_CLASSES[Math.floor(status / 100)] ?? 'other';

export function observeRequest(method: string, route: string, status: number, seconds: number): void {
  httpDuration.labels(METHODS.has(method) ? method : 'other', route, statusClass(status)).observe(seconds);
}

/**
 * A recorder for one fixed route (the fast lane's): the labelled children are made once per status class, so
 * recording a request costs a clock read and an observe.
 */
export function routeRecorder(method: string, route: string): (status: number, startedAt: number) => void {
  const children = new Map<number, client.Histogram.Internal<'method' | 'route' | 'status_class'>>();
  return (status, startedAt) => {
    const key = Math.floor(status / 100);
    let child = children.get(key);
    if (!child) {
      child = httpDuration.labels(method, route, statusClass(status));
      children.set(key, child);
    }
    child.observe((performance.now() - startedAt) / 1000);
  };
}

/**
 * The route label of an Express request: the matched route's pattern (`/students/:id`); for a request answered
 * before any route matched (a 401, a preflight, a 404), the first path segment when the app has routes under it,
 * else "unmatched". Labels therefore come from the code, never from what a client typed.
 */
export function routeLabel(req: Request, prefixes: () => ReadonlySet<string>): string {
  const route = (req as Request & { route?: { path?: unknown } }).route;
  if (route && typeof route.path === 'string') return `${req.baseUrl ?? ''}${route.path}`;
  const path = req.path ?? '';
  const end = path.indexOf('/', 1);
  const first = end === -1 ? path : path.slice(0, end);
  return prefixes().has(first) ? `${first} (no route)` : 'unmatched';
}

interface RouteLayer {
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: RouteLayer[] };
}

/** Every route registered on an Express app (method, path), read from its router: what the app really serves. */
export function listRoutes(app: Application): { method: string; path: string }[] {
  const routes: { method: string; path: string }[] = [];
  const walk = (stack: RouteLayer[] | undefined) => {
    for (const layer of stack ?? []) {
      if (layer.route && typeof layer.route.path === 'string') {
        for (const method of Object.keys(layer.route.methods)) {
          if (method !== '_all') routes.push({ method: method.toUpperCase(), path: layer.route.path });
        }
      } else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((app as unknown as { router?: { stack?: RouteLayer[] } }).router?.stack);
  return routes;
}

/** Times every request Express answers; the fast lane records its own (see `routeRecorder`). */
export function httpMetrics(app: Application): RequestHandler {
  let prefixes: Set<string> | undefined;
  const known = () => (prefixes ??= new Set(listRoutes(app).map((route) => `/${route.path.split('/')[1] ?? ''}`)));
  return (req, res, next) => {
    const startedAt = performance.now();
    res.once('finish', () => observeRequest(req.method, routeLabel(req, known), res.statusCode, (performance.now() - startedAt) / 1000));
    next();
  };
}

const REQUEST = 'sms:metrics:request';
const REPLY = 'sms:metrics:reply';
type ClusterMessage = { type?: string; id?: number; text?: string; error?: string };

/**
 * In the primary of a cluster: answers a worker's request for the metrics of all workers, summed by prom-client's
 * AggregatorRegistry (counters and histograms add up; each default metric has its own rule).
 */
export function serveClusterMetrics(): void {
  const aggregator = new client.AggregatorRegistry();
  cluster.on('message', (worker, message: ClusterMessage) => {
    if (message?.type !== REQUEST) return;
    aggregator.clusterMetrics().then(
      (text) => worker.send({ type: REPLY, id: message.id, text }),
      (error: Error) => worker.send({ type: REPLY, id: message.id, error: error.message }),
    );
  });
}

let nextRequest = 0;
const pending = new Map<number, { resolve: (text: string) => void; reject: (error: Error) => void }>();
let listening = false;

function askPrimary(): Promise<string> {
  if (!listening) {
    listening = true;
    process.on('message', (message: ClusterMessage) => {
      if (message?.type !== REPLY || message.id === undefined) return;
      const waiting = pending.get(message.id);
      if (!waiting) return;
      pending.delete(message.id);
      if (message.error) waiting.reject(new Error(message.error));
      else waiting.resolve(message.text ?? '');
    });
  }
  const id = nextRequest++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      reject(new Error('The cluster primary did not answer with the metrics within 6 s.'));
    }, 6000);
    pending.set(id, {
      resolve: (text) => (clearTimeout(timer), resolve(text)),
      reject: (error) => (clearTimeout(timer), reject(error)),
    });
    process.send!({ type: REQUEST, id });
  });
}

/** The metrics text: every worker's, summed, when this process is a cluster worker; else this process's. */
export async function metricsText(): Promise<string> {
  if (cluster.isWorker && process.send) return askPrimary();
  return registry.metrics();
}

export const METRICS_CONTENT_TYPE = registry.contentType;
