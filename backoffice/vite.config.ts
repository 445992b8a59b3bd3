import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * In development the SPA reads its runtime configuration from /config.js, exactly as in
 * production (where server.mjs writes it). This plugin answers that request from the
 * same environment variables the production server uses.
 */
const runtimeConfig = (): Plugin => ({
  name: 'sms-runtime-config',
  configureServer(server) {
    server.middlewares.use('/config.js', (_req, res) => {
      const apiUrl = process.env.API_PUBLIC_URL || process.env.API_URL || 'http://localhost:4000';
      res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
      res.setHeader('Cache-Control', 'no-store');
      const portalUrl = process.env.PORTAL_URL || undefined;
      res.end(`window.SMS_CONFIG = ${JSON.stringify({ apiUrl, portalUrl }).replace(/</g, '\\u003c')};\n`);
    });
  },
});

/**
 * Brotli and gzip copies of every text asset beside it (`x.js.br`, `x.js.gz`), made once at build time at the
 * highest settings, so server.mjs sends compressed files without compressing per request.
 */
const precompress = (): Plugin => {
  let outDir = 'dist';
  return {
    name: 'sms-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
          entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
        );
      for (const file of walk(outDir).filter((f) => /\.(js|css|html|svg|json)$/.test(f))) {
        const content = readFileSync(file);
        if (content.length < 1024) continue;
        writeFileSync(`${file}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }));
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
      }
    },
  };
};

export default defineConfig({
  plugins: [react(), runtimeConfig(), precompress()],
  resolve: {
    alias: [
      { find: 'object.entries', replacement: fileURLToPath(new URL('./src/shims/object-entries.ts', import.meta.url)) },
      // react-admin's DataTable row checkbox, with its name on the input (see the shim).
      { find: /^\.\/SelectRowCheckbox\.js$/, replacement: fileURLToPath(new URL('./src/shims/SelectRowCheckbox.tsx', import.meta.url)) },
    ],
  },
  server: {
    port: Number(process.env.BACKOFFICE_PORT || 4001),
    strictPort: true,
  },
  preview: {
    port: Number(process.env.BACKOFFICE_PORT || 4001),
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    // Rollup splits by dynamic import (resources and pages are React.lazy); manual vendor chunks would pull
    // every library into the first download.
    chunkSizeWarningLimit: 600,
  },
});
