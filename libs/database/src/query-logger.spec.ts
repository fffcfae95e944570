import { Logger } from '@nestjs/common';
import { QueryLogger } from './query-logger';

describe('QueryLogger', () => {
  const logged: string[] = [];
  beforeEach(() => {
    logged.length = 0;
    jest.spyOn(Logger.prototype, 'error').mockImplementation((m: unknown) => void logged.push(String(m)));
  });
  afterEach(() => jest.restoreAllMocks());

  const fail = (code: string) => Object.assign(new Error(`failure ${code}`), { code });
  const insert = 'INSERT INTO "users"("email", "password_hash") VALUES ($1, $2)';
  const secret = ['sekretariat@demo.local', '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA'];

  it('logs a server-side failure with its SQL but never its parameters', () => {
    (new QueryLogger().logQueryError as (e: Error, q: string, p: unknown[]) => void)(fail('42P01'), insert, secret);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('42P01');
    expect(logged[0]).toContain('INSERT INTO "users"');
    for (const s of secret) expect(logged[0]).not.toContain(s);
  });

  it.each(['23505', '22P02', '40001'])('does not log %s, which the API answers as a client error', (code) => {
    (new QueryLogger().logQueryError as (e: Error, q: string, p: unknown[]) => void)(fail(code), insert, secret);
    expect(logged).toEqual([]);
  });

  it.each([
    fail('57P01'),
    fail('08006'),
    fail('57014'),
    new Error('Connection terminated unexpectedly'),
    new Error('connect ECONNREFUSED 127.0.0.1:5432'),
  ])('does not log %s per query: an outage is logged once per interval by the API (issue 19)', (err) => {
    (new QueryLogger().logQueryError as (e: Error, q: string, p: unknown[]) => void)(err, insert, secret);
    expect(logged).toEqual([]);
  });
});
