import { loadConfig } from './config';

it('reports every bad value by name, at once', () => {
  expect(() => loadConfig({ API_PORT: 'eighty', SMTP_URL: 'http://mail', BACKOFFICE_URL: 'not a url' })).toThrow(
    /DATABASE_URL: is required[\s\S]*API_PORT[\s\S]*BACKOFFICE_URL[\s\S]*SMTP_URL: must be an smtp/,
  );
});

it('fills defaults and derives CORS origins and cookie security', () => {
  const config = loadConfig({ DATABASE_URL: 'postgres://localhost/sms', API_PUBLIC_URL: 'https://api.school.test' });
  expect(config.API_PORT).toBe(4000);
  // Both spellings of this machine, so opening the apps at 127.0.0.1 signs in as well as at localhost.
  expect(config.corsOrigins).toEqual(['http://localhost:4001', 'http://127.0.0.1:4001', 'http://localhost:4002', 'http://127.0.0.1:4002']);
  expect(config.cookieSecure).toBe(true);
  // A list given explicitly is taken as it is.
  expect(loadConfig({ DATABASE_URL: 'postgres://localhost/sms', CORS_ORIGINS: 'https://office.school.test' }).corsOrigins).toEqual(['https://office.school.test']);
  expect(loadConfig({ DATABASE_URL: 'postgres://localhost/sms', API_PORT: '' }).API_PORT).toBe(4000);
});

it('checks the two-factor and single sign-on settings', () => {
  const base = { DATABASE_URL: 'postgres://localhost/sms' };
  const config = loadConfig(base);
  expect(config.twoFactorRequiredRoles).toEqual(['admin', 'developer']);
  expect(config.oidc).toBeNull();
  expect(loadConfig({ ...base, TWO_FACTOR_REQUIRED_ROLES: 'admin, developer, manager' }).twoFactorRequiredRoles).toEqual(['admin', 'developer', 'manager']);
  expect(loadConfig({ ...base, TWO_FACTOR_REQUIRED_ROLES: 'none' }).twoFactorRequiredRoles).toEqual([]);
  expect(() => loadConfig({ ...base, NODE_ENV: 'production' })).toThrow(/TOTP_ENCRYPTION_KEY: is required in production/);
  expect(() => loadConfig({ ...base, TOTP_ENCRYPTION_KEY: 'short' })).toThrow(/at least 32 characters/);
  expect(() => loadConfig({ ...base, OIDC_ISSUER: 'http://idp.school.test' })).toThrow(/OIDC_CLIENT_ID: is required[\s\S]*OIDC_CLIENT_SECRET: is required[\s\S]*OIDC_ISSUER: must be an https/);
  const sso = loadConfig({ ...base, API_PUBLIC_URL: 'https://api.school.test/', OIDC_ISSUER: 'https://login.school.test', OIDC_CLIENT_ID: 'sms', OIDC_CLIENT_SECRET: 's3cret', OIDC_ALLOWED_DOMAINS: 'School.test, @staff.school.test' }).oidc;
  expect(sso).toEqual({
    issuer: 'https://login.school.test',
    clientId: 'sms',
    clientSecret: 's3cret',
    allowedDomains: ['school.test', 'staff.school.test'],
    redirectUrl: 'https://api.school.test/auth/oidc/callback',
    providerName: 'SSO',
    trustIdpMfa: true,
  });
});
