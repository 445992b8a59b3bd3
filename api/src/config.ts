import { z } from 'zod';
import { ROLES, type Role } from './core/actor';

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
  EVENTS_HEARTBEAT_SECONDS: z.coerce.number().int().min(1).max(300).default(15),
  LOG_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(14),
  STORAGE_DIR: z.string().optional(),
  UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(1024).default(25),
  S3_ENDPOINT: url.optional(),
  S3_BUCKET: z.string().optional(),
  S3_REGION: z.string().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  TWO_FACTOR_REQUIRED_ROLES: z.string().default('admin,developer'),
  TOTP_ENCRYPTION_KEY: z.string().optional(),
  OIDC_ISSUER: url.optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_ALLOWED_DOMAINS: z.string().optional(),
  OIDC_REDIRECT_URL: url.optional(),
  OIDC_PROVIDER_NAME: z.string().trim().min(1).max(60).default('SSO'),
  OIDC_TRUST_IDP_MFA: z.enum(['true', 'false']).default('true'),
  WRITE_LIMIT_PER_USER: z.coerce.number().int().min(1).default(600),
  WRITE_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).default(6000),
  WRITE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(24 * 60 * 60).default(60),
  JOBS_POOL_MAX: z.coerce.number().int().min(1).max(50).default(4),
  JOBS_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
  JOBS_MAINTENANCE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  MAIL_RETRY_LIMIT: z.coerce.number().int().min(0).max(50).default(8),
  MAIL_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  IMPORT_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600 * 23).default(900),
});

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Lower-case email domains allowed to sign in; empty: any domain. */
  allowedDomains: string[];
  redirectUrl: string;
  providerName: string;
  /** An ID token whose `amr` says "mfa" counts as the second factor. */
  trustIdpMfa: boolean;
}

export type Config = z.infer<typeof schema> & {
  corsOrigins: string[];
  cookieSecure: boolean;
  apiPublicUrl: string;
  /** Roles that must use two-factor sign-in (TWO_FACTOR_REQUIRED_ROLES). */
  twoFactorRequiredRoles: Role[];
  /** Keys for the TOTP secrets: the first encrypts, all decrypt (TOTP_ENCRYPTION_KEY, comma-separated to rotate). */
  totpKeys: string[];
  /** Single sign-on, when OIDC_ISSUER is set. */
  oidc: OidcConfig | null;
};

// Development and tests only: production refuses to start without TOTP_ENCRYPTION_KEY.
const DEV_TOTP_KEY = 'sms-development-totp-key-not-for-production';
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The loopback spellings a local origin is also allowed under. */
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
  const problems: string[] = [];
  const requiredRoles = config.TWO_FACTOR_REQUIRED_ROLES.trim().toLowerCase() === 'none' ? [] : config.TWO_FACTOR_REQUIRED_ROLES.split(',').map((role) => role.trim()).filter(Boolean);
  const unknownRoles = requiredRoles.filter((role) => !(ROLES as readonly string[]).includes(role));
  if (unknownRoles.length) problems.push(`  TWO_FACTOR_REQUIRED_ROLES: ${unknownRoles.join(', ')} ${unknownRoles.length === 1 ? 'is not a role' : 'are not roles'} (roles: ${ROLES.join(', ')}, or "none")`);
  const totpKeys = (config.TOTP_ENCRYPTION_KEY ?? '').split(',').map((key) => key.trim()).filter(Boolean);
  if (totpKeys.some((key) => key.length < 32)) problems.push('  TOTP_ENCRYPTION_KEY: each key must be at least 32 characters (e.g. `openssl rand -base64 32`)');
  if (!totpKeys.length && config.NODE_ENV === 'production') problems.push('  TOTP_ENCRYPTION_KEY: is required in production (32+ random characters, e.g. `openssl rand -base64 32`; keep it with your secrets, the same on every API node)');
  if (config.OIDC_ISSUER) {
    if (!config.OIDC_CLIENT_ID) problems.push('  OIDC_CLIENT_ID: is required when OIDC_ISSUER is set');
    if (!config.OIDC_CLIENT_SECRET) problems.push('  OIDC_CLIENT_SECRET: is required when OIDC_ISSUER is set');
    const issuer = new URL(config.OIDC_ISSUER);
    if (issuer.protocol !== 'https:' && !LOOPBACK_HOSTS.has(issuer.hostname)) problems.push('  OIDC_ISSUER: must be an https:// URL (plain http only for a provider on this machine)');
  }
  if (problems.length) throw new Error(`The API's configuration is invalid:\n${problems.join('\n')}`);
  const apiPublicUrl = config.API_PUBLIC_URL ?? `http://localhost:${config.API_PORT}`;
  const listed = (config.CORS_ORIGINS ?? `${config.BACKOFFICE_URL},${config.PORTAL_URL}`)
    .split(',')
    .map((origin) => origin.trim().replace(/\/$/, ''))
    .filter(Boolean);
  // By default the apps are allowed however a browser spells this machine (localhost or 127.0.0.1).
  const corsOrigins = config.CORS_ORIGINS ? listed : [...new Set(listed.flatMap(withLoopbackAliases))];
  const cookieSecure = config.COOKIE_SECURE ? config.COOKIE_SECURE === 'true' : apiPublicUrl.startsWith('https://');
  const oidc: OidcConfig | null = config.OIDC_ISSUER
    ? {
        issuer: config.OIDC_ISSUER,
        clientId: config.OIDC_CLIENT_ID!,
        clientSecret: config.OIDC_CLIENT_SECRET!,
        allowedDomains: (config.OIDC_ALLOWED_DOMAINS ?? '').split(',').map((domain) => domain.trim().toLowerCase().replace(/^@/, '')).filter(Boolean),
        redirectUrl: config.OIDC_REDIRECT_URL ?? `${apiPublicUrl.replace(/\/$/, '')}/auth/oidc/callback`,
        providerName: config.OIDC_PROVIDER_NAME,
        trustIdpMfa: config.OIDC_TRUST_IDP_MFA === 'true',
      }
    : null;
  return {
    ...config,
    corsOrigins,
    cookieSecure,
    apiPublicUrl,
    twoFactorRequiredRoles: requiredRoles as Role[],
    totpKeys: totpKeys.length ? totpKeys : [DEV_TOTP_KEY],
    oidc,
  };
}
