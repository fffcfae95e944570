import { createHash } from 'node:crypto';
import { canonicalize } from '@app/kernel';
import { preparedDigest } from './digest';
import { explain } from './explain';
import { rank } from './rank';
import { createSnapshot, verifySnapshot } from './snapshot';
import { stageScores } from './stage-scores';
import { deepFreeze, exampleInput, sheet, stage, submission, withoutDigest } from './testing/fixtures';
import type { GivenInput, RankOutput, ScoringInput } from './types';
import { prepare } from './validate';

/** DESIGN §4.10: given stages take their scores from the input's `given` list. */

const iid = (weight = 50, extra: Record<string, unknown> = {}) => ({ key: 'iid', weight, given: true as const, ...extra });
const given = (submissionId: string, score: number, stageKey = 'iid'): GivenInput => ({ stage: stageKey, submission: submissionId, score });

/** [submission, rank, final] of a category's rows, in output order. */
function table(output: RankOutput, category = 'kota'): [string, number, number][] {
  return output.categories[category].map((r) => [r.submission, r.rank, r.final]);
}

describe('given stages (§4.10)', () => {
  it('a given score is a stage score: listed in the row in input stage order and weighted into F', () => {
    const input: ScoringInput = {
      stages: [stage('presentation', 50), iid(50)],
      bands: [{ label: 'Inovatif', min: 75 }],
      submissions: [submission('kota-bekasi')],
      sheets: [sheet('presentation', 'j1', 'kota-bekasi', 80)],
      given: [given('kota-bekasi', 71.234)],
    };
    const output = rank(input);
    // F = (50·80 + 50·71.234)/100 = 75.617
    expect(output.categories).toEqual({
      kota: [{ rank: 1, submission: 'kota-bekasi', final: 75.617, band: 'Inovatif', stages: { presentation: 80, iid: 71.234 } }],
    });
    expect(Object.keys(output.categories.kota[0].stages)).toEqual(['presentation', 'iid']);
    expect(output.unranked).toEqual([]);
  });

  it('ranks on given stages alone (no sheet stage, no sheets)', () => {
    const input: ScoringInput = {
      stages: [iid(1)],
      submissions: [submission('kota-bekasi'), submission('kota-bogor'), submission('kab-bogor', 'kabupaten'), submission('kota-depok')],
      sheets: [],
      given: [given('kota-bogor', 64.5), given('kota-bekasi', 71.234), given('kab-bogor', 55)],
    };
    const output = rank(input);
    expect(table(output)).toEqual([
      ['kota-bekasi', 1, 71.234],
      ['kota-bogor', 2, 64.5],
    ]);
    expect(table(output, 'kabupaten')).toEqual([['kab-bogor', 1, 55]]);
    expect(output.unranked).toEqual([{ submission: 'kota-depok', category: 'kota', reachedStage: null }]);
  });

  describe('rounding per §4.4 (toFixed(10), then half away from zero)', () => {
    it.each<[number, number, number]>([
      [71.23455, 4, 71.2346], // toFixed(4) would give 71.2345
      [71.23454999999, 4, 71.2346], // toFixed(10) is 71.2345500000: Math.round(x·10⁴)/10⁴ would give 71.2345
      [71.234549999, 4, 71.2345], // 71.2345499990
      [99.99995, 4, 100], // toFixed(4) would give 99.9999
      [0.00005, 4, 0.0001],
      [1.005, 2, 1.01], // the double is 1.00499999999999989…; its 10-place expansion 1.0050000000
      [2.675, 2, 2.68],
      [0.5, 0, 1],
      [1.5, 0, 2],
      [2.5, 0, 3],
      [99.5, 0, 100],
      [71.234, 10, 71.234],
      [100, 0, 100],
      [0, 4, 0],
    ])('given %p with decimals %p → %p', (score, decimals, expected) => {
      const input: ScoringInput = {
        method: { decimals },
        stages: [iid(1)],
        submissions: [submission('p')],
        sheets: [],
        given: [given('p', score)],
      };
      const [row] = rank(input).categories.kota;
      expect(row.stages.iid).toBe(expected);
      expect(row.final).toBe(expected);
    });

    it('-0 becomes 0', () => {
      const input: ScoringInput = { stages: [iid(1)], submissions: [submission('p')], sheets: [], given: [given('p', -0)] };
      const [row] = rank(input).categories.kota;
      expect(Object.is(row.stages.iid, 0)).toBe(true);
      expect(JSON.stringify(row)).toContain('"iid":0}');
    });

    it('F comes from the rounded given score', () => {
      // iid 70.00005 → 70.0001, s 69.99995 (a sheet) → 70; F = 70.00005 → 70.0001 (unrounded it would be exactly 70)
      const input: ScoringInput = {
        stages: [iid(1), stage('s', 1)],
        submissions: [submission('p')],
        sheets: [sheet('s', 'j', 'p', 69.99995)],
        given: [given('p', 70.00005)],
      };
      expect(rank(input).categories.kota[0]).toMatchObject({ final: 70.0001, stages: { iid: 70.0001, s: 70 } });
    });
  });

  describe('reachedStage counts given scores', () => {
    const stages = [stage('presentation', 40), iid(40), stage('field', 20)];
    it.each<[string, Partial<ScoringInput>, string | null]>([
      ['a given score alone', { sheets: [], given: [given('p', 60)] }, 'iid'],
      ['a given score after a sheet stage', { sheets: [sheet('presentation', 'j', 'p', 50)], given: [given('p', 60)] }, 'iid'],
      ['a sheet stage after the given one', { sheets: [sheet('field', 'j', 'p', 50)], given: [given('p', 60)] }, 'field'],
      ['no given score', { sheets: [sheet('presentation', 'j', 'p', 50)], given: [] }, 'presentation'],
      ['nothing at all', { sheets: [], given: [] }, null],
    ])('%s', (_name, parts, reached) => {
      const output = rank({ stages, submissions: [submission('p'), submission('q', 'kabupaten')], sheets: [], ...parts });
      expect(output.unranked[0]).toEqual({ submission: 'p', category: 'kota', reachedStage: reached });
    });

    it('a weight-0 given stage still shows in the row and counts for reachedStage, not for F', () => {
      const input: ScoringInput = {
        stages: [stage('presentation', 1), iid(0)],
        submissions: [submission('p'), submission('q')],
        sheets: [sheet('presentation', 'j', 'p', 80)],
        given: [given('p', 10), given('q', 99)],
      };
      const output = rank(input);
      expect(output.categories.kota).toEqual([{ rank: 1, submission: 'p', final: 80, band: null, stages: { presentation: 80, iid: 10 } }]);
      expect(output.unranked).toEqual([{ submission: 'q', category: 'kota', reachedStage: 'iid' }]);
    });

    it('a weighted given stage without an entry leaves the innovation unranked', () => {
      const input: ScoringInput = {
        stages: [iid(1), stage('s', 1)],
        submissions: [submission('p')],
        sheets: [sheet('s', 'j', 'p', 80)],
        given: [],
      };
      expect(rank(input)).toMatchObject({ categories: { kota: [] }, unranked: [{ submission: 'p', category: 'kota', reachedStage: 's' }] });
    });
  });

  describe('ties broken by a given stage', () => {
    // x: s 80, iid 70; y: s 70, iid 80 — both F = 75
    const tied = (tieBreak?: string[], entries: GivenInput[] = [given('x', 70), given('y', 80)]): ScoringInput => ({
      method: tieBreak ? { tieBreak } : {},
      stages: [stage('s', 1), iid(1)],
      submissions: [submission('x'), submission('y')],
      sheets: [sheet('s', 'j', 'x', 80), sheet('s', 'j', 'y', 70)],
      given: entries,
    });
    it.each<[string[] | undefined, [string, number, number][]]>([
      [
        ['stage:iid'],
        [
          ['y', 1, 75],
          ['x', 2, 75],
        ],
      ],
      [
        ['stage:s'],
        [
          ['x', 1, 75],
          ['y', 2, 75],
        ],
      ],
      [
        ['stage:iid', 'stage:s'],
        [
          ['y', 1, 75],
          ['x', 2, 75],
        ],
      ],
      [
        [],
        [
          ['x', 1, 75],
          ['y', 1, 75],
        ],
      ],
      [
        undefined,
        [
          ['y', 1, 75],
          ['x', 2, 75],
        ],
      ], // default: the weighted stages from last (iid) to first
    ])('tieBreak %j', (tieBreak, expected) => {
      expect(table(rank(tied(tieBreak)))).toEqual(expected);
    });

    it('compares the rounded given scores: equal after rounding → the next tie-break decides', () => {
      // iid 80.00004 and 80.00001 both round to 80; s decides
      const input: ScoringInput = {
        method: { tieBreak: ['stage:iid', 'stage:s'] },
        stages: [iid(1), stage('s', 0)],
        submissions: [submission('x'), submission('y')],
        sheets: [sheet('s', 'j', 'x', 10), sheet('s', 'j', 'y', 20)],
        given: [given('x', 80.00004), given('y', 80.00001)],
      };
      expect(table(rank(input))).toEqual([
        ['y', 1, 80],
        ['x', 2, 80],
      ]);
    });

    it('an innovation without a given score for the tie-break stage sorts after those with one', () => {
      const input: ScoringInput = {
        method: { tieBreak: ['stage:iid'] },
        stages: [stage('s', 1), iid(0)],
        submissions: ['a', 'b', 'c', 'd'].map((id) => submission(id)),
        sheets: ['a', 'b', 'c', 'd'].map((id) => sheet('s', 'j', id, 80)),
        given: [given('b', 1), given('d', 0)],
      };
      expect(table(rank(input))).toEqual([
        ['b', 1, 80],
        ['d', 2, 80],
        ['a', 3, 80],
        ['c', 3, 80],
      ]);
    });
  });

  it('ignores aggregation and trim on a given stage, and a zscore sheet stage beside it is unaffected', () => {
    const sheets = [sheet('z', 'A', 'p', 60), sheet('z', 'A', 'q', 80), sheet('z', 'D', 'p', 70), sheet('z', 'D', 'q', 70)];
    const base: ScoringInput = {
      stages: [stage('z', 1, { aggregation: 'zscore' }), iid(1)],
      submissions: [submission('p'), submission('q')],
      sheets,
      given: [given('p', 50), given('q', 50)],
    };
    const odd: ScoringInput = { ...base, stages: [base.stages[0], iid(1, { aggregation: 'zscore', trim: 3 })] };
    const junk = { ...base, stages: [base.stages[0], iid(1, { aggregation: 'max', trim: -1 })] };
    expect(withoutDigest(rank(odd))).toEqual(withoutDigest(rank(base)));
    expect(withoutDigest(rank(junk))).toEqual(withoutDigest(rank(base)));
    // the zscore stage as in rank.spec: q 73.5355, p 66.4645
    expect(rank(base).categories.kota.map((r) => [r.submission, r.stages])).toEqual([
      ['q', { z: 73.5355, iid: 50 }],
      ['p', { z: 66.4645, iid: 50 }],
    ]);
  });

  it('the order of the given entries changes nothing but the digest', () => {
    const input: ScoringInput = {
      stages: [iid(1)],
      submissions: ['a', 'b', 'c'].map((id) => submission(id)),
      sheets: [],
      given: [given('a', 50), given('b', 60), given('c', 55)],
    };
    const reversed = { ...input, given: [...input.given!].reverse() };
    expect(withoutDigest(rank(reversed))).toEqual(withoutDigest(rank(input)));
  });

  describe('inputs without given stages behave exactly as before', () => {
    it.each<[string, (input: ScoringInput) => unknown]>([
      ['given: []', (i) => ({ ...i, given: [] })],
      ['given: null', (i) => ({ ...i, given: null })],
      ['"given": false on every stage', (i) => ({ ...i, stages: i.stages.map((s) => ({ ...s, given: false })) })],
    ])('%s: the same output, with the digest of the input as parsed', (_name, change) => {
      const changed = change(exampleInput());
      const output = rank(changed);
      expect(withoutDigest(output)).toEqual(withoutDigest(rank(exampleInput())));
      expect(output.inputsDigest).toBe(`sha256:${createHash('sha256').update(canonicalize(changed)!).digest('hex')}`);
      expect(output.inputsDigest).not.toBe(rank(exampleInput()).inputsDigest);
    });
  });

  it('the digest covers the given list and unknown fields as parsed; the streamed digest equals one canonicalize call', () => {
    const input = {
      stages: [iid(1, { source: 'index v2' })],
      submissions: [submission('p')],
      sheets: [],
      given: [{ ...given('p', 71.23455), note: 'verified' }],
    };
    const expected = `sha256:${createHash('sha256').update(canonicalize(input)!).digest('hex')}`;
    expect(rank(input).inputsDigest).toBe(expected);
    expect(preparedDigest(prepare(input))).toBe(expected);
  });

  it('does not modify its input', () => {
    const input = deepFreeze({
      stages: [iid(1)],
      submissions: [submission('p')],
      sheets: [],
      given: [given('p', 71.23455)],
    } as ScoringInput);
    expect(rank(input).categories.kota[0].stages.iid).toBe(71.2346);
  });

  it('explain shows a given stage with aggregation "given", no sheets and the rounded score; stageScores lists it', () => {
    const input: ScoringInput = {
      stages: [stage('presentation', 60), iid(40, { aggregation: 'median', trim: 2 })],
      submissions: [submission('p')],
      sheets: [sheet('presentation', 'j1', 'p', 80)],
      given: [given('p', 71.23455)],
    };
    const [p] = explain(input);
    expect(p).toMatchObject({ rank: 1, final: 76.4938, reachedStage: 'iid' }); // 0.6·80 + 0.4·71.2346 = 76.49384
    expect(p.stages[1]).toEqual({
      stage: 'iid',
      aggregation: 'given',
      trim: null,
      stageScale: null,
      sheets: [],
      score: 71.2346,
      weight: 40,
      share: 0.4,
    });
    expect(stageScores(input)).toEqual([{ submission: 'p', category: 'kota', stages: { presentation: 80, iid: 71.2346 } }]);
  });

  it('a snapshot of a given-stage input verifies, and a tampered given score is found', () => {
    const input: ScoringInput = {
      stages: [iid(1)],
      submissions: [submission('p'), submission('q')],
      sheets: [],
      given: [given('p', 71.23455), given('q', 80)],
    };
    const snapshot = JSON.parse(JSON.stringify(createSnapshot(input)));
    expect(verifySnapshot(snapshot)).toEqual({ ok: true });
    snapshot.input.given[0].score = 71.2344;
    const result = verifySnapshot(snapshot);
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.differences[0]).toBe(
      'output.inputsDigest: stored ' +
        JSON.stringify(createSnapshot(input).output.inputsDigest) +
        ', recomputed ' +
        JSON.stringify(rank(snapshot.input).inputsDigest),
    );
    expect(result.ok === false && result.differences).toContain(
      'output.categories.kota[1] (p).stages.iid: stored 71.2346, recomputed 71.2344',
    );
  });
});
