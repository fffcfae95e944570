import { jsonChunks, jsonPieces } from './json-text';

const text = (value: unknown) => [...jsonPieces(value)].join('');

describe('jsonPieces', () => {
  it('writes what JSON.stringify writes, for every kind of value', () => {
    const date = new Date('2026-12-06T10:00:00.000Z');
    const samples: unknown[] = [
      undefined,
      null,
      0,
      -1.5,
      NaN,
      'a "quoted" \\ line\nbreak \u2028 émoji 🎉',
      [],
      {},
      [undefined, () => 1, Symbol('s'), null, 1],
      // eslint-disable-next-line no-sparse-arrays
      [1, , 3],
      { a: undefined, b: () => 1, c: 1, d: date, e: { toJSON: () => 'custom' } },
      { nested: { deeper: { deepest: [1, { x: [2, { y: 3 }] }] } }, list: [[1, [2, [3]]]] },
      Object.assign(Object.create(null), { z: 1, a: 2 }),
      { 2: 'numeric keys first', b: 1, 1: 'x' },
      date,
      { big: Array.from({ length: 2_500 }, (_, i) => ({ i, s: `s${i}`, at: i % 7 ? undefined : date })) },
      {
        method: { aggregation: 'mean', decimals: 4 },
        sheets: Array.from({ length: 1_200 }, (_, i) => ({
          stage: 'desk',
          juror: `J${i % 9}`,
          submission: `s${i}`,
          scores: { c1: i, c2: 0.5 },
        })),
        categories: { a: [{ rank: 1, stages: { desk: 1.25 } }], b: Array.from({ length: 1_001 }, (_, i) => [i, [i]]) },
      },
    ];
    for (const value of samples) expect(text(value)).toBe(JSON.stringify(value) ?? '');
  });

  it('yields a large array item by item, not as one text', () => {
    const sheets = Array.from({ length: 5_000 }, (_, i) => ({ submission: `s${i}` }));
    const pieces = [...jsonPieces({ sheets })];
    expect(pieces.length).toBeGreaterThan(5_000);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(40);
  });
});

describe('jsonChunks', () => {
  it('joins to JSON.stringify, in chunks of about the size asked', () => {
    const value = { rows: Array.from({ length: 20_000 }, (_, i) => ({ id: `row-${i}`, title: `Inovasi ${i} “Desa”` })) };
    const chunks = [...jsonChunks(value, 4096)];
    expect(chunks.join('')).toBe(JSON.stringify(value));
    expect(chunks.length).toBeGreaterThan(100);
    expect(chunks.slice(0, -1).every((c) => c.length >= 4096 && c.length < 4096 + 200)).toBe(true);
  });
});
