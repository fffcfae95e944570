import { createHash } from 'node:crypto';
import { canonicalize } from '@app/kernel';
import { explain } from './explain';
import { rank } from './rank';
import { createSnapshot, verifySnapshot } from './snapshot';
import { stageScores } from './stage-scores';
import { sheet, stage, submission, withoutDigest } from './testing/fixtures';
import type { Aggregation, RankOutput, ScoringInput, SubmissionInput } from './types';

/** DESIGN §4.11: an excluded submission keeps its sheets in every statistic, but appears nowhere in the output. */

const excluded = (s: SubmissionInput): SubmissionInput => ({ ...s, excluded: true });

/**
 * A zscore stage z (4 jurors) and a mean stage m. Juror A is severe, B lenient. "dq" is the innovation that is
 * excluded; it is A's and B's highest sheet, so it moves μA, σA, μB, σB, μS and σS.
 */
function season(aggregation: Aggregation, dq: Partial<SubmissionInput> = {}): ScoringInput {
  const values: Record<string, [number, number, number, number]> = {
    // [A, B, C, D] on z; m takes the same values
    p: [60, 85, 70, 72],
    q: [55, 90, 75, 64],
    r: [40, 70, 77, 81],
    dq: [95, 100, 20, 90],
  };
  const jurors = ['A', 'B', 'C', 'D'];
  return {
    method: { aggregation: 'mean' },
    stages: [stage('z', 60, { aggregation }), stage('m', 40)],
    bands: [{ label: 'Inovatif', min: 70 }],
    submissions: [submission('p'), submission('q'), submission('r', 'kabupaten'), { ...submission('dq'), ...dq }],
    sheets: Object.entries(values).flatMap(([id, vs]) =>
      vs.flatMap((v, j) => [sheet('z', jurors[j], id, v), sheet('m', jurors[j], id, v)]),
    ),
  };
}

/** The input without `id`: its submission and its sheets removed. */
function removed(input: ScoringInput, id: string): ScoringInput {
  return { ...input, submissions: input.submissions.filter((s) => s.id !== id), sheets: input.sheets.filter((s) => s.submission !== id) };
}

describe('excluded submissions (§4.11)', () => {
  it('zscore: no other score moves — the same stage scores and finals as with it included, unlike removing it', () => {
    const included = rank(season('zscore'));
    const output = rank(season('zscore', { excluded: true }));
    const gone = rank(removed(season('zscore'), 'dq'));

    const others = (o: RankOutput) =>
      Object.values(o.categories)
        .flat()
        .filter((r) => r.submission !== 'dq')
        .map((r) => [r.submission, r.final, r.stages]);
    expect(others(output)).toEqual(others(included));
    // removing its sheets instead changes μS, σS and the jurors' statistics, hence every other z score:
    const zOf = (o: RankOutput) =>
      Object.fromEntries(
        Object.values(o.categories)
          .flat()
          .map((r) => [r.submission, r.stages.z]),
      );
    for (const id of ['p', 'q', 'r']) expect(zOf(gone)[id]).not.toBe(zOf(output)[id]);
    // and dq (first when included) is nowhere in the output
    expect(included.categories.kota[0].submission).toBe('dq');
    expect(JSON.stringify(output)).not.toContain('"dq"');
  });

  it('zscore: the others are ranked as if it were absent (ranks close up behind it)', () => {
    const output = rank(season('zscore', { excluded: true }));
    expect(output.categories.kota.map((r) => [r.submission, r.rank])).toEqual([
      ['p', 1],
      ['q', 2],
    ]);
    expect(output.categories.kabupaten.map((r) => [r.submission, r.rank])).toEqual([['r', 1]]);
    expect(output.unranked).toEqual([]);
  });

  it.each<Aggregation>(['mean', 'median', 'trimmed_mean'])(
    '%s: the output equals that of the input with it removed (but the digest)',
    (aggregation) => {
      const output = rank(season(aggregation, { excluded: true }));
      expect(withoutDigest(output)).toEqual(withoutDigest(rank(removed(season(aggregation), 'dq'))));
      expect(output.inputsDigest).toBe(
        `sha256:${createHash('sha256')
          .update(canonicalize(season(aggregation, { excluded: true }))!)
          .digest('hex')}`,
      );
    },
  );

  it('a category whose only member is excluded stays a key, with no rows', () => {
    const output = rank(season('zscore', { category: 'provinsi', excluded: true }));
    expect(Object.keys(output.categories).sort()).toEqual(['kabupaten', 'kota', 'provinsi']);
    expect(output.categories.provinsi).toEqual([]);
  });

  it('an excluded innovation missing a weighted stage is not listed as unranked either', () => {
    const input: ScoringInput = {
      stages: [stage('s', 1), stage('t', 1)],
      submissions: [submission('a'), excluded(submission('b')), excluded(submission('c', 'kabupaten')), submission('d')],
      sheets: [sheet('s', 'j', 'a', 50), sheet('t', 'j', 'a', 50), sheet('s', 'j', 'b', 80), sheet('s', 'j', 'd', 40)],
    };
    expect(rank(input)).toEqual({
      inputsDigest: expect.any(String),
      categories: { kabupaten: [], kota: [{ rank: 1, submission: 'a', final: 50, band: null, stages: { s: 50, t: 50 } }] },
      unranked: [{ submission: 'd', category: 'kota', reachedStage: 's' }],
    });
  });

  it('"excluded": false is the same as absent', () => {
    expect(withoutDigest(rank(season('zscore', { excluded: false })))).toEqual(withoutDigest(rank(season('zscore'))));
  });

  it('an excluded tie partner no longer shares the rank', () => {
    const input: ScoringInput = {
      method: { tieBreak: [] },
      stages: [stage('s', 1)],
      submissions: [submission('a'), excluded(submission('b')), submission('c')],
      sheets: [sheet('s', 'j', 'a', 80), sheet('s', 'j', 'b', 80), sheet('s', 'j', 'c', 70)],
    };
    expect(rank(input).categories.kota.map((r) => [r.submission, r.rank])).toEqual([
      ['a', 1],
      ['c', 2],
    ]);
  });

  it('explain marks it excluded, without rank or final, and shows the same scale for everyone; stageScores leaves it out', () => {
    const input = season('zscore', { excluded: true });
    const explanations = explain(input);
    const dq = explanations.find((e) => e.submission === 'dq')!;
    expect(dq).toMatchObject({ excluded: true, rank: null, final: null, band: null, reachedStage: 'm' });
    expect(dq.stages[0].score).toBe(explain(season('zscore')).find((e) => e.submission === 'dq')!.stages[0].score);
    expect(explanations.filter((e) => e.submission !== 'dq').every((e) => !('excluded' in e))).toBe(true);
    // the z statistics span its sheets: 16 sheets in the stage, 4 per juror
    expect(explanations[0].stages[0].sheets.map((s) => s.jurorScale!.sheets)).toEqual([4, 4, 4, 4]);
    expect(stageScores(input).map((r) => r.submission)).toEqual(['p', 'q', 'r']);
    expect(stageScores(input).find((r) => r.submission === 'p')!.stages).toEqual(
      rank(input).categories.kota.find((r) => r.submission === 'p')!.stages,
    );
  });

  it('a snapshot with an excluded innovation verifies; listing it is a difference', () => {
    const snapshot = JSON.parse(JSON.stringify(createSnapshot(season('zscore', { excluded: true }))));
    expect(verifySnapshot(snapshot)).toEqual({ ok: true });
    snapshot.output.unranked.push({ submission: 'dq', category: 'kota', reachedStage: 'm' });
    expect(verifySnapshot(snapshot)).toMatchObject({
      ok: false,
      differences: expect.arrayContaining([expect.stringMatching(/^output\.unranked\[0\] \(dq\): not in the recomputed output/)]),
    });
  });
});
