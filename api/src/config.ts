import { z } from 'zod';

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);
const url = z.string().url();

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
  API_PORT: port(4000),
  HOST: z.string().default('127.0.0.1'),
  API_PUBLIC_URL: url.optional(),
  BACKOFFICE_URL: url.default('http://localhost:4001'),
  PORTAL_URL: url.default('http://localhost:4002'),
  CORS_ORIGINS: z.string().optional(),
  COOKIE_SECURE: z.enum(['true', 'false']).optional(),
  SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 90).default(24 * 14),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
  MAIL_FROM: z.string().default('SMS <no-reply@sms.local>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(20),
  TRUST_PROXY: z.string().default('loopback'),
  API_WORKERS: z.coerce.number().int().min(1).max(32).default(1),
  STORAGE_DIR: z.string().optional(),
  UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(1024).default(25),
  S3_ENDPOINT: url.optional(),
  S3_BUCKET: z.string().optional(),
  S3_REGION: z.string().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
});

export type Config = z.infer<typeof schema> & { corsOrigins: string[]; cookieSecure: boolean; apiPublicUrl: string };

const LOOPBACK = ['localhost', '127.0.0.1'];

/** An origin and, when it is a loopback address, its other spelling: http://localhost:4001 → also http://127.0.0.1:4001. */
export function withLoopbackAliases(origin: string): string[] {
  try {
    const url = new URL(origin);
    if (!LOOPBACK.includes(url.hostname)) return [origin];
    return LOOPBACK.map((host) => {
      url.hostname = host;
      return url.origin;
    });
  } catch {
    return [origin];
  }
}

/** Reads and checks the environment; every bad value is reported by name, all at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = issue.path.join('.');
      return `  ${name}: ${issue.code === 'invalid_type' && cleaned[name] === undefined ? 'is required' : issue.message}`;
    });
    throw new Error(`The API's configuration is invalid:\n${problems.join('\n')}`);
  }
  const config = parsed.data;
  const apiPublicUrl = config.API_PUBLIC_URL ?? `http://localhost:${config.API_PORT}`;
  const listed = (config.CORS_ORIGINS ?? `${config.BACKOFFICE_URL},${config.PORTAL_URL}`)
    .split(',')
    .map((origin) => origin.trim().replace(/\/$/, ''))
    .filter(Boolean);
  // By default the apps are allowed however a browser spells this machine (localhost or 127.0.0.1).
  const corsOrigins = config.CORS_ORIGINS ? listed : [...new Set(listed.flatMap(withLoopbackAliases))];
  const cookieSecure = config.COOKIE_SECURE ? config.COOKIE_SECURE === 'true' : apiPublicUrl.startsWith('https://');
  return { ...config, corsOrigins, cookieSecure, apiPublicUrl };
}
