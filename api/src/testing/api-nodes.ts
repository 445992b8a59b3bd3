import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { freePort } from '@sms/db/launcher/port';

export interface ApiNode {
  url: string;
  process: ChildProcess;
  exited: Promise<void>;
  stop(): Promise<void>;
}

/** One built API process (`node api/dist/server.js`, one worker) on its own port; resolves when it is ready. */
export async function startApiNode(databaseUrl: string, env: Record<string, string> = {}): Promise<ApiNode> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.resolve(__dirname, '../../dist/server.js')], {
    env: { ...process.env, DATABASE_URL: databaseUrl, API_PORT: String(port), API_WORKERS: '1', LOG_LEVEL: 'silent', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i += 1) {
    if (await fetch(`${url}/health/ready`).then((r) => r.ok, () => false)) break;
    if (i > 200 || child.exitCode !== null) {
      child.kill('SIGKILL');
      throw new Error(`API node on ${port} did not become ready`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    process: child,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface RoundRobinProxy {
  url: string;
  /** Backends currently passing their health check. */
  healthy(): string[];
  close(): Promise<void>;
}

/**
 * A small stand-in for HAProxy in tests and benchmarks: round robin over the backends that pass `GET /health/ready`
 * (checked every `intervalMs`, and marked down at once when a connection to them fails). A request whose connection
 * was refused was never delivered, so it is tried on the next backend; one cut off after it was sent is not (it may
 * have been applied) and is answered 502, as HAProxy does without `retry-on` for sent requests.
 */
export async function startRoundRobinProxy(backends: string[], { intervalMs = 250 } = {}): Promise<RoundRobinProxy> {
  const up = new Map(backends.map((backend) => [backend, true]));
  let turn = 0;
  const check = () =>
    Promise.all(
      backends.map(async (backend) => {
        const ok = await fetch(`${backend}/health/ready`, { signal: AbortSignal.timeout(1000) }).then((r) => r.ok, () => false);
        up.set(backend, ok);
      }),
    );
  const timer = setInterval(() => void check(), intervalMs);
  timer.unref();
  const pick = (exclude: Set<string>) => {
    const candidates = backends.filter((backend) => up.get(backend) && !exclude.has(backend));
    if (candidates.length === 0) return undefined;
    turn = (turn + 1) % candidates.length;
    return candidates[turn];
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const tried = new Set<string>();
      const attempt = () => {
        const backend = pick(tried);
        if (!backend) {
          res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'No API node is available.', code: 'UNAVAILABLE' }));
          return;
        }
        tried.add(backend);
        const target = new URL(req.url ?? '/', backend);
        const upstream = httpRequest(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          answer.on('error', () => res.destroy());
        });
        let sent = false;
        // A kept-alive socket is connected already: what is written on it may be delivered.
        upstream.on('socket', (socket) => (socket.connecting ? socket.once('connect', () => (sent = true)) : (sent = true)));
        upstream.on('error', (error: NodeJS.ErrnoException) => {
          if (res.headersSent) return void res.destroy();
          up.set(backend, false);
          if (!sent) return attempt();
          res.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'The API node stopped while answering.', code: 'BAD_GATEWAY' }));
        });
        upstream.end(body);
      };
      attempt();
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    healthy: () => backends.filter((backend) => up.get(backend)),
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
