/** Runtime configuration, read once from window.SMS_CONFIG (see index.html and server.mjs). */
const fromWindow = typeof window !== 'undefined' ? window.SMS_CONFIG : undefined;

export const apiUrl: string = (fromWindow?.apiUrl || 'http://localhost:4000').replace(/\/+$/, '');

/** The student portal, when the server knows it (linked for students who try to sign in here). */
export const portalUrl: string | undefined = fromWindow?.portalUrl?.replace(/\/+$/, '') || undefined;

export const appTitle = 'SMS Back office';
