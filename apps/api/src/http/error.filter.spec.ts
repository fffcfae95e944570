import { QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';
import { ScoringInputError } from '@app/scoring';
import { toErrorBody } from './error.filter';

const pgError = (code: string, message = 'from PostgreSQL') => Object.assign(new Error(message), { code });
const failed = (code: string, message?: string) =>
  new QueryFailedError('UPDATE "competition_stages" SET "status" = $1', ['closed'], pgError(code, message));
const socket = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, syscall: 'connect' });

describe('toErrorBody: the database failing', () => {
  it.each([
    ['the server shutting down (57P01)', failed('57P01', 'terminating connection due to administrator command')],
    ['a crash shutdown (57P02)', failed('57P02')],
    ['the server starting up (57P03)', failed('57P03', 'the database system is starting up')],
    ['a connection failure (08006)', failed('08006')],
    ['too many connections (53300)', pgError('53300', 'sorry, too many clients already')],
    ['the connection dropped mid-query', new QueryFailedError('COMMIT', [], new Error('Connection terminated unexpectedly'))],
    ['a query on a dead client', new Error('Client has encountered a connection error and is not queryable')],
    ['a refused connection', socket('ECONNREFUSED')],
    ['a reset connection', socket('ECONNRESET')],
    ['the pool waiting too long for a connection', new Error('timeout exceeded when trying to connect')],
    ['a query runner released when its connection died', new QueryRunnerAlreadyReleasedError()],
  ])('%s is 503 DATABASE_UNAVAILABLE, without SQL', (_what, err) => {
    const body = toErrorBody(err);
    expect(body).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'The database is unavailable; try again shortly',
      code: 'DATABASE_UNAVAILABLE',
    });
  });

  it('a statement cancelled by statement_timeout (57014) is 503 DATABASE_TIMEOUT, without SQL', () => {
    const body = toErrorBody(failed('57014', 'canceling statement due to statement timeout'));
    expect(body).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'The database took too long to answer; try again',
      code: 'DATABASE_TIMEOUT',
    });
    expect(JSON.stringify(body)).not.toMatch(/competition_stages|UPDATE|timeout -- /);
  });

  it.each([
    ['a unique violation', failed('23505'), 409, 'DUPLICATE'],
    ['a serialization failure', failed('40001'), 409, 'CONCURRENT_UPDATE'],
    ['a bad value', failed('22P02'), 400, 'INVALID_VALUE'],
    ['any other query failure', failed('42703', 'column "x" does not exist'), 500, undefined],
    ['any other error', new Error('boom'), 500, undefined],
  ])('%s keeps its mapping (%s)', (_what, err, statusCode, code) => {
    const body = toErrorBody(err);
    expect([body.statusCode, body.code]).toEqual([statusCode, code]);
  });
});

describe('toErrorBody: invalid scoring input', () => {
  it('is a 400 SCORING_INVALID_INPUT naming the fault, not a 500', () => {
    const err = new ScoringInputError('submissions[2] ("dq").excluded must be true or false, got 1');
    expect(toErrorBody(err)).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'submissions[2] ("dq").excluded must be true or false, got 1',
      code: 'SCORING_INVALID_INPUT',
    });
  });
});
