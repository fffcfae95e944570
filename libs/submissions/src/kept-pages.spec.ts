import { KeptPages } from './kept-pages';

describe('KeptPages', () => {
  let now = 0;
  const pages = () => new KeptPages(2, 1_000, 60_000, () => now);
  /** A read whose rows have `stamp`, answering JSON only when the kept stamp differs; records the stamps it was given. */
  const rows = (stamp: string | null, json: string, given: (string | null)[] = []) => ({
    given,
    read: async (kept: string | null) => (given.push(kept), { stamp, json: kept !== null && kept === stamp ? null : json }),
  });

  beforeEach(() => (now = 0));

  it('sends the kept page while the stamp reads the same, and the new page once it does not', async () => {
    const p = pages();
    const first = rows('s1', '{"a":1}');
    expect((await p.get('k', first.read)).toString()).toBe('{"a":1}');
    expect((await p.get('k', first.read)).toString()).toBe('{"a":1}');
    expect(first.given).toEqual([null, 's1']);
    const changed = rows('s2', '{"a":2}');
    expect((await p.get('k', changed.read)).toString()).toBe('{"a":2}');
    expect(changed.given).toEqual(['s1']);
  });

  it('keeps no page without a stamp, none past its time, and at most its count', async () => {
    const p = pages();
    const unstamped = rows(null, '[]');
    await p.get('k', unstamped.read);
    await p.get('k', unstamped.read);
    expect(unstamped.given).toEqual([null, null]);
    const stamped = rows('s', '[1]');
    await p.get('k', stamped.read);
    now = 60_001;
    await p.get('k', stamped.read);
    expect(stamped.given).toEqual([null, null]);
    await p.get('x', stamped.read);
    await p.get('y', stamped.read);
    expect(p.size).toBe(2);
  });

  it('refuses a read that gives no JSON when nothing is kept', async () => {
    await expect(pages().get('k', async () => ({ stamp: 's', json: null }))).rejects.toThrow(/no page is kept/);
  });
});
