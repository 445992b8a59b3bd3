/// <reference types="vite/client" />

interface Window {
  /** Written by /config.js (server.mjs in production, the Vite plugin in development). */
  SMS_CONFIG?: { apiUrl?: string; portalUrl?: string };
}
