import { findBursts, retryAfterSeconds, windowStart } from './abuse';

const at = (seconds: number) => new Date(Date.UTC(2025, 0, 6, 1, 0, 0) + seconds * 1000);
const stamped = (...seconds: number[]) => seconds.map((s, i) => ({ id: `r${i}`, at: at(s) }));

describe('burst detection (3 within 60 s)', () => {
  const rule = { count: 3, windowSeconds: 60 };
  it.each<[string, number[], string[][]]>([
    ['three within 20 s', [0, 10, 20], [['r0', 'r1', 'r2']]],
    ['exactly 60 s apart counts', [0, 30, 60], [['r0', 'r1', 'r2']]],
    ['61 s does not', [0, 30, 61], []],
    ['spread out', [0, 40, 80, 120], []],
    [
      'two separate bursts',
      [0, 10, 20, 500, 510, 520],
      [
        ['r0', 'r1', 'r2'],
        ['r3', 'r4', 'r5'],
      ],
    ],
    ['overlapping windows merge', [0, 10, 20, 30, 40], [['r0', 'r1', 'r2', 'r3', 'r4']]],
    ['calm items around a burst stay out', [0, 200, 210, 220, 900], [['r1', 'r2', 'r3']]],
    ['two, not three', [0, 1], []],
  ])('%s', (_name, seconds, expected) => {
    expect(findBursts(stamped(...seconds), rule).map((b) => b.ids)).toEqual(expected);
  });

  it('takes input in any order and reports the span', () => {
    const [burst] = findBursts(
      [
        { id: 'b', at: at(20) },
        { id: 'a', at: at(0) },
        { id: 'c', at: at(5) },
      ],
      rule,
    );
    expect(burst).toEqual({ from: at(0), to: at(20), ids: ['a', 'c', 'b'] });
  });
});

describe('fixed-window rate limit (5 per hour)', () => {
  const limit = { max: 5, windowSeconds: 3600 };
  it.each<[number, number, number]>([
    [1, 0, 0],
    [5, 100, 0],
    [6, 100, 3500],
    [6, 3599, 1],
    [60, 1800, 1800],
  ])('hit %d at %d s into the window: Retry-After %d', (hits, seconds, retry) => {
    expect(retryAfterSeconds(hits, at(seconds), limit)).toBe(retry);
  });

  it('windows start on the hour', () => {
    expect(windowStart(at(1234), limit)).toEqual(at(0));
  });
});
