import cluster from 'node:cluster';
import { createServer } from 'node:http';
import pino from 'pino';
import { createKnex } from '@sms/db';
import { createApp } from './app';
import { loadConfig, type Config } from './config';
import { serveClusterMetrics } from './ops/metrics';

function serve(config: Config) {
  const logger = pino({ level: config.LOG_LEVEL });
  const knex = createKnex(config.DATABASE_URL, Math.max(2, Math.ceil(config.DB_POOL_MAX / config.API_WORKERS)));
  const app = createApp({ config, knex, logger });
  const server = createServer(app).listen(config.API_PORT, config.HOST, () => {
    if (!cluster.isWorker || cluster.worker?.id === 1) logger.info(`API listening on http://${config.HOST}:${config.API_PORT}${config.API_WORKERS > 1 ? ` (${config.API_WORKERS} workers)` : ''}`);
  });
  server.keepAliveTimeout = 65_000;
  // Background work is durable jobs (api/src/jobs/queues.ts): every node works every queue; pg-boss runs each
  // schedule's tick once across nodes. A node that cannot reach the database yet keeps trying.
  const startJobs = () =>
    app.jobs.start().catch((error) => {
      logger.error({ err: error }, 'starting the job workers failed; retrying in 5 s');
      setTimeout(startJobs, 5000).unref();
    });
  startJobs();
  const stop = () => {
    // Live-update streams never end by themselves: end them (and flush buffered log lines) so close() can finish.
    void app.close();
    server.close(() => {
      app.jobs
        .stop()
        .catch((error) => logger.error({ err: error }, 'stopping the job workers failed'))
        .then(() => knex.destroy())
        .finally(() => process.exit(0));
    });
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

/** With API_WORKERS > 1 the primary only supervises workers (rate limits are shared through the database). */
function supervise(config: Config) {
  // A worker asked for /metrics gets every worker's metrics, summed here.
  serveClusterMetrics();
  let stopping = false;
  for (let i = 0; i < config.API_WORKERS; i += 1) cluster.fork();
  cluster.on('exit', (worker, code) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    console.error(`API worker ${worker.id} exited (${code}); starting another.`);
    cluster.fork();
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
    setTimeout(() => process.exit(0), 6000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  if (config.API_WORKERS > 1 && cluster.isPrimary) supervise(config);
  else serve(config);
}

main();
