import request from 'supertest';
import { createTestApp, type TestApp } from './testing/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it('answers /health after checking the database, with security headers and a request id', async () => {
  const response = await request(t.app).get('/health');
  expect(response.status).toBe(200);
  expect(response.body).toMatchObject({ status: 'ok', db: 'ok' });
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['content-security-policy']).toContain("default-src 'self'");
  expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
  expect(response.headers['x-powered-by']).toBeUndefined();
  expect(response.headers['x-request-id']).toMatch(/^[\w-]+$/);
  expect(response.headers['cache-control']).toBe('no-store');
  expect(response.headers.etag).toBeUndefined();
});

it('lets the back office read Content-Range across origins, with credentials, and no one else', async () => {
  const allowed = await request(t.app).options('/users').set('Origin', 'http://backoffice.test').set('Access-Control-Request-Method', 'PUT');
  expect(allowed.headers['access-control-allow-origin']).toBe('http://backoffice.test');
  expect(allowed.headers['access-control-allow-credentials']).toBe('true');
  const list = await request(t.app).get('/health').set('Origin', 'http://backoffice.test');
  expect(list.headers['access-control-expose-headers']).toContain('Content-Range');
  expect(list.headers['access-control-expose-headers']).toContain('Content-Disposition');
  // A file upload from the back office names its file in X-File-Name.
  const upload = await request(t.app)
    .options('/mission_resources/upload')
    .set('Origin', 'http://backoffice.test')
    .set('Access-Control-Request-Method', 'POST')
    .set('Access-Control-Request-Headers', 'content-type,x-csrf-token,x-file-name');
  expect(upload.headers['access-control-allow-headers']).toMatch(/X-File-Name/i);
  const other = await request(t.app).options('/users').set('Origin', 'http://evil.test').set('Access-Control-Request-Method', 'PUT');
  expect(other.headers['access-control-allow-origin']).toBeUndefined();
});

it('answers an unknown route and malformed JSON with the one error shape', async () => {
  const missing = await request(t.app).get('/nothing-here');
  expect(missing.status).toBe(404);
  expect(missing.body).toMatchObject({ code: 'NOT_FOUND', message: expect.any(String), details: {} });
  const broken = await request(t.app).post('/auth/login').set('Content-Type', 'application/json').send('{"email":');
  expect(broken.status).toBe(400);
  expect(broken.body).toMatchObject({ code: 'INVALID_INPUT', message: 'The request body is not valid JSON.' });
});
