import { LruMap } from './lru-map';

describe('LruMap', () => {
  it.each<[string, (m: LruMap<string, number>) => void, string[]]>([
    ['keeps what fits', (m) => m.set('a', 1).set('b', 2), ['a', 'b']],
    ['drops the oldest beyond the capacity', (m) => m.set('a', 1).set('b', 2).set('c', 3).set('d', 4), ['b', 'c', 'd']],
    ['a read makes an entry the most recent', (m) => (m.set('a', 1).set('b', 2).set('c', 3), m.get('a'), m.set('d', 4)), ['c', 'a', 'd']],
    [
      'writing a key again makes it the most recent without growing',
      (m) => m.set('a', 1).set('b', 2).set('a', 5).set('c', 3).set('d', 4),
      ['a', 'c', 'd'],
    ],
    ['a miss changes nothing', (m) => (m.set('a', 1), m.get('z'), m.set('b', 2).set('c', 3)), ['a', 'b', 'c']],
    ['delete frees a place', (m) => (m.set('a', 1).set('b', 2).set('c', 3), m.delete('a'), m.set('d', 4)), ['b', 'c', 'd']],
  ])('%s', (_name, act, kept) => {
    const m = new LruMap<string, number>(3);
    act(m);
    expect(['a', 'b', 'c', 'd', 'z'].filter((k) => m.has(k)).sort()).toEqual([...kept].sort());
    expect(m.size).toBe(kept.length);
  });

  it('returns the stored value and undefined for a miss', () => {
    const m = new LruMap<string, { v: number }>(2).set('x', { v: 1 });
    expect(m.get('x')).toEqual({ v: 1 });
    expect(m.get('y')).toBeUndefined();
  });

  it.each<[string, (m: LruMap<string, string>) => void, string[]]>([
    ['keeps what weighs no more than the bound', (m) => m.set('a', 'xxx').set('b', 'xxxxx'), ['a', 'b']],
    ['drops the oldest until the weight fits', (m) => m.set('a', 'xxx').set('b', 'xxx').set('c', 'xxxx'), ['b', 'c']],
    ['a read makes an entry the most recent', (m) => (m.set('a', 'xxx').set('b', 'xxx'), m.get('a'), m.set('c', 'xxxx')), ['a', 'c']],
    ['does not keep an entry heavier than the bound, and drops nothing for it', (m) => m.set('a', 'xx').set('b', 'x'.repeat(9)), ['a']],
    ['a rewrite counts the new weight only', (m) => m.set('a', 'x'.repeat(8)).set('a', 'x').set('b', 'x'.repeat(7)), ['a', 'b']],
    ['delete frees its weight', (m) => (m.set('a', 'x'.repeat(8)), m.delete('a'), m.set('b', 'x'.repeat(8))), ['b']],
  ])('weighed: %s', (_name, act, kept) => {
    const m = new LruMap<string, string>(10, { weight: (v) => v.length, maxWeight: 8 });
    act(m);
    expect(['a', 'b', 'c'].filter((k) => m.has(k))).toEqual(kept);
    expect(m.weight).toBe(kept.reduce((n, k) => n + m.get(k)!.length, 0));
  });

  it.each([0, -1, 1.5, NaN])('refuses capacity %p', (capacity) => {
    expect(() => new LruMap(capacity)).toThrow(RangeError);
  });
});
