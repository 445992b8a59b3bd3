import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../../..');

export interface ServicePorts {
  api: number;
  backoffice: number;
  portal: number;
}

export interface ServiceUrls {
  apiUrl: string;
  backofficeUrl: string;
  portalUrl: string;
}

export interface RunningServices extends ServiceUrls {
  stop(): Promise<void>;
}

interface ServiceSpec {
  name: string;
  script: string;
  port: number;
  readyPath: string;
  env: NodeJS.ProcessEnv;
}

export function urlsFor(ports: ServicePorts, host = 'localhost'): ServiceUrls {
  return {
    apiUrl: process.env.API_PUBLIC_URL || `http://${host}:${ports.api}`,
    backofficeUrl: process.env.BACKOFFICE_URL || `http://${host}:${ports.backoffice}`,
    portalUrl: process.env.PORTAL_URL || `http://${host}:${ports.portal}`,
  };
}

async function waitUntilReady(child: ChildProcess, url: string, name: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} before it was ready`);
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`${name} did not answer ${url} within ${timeoutMs / 1000} s`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts the API, the back office and the portal as child processes from their production builds,
 * and resolves once each answers HTTP.
 */
export async function startServices(options: {
  databaseUrl: string;
  ports: ServicePorts;
  host?: string;
  quiet?: boolean;
  extraEnv?: NodeJS.ProcessEnv;
}): Promise<RunningServices> {
  const { databaseUrl, ports, host = process.env.HOST || '127.0.0.1', quiet = false } = options;
  const urls = urlsFor(ports);
  const common: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.extraEnv,
    NODE_ENV: process.env.NODE_ENV === 'test' ? 'production' : process.env.NODE_ENV || 'production',
    HOST: host,
    DATABASE_URL: databaseUrl,
    API_URL: `http://127.0.0.1:${ports.api}`,
    API_PUBLIC_URL: urls.apiUrl,
    BACKOFFICE_URL: urls.backofficeUrl,
    PORTAL_URL: urls.portalUrl,
  };
  const specs: ServiceSpec[] = [
    { name: 'api', script: 'api/dist/server.js', port: ports.api, readyPath: '/health', env: { API_PORT: String(ports.api) } },
    { name: 'backoffice', script: 'backoffice/server.mjs', port: ports.backoffice, readyPath: '/', env: { BACKOFFICE_PORT: String(ports.backoffice) } },
    { name: 'portal', script: 'portal/server.mjs', port: ports.portal, readyPath: '/login', env: { PORTAL_PORT: String(ports.portal) } },
  ];
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(children.map(stopChild));
  };
  try {
    for (const spec of specs) {
      const child = spawn(process.execPath, [path.join(REPO_ROOT, spec.script)], {
        cwd: path.join(REPO_ROOT, path.dirname(spec.script).split('/')[0]),
        env: { ...common, ...spec.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      const recent: string[] = [];
      const forward = (chunk: Buffer) => {
        for (const line of chunk.toString().split('\n')) {
          if (!line.trim()) continue;
          recent.push(line);
          if (recent.length > 40) recent.shift();
          if (!quiet) process.stdout.write(`[${spec.name}] ${line}\n`);
        }
      };
      child.stdout?.on('data', forward);
      child.stderr?.on('data', forward);
      try {
        await waitUntilReady(child, `http://127.0.0.1:${spec.port}${spec.readyPath}`, spec.name, 30_000);
      } catch (error) {
        throw new Error(`${(error as Error).message}\nLast output of ${spec.name}:\n${recent.join('\n')}`);
      }
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { ...urls, stop };
}
