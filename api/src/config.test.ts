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
