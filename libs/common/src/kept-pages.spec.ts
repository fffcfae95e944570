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

describe('KeptPages bounds (as GET /api/competitions/:id keeps its bodies)', () => {
  const page = (stamp: string, json: string) => async () => ({ stamp, json });
  /** The stamp kept for `key`, read without changing what is kept. */
  const keptJson = async (p: KeptPages, key: string) => {
    let given: string | null = null;
    await p.get(key, async (kept) => ((given = kept), { stamp: kept, json: kept === null ? '{}' : null }));
    return given;
  };

  it('keeps one page per key, the latest one kept', async () => {
    const p = new KeptPages(10, 10_000);
    await p.get('a', page('s1', '{"n":1}'));
    await p.get('a', page('s2', '{"n":2}'));
    expect(p.size).toBe(1);
    expect((await p.get('a', async () => ({ stamp: 's2', json: null }))).toString()).toBe('{"n":2}');
  });

  it('holds at most its bytes (a page weighs its length + 256), least recently used first; a page over the bound is not kept', async () => {
    const p = new KeptPages(10, 2 * (256 + 4) + 4);
    await p.get('a', page('s', '1234'));
    await p.get('b', page('s', '1234'));
    await p.get('c', page('s', '1234'));
    expect(p.size).toBe(2);
    expect(await keptJson(p, 'a')).toBeNull();
    const q = new KeptPages(10, 300);
    await q.get('e', page('s', 'x'.repeat(45)));
    expect(q.size).toBe(0);
  });

  it('forgets a page at its time (its stamp is checked on every read anyway)', async () => {
    let now = 0;
    const p = new KeptPages(10, 10_000, 60 * 60_000, () => now);
    await p.get('a', page('s', '{}'));
    now = 59 * 60_000;
    expect(await keptJson(p, 'a')).toBe('s');
    now = 60 * 60_000;
    expect(await keptJson(p, 'a')).toBeNull();
    expect(p.size).toBe(0);
  });

  it('drops the kept page and gives null when the read finds no row', async () => {
    const p = new KeptPages(10, 10_000);
    await p.get('a', page('s', '{}'));
    expect(await p.get('a', async () => null)).toBeNull();
    expect(p.size).toBe(0);
  });
});
