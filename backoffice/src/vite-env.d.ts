/// <reference types="vite/client" />

interface Window {
  /** Written by /config.js (server.mjs in production, the Vite plugin in development). */
  SMS_CONFIG?: { apiUrl?: string; portalUrl?: string };
  /** GET /auth/me, started by the page's inline script (server.mjs); taken once by refreshSession. */
  SMS_ME?: Promise<Response | null>;
}
