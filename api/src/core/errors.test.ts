import express from 'express';
import pino from 'pino';
import request from 'supertest';
import { errorHandler, errors, fromDatabaseError } from './errors';
import { recentErrors } from '../ops/recent-errors';

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

describe('a database that is down, starting or stopping', () => {
  const pgError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: 'FATAL' });
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED', errno: -111, syscall: 'connect' });
  it.each([
    ['connection refused', refused],
    ['refused on every address tried', Object.assign(new AggregateError([refused, Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' })]), { code: 'ECONNREFUSED' })],
    ['starting up (57P03)', pgError('57P03', 'the database system is starting up')],
    ['shutting down (57P03)', pgError('57P03', 'the database system is shutting down')],
    ['stopped by an administrator (57P01)', pgError('57P01', 'terminating connection due to administrator command')],
    ['crash shutdown (57P02)', pgError('57P02', 'terminating connection because of crash of another server process')],
    ['a connection failure (08006)', pgError('08006', 'connection failure')],
    ['a reset connection', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['a timed-out connection', Object.assign(new Error('connect ETIMEDOUT'), { code: 'ETIMEDOUT' })],
    ['the pool waiting in vain', Object.assign(new Error('Knex: Timeout acquiring a connection. The pool is probably full. Are you missing a .transacting(trx) call?'), { name: 'KnexTimeoutError' })],
    ['a connection that broke mid-query', new Error('Connection terminated unexpectedly')],
    ['a connect timeout', new Error('Connection terminated due to connection timeout')],
    ["objection's wrapper", Object.assign(new Error('wrapped'), { name: 'DBError', nativeError: pgError('57P01', 'terminating connection due to administrator command') })],
  ])('%s answers 503 with Retry-After and a retryable message, and is not recorded as an error', async (_name, error) => {
    const before = recentErrors().total;
    const response = await request(appThrowing(error)).get('/');
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(response.body.code).toBe('DATABASE_UNAVAILABLE');
    expect(response.body.message).toBe('The database is not reachable right now, so nothing was saved or read. Try again in 5 seconds; if it lasts, tell the team running the system.');
    expect(JSON.stringify(response.body)).not.toMatch(/5432|ECONN|administrator|terminat/i);
    expect(recentErrors().total).toBe(before);
  });

  it('a query error is still ours (500, recorded)', async () => {
    const before = recentErrors().total;
    expect((await request(appThrowing(pgError('42P01', 'relation "x" does not exist'))).get('/')).status).toBe(500);
    expect(recentErrors().total).toBe(before + 1);
  });
});
