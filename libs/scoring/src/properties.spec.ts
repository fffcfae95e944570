import { createHash } from 'node:crypto';
import { canonicalize } from '@app/kernel';
import fc from 'fast-check';
import { inputsDigest, preparedDigest } from './digest';
import { explain } from './explain';
import { rank } from './rank';
import { arbInput, arbKeyOrder, arbShuffled } from './testing/arbitraries';
import { deepFreeze, withoutDigest } from './testing/fixtures';
import type { RankOutput, ScoringInput } from './types';
import { prepare } from './validate';

/** The output without its digest (which changes with any change of the input). */
function ranking(input: unknown): Omit<RankOutput, 'inputsDigest'> {
  return withoutDigest(rank(input));
}

describe('properties of rank', () => {
  it('shuffling the sheets and the submissions changes nothing', () => {
    fc.assert(
      fc.property(
        arbInput().chain((input) => fc.tuple(fc.constant(input), arbShuffled(input.sheets), arbShuffled(input.submissions))),
        ([input, sheets, submissions]) => {
          const shuffled = { ...input, sheets, submissions };
          expect(JSON.stringify(ranking(shuffled))).toBe(JSON.stringify(ranking(input)));
        },
      ),
    );
  });

  it("raising one criterion value never lowers that innovation's final score under mean", () => {
    const arb = arbInput({ aggregations: ['mean'], stageOverrides: false })
      .filter((input) => input.sheets.length > 0)
      .chain((input) =>
        fc.tuple(fc.constant(input), fc.nat(input.sheets.length - 1), fc.nat(2), fc.double({ min: 0, max: 1, noNaN: true })),
      );
    fc.assert(
      fc.property(arb, ([input, s, c, fraction]) => {
        const target = input.sheets[s];
        const criteria = input.stages.find((st) => st.key === target.stage)!.criteria;
        const criterion = criteria[c % criteria.length];
        const value = target.scores[criterion.key];
        const raised = value + (criterion.max - value) * fraction;
        const changed: ScoringInput = {
          ...input,
          sheets: input.sheets.map((sh, i) => (i === s ? { ...sh, scores: { ...sh.scores, [criterion.key]: raised } } : sh)),
        };
        const before = explain(input).find((e) => e.submission === target.submission)!;
        const after = explain(changed).find((e) => e.submission === target.submission)!;
        expect(after.final === null).toBe(before.final === null);
        if (before.final !== null) expect(after.final!).toBeGreaterThanOrEqual(before.final);
        after.stages.forEach((st, k) => expect(st.score ?? 0).toBeGreaterThanOrEqual(before.stages[k].score ?? 0));
      }),
    );
  });

  // Under zscore, adding a constant to all of one juror's criterion values shifts that juror's sheet scores
  // by a constant, which leaves every sheet's standardized position (r − μj)/σj unchanged. μS and σS pool
  // every raw sheet score, so they (and with them the stage scores' absolute values) move: what does not
  // change is where each sheet lands in the stage, (adjusted − μS)/σS, hence the order of the innovations by
  // a single zscore stage — provided no juror keeps raw scores and no adjusted value is clamped (both checked).
  // The new stage scores are a positive affine map of the old ones, so rounding can merge or split a tie but
  // never reverse two innovations.
  it("adding a constant to all of one juror's scores moves no z-position and reverses no two innovations under zscore", () => {
    const arb = arbInput({ aggregations: ['zscore'], stageOverrides: false })
      .map((input) => ({
        ...input,
        stages: input.stages.slice(0, 1).map((s) => ({ ...s, weight: 1 })),
        sheets: input.sheets.filter((sh) => sh.stage === 's0'),
      }))
      .filter((input) => input.sheets.length > 0)
      .chain((input) =>
        fc.tuple(fc.constant(input), fc.constantFrom(...new Set(input.sheets.map((s) => s.juror))), fc.integer({ min: -20, max: 20 })),
      );
    fc.assert(
      fc.property(arb, ([input, juror, constant]) => {
        const { criteria } = input.stages[0];
        const own = input.sheets.filter((s) => s.juror === juror);
        // keep every shifted value within its criterion's range
        const low = Math.max(...criteria.map((c) => c.min - Math.min(...own.map((s) => s.scores[c.key]))));
        const high = Math.min(...criteria.map((c) => c.max - Math.max(...own.map((s) => s.scores[c.key]))));
        const shift = Math.max(low, Math.min(high, constant));
        fc.pre(shift !== 0);
        const shifted: ScoringInput = {
          ...input,
          sheets: input.sheets.map((s) =>
            s.juror === juror ? { ...s, scores: Object.fromEntries(Object.entries(s.scores).map(([k, v]) => [k, v + shift])) } : s,
          ),
        };
        const [before, after] = [explain(input), explain(shifted)];
        for (const explanation of [...before, ...after]) {
          for (const sheet of explanation.stages[0].sheets) {
            fc.pre(!sheet.jurorScale!.keptRaw && sheet.adjusted! > 0 && sheet.adjusted! < 100);
          }
        }
        const position = (explanations: typeof before) =>
          explanations.flatMap((e) =>
            e.stages[0].sheets.map((s) => (s.adjusted! - e.stages[0].stageScale!.mean) / e.stages[0].stageScale!.sd),
          );
        const [p0, p1] = [position(before), position(after)];
        p1.forEach((p, i) => expect(p).toBeCloseTo(p0[i], 9));
        const ranked = (explanations: typeof before) =>
          explanations.filter((e) => e.final !== null).map((e) => [e.submission, e.final!] as const);
        const [f0, f1] = [ranked(before), ranked(after)];
        expect(f1.map(([id]) => id)).toEqual(f0.map(([id]) => id));
        f0.forEach(([, a], i) => f0.forEach(([, b], k) => a > b && expect(f1[i][1]).toBeGreaterThanOrEqual(f1[k][1])));
      }),
      { numRuns: 200 },
    );
  });

  it('never modifies its input, and lists every submission once, ranked or unranked, with competition ranks', () => {
    fc.assert(
      fc.property(arbInput(), (input) => {
        const output = rank(deepFreeze(input));
        const listed = [
          ...Object.values(output.categories)
            .flat()
            .map((r) => r.submission),
          ...output.unranked.map((u) => u.submission),
        ];
        expect(listed.sort()).toEqual(input.submissions.map((s) => s.id).sort());
        for (const rows of Object.values(output.categories)) {
          rows.forEach((row, i) => {
            if (i === 0) expect(row.rank).toBe(1);
            else expect([rows[i - 1].rank, i + 1]).toContain(row.rank);
            if (i > 0) expect(row.final).toBeLessThanOrEqual(rows[i - 1].final);
          });
        }
      }),
    );
  });
});

describe('properties of excluded submissions (§4.11)', () => {
  /** An input and a non-empty subset of its submissions to exclude. */
  const arbExcluding = (shape: Parameters<typeof arbInput>[0] = {}) =>
    arbInput(shape).chain((input) =>
      fc.tuple(
        fc.constant(input),
        fc.subarray(
          input.submissions.map((s) => s.id),
          { minLength: 1 },
        ),
      ),
    );
  const excluding = (input: ScoringInput, ids: readonly string[]): ScoringInput => ({
    ...input,
    submissions: input.submissions.map((s) => (ids.includes(s.id) ? { ...s, excluded: true } : s)),
  });

  it("excluding never changes any other submission's stage scores, under every aggregation", () => {
    fc.assert(
      fc.property(arbExcluding(), ([input, ids]) => {
        const before = new Map(explain(input).map((e) => [e.submission, e.stages.map((st) => st.score)]));
        const after = explain(excluding(input, ids));
        for (const e of after) expect(e.stages.map((st) => st.score)).toEqual(before.get(e.submission));
        const listed = [
          ...Object.values(rank(excluding(input, ids)).categories)
            .flat()
            .map((r) => r.submission),
          ...rank(excluding(input, ids)).unranked.map((u) => u.submission),
        ];
        expect(listed.filter((id) => ids.includes(id))).toEqual([]);
        expect(listed.length).toBe(input.submissions.length - ids.length);
      }),
    );
  });

  it('without zscore, excluding equals removing the submission and its sheets (every category still a key)', () => {
    fc.assert(
      fc.property(arbExcluding({ aggregations: ['mean', 'median', 'trimmed_mean'] }), ([input, ids]) => {
        const removed = {
          ...input,
          submissions: input.submissions.filter((s) => !ids.includes(s.id)),
          sheets: input.sheets.filter((s) => !ids.includes(s.submission)),
        };
        const expected = ranking(removed);
        for (const category of new Set(input.submissions.map((s) => s.category))) expected.categories[category] ??= [];
        expect(ranking(excluding(input, ids))).toEqual(expected);
      }),
    );
  });
});

describe('properties of given stages (§4.10)', () => {
  it('a given stage fed the stage scores that sheets produce ranks exactly as those sheets do', () => {
    const arb = arbInput().chain((input) =>
      fc.tuple(fc.constant(input), fc.nat(input.stages.length - 1), arbShuffled(input.submissions.map((s) => s.id))),
    );
    fc.assert(
      fc.property(arb, ([input, s, order]) => {
        const key = input.stages[s].key;
        const scores = new Map(explain(input).map((e) => [e.submission, e.stages[s].score]));
        const asGiven: ScoringInput = {
          ...input,
          stages: input.stages.map((st, i) =>
            i === s ? { key: st.key, weight: st.weight, given: true as const, aggregation: st.aggregation, trim: st.trim } : st,
          ),
          sheets: input.sheets.filter((sh) => sh.stage !== key),
          given: order.flatMap((id) => (scores.get(id) === null ? [] : [{ stage: key, submission: id, score: scores.get(id)! }])),
        };
        expect(ranking(asGiven)).toEqual(ranking(input));
      }),
    );
  });
});

describe('properties of the digest', () => {
  const sha256 = (value: unknown) => `sha256:${createHash('sha256').update(canonicalize(value)!).digest('hex')}`;

  it('is stable under key order', () => {
    fc.assert(
      fc.property(
        arbInput({ extras: true }).chain((input) => fc.tuple(fc.constant(input), arbKeyOrder(input))),
        ([input, reordered]) => {
          expect(rank(reordered).inputsDigest).toBe(rank(input).inputsDigest);
          expect(rank(input).inputsDigest).toBe(sha256(input));
        },
      ),
    );
  });

  it('the streamed digest equals one canonicalize call, whatever the extras', () => {
    fc.assert(
      fc.property(arbInput({ extras: true }), (input) => {
        expect(preparedDigest(prepare(input))).toBe(inputsDigest(input));
      }),
    );
  });
});
