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
  [{ code: '23514', constraint: 'batches_dates_ordered' }, 422, 'The data breaks the rule "batches_dates_ordered".'],
  [{ code: '23502', column: 'title' }, 422, 'title is required.'],
])('maps database error %o to %i', (pgError, status, message) => {
  const mapped = fromDatabaseError(pgError);
  expect(mapped?.status).toBe(status);
  expect(mapped?.message).toBe(message);
});
