// Student portal server: Express 5 serving the Remix build (build/server) and its
// static files (build/client), with compression and security headers.
//
//   node server.mjs          production: needs `npm run build -w portal` first
//   node server.mjs --dev    development: Vite middleware, hot reload, no build needed
//
// Environment: PORTAL_PORT (default 4002), HOST (default 0.0.0.0),
// API_URL (default http://localhost:4000), SESSION_SECRET, COOKIE_SECURE,
// TRUST_PROXY (express "trust proxy" setting, default "loopback").
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { createRequestHandler } from '@remix-run/express';
import compression from 'compression';
import express from 'express';

const here = path.dirname(fileURLToPath(import.meta.url));

const isDev = process.argv.includes('--dev');
const buildDir = path.join(here, 'build');
const serverBuildFile = path.join(buildDir, 'server', 'index.js');

/**
 * The Content-Security-Policy for one response. Scripts: same origin plus the
 * per-request nonce carried by Remix's inline scripts. Images: also https: and
 * data:, because a student's avatar is an https URL of their choice.
 */
export function contentSecurityPolicy(nonce, { dev = false } = {}) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    // Vite injects <style> elements during development only.
    dev ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    "img-src 'self' data: https:",
    "font-src 'self'",
    dev ? "connect-src 'self' ws: wss:" : "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "manifest-src 'self'",
  ].join('; ');
}

export async function createPortalApp({ dev = isDev } = {}) {
  const viteDevServer = dev
    ? await import('vite').then((vite) =>
        vite.createServer({ root: here, server: { middlewareMode: true } }),
      )
    : undefined;

  if (!viteDevServer && !existsSync(serverBuildFile)) {
    throw new Error('The portal is not built yet: run `npm run build -w portal` (or start it with --dev).');
  }

  const build = viteDevServer
    ? () => viteDevServer.ssrLoadModule('virtual:remix/server-build')
    : await import(pathToFileURL(serverBuildFile).href);

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', process.env.TRUST_PROXY || 'loopback');

  app.use((_req, res, next) => {
    const nonce = randomBytes(16).toString('base64');
    res.locals.cspNonce = nonce;
    res.setHeader('Content-Security-Policy', contentSecurityPolicy(nonce, { dev: Boolean(viteDevServer) }));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'same-origin');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
    next();
  });

  app.use(compression());

  app.get('/healthz', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ status: 'ok' });
  });

  if (viteDevServer) {
    app.use(viteDevServer.middlewares);
  } else {
    // Fingerprinted by Vite: cache for a year.
    app.use(
      '/assets',
      express.static(path.join(buildDir, 'client', 'assets'), {
        immutable: true,
        maxAge: '1y',
        index: false,
        fallthrough: false,
      }),
    );
    // Everything else in public/ (favicon…): a short cache.
    app.use(express.static(path.join(buildDir, 'client'), { maxAge: '1h', index: false }));
  }

  app.all(
    '/{*splat}',
    createRequestHandler({
      build,
      mode: viteDevServer ? 'development' : 'production',
      getLoadContext: (req, res) => ({
        cspNonce: res.locals.cspNonce,
        clientIp: req.ip,
        userAgent: req.get('user-agent')?.slice(0, 400),
      }),
    }),
  );

  // Last resort: the Remix handler renders its own error pages, so this only sees
  // static-file errors (a missing /assets file is a plain 404) and crashes.
  // eslint-disable-next-line no-unused-vars
  app.use((err, _req, res, _next) => {
    const status = err && (err.status || err.statusCode);
    if (res.headersSent) return;
    if (status === 404) {
      res.status(404).type('text/plain').send('Not found');
    } else {
      console.error('portal server error:', err && err.stack ? err.stack : err);
      res.status(500).type('text/plain').send('Something went wrong');
    }
  });

  return { app, viteDevServer };
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;

if (isMain) {
  const port = Number(process.env.PORTAL_PORT || 4002);
  const host = process.env.HOST || '0.0.0.0';

  let started;
  try {
    started = await createPortalApp();
  } catch (error) {
    console.error(`portal failed to start: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
  const { app, viteDevServer } = started;

  const server = app.listen(port, host, (error) => {
    if (error) {
      console.error(`portal failed to start: ${error.message}`);
      process.exit(1);
    }
    const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
    console.log(`portal listening on http://${shownHost}:${port}${viteDevServer ? ' (dev)' : ''}`);
  });

  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    server.close(() => process.exit(0));
    server.closeIdleConnections?.();
    void viteDevServer?.close();
    // Keep-alive sockets must not hold the process open for long.
    setTimeout(() => {
      server.closeAllConnections?.();
      process.exit(0);
    }, 5000).unref();
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}
