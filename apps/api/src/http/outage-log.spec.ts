import { OutageLog } from './outage-log';

describe('OutageLog: one line per outage and interval, not a stack per request', () => {
  it('logs the first refusal, counts the next ones, summarizes once per interval, and starts over after a quiet interval', () => {
    const log = new OutageLog(60_000);
    const lines: (string | null)[] = [];
    for (let s = 0; s < 150; s++) lines.push(log.line('DATABASE_UNAVAILABLE', 'connect ECONNREFUSED 127.0.0.1:5432', s * 1000));
    const logged = lines.filter((l): l is string => l !== null);
    expect(logged).toHaveLength(3); // at 0 s, 60 s and 120 s: 150 requests, 3 lines
    expect(logged[0]).toBe('DATABASE_UNAVAILABLE: connect ECONNREFUSED 127.0.0.1:5432 (while it lasts, logged once a minute with a count)');
    expect(logged[1]).toMatch(
      /^DATABASE_UNAVAILABLE continues since 1970-01-01T00:00:00.000Z: 60 more requests refused in the last 60 s; latest cause: connect ECONNREFUSED/,
    );
    // Another kind of fault has its own line; a fault back after a quiet interval is a new outage.
    expect(log.line('DATABASE_TIMEOUT', 'canceling statement due to statement timeout', 150_000)).toMatch(/^DATABASE_TIMEOUT: /);
    expect(log.line('DATABASE_UNAVAILABLE', 'Connection terminated', 149_000 + 60_001)).toMatch(
      /^DATABASE_UNAVAILABLE: Connection terminated/,
    );
  });
});
