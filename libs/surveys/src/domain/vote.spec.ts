import { createHash } from 'node:crypto';
import { assertVotingOpen, emailIdentity, isDisposable, resultsVisible, tally, verifyTally } from './vote';

describe('favourite vote rules', () => {
  it.each<[string, string, string]>([
    ['Ani.Susanti@Gmail.com', 'anisusanti@gmail.com', 'gmail.com'],
    ['ani.susanti+juara@gmail.com', 'anisusanti@gmail.com', 'gmail.com'],
    ['ani.susanti@googlemail.com', 'anisusanti@gmail.com', 'gmail.com'],
    ['ani.susanti+x@bekasikota.go.id', 'ani.susanti@bekasikota.go.id', 'bekasikota.go.id'],
    ['  budi@yahoo.co.id ', 'budi@yahoo.co.id', 'yahoo.co.id'],
  ])('%s is the voter %s', (raw, identity, domain) => {
    expect(emailIdentity(raw)).toEqual({ identity, domain });
  });

  it.each(['budi', 'budi@', '@gmail.com', 'budi@localhost', 'bu di@gmail.com', '+tag@gmail.com'])('refuses %j naming the field', (raw) => {
    expect(() => emailIdentity(raw)).toThrow(
      expect.objectContaining({ code: 'VOTE_INVALID', details: { fields: [expect.objectContaining({ field: 'email' })] } }),
    );
  });

  it.each<[string, boolean]>([
    ['mailinator.com', true],
    ['eu.mailinator.com', true],
    ['notmailinator.com', false],
    ['gmail.com', false],
  ])('%s disposable: %s', (domain, expected) => {
    expect(isDisposable(domain, ['mailinator.com', 'yopmail.com'])).toBe(expected);
  });

  const w = { opensAt: new Date('2025-08-01T00:00:00Z'), closesAt: new Date('2025-08-10T00:00:00Z') };
  it.each<[string, string | null, boolean]>([
    ['2025-07-31T23:59:59Z', 'VOTE_POLL_NOT_OPEN', false],
    ['2025-08-01T00:00:00Z', null, false],
    ['2025-08-09T23:59:59Z', null, false],
    ['2025-08-10T00:00:00Z', 'VOTE_POLL_CLOSED', true],
  ])('at %s: voting refused with %s, results visible %s', (now, code, visible) => {
    const check = () => assertVotingOpen(w, new Date(now));
    if (code) expect(check).toThrow(expect.objectContaining({ code, kind: 'conflict' }));
    else expect(check).not.toThrow();
    expect(resultsVisible(w, new Date(now))).toBe(visible);
  });

  it('tallies every candidate, sorts voters, and hashes the canonical input', () => {
    const t = tally(
      'poll-1',
      ['sitaro', 'patriot', 'nol'],
      [
        { innovationId: 'patriot', voter: 'b' },
        { innovationId: 'sitaro', voter: 'c' },
        { innovationId: 'patriot', voter: 'a' },
      ],
    );
    expect(t.rows).toEqual([
      { innovationId: 'patriot', votes: 2 },
      { innovationId: 'sitaro', votes: 1 },
      { innovationId: 'nol', votes: 0 },
    ]);
    expect(t.input).toEqual({ poll: 'poll-1', candidates: { sitaro: ['c'], patriot: ['a', 'b'], nol: [] } });
    // sha256 of {"candidates":{"nol":[],"patriot":["a","b"],"sitaro":["c"]},"poll":"poll-1"}
    expect(t.hash).toBe(
      'sha256:' + createHash('sha256').update('{"candidates":{"nol":[],"patriot":["a","b"],"sitaro":["c"]},"poll":"poll-1"}').digest('hex'),
    );
    expect(
      tally(
        'poll-1',
        ['nol', 'patriot', 'sitaro'],
        [
          { innovationId: 'sitaro', voter: 'c' },
          { innovationId: 'patriot', voter: 'a' },
          { innovationId: 'patriot', voter: 'b' },
        ],
      ).hash,
    ).toBe(t.hash);
    expect(verifyTally(t)).toBe(true);
    expect(verifyTally({ ...t, rows: [{ innovationId: 'sitaro', votes: 2 }, ...t.rows.slice(1)] })).toBe(false);
    expect(verifyTally({ ...t, input: { ...t.input, candidates: { ...t.input.candidates, nol: ['z'] } } })).toBe(false);
  });

  it('ignores a vote for an innovation that is not a candidate', () => {
    expect(tally('p', ['a'], [{ innovationId: 'x', voter: 'v' }]).rows).toEqual([{ innovationId: 'a', votes: 0 }]);
  });
});
