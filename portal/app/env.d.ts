import '@remix-run/node';

declare module '@remix-run/node' {
  /** Built by server.mjs's getLoadContext for every request. */
  interface AppLoadContext {
    /** The nonce allowed by this response's Content-Security-Policy for inline scripts. */
    cspNonce?: string;
    /** The browser's address as Express sees it, forwarded to the API for rate limits and the audit log. */
    clientIp?: string;
    /** The browser's User-Agent, forwarded so the API's session list shows the student's device. */
    userAgent?: string;
  }
}
