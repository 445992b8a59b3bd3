import pino from 'pino';
import { createKnex } from '@sms/db';
import { createApp } from './app';
import { loadConfig } from './config';
import { expireIntegrityActions } from './resources/integrity-actions/expire-actions';

function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const logger = pino({ level: config.LOG_LEVEL });
  const knex = createKnex(config.DATABASE_URL, config.DB_POOL_MAX);
  const app = createApp({ config, knex, logger });
  const server = app.listen(config.API_PORT, config.HOST, () => {
    logger.info(`API listening on http://${config.HOST}:${config.API_PORT}`);
  });
  server.keepAliveTimeout = 65_000;
  const sweeper = setInterval(() => {
    expireIntegrityActions(knex).catch((error) => logger.error({ err: error }, 'expiring integrity actions failed'));
  }, 60_000);
  sweeper.unref();
  const stop = () => {
    server.close(() => {
      void knex.destroy().then(() => process.exit(0));
    });
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main();
