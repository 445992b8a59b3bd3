import { spawn } from 'node:child_process';
import path from 'node:path';
import { freePort } from '@sms/db/launcher/port';

export interface TestIdentityProvider {
  issuer: string;
  port: number;
  /**
   * Goes through the provider's sign-in as a browser would (cookies, redirects), from the authorization URL the API
   * redirected to, and answers the URL the provider finally sends the browser to (the API's callback).
   */
  signIn(authorizationUrl: string, who: { email: string; emailVerified?: boolean; mfa?: boolean }): Promise<URL>;
  stop(): Promise<void>;
}

/** Starts oidc-provider (api/src/testing/oidc-test-provider.mjs) on a free port (or `port`) in a process of its own. */
export async function startTestIdentityProvider(client: { client_id: string; client_secret: string; redirect_uris: string[] }, port?: number): Promise<TestIdentityProvider> {
  const chosen = port ?? (await freePort());
  const child = spawn(process.execPath, [path.join(__dirname, 'oidc-test-provider.mjs')], {
    env: { ...process.env, OIDC_TEST_PORT: String(chosen), OIDC_TEST_CLIENT: JSON.stringify(client), NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const issuer = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the test OIDC provider did not start:\n${output}`)), 20_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /ready (\S+)/.exec(output);
      if (ready) {
        clearTimeout(timer);
        resolve(ready[1]);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => reject(new Error(`the test OIDC provider exited (${code}):\n${output}`)));
  });

  async function signIn(authorizationUrl: string, who: { email: string; emailVerified?: boolean; mfa?: boolean }): Promise<URL> {
    const jar = new Map<string, string>();
    const cookieHeader = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const keep = (response: Response) => {
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const eq = pair.indexOf('=');
        jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1));
      }
    };
    let url = new URL(authorizationUrl);
    let init: RequestInit = {};
    for (let hop = 0; hop < 12; hop += 1) {
      if (url.origin !== issuer) return url;
      const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: cookieHeader() } });
      keep(response);
      init = {};
      const location = response.headers.get('location');
      if (location) {
        url = new URL(location, url);
        continue;
      }
      const html = await response.text();
      const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
      if (response.status !== 200 || !action) throw new Error(`unexpected answer from the provider at ${url}: ${response.status} ${html.slice(0, 300)}`);
      const form = new URLSearchParams({ email: who.email });
      if (who.emailVerified ?? true) form.set('email_verified', 'on');
      if (who.mfa) form.set('mfa', 'on');
      url = new URL(action, url);
      init = { method: 'POST', body: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
    }
    throw new Error('too many redirects at the test OIDC provider');
  }

  return {
    issuer,
    port: chosen,
    signIn,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
