import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

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

export default defineConfig({
  plugins: [react(), runtimeConfig()],
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
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        manualChunks(id) {
          if (!id.includes('node_modules')) return undefined;
          if (/node_modules\/(react|react-dom|scheduler)\//.test(id)) return 'react';
          if (/node_modules\/(@mui|@emotion)\//.test(id)) return 'mui';
          if (/node_modules\/(react-admin|ra-[a-z-]+)\//.test(id)) return 'react-admin';
          return 'vendor';
        },
      },
    },
  },
});
