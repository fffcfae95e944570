import { startupCause } from './startup-cause';

describe('startupCause: one line naming the real cause', () => {
  it.each([
    [undefined, 'an error without any detail was thrown (no message, no cause)'],
    [
      new Error('embedded PostgreSQL (/d/pg) did not start: FATAL:  lock file "postmaster.pid" already exists'),
      'embedded PostgreSQL (/d/pg) did not start: FATAL:  lock file "postmaster.pid" already exists',
    ],
    [
      new AggregateError(
        [
          Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' }),
          Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
        ],
        '',
      ),
      'AggregateError; connect ECONNREFUSED ::1:5432; connect ECONNREFUSED 127.0.0.1:5432',
    ],
    [
      new Error('migration failed', { cause: Object.assign(new Error('permission denied for schema public'), { code: '42501' }) }),
      'migration failed — caused by: permission denied for schema public (42501)',
    ],
    ['two\nlines', 'two | lines'],
  ])('%s', (err, line) => {
    expect(startupCause(err)).toBe(line);
    expect(startupCause(err)).not.toContain('\n');
  });
});
