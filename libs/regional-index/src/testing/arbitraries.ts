// fast-check arbitraries of valid regional index inputs, for the property specs.
import fc from 'fast-check';
import type { AnswerRow } from '../snapshot';
import type { AnswerInput, IndexInput, IndicatorInput } from '../types';

export interface IndexShape {
  /** Include `count` indicators (default true). */
  counts?: boolean;
}

const CATEGORIES = ['kota', 'kabupaten', 'provinsi'];
const GROUPS = ['jawa', 'sumatera', 'sulawesi'];

/** Small scores with few distinct values, so that ties are frequent. */
const score = fc.constantFrom(0, 0, 1, 2, 3, 0.5, 1.25);

/** 1–3 region indicators, 1–4 innovation indicators, 0–2 count indicators, in a shuffled order. */
function arbIndicators({ counts = true }: IndexShape): fc.Arbitrary<IndicatorInput[]> {
  const options = fc.array(score, { minLength: 1, maxLength: 4 }).map((scores) => scores.map((s, k) => ({ key: `o${k}`, score: s })));
  const steps = fc
    .uniqueArray(fc.nat(6), { minLength: 1, maxLength: 3 })
    .chain((mins) =>
      fc
        .array(score, { minLength: mins.length, maxLength: mins.length })
        .map((scores) => mins.map((min, k) => ({ min, score: scores[k] }))),
    );
  return fc
    .record({
      region: fc.array(options, { minLength: 1, maxLength: 3 }),
      innovation: fc.array(options, { minLength: 1, maxLength: 4 }),
      count: counts ? fc.array(steps, { maxLength: 2 }) : fc.constant<{ min: number; score: number }[][]>([]),
    })
    .map(({ region, innovation, count }): IndicatorInput[] => [
      ...region.map((o, k): IndicatorInput => ({ key: `r${k}`, scope: 'region', options: o })),
      ...innovation.map((o, k): IndicatorInput => ({ key: `i${k}`, scope: 'innovation', options: o })),
      ...count.map((s, k): IndicatorInput => ({ key: `c${k}`, scope: 'count', steps: s })),
    ])
    .filter((indicators) => indicators.some((x) => [...(x.options ?? []), ...(x.steps ?? [])].some((o) => o.score > 0)))
    .chain((indicators) => fc.shuffledSubarray(indicators, { minLength: indicators.length, maxLength: indicators.length }));
}

/** A valid input: 1–6 regions in 1–3 categories and 0–2 groups each, 0–12 innovations, random answers. */
export function arbIndexInput(shape: IndexShape = {}): fc.Arbitrary<IndexInput> {
  return fc
    .record({
      indicators: arbIndicators(shape),
      regions: fc.array(fc.record({ category: fc.constantFrom(...CATEGORIES), groups: fc.subarray(GROUPS, { maxLength: 2 }) }), {
        minLength: 1,
        maxLength: 6,
      }),
      innovations: fc.array(fc.record({ region: fc.nat(), eligible: fc.option(fc.boolean(), { nil: undefined }) }), { maxLength: 12 }),
      answerSeeds: fc.array(fc.record({ answered: fc.boolean(), self: fc.nat(), verified: fc.option(fc.nat(), { nil: undefined }) }), {
        minLength: 100,
        maxLength: 100,
      }),
      method: fc.record(
        {
          decimals: fc.constantFrom(0, 1, 2, 4),
          minInnovations: fc.integer({ min: 1, max: 5 }),
          basis: fc.constantFrom('self' as const, 'verified' as const),
          tieBreak: fc.subarray(['sid', 'spd', 'innovations'] as const),
        },
        { requiredKeys: [] },
      ),
    })
    .map(({ indicators, regions: rawRegions, innovations: rawInnovations, answerSeeds, method }): IndexInput => {
      const regions = rawRegions.map((r, k) => ({ id: `reg-${k}`, category: r.category, groups: r.groups }));
      const innovations = rawInnovations.map((x, k) => ({
        id: `inv-${k}`,
        region: regions[x.region % regions.length].id,
        ...(x.eligible === undefined ? {} : { eligible: x.eligible }),
      }));
      const answers: AnswerInput[] = [];
      let seed = 0;
      for (const indicator of indicators) {
        if (indicator.scope === 'count') continue;
        const owners =
          indicator.scope === 'region' ? regions.map((r) => ({ region: r.id })) : innovations.map((x) => ({ innovation: x.id }));
        for (const owner of owners) {
          const s = answerSeeds[seed++ % answerSeeds.length];
          if (!s.answered) continue;
          const options = indicator.options!;
          const chosen: AnswerInput = { ...owner, indicator: indicator.key, self: options[s.self % options.length].key };
          if (s.verified !== undefined) chosen.verified = options[s.verified % options.length].key;
          answers.push(chosen);
        }
      }
      return { method, indicators, regions, innovations, answers };
    });
}

/** A permutation of `items`. */
export function arbShuffled<T>(items: readonly T[]): fc.Arbitrary<T[]> {
  return fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });
}

/** The answers as the database returns them (null for an absent field), with `notes[i % notes.length]` as their notes. */
export function answerRows(answers: readonly AnswerInput[], notes: readonly (string | null)[]): AnswerRow[] {
  return answers.map((a, i) => ({
    indicator: a.indicator,
    region: a.region ?? null,
    innovation: a.innovation ?? null,
    self: a.self,
    verified: a.verified ?? null,
    note: notes[i % notes.length] ?? null,
  }));
}
