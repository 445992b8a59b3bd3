import express from 'express';
import pino from 'pino';
import request from 'supertest';
import { errorHandler, errors, fromDatabaseError } from './errors';

function appThrowing(error: unknown) {
  const app = express();
  app.use((req, _res, next) => {
    (req as unknown as { id: string }).id = 'req-42';
    next();
  });
  app.get('/', () => {
    throw error;
  });
  app.use(errorHandler(pino({ level: 'silent' })));
  return app;
}

it('answers an unknown error with 500, a request id and no internals', async () => {
  const response = await request(appThrowing(new Error('password=hunter2 at db.internal:5432'))).get('/');
  expect(response.status).toBe(500);
  expect(response.body).toEqual({
    message: 'Something went wrong on our side. Quote request id req-42 if you report it.',
    code: 'INTERNAL',
    details: { requestId: 'req-42' },
  });
});

it('answers an AppError with its status and shape', async () => {
  const response = await request(appThrowing(errors.validation('Please fix: name.', { name: 'is required' }))).get('/');
  expect(response.status).toBe(422);
  expect(response.body).toEqual({ message: 'Please fix: name.', code: 'VALIDATION_FAILED', details: { fields: { name: 'is required' } } });
});

it.each([
  [{ code: '23505', constraint: 'x_key', detail: 'Key (code)=(B-1) already exists.' }, 409, 'A record with code "B-1" already exists.'],
  [{ code: '23503', constraint: 'x_fkey', detail: 'Key (batch_id)=(9) is not present in table "batches".' }, 422, 'The batch you chose does not exist.'],
  [{ code: '23503', constraint: 'y_fkey', table: 'enrolments', detail: 'Key (id)=(1) is still referenced from table "enrolments".' }, 409, 'This record is still used elsewhere (by enrolments), so it cannot be removed.'],
  [{ code: '23514', constraint: 'batches_dates_ordered', table: 'batches' }, 422, 'These values break one of the rules for batches; check them and try again.'],
  [{ code: '23502', column: 'title' }, 422, 'title is required.'],
])('maps database error %o to %i', (pgError, status, message) => {
  const mapped = fromDatabaseError(pgError);
  expect(mapped?.status).toBe(status);
  expect(mapped?.message).toBe(message);
});

it.each(['22P02', '22003', '22007', '22008', '22021', '22P05'])("never puts the driver's text of a %s error into the answer", async (code) => {
  const driverText = 'invalid input syntax for type bigint: "x\' or 1=1" select "users".* from "users" where "users"."id" = $1';
  const response = await request(appThrowing(Object.assign(new Error(driverText), { code }))).get('/');
  expect(response.status).toBe(400);
  expect(response.body.code).toBe('INVALID_INPUT');
  expect(response.body.message).toMatch(/wrong type or is out of range/);
  expect(JSON.stringify(response.body)).not.toMatch(/select|users|bigint|syntax|1=1/i);
});
