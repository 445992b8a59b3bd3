// Production server for the back office SPA: static files from dist/, the runtime
// configuration at /config.js, security headers, and an SPA fallback to index.html.
//
//   BACKOFFICE_PORT (default 4001), HOST (default 0.0.0.0),
//   API_PUBLIC_URL or API_URL (default http://localhost:4000): the API as the browser sees it,
//   PORTAL_URL (optional): the student portal, linked when a student tries to sign in here.
//
// Also usable in-process: `import { createBackofficeApp, startBackoffice } from './server.mjs'`.
import express from 'express';
import expressStaticGzip from 'express-static-gzip';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The API's origin for the CSP connect-src, or null when the URL cannot be parsed. */
const originOf = (url) => {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};

/** `window.SMS_CONFIG = {...}` with the values JSON-escaped (and `<` escaped so no `</script>` trick). */
export const configScript = (config) =>
  `window.SMS_CONFIG = ${JSON.stringify(config).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')};\n`;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The API's URL for a page opened at `requestHost`: when both are loopback addresses spelled differently
 * (the page at 127.0.0.1, the API configured as localhost), the page's spelling, so the API is same-site
 * with the page (its session cookie is sent) and allowed by its origin check.
 */
export const apiUrlFor = (apiUrl, requestHost) => {
  try {
    const api = new URL(apiUrl);
    const page = new URL(`http://${requestHost}`);
    if (LOOPBACK.has(api.hostname) && LOOPBACK.has(page.hostname) && api.hostname !== page.hostname) {
      api.hostname = page.hostname;
      return api.origin + api.pathname.replace(/\/$/, '');
    }
  } catch {
    /* not a URL: as configured */
  }
  return apiUrl;
};

/**
 * index.html with the runtime configuration written into it (one round trip less than /config.js on a slow
 * connection; its hash goes into the CSP), and its brotli and gzip forms; per API URL, read again when the
 * file changes (a rebuild).
 */
const indexPages = (indexFile) => {
  let mtime = 0;
  const pages = new Map();
  return (config) => {
    const current = statSync(indexFile).mtimeMs;
    if (current !== mtime) {
      pages.clear();
      mtime = current;
    }
    let page = pages.get(config);
    if (!page) {
      // The session check starts while the app's script is still parsing (the app takes this answer first).
      const inline = `${config}window.SMS_ME = fetch(window.SMS_CONFIG.apiUrl + '/auth/me', { credentials: 'include', cache: 'no-store', headers: { Accept: 'application/json' } }).catch(function () { return null; });\n`;
      const html = Buffer.from(
        readFileSync(indexFile, 'utf8').replace(/<script src="\/config\.js"[^>]*><\/script>/, () => `<script>${inline}</script>`),
      );
      page = { hash: `'sha256-${createHash('sha256').update(inline).digest('base64')}'`, identity: html, br: brotliCompressSync(html), gzip: gzipSync(html, { level: 9 }) };
      pages.set(config, page);
    }
    return page;
  };
};

/** The best encoding the request accepts of brotli and gzip, or null. */
const acceptedEncoding = (req) => {
  const accepted = String(req.headers['accept-encoding'] ?? '');
  if (/\bbr\b/.test(accepted)) return 'br';
  if (/\bgzip\b/.test(accepted)) return 'gzip';
  return null;
};

export const contentSecurityPolicy = (apiUrl, scriptHash) => {
  const apiOrigin = originOf(apiUrl);
  const connect = ["'self'", apiOrigin].filter(Boolean).join(' ');
  return [
    "default-src 'self'",
    ["script-src 'self'", scriptHash].filter(Boolean).join(' '),
    // MUI/emotion injects <style> elements at runtime.
    "style-src 'self' 'unsafe-inline'",
    // Avatars are arbitrary https URLs chosen by users.
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    `connect-src ${connect}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
};

export function createBackofficeApp({
  apiUrl = process.env.API_PUBLIC_URL || process.env.API_URL || 'http://localhost:4000',
  portalUrl = process.env.PORTAL_URL || undefined,
  distDir = path.join(here, 'dist'),
} = {}) {
  const indexFile = path.join(distDir, 'index.html');
  const index = indexPages(indexFile);
  const settingsFor = (req) => {
    const api = apiUrlFor(apiUrl, req.headers.host ?? '');
    return { api, csp: contentSecurityPolicy(api), config: configScript(portalUrl ? { apiUrl: api, portalUrl } : { apiUrl: api }) };
  };

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', 'strong');

  app.use((req, res, next) => {
    res.locals.settings = settingsFor(req);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Content-Security-Policy', res.locals.settings.csp);
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
    next();
  });

  app.get('/config.js', (_req, res) => {
    res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.send(res.locals.settings.config);
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  // Hashed build output: cache for a year; the build's brotli or gzip copy when the browser accepts it.
  const compressed = { enableBrotli: true, orderPreference: ['br', 'gzip'], index: false };
  app.use(
    '/assets',
    expressStaticGzip(path.join(distDir, 'assets'), {
      ...compressed,
      serveStatic: { immutable: true, maxAge: '1y', index: false, fallthrough: false },
    }),
  );

  // Other files from dist/ (favicon…): short cache; index.html goes through the fallback below.
  app.use(
    expressStaticGzip(distDir, {
      ...compressed,
      serveStatic: {
        index: false,
        maxAge: '1h',
        setHeaders: (res, filePath) => {
          if (filePath.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
        },
      },
    }),
  );

  // SPA fallback (Express 5 path syntax).
  app.get('/{*splat}', (req, res) => {
    if (!existsSync(indexFile)) {
      res.status(503).type('text/plain').send('The back office is not built yet: run `npm run build -w backoffice`.');
      return;
    }
    const { api, config } = res.locals.settings;
    const page = index(config);
    const encoding = acceptedEncoding(req);
    res.setHeader('Content-Security-Policy', contentSecurityPolicy(api, page.hash));
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('Vary', 'Accept-Encoding');
    res.type('html');
    if (encoding) res.setHeader('Content-Encoding', encoding);
    res.send(encoding ? page[encoding] : page.identity);
  });

  // Quiet error handler: a missing asset is a plain 404, anything else a plain 500.
  // eslint-disable-next-line no-unused-vars
  app.use((err, _req, res, _next) => {
    const status = err && (err.status || err.statusCode);
    if (res.headersSent) return;
    if (status === 404) {
      res.status(404).type('text/plain').send('Not found');
    } else {
      console.error('back office server error:', err && err.message ? err.message : err);
      res.status(500).type('text/plain').send('Something went wrong');
    }
  });

  return app;
}

/** Starts listening; resolves with the http.Server once it is listening. */
export function startBackoffice({
  port = Number(process.env.BACKOFFICE_PORT || 4001),
  host = process.env.HOST || '0.0.0.0',
  ...options
} = {}) {
  const app = createBackofficeApp(options);
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (err) => {
      if (err) reject(err);
      else resolve(server);
    });
    server.once('error', reject);
  });
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;

if (isMain) {
  const server = await startBackoffice().catch((err) => {
    console.error(`back office failed to start: ${err.message}`);
    process.exit(1);
  });

  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    server.close(() => process.exit(0));
    // Keep-alive sockets must not hold the process open.
    server.closeIdleConnections();
    setTimeout(() => {
      server.closeAllConnections();
      process.exit(0);
    }, 3000).unref();
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);

  const address = server.address();
  const shownHost = process.env.HOST && process.env.HOST !== '0.0.0.0' ? process.env.HOST : 'localhost';
  console.log(`back office listening on http://${shownHost}:${typeof address === 'object' && address ? address.port : ''}`);
}
