import { createHash } from 'node:crypto';
import { canonicalize } from '@app/kernel';
import { ScoringInputError } from '@app/scoring';
import { computeIndex, stepScore } from './compute';
import { answer, exampleIndexInput, scored, simpleInput } from './testing/fixtures';
import type { IndexInput, IndexOutput, IndicatorInput } from './types';
import { deepFreeze } from '../../scoring/src/testing/fixtures';

/** [region, rank] of a category's (or group's) rows, in output order. */
function order(rows: IndexOutput['categories'][string]): [string, number][] {
  return rows.map((row) => [row.region, row.rank]);
}

const sha256 = (value: unknown) => `sha256:${createHash('sha256').update(canonicalize(value)!).digest('hex')}`;

describe('computeIndex: the DESIGN §4b example', () => {
  it('gives exactly the documented output', () => {
    const input = exampleIndexInput();
    const self = { iid: 33, band: 'Kurang Inovatif', spd: 3, sid: 0.3, innovations: 2 };
    const verified = { iid: 23, band: 'Kurang Inovatif', spd: 2, sid: 0.3, innovations: 1 };
    expect(computeIndex(input)).toEqual({
      inputsDigest: sha256(input),
      max: 10,
      categories: { kota: [{ rank: 1, region: 'kota-bekasi', self, verified }] },
      groups: { jawa: [{ rank: 1, region: 'kota-bekasi', self, verified }] },
    });
  });

  it('prints in the contract key order and shortest number form', () => {
    const json = JSON.stringify(computeIndex(exampleIndexInput()));
    const row =
      '{"rank":1,"region":"kota-bekasi","self":{"iid":33,"band":"Kurang Inovatif","spd":3,"sid":0.3,"innovations":2},' +
      '"verified":{"iid":23,"band":"Kurang Inovatif","spd":2,"sid":0.3,"innovations":1}}';
    expect(json.replace(/sha256:[0-9a-f]{64}/, 'sha256:…')).toBe(
      `{"inputsDigest":"sha256:…","max":10,"categories":{"kota":[${row}]},"groups":{"jawa":[${row}]}}`,
    );
  });

  it('does not modify its input', () => {
    const input = deepFreeze(exampleIndexInput());
    const before = JSON.stringify(input);
    expect(() => computeIndex(input)).not.toThrow();
    expect(JSON.stringify(input)).toBe(before);
  });

  it('digests the input exactly as parsed: unknown fields kept, no defaults filled in', () => {
    const input = {
      ...exampleIndexInput(),
      method: undefined,
      note: 'IGA 2024',
      regions: [{ id: 'kota-bekasi', category: 'kota', groups: ['jawa'], extra: 1 }],
    };
    const parsed = JSON.parse(JSON.stringify(input));
    expect(computeIndex(parsed).inputsDigest).toBe(sha256(parsed));
    expect(computeIndex(parsed).inputsDigest).not.toBe(computeIndex(exampleIndexInput()).inputsDigest);
  });
});

describe('computeIndex: defaults (§4b.6)', () => {
  it('decimals 2, minInnovations 10, basis verified, tieBreak sid/spd/innovations, no bands (band null)', () => {
    // regions a and b tie on iid and sid; spd breaks it only under the default tie-break (sid, spd, innovations)
    const input: IndexInput = {
      indicators: [scored('r', 'region', [0, 1, 2]), scored('i', 'innovation', [0, 1, 2, 3])],
      regions: [
        { id: 'a', category: 'kota' },
        { id: 'b', category: 'kota' },
      ],
      innovations: [{ id: 'x', region: 'b' }],
      answers: [answer({ region: 'a' }, 'r', 2, 1), answer({ region: 'b' }, 'r', 2, 1), answer({ innovation: 'x' }, 'i', 3, 3)],
    };
    const out = computeIndex(input);
    expect(out.max).toBe(5);
    // b: verified spd 1, sid 3 / max(10, 1) = 0.3, iid 100 · 1.3 / 5 = 26; a: spd 1, iid 20
    expect(out.categories.kota).toEqual([
      {
        rank: 1,
        region: 'b',
        self: { iid: 46, band: null, spd: 2, sid: 0.3, innovations: 1 },
        verified: { iid: 26, band: null, spd: 1, sid: 0.3, innovations: 1 },
      },
      {
        rank: 2,
        region: 'a',
        self: { iid: 40, band: null, spd: 2, sid: 0, innovations: 0 },
        verified: { iid: 20, band: null, spd: 1, sid: 0, innovations: 0 },
      },
    ]);
    expect(out.groups).toEqual({});
  });

  it('rounds to 2 decimals by default and treats null method fields as absent', () => {
    const input = simpleInput([{ id: 'a', r: 1 }], { decimals: null, minInnovations: null, basis: null, tieBreak: null });
    input.indicators = [scored('r', 'region', [0, 1]), scored('pad', 'region', [2])];
    expect(computeIndex(input).categories.kota[0].verified).toEqual({ iid: 33.33, band: null, spd: 1, sid: 0, innovations: 0 });
  });
});

describe('computeIndex: spd, sid and iid (§4b.3)', () => {
  /** One region `k` with `n` innovations, each answering indicator `i` with `score` (self and verified). */
  function withInnovations(n: number, score: number, method: IndexInput['method'] = {}, extra: IndicatorInput[] = []): IndexInput {
    const ids = Array.from({ length: n }, (_, k) => `inv-${String(k).padStart(2, '0')}`);
    return {
      method,
      indicators: [scored('r', 'region', [0, 10]), scored('i', 'innovation', [0, 1, 2, 3]), ...extra],
      regions: [{ id: 'k', category: 'kota' }],
      innovations: ids.map((id) => ({ id, region: 'k' })),
      answers: ids.map((id) => answer({ innovation: id }, 'i', score, score)),
    };
  }

  it.each([
    // n, minInnovations, expected sid (each innovation scores 3)
    [0, 10, 0],
    [2, 10, 0.6],
    [9, 10, 2.7],
    [10, 10, 3],
    [12, 10, 3],
    [2, 1, 3],
    [3, 4, 2.25],
  ])('%p innovations of 3 points with minInnovations %p: sid %p', (n, minInnovations, sid) => {
    const block = computeIndex(withInnovations(n, 3, { minInnovations })).categories.kota[0].verified;
    expect(block.sid).toBe(sid);
    expect(block.innovations).toBe(n);
    expect(block.iid).toBe(Number(((100 * sid) / 13).toFixed(2)));
  });

  it.each([
    // steps, n, expected score
    [
      [
        { min: 0, score: 0 },
        { min: 5, score: 2 },
        { min: 10, score: 4 },
      ],
      0,
      0,
    ],
    [
      [
        { min: 0, score: 0 },
        { min: 5, score: 2 },
        { min: 10, score: 4 },
      ],
      4,
      0,
    ],
    [
      [
        { min: 0, score: 0 },
        { min: 5, score: 2 },
        { min: 10, score: 4 },
      ],
      5,
      2,
    ],
    [
      [
        { min: 0, score: 0 },
        { min: 5, score: 2 },
        { min: 10, score: 4 },
      ],
      9,
      2,
    ],
    [
      [
        { min: 0, score: 0 },
        { min: 5, score: 2 },
        { min: 10, score: 4 },
      ],
      10,
      4,
    ],
    [
      [
        { min: 0, score: 0 },
        { min: 5, score: 2 },
        { min: 10, score: 4 },
      ],
      31,
      4,
    ],
    [[{ min: 3, score: 1 }], 2, 0], // no step applies
    [[{ min: 3, score: 1 }], 3, 1],
    [
      [
        { min: 10, score: 4 },
        { min: 1, score: 1 },
        { min: 5, score: 2.5 },
      ],
      7,
      2.5,
    ], // unsorted steps
    [
      [
        { min: 1, score: 5 },
        { min: 4, score: 1 },
      ],
      6,
      1,
    ], // the greatest min, not the highest score
  ])('count steps %j for n = %p score %p', (steps, n, expected) => {
    expect(stepScore(steps, n)).toBe(expected);
    const input = withInnovations(n, 0, {}, [{ key: 'jumlah', scope: 'count', steps }]);
    expect(computeIndex(input).categories.kota[0].verified.sid).toBe(expected);
  });

  it('adds every count indicator to sid after dividing the innovation sum', () => {
    const steps = [
      { min: 0, score: 1 },
      { min: 2, score: 2 },
    ];
    const input = withInnovations(2, 3, {}, [
      { key: 'c1', scope: 'count', steps },
      { key: 'c2', scope: 'count', steps: [{ min: 1, score: 0.5 }] },
    ]);
    // 6 / 10 + 2 + 0.5
    expect(computeIndex(input).categories.kota[0].verified.sid).toBe(3.1);
    expect(computeIndex(input).max).toBe(10 + 3 + 2 + 0.5);
  });

  it('counts innovations with eligible: false under self only', () => {
    const input = withInnovations(3, 2);
    input.innovations = [input.innovations[0], { ...input.innovations[1], eligible: false }, { ...input.innovations[2], eligible: true }];
    const row = computeIndex({ ...input, method: { minInnovations: 1 } }).categories.kota[0];
    expect(row.self).toMatchObject({ innovations: 3, sid: 2 });
    expect(row.verified).toMatchObject({ innovations: 2, sid: 2 });
    // an ineligible innovation with a high verified answer changes nothing under verified
    const high = {
      ...input,
      method: { minInnovations: 1 },
      answers: [...input.answers.slice(0, 1), answer({ innovation: 'inv-01' }, 'i', 3, 3), input.answers[2]],
    };
    expect(computeIndex(high).categories.kota[0].verified).toEqual(row.verified);
    expect(computeIndex(high).categories.kota[0].self.sid).toBe(2.33);
  });

  it('scores 0 for unanswered indicators and, under verified, for answers not yet verified', () => {
    const input: IndexInput = {
      indicators: [scored('r1', 'region', [0, 4]), scored('r2', 'region', [0, 6]), scored('i', 'innovation', [0, 10])],
      regions: [{ id: 'k', category: 'kota' }],
      innovations: [{ id: 'x', region: 'k' }],
      answers: [answer({ region: 'k' }, 'r1', 4), answer({ innovation: 'x' }, 'i', 10)], // r2 unanswered; nothing verified
    };
    const row = computeIndex(input).categories.kota[0];
    expect(row.self).toEqual({ iid: 25, band: null, spd: 4, sid: 1, innovations: 1 });
    expect(row.verified).toEqual({ iid: 0, band: null, spd: 0, sid: 0, innovations: 1 });
  });

  it('ranks a region with nothing answered (iid 0) and gives it the band with min 0', () => {
    const input = exampleIndexInput();
    input.regions = [...input.regions, { id: 'kab-kosong', category: 'kota' }];
    const rows = computeIndex(input).categories.kota;
    expect(order(rows)).toEqual([
      ['kota-bekasi', 1],
      ['kab-kosong', 2],
    ]);
    expect(rows[1].verified).toEqual({ iid: 0, band: 'Tidak Dapat Dinilai', spd: 0, sid: 0, innovations: 0 });
    expect(rows[1].self).toEqual(rows[1].verified);
  });

  it('takes each answer from the basis it is computed for: self and verified side by side', () => {
    const input = simpleInput([{ id: 'a' }, { id: 'b' }]);
    input.answers = [answer({ region: 'a' }, 'r', 80, 10), answer({ region: 'b' }, 'r', 20, 60)];
    const verified = computeIndex(input).categories.kota;
    expect(order(verified)).toEqual([
      ['b', 1],
      ['a', 2],
    ]);
    expect(verified.map((r) => [r.self.iid, r.verified.iid])).toEqual([
      [10, 30],
      [40, 5],
    ]);
    const self = computeIndex({ ...input, method: { basis: 'self' } }).categories.kota;
    expect(order(self)).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect(self.map((r) => [r.self.iid, r.verified.iid])).toEqual([
      [40, 5],
      [10, 30],
    ]);
  });

  it('computes iid from the unrounded spd, sid and max', () => {
    // spd 1/3 + 1/3 + 1/3 (unrounded 1, rounded parts would give 0.99), max 3: iid 33.33
    const third = 1 / 3;
    const input: IndexInput = {
      method: { decimals: 2 },
      indicators: ['a', 'b', 'c'].map((key) => ({
        key,
        scope: 'region' as const,
        options: [
          { key: 'x', score: third },
          { key: 'y', score: 1 },
        ],
      })),
      regions: [{ id: 'k', category: 'kota' }],
      innovations: [],
      answers: ['a', 'b', 'c'].map((indicator) => ({ region: 'k', indicator, self: 'x', verified: 'x' })),
    };
    expect(computeIndex(input).categories.kota[0].verified).toMatchObject({ spd: 1, iid: 33.33 });
    expect(computeIndex(input).max).toBe(3);
  });

  it('uses the unrounded spd, sid and max for iid even when they round to 0 or away', () => {
    // spd 0.004 (shown 0), sid 0.04 / 10 = 0.004 (shown 0), max 1.004 + 0.04 = 1.044 (shown 1.04):
    // iid 100 · 0.008 / 1.044 = 0.7662… → 0.77 (from the rounded values it would be 0)
    const input: IndexInput = {
      method: { decimals: 2 },
      indicators: [
        {
          key: 'r',
          scope: 'region',
          options: [
            { key: 'x', score: 0.004 },
            { key: 'top', score: 1.004 },
          ],
        },
        { key: 'i', scope: 'innovation', options: [{ key: 'y', score: 0.04 }] },
      ],
      regions: [{ id: 'k', category: 'kota' }],
      innovations: [{ id: 'p', region: 'k' }],
      answers: [
        { region: 'k', indicator: 'r', self: 'x', verified: 'x' },
        { innovation: 'p', indicator: 'i', self: 'y', verified: 'y' },
      ],
    };
    const out = computeIndex(input);
    expect(out.max).toBe(1.04);
    expect(out.categories.kota[0].verified).toEqual({ iid: 0.77, band: null, spd: 0, sid: 0, innovations: 1 });
  });

  it.each([
    // decimals, a score exactly at a half in decimal, rounded half away from zero after toFixed(10)
    [0, 2.5, 3],
    [1, 0.35, 0.4],
    [2, 1.005, 1.01], // the double is 1.00499999…: Math.round would give 1
    [3, 1.0005, 1.001],
    [4, 50.00055, 50.0006], // Math.round would give 50.0005
    [5, 0.000015, 0.00002],
    [6, 2.0000005, 2.000001],
    [7, 0.12345675, 0.1234568],
    [8, 3.000000005, 3.00000001],
    [9, 5e-10, 1e-9],
    [10, 7.12345678905, 7.123456789], // toFixed(10) of the double is 7.1234567890
  ])('decimals %p: spd and iid of %p round to %p', (decimals, score, expected) => {
    // max = score + (100 − score) = 100, so iid = 100 · spd / 100
    const input: IndexInput = {
      method: { decimals },
      indicators: [
        { key: 'r', scope: 'region', options: [{ key: 'x', score }] },
        { key: 'pad', scope: 'region', options: [{ key: 'y', score: 100 - score }] },
      ],
      regions: [{ id: 'k', category: 'kota' }],
      innovations: [],
      answers: [{ region: 'k', indicator: 'r', self: 'x', verified: 'x' }],
    };
    const out = computeIndex(input);
    expect(out.max).toBe(100);
    expect(out.categories.kota[0].verified).toMatchObject({ spd: expected, iid: expected });
  });

  it('rounds max and sid with decimals too', () => {
    const input: IndexInput = {
      method: { decimals: 1, minInnovations: 3 },
      indicators: [
        {
          key: 'i',
          scope: 'innovation',
          options: [
            { key: 'x', score: 0.125 },
            { key: 'y', score: 1.25 },
          ],
        },
      ],
      regions: [{ id: 'k', category: 'kota' }],
      innovations: [{ id: 'p', region: 'k' }],
      answers: [{ innovation: 'p', indicator: 'i', self: 'y', verified: 'y' }],
    };
    // max 1.25 → 1.3; sid 1.25 / 3 = 0.41666… → 0.4; iid 100 · 0.41666… / 1.25 = 33.333… → 33.3
    expect(computeIndex(input)).toMatchObject({ max: 1.3, categories: { kota: [{ verified: { sid: 0.4, iid: 33.3 } }] } });
  });
});

describe('computeIndex: bands (§4 rule 6 on the rounded iid)', () => {
  it.each([
    [60.01, 'Sangat Inovatif'],
    [60, 'Inovatif'],
    [35, 'Inovatif'],
    [34.99, 'Kurang Inovatif'],
    [0.01, 'Kurang Inovatif'],
    [0, 'Tidak Dapat Dinilai'],
  ])('iid %p → %p', (iid, band) => {
    const input = exampleIndexInput();
    input.indicators = [
      {
        key: 'r',
        scope: 'region',
        options: [
          { key: 'x', score: iid },
          { key: 'top', score: 100 },
        ],
      },
    ];
    input.innovations = [];
    input.answers = [{ region: 'kota-bekasi', indicator: 'r', self: 'x', verified: 'x' }];
    expect(computeIndex(input).categories.kota[0].verified).toMatchObject({ iid, band });
  });

  it('uses the rounded iid: 60.005 rounds to 60.01, Sangat Inovatif', () => {
    const input = exampleIndexInput();
    input.indicators = [
      {
        key: 'r',
        scope: 'region',
        options: [
          { key: 'x', score: 60.005 },
          { key: 'top', score: 100 },
        ],
      },
    ];
    input.innovations = [];
    input.answers = [{ region: 'kota-bekasi', indicator: 'r', self: 'x', verified: 'x' }];
    expect(computeIndex(input).categories.kota[0].verified).toMatchObject({ iid: 60.01, band: 'Sangat Inovatif' });
  });
});

describe('computeIndex: ranking (§4b.4)', () => {
  it('shares ranks on equal iid (competition ranking 1, 2, 2, 4) and orders ties by region id', () => {
    const out = computeIndex(
      simpleInput(
        [
          { id: 'b', r: 40 },
          { id: 'd', r: 30 },
          { id: 'a', r: 40 },
          { id: 'c', r: 50 },
        ],
        { tieBreak: [] },
      ),
    );
    expect(order(out.categories.kota)).toEqual([
      ['c', 1],
      ['a', 2],
      ['b', 2],
      ['d', 4],
    ]);
  });

  it('orders region ids as JavaScript strings (uppercase before lowercase)', () => {
    const out = computeIndex(
      simpleInput([
        { id: 'b', r: 5 },
        { id: 'B', r: 5 },
        { id: 'a', r: 5 },
      ]),
    );
    expect(order(out.categories.kota)).toEqual([
      ['B', 1],
      ['a', 1],
      ['b', 1],
    ]);
  });

  /**
   * Three regions with iid 5 (max 200, minInnovations 1): a spd 10, sid 0, n 1; b spd 0, sid 10, n 1;
   * c spd 0, sid (10 + 10) / 2 = 10, n 2.
   */
  const tied: IndexInput = {
    method: { minInnovations: 1 },
    indicators: [scored('r', 'region', [0, 10, 100]), scored('i', 'innovation', [0, 10, 100])],
    regions: [
      { id: 'a', category: 'kota' },
      { id: 'b', category: 'kota' },
      { id: 'c', category: 'kota' },
    ],
    innovations: [
      { id: 'a1', region: 'a' },
      { id: 'b1', region: 'b' },
      { id: 'c1', region: 'c' },
      { id: 'c2', region: 'c' },
    ],
    answers: [
      answer({ region: 'a' }, 'r', 10, 10),
      answer({ innovation: 'b1' }, 'i', 10, 10),
      answer({ innovation: 'c1' }, 'i', 10, 10),
      answer({ innovation: 'c2' }, 'i', 10, 10),
    ],
  };

  it.each<[string, IndexInput['method'], [string, number][]]>([
    [
      'default sid, spd, innovations',
      { minInnovations: 1 },
      [
        ['c', 1],
        ['b', 2],
        ['a', 3],
      ],
    ],
    [
      'sid only',
      { minInnovations: 1, tieBreak: ['sid'] },
      [
        ['b', 1],
        ['c', 1],
        ['a', 3],
      ],
    ],
    [
      'spd only',
      { minInnovations: 1, tieBreak: ['spd'] },
      [
        ['a', 1],
        ['b', 2],
        ['c', 2],
      ],
    ],
    [
      'innovations only',
      { minInnovations: 1, tieBreak: ['innovations'] },
      [
        ['c', 1],
        ['a', 2],
        ['b', 2],
      ],
    ],
    [
      'spd, then innovations',
      { minInnovations: 1, tieBreak: ['spd', 'innovations'] },
      [
        ['a', 1],
        ['c', 2],
        ['b', 3],
      ],
    ],
    [
      'none',
      { minInnovations: 1, tieBreak: [] },
      [
        ['a', 1],
        ['b', 1],
        ['c', 1],
      ],
    ],
  ])('tie-break %s', (_name, method, expected) => {
    const out = computeIndex({ ...tied, method });
    expect(out.categories.kota.map((r) => r.verified.iid)).toEqual([5, 5, 5]);
    expect(order(out.categories.kota)).toEqual(expected);
  });

  it('takes the tie-break values from the basis block', () => {
    // iid 5 everywhere; a: self spd 10, verified sid 10; b: self sid 10, verified spd 10
    const input: IndexInput = {
      ...tied,
      regions: tied.regions.slice(0, 2),
      innovations: [
        { id: 'a1', region: 'a' },
        { id: 'b1', region: 'b' },
      ],
      answers: [
        answer({ region: 'a' }, 'r', 10, 0),
        answer({ innovation: 'a1' }, 'i', 0, 10),
        answer({ region: 'b' }, 'r', 0, 10),
        answer({ innovation: 'b1' }, 'i', 10, 0),
      ],
    };
    const self = computeIndex({ ...input, method: { minInnovations: 1, basis: 'self', tieBreak: ['spd'] } }).categories.kota;
    expect(self.map((r) => [r.region, r.rank, r.self.iid, r.verified.iid])).toEqual([
      ['a', 1, 5, 5],
      ['b', 2, 5, 5],
    ]);
    const verified = computeIndex({ ...input, method: { minInnovations: 1, basis: 'verified', tieBreak: ['spd'] } }).categories.kota;
    expect(order(verified)).toEqual([
      ['b', 1],
      ['a', 2],
    ]);
  });

  it('ranks per category and, separately, per group across categories', () => {
    const input = simpleInput([
      { id: 'kota-bekasi', category: 'kota', groups: ['jawa', 'jabar'], r: 60 },
      { id: 'kab-bekasi', category: 'kabupaten', groups: ['jabar', 'jawa'], r: 80 },
      { id: 'kota-kendari', category: 'kota', groups: ['sulawesi'], r: 90 },
      { id: 'kab-bogor', category: 'kabupaten', groups: ['jawa', 'jabar'], r: 60 },
      { id: 'kota-semarang', category: 'kota', groups: ['jawa'], r: 70 },
      { id: 'kab-tanpa-grup', category: 'kabupaten', r: 100 },
    ]);
    const out = computeIndex(input);
    expect(Object.keys(out.categories)).toEqual(['kabupaten', 'kota']);
    expect(order(out.categories.kota)).toEqual([
      ['kota-kendari', 1],
      ['kota-semarang', 2],
      ['kota-bekasi', 3],
    ]);
    expect(order(out.categories.kabupaten)).toEqual([
      ['kab-tanpa-grup', 1],
      ['kab-bekasi', 2],
      ['kab-bogor', 3],
    ]);
    expect(Object.keys(out.groups)).toEqual(['jabar', 'jawa', 'sulawesi']);
    expect(order(out.groups.jawa)).toEqual([
      ['kab-bekasi', 1],
      ['kota-semarang', 2],
      ['kab-bogor', 3],
      ['kota-bekasi', 3],
    ]);
    expect(order(out.groups.jabar)).toEqual([
      ['kab-bekasi', 1],
      ['kab-bogor', 2],
      ['kota-bekasi', 2],
    ]);
    expect(order(out.groups.sulawesi)).toEqual([['kota-kendari', 1]]);
    const { rank: _inGroup, ...inGroup } = out.groups.jawa[0];
    const { rank: _inCategory, ...inCategory } = out.categories.kabupaten[1];
    expect(inGroup).toEqual(inCategory);
  });

  it('lists every category and group named by a region, and groups is {} when none is', () => {
    expect(
      computeIndex(
        simpleInput([
          { id: 'a', category: 'kota', groups: [] },
          { id: 'b', category: 'provinsi' },
        ]),
      ).groups,
    ).toEqual({});
    const odd = computeIndex(simpleInput([{ id: 'a', category: '__proto__', groups: ['__proto__', 'constructor'] }]));
    expect(Object.keys(odd.categories)).toEqual(['__proto__']);
    expect(Object.keys(odd.groups)).toEqual(['__proto__', 'constructor']);
    expect(JSON.parse(JSON.stringify(odd)).groups.constructor).toHaveLength(1);
  });
});

describe('computeIndex: invalid input (§4b.7)', () => {
  type Input = Record<string, any>;
  const cases: [string, (input: Input) => unknown, RegExp][] = [
    // structure
    ['input an array', () => [], /^input must be a JSON object$/],
    ['input null', () => null, /^input must be a JSON object$/],
    ['method not an object', (x) => ({ ...x, method: 'verified' }), /^method must be an object, got "verified"$/],
    ['no indicators list', (x) => ({ ...x, indicators: undefined }), /^indicators must be an array, got \(missing\)$/],
    ['no regions list', (x) => ({ ...x, regions: {} }), /^regions must be an array, got \{\}$/],
    ['no innovations list', (x) => ({ ...x, innovations: null }), /^innovations must be an array, got null$/],
    ['no answers list', (x) => ({ ...x, answers: undefined }), /^answers must be an array/],
    ['an indicator not an object', (x) => void (x.indicators[1] = 'tahapan'), /^indicators\[1\] must be an object, got "tahapan"$/],
    ['an indicator key not a string', (x) => void (x.indicators[0].key = 7), /^indicators\[0\]\.key must be a non-empty string, got 7$/],
    [
      'an option not an object',
      (x) => void (x.indicators[0].options[0] = 0),
      /^indicators\[0\] \("regulasi"\)\.options\[0\] must be an object, got 0$/,
    ],
    ['a region not an object', (x) => void (x.regions[0] = 'kota-bekasi'), /^regions\[0\] must be an object/],
    ['a region id not a string', (x) => void (x.regions[0].id = 3171), /^regions\[0\]\.id must be a non-empty string, got 3171$/],
    [
      'an innovation id not a string',
      (x) => void (x.innovations[0].id = null),
      /^innovations\[0\]\.id must be a non-empty string, got null$/,
    ],
    ['an answer not an object', (x) => void (x.answers[1] = []), /^answers\[1\] must be an object, got \[\]$/],
    ['bands not a list', (x) => ({ ...x, bands: { min: 0 } }), /^bands must be an array/],
    ['a band label not a string', (x) => void (x.bands[0].label = 1), /^bands\[0\]\.label must be a string, got 1$/],
    // duplicates
    [
      'duplicate indicator key',
      (x) => void (x.indicators[2].key = 'regulasi'),
      /^indicators\[2\]\.key "regulasi" is a duplicate indicator key$/,
    ],
    [
      'duplicate option key',
      (x) => void (x.indicators[1].options[2].key = 'inisiatif'),
      /^indicators\[1\] \("tahapan"\)\.options\[2\]\.key "inisiatif" is a duplicate option key$/,
    ],
    [
      'duplicate step min',
      (x) => void (x.indicators[2].steps[2].min = 5),
      /^indicators\[2\] \("jumlah"\)\.steps\[2\]\.min 5 is a duplicate step min$/,
    ],
    [
      'duplicate region id',
      (x) => void x.regions.push({ id: 'kota-bekasi', category: 'kota' }),
      /^regions\[1\]\.id "kota-bekasi" is a duplicate region id$/,
    ],
    [
      'duplicate innovation id',
      (x) => void (x.innovations[1].id = 'sitaro'),
      /^innovations\[1\]\.id "sitaro" is a duplicate innovation id$/,
    ],
    // indicators
    [
      'an unknown scope',
      (x) => void (x.indicators[0].scope = 'province'),
      /^indicators\[0\] \("regulasi"\)\.scope "province" is unknown \(expected one of "region", "innovation", "count"\)$/,
    ],
    ['no scope', (x) => void delete x.indicators[0].scope, /^indicators\[0\] \("regulasi"\)\.scope is missing/],
    [
      'a region indicator without options',
      (x) => void delete x.indicators[0].options,
      /^indicators\[0\] \("regulasi"\)\.options must be an array, got \(missing\)$/,
    ],
    [
      'a region indicator with empty options',
      (x) => void (x.indicators[0].options = []),
      /^indicators\[0\] \("regulasi"\)\.options must be a non-empty array$/,
    ],
    [
      'a region indicator with steps',
      (x) => void (x.indicators[0].steps = [{ min: 0, score: 1 }]),
      /^indicators\[0\] \("regulasi"\): a region indicator has options, not steps$/,
    ],
    [
      'an innovation indicator without options',
      (x) => void (x.indicators[1].options = null),
      /^indicators\[1\] \("tahapan"\)\.options must be an array, got null$/,
    ],
    [
      'an innovation indicator with steps',
      (x) => void (x.indicators[1].steps = []),
      /^indicators\[1\] \("tahapan"\): an innovation indicator has options, not steps$/,
    ],
    [
      'a count indicator without steps',
      (x) => void delete x.indicators[2].steps,
      /^indicators\[2\] \("jumlah"\)\.steps must be an array, got \(missing\)$/,
    ],
    [
      'a count indicator with empty steps',
      (x) => void (x.indicators[2].steps = []),
      /^indicators\[2\] \("jumlah"\)\.steps must be a non-empty array$/,
    ],
    [
      'a count indicator with options',
      (x) => void (x.indicators[2].options = x.indicators[0].options),
      /^indicators\[2\] \("jumlah"\): a count indicator has steps, not options$/,
    ],
    [
      'a negative option score',
      (x) => void (x.indicators[0].options[1].score = -2),
      /^indicators\[0\] \("regulasi"\)\.options\[1\] \("perkada"\)\.score must be a finite number ≥ 0, got -2$/,
    ],
    [
      'an option score as a string',
      (x) => void (x.indicators[0].options[1].score = '2'),
      /\.options\[1\] \("perkada"\)\.score must be a finite number ≥ 0, got "2"$/,
    ],
    [
      'an option without a score',
      (x) => void delete x.indicators[0].options[1].score,
      /\.options\[1\] \("perkada"\)\.score must be a finite number ≥ 0, got \(missing\)$/,
    ],
    [
      'an infinite option score',
      (x) => void (x.indicators[0].options[1].score = Infinity),
      /\.score must be a finite number ≥ 0, got Infinity$/,
    ],
    [
      'a negative step score',
      (x) => void (x.indicators[2].steps[1].score = -1),
      /^indicators\[2\] \("jumlah"\)\.steps\[1\] \(min 5\)\.score must be a finite number ≥ 0, got -1$/,
    ],
    [
      'a fractional step min',
      (x) => void (x.indicators[2].steps[1].min = 4.5),
      /^indicators\[2\] \("jumlah"\)\.steps\[1\]\.min must be a non-negative integer, got 4\.5$/,
    ],
    ['a negative step min', (x) => void (x.indicators[2].steps[0].min = -1), /\.steps\[0\]\.min must be a non-negative integer, got -1$/],
    [
      'a step min as a string',
      (x) => void (x.indicators[2].steps[0].min = '0'),
      /\.steps\[0\]\.min must be a non-negative integer, got "0"$/,
    ],
    [
      'a step without min',
      (x) => void delete x.indicators[2].steps[0].min,
      /\.steps\[0\]\.min must be a non-negative integer, got \(missing\)$/,
    ],
    [
      'max = 0',
      (x) => ({
        ...x,
        indicators: [
          { key: 'r', scope: 'region', options: [{ key: 'none', score: 0 }] },
          { key: 'c', scope: 'count', steps: [{ min: 0, score: 0 }] },
        ],
        answers: [],
      }),
      /^max, the sum of the indicators' highest scores, is 0/,
    ],
    // regions and innovations
    [
      'a region without category',
      (x) => void delete x.regions[0].category,
      /^regions\[0\] \("kota-bekasi"\)\.category must be a string, got \(missing\)$/,
    ],
    [
      'a region category not a string',
      (x) => void (x.regions[0].category = 1),
      /^regions\[0\] \("kota-bekasi"\)\.category must be a string, got 1$/,
    ],
    [
      'groups not a list',
      (x) => void (x.regions[0].groups = 'jawa'),
      /^regions\[0\] \("kota-bekasi"\)\.groups must be a list of distinct strings, got "jawa"$/,
    ],
    ['groups null', (x) => void (x.regions[0].groups = null), /\.groups must be a list of distinct strings, got null$/],
    [
      'groups with a non-string',
      (x) => void (x.regions[0].groups = ['jawa', 5]),
      /\.groups must be a list of distinct strings, got \["jawa",5\]$/,
    ],
    [
      'groups repeating a group',
      (x) => void (x.regions[0].groups = ['jawa', 'jawa']),
      /\.groups must be a list of distinct strings, got \["jawa","jawa"\]$/,
    ],
    [
      'an innovation of an unknown region',
      (x) => void (x.innovations[0].region = 'kota-bogor'),
      /^innovations\[0\] \("sitaro"\)\.region "kota-bogor" is not a known region id$/,
    ],
    [
      'an innovation without region',
      (x) => void delete x.innovations[0].region,
      /^innovations\[0\] \("sitaro"\)\.region \(missing\) is not a known region id$/,
    ],
    [
      'eligible not a boolean',
      (x) => void (x.innovations[1].eligible = 'no'),
      /^innovations\[1\] \("old-app"\)\.eligible must be true or false, got "no"$/,
    ],
    [
      'eligible null',
      (x) => void (x.innovations[1].eligible = null),
      /^innovations\[1\] \("old-app"\)\.eligible must be true or false, got null$/,
    ],
    // answers
    [
      'an unknown indicator',
      (x) => void (x.answers[0].indicator = 'anggaran'),
      /^answers\[0\] \(region "kota-bekasi", indicator "anggaran"\): unknown indicator "anggaran"$/,
    ],
    ['no indicator', (x) => void delete x.answers[0].indicator, /^answers\[0\] \(region "kota-bekasi"\): unknown indicator \(missing\)$/],
    [
      'an unknown region',
      (x) => void (x.answers[0].region = 'kota-bogor'),
      /^answers\[0\] \(region "kota-bogor", indicator "regulasi"\): unknown region "kota-bogor"$/,
    ],
    [
      'an unknown innovation',
      (x) => void (x.answers[1].innovation = 'patriot'),
      /^answers\[1\] \(innovation "patriot", indicator "tahapan"\): unknown innovation "patriot"$/,
    ],
    [
      'an unknown self option',
      (x) => void (x.answers[0].self = 'perwal'),
      /^answers\[0\] \(region "kota-bekasi", indicator "regulasi"\): self "perwal" is not an option of indicator "regulasi"$/,
    ],
    [
      'answering a count indicator',
      (x) => void x.answers.push({ region: 'kota-bekasi', indicator: 'jumlah', self: 'x' }),
      /^answers\[2\] \(region "kota-bekasi", indicator "jumlah"\): indicator "jumlah" is a count indicator/,
    ],
    [
      'both owners',
      (x) => void (x.answers[0].innovation = 'sitaro'),
      /^answers\[0\] \(region "kota-bekasi", innovation "sitaro", indicator "regulasi"\): a region indicator's answer names exactly one owner/,
    ],
    [
      'an innovation owner for a region indicator',
      (x) => void (x.answers[0] = { innovation: 'sitaro', indicator: 'regulasi', self: 'perda' }),
      /^answers\[0\] \(innovation "sitaro", indicator "regulasi"\): a region indicator's answer names exactly one owner, its region \(and no innovation\)$/,
    ],
    [
      'a region owner for an innovation indicator',
      (x) => void (x.answers[1] = { region: 'kota-bekasi', indicator: 'tahapan', self: 'penerapan' }),
      /^answers\[1\] \(region "kota-bekasi", indicator "tahapan"\): an innovation indicator's answer names exactly one owner, its innovation \(and no region\)$/,
    ],
    [
      'no owner',
      (x) => void delete x.answers[1].innovation,
      /^answers\[1\] \(indicator "tahapan"\): an innovation indicator's answer names exactly one owner/,
    ],
    [
      'a null owner',
      (x) => void (x.answers[1].innovation = null),
      /^answers\[1\] \(innovation null, indicator "tahapan"\): unknown innovation null$/,
    ],
    ['no self', (x) => void delete x.answers[0].self, /^answers\[0\] \(region "kota-bekasi", indicator "regulasi"\): self is missing$/],
    [
      'verified not an option',
      (x) => void (x.answers[0].verified = 'x'),
      /^answers\[0\] \(region "kota-bekasi", indicator "regulasi"\): verified "x" is not an option of indicator "regulasi"$/,
    ],
    [
      'verified null',
      (x) => void (x.answers[1].verified = null),
      /^answers\[1\] \(innovation "sitaro", indicator "tahapan"\): verified null is not an option/,
    ],
    [
      'verified an option of another indicator',
      (x) => void (x.answers[1].verified = 'perda'),
      /^answers\[1\] .*: verified "perda" is not an option of indicator "tahapan"$/,
    ],
    [
      'two answers for one owner and indicator',
      (x) => void x.answers.push({ indicator: 'regulasi', region: 'kota-bekasi', self: 'none' }),
      /^answers\[2\] \(region "kota-bekasi", indicator "regulasi"\): a second answer for this region and indicator \(the first is answers\[0\]\)$/,
    ],
    // method
    ...[11, -1, 2.5, '2'].map((d): [string, (x: Input) => void, RegExp] => [
      `decimals ${JSON.stringify(d)}`,
      (x) => void (x.method.decimals = d),
      /^method\.decimals must be an integer from 0 to 10, got /,
    ]),
    ...[0, -3, 1.5, '10'].map((m): [string, (x: Input) => void, RegExp] => [
      `minInnovations ${JSON.stringify(m)}`,
      (x) => void (x.method.minInnovations = m),
      /^method\.minInnovations must be a positive integer, got /,
    ]),
    ['basis "both"', (x) => void (x.method.basis = 'both'), /^method\.basis "both" is unknown \(expected one of "self", "verified"\)$/],
    ['basis 1', (x) => void (x.method.basis = 1), /^method\.basis 1 is unknown/],
    [
      'an unknown tieBreak entry',
      (x) => void (x.method.tieBreak = ['sid', 'iid']),
      /^method\.tieBreak\[1\] "iid" is unknown \(expected one of "sid", "spd", "innovations"\)$/,
    ],
    ['tieBreak not a list', (x) => void (x.method.tieBreak = 'sid'), /^method\.tieBreak must be an array, got "sid"$/],
  ];

  it.each(cases)('refuses %s, naming it', (_name, change, message) => {
    const input = JSON.parse(JSON.stringify(exampleIndexInput()));
    const result = change(input);
    const changed = result === undefined ? input : result;
    let error: unknown;
    try {
      computeIndex(changed);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ScoringInputError);
    expect((error as Error).message).toMatch(message);
  });

  it('accepts what rule 7 does not refuse: an empty groups list, eligible true, unknown fields, answers of ineligible innovations', () => {
    const input = JSON.parse(JSON.stringify(exampleIndexInput()));
    input.regions[0].groups = [];
    input.regions[0].note = 'x';
    input.innovations[0].eligible = true;
    input.answers.push({ innovation: 'old-app', indicator: 'tahapan', self: 'inisiatif', verified: 'inisiatif', evidence: ['sk.pdf'] });
    expect(() => computeIndex(input)).not.toThrow();
  });
});
