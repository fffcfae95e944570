// fast-check arbitraries of valid scoring inputs, for the property specs.
import fc from 'fast-check';
import { AGGREGATIONS, type Aggregation, type ScoringInput, type SheetInput, type StageInput } from '../types';

export interface InputShape {
  /** Aggregations to draw from for `method` (stages get no override when `stageOverrides` is false). */
  aggregations?: readonly Aggregation[];
  stageOverrides?: boolean;
  /** Add unknown fields, unusual ids and keys (for digest properties). */
  extras?: boolean;
}

const JURORS = ['A', 'B', 'C', 'D', 'E'];

/** A scoring input whose stages are all scored from sheets (no given stage). */
export type SheetsInput = Omit<ScoringInput, 'stages'> & { stages: readonly StageInput[] };

/** A valid scoring input: 1–3 stages of 1–3 criteria, 1–7 submissions in 1–3 categories, random sheets. */
export function arbInput({
  aggregations = AGGREGATIONS,
  stageOverrides = true,
  extras = false,
}: InputShape = {}): fc.Arbitrary<SheetsInput> {
  const key = extras ? fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }) : fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h');
  const criterion = fc.record({
    weight: fc.integer({ min: 0, max: 4 }),
    min: fc.integer({ min: -5, max: 5 }),
    span: fc.integer({ min: 1, max: 20 }),
  });
  const stage = fc.record({
    weight: fc.integer({ min: 0, max: 5 }),
    criteria: fc.array(criterion, { minLength: 1, maxLength: 3 }),
    aggregation: stageOverrides ? fc.option(fc.constantFrom(...aggregations), { nil: undefined }) : fc.constant(undefined),
    trim: stageOverrides ? fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }) : fc.constant(undefined),
  });
  return fc
    .record({
      method: fc.record(
        { aggregation: fc.constantFrom(...aggregations), trim: fc.integer({ min: 0, max: 2 }), decimals: fc.constantFrom(0, 2, 4, 10) },
        { requiredKeys: ['aggregation'] },
      ),
      stages: fc.array(stage, { minLength: 1, maxLength: 3 }),
      ids: fc.uniqueArray(key, { minLength: 1, maxLength: 7 }),
      categories: fc.array(fc.constantFrom('kota', 'kabupaten', 'provinsi'), { minLength: 7, maxLength: 7 }),
      cells: fc.array(fc.option(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 3, maxLength: 3 }), { freq: 3 }), {
        minLength: 3 * 7 * JURORS.length,
        maxLength: 3 * 7 * JURORS.length,
      }),
      criterionKeys: fc.uniqueArray(key, { minLength: 3, maxLength: 3 }),
      note: extras ? fc.option(fc.string(), { nil: undefined }) : fc.constant(undefined),
    })
    .map(({ method, stages, ids, categories, cells, criterionKeys, note }): SheetsInput => {
      const stageInputs: StageInput[] = stages.map((s, i) => {
        const criteria = s.criteria.map((c, k) => ({ key: criterionKeys[k], weight: c.weight, min: c.min, max: c.min + c.span }));
        if (criteria.every((c) => c.weight === 0)) criteria[0].weight = 1;
        return {
          key: `s${i}`,
          weight: i === 0 && stages.every((st) => st.weight === 0) ? 1 : s.weight,
          criteria,
          ...(s.aggregation === undefined ? {} : { aggregation: s.aggregation }),
          ...(s.trim === undefined ? {} : { trim: s.trim }),
        };
      });
      const sheets: SheetInput[] = [];
      stageInputs.forEach((st, s) =>
        ids.forEach((id, i) =>
          JURORS.forEach((juror, j) => {
            const cell = cells[(s * 7 + i) * JURORS.length + j];
            if (!cell) return;
            // values in half steps within [min, max]
            const scores = Object.fromEntries(st.criteria.map((c, k) => [c.key, c.min + Math.round(((c.max - c.min) * cell[k]) / 20) / 2]));
            sheets.push(
              extras && cell[0] % 3 === 0
                ? ({ stage: st.key, juror, submission: id, scores, comment: `ok ${juror}` } as SheetInput)
                : { stage: st.key, juror, submission: id, scores },
            );
          }),
        ),
      );
      const input: SheetsInput = {
        method,
        stages: stageInputs,
        bands: [
          { label: 'high', min: 60 },
          { label: 'low', min: 0 },
        ],
        submissions: ids.map((id, i) => ({ id, category: categories[i], submittedAt: `2024-09-0${1 + (i % 3)}T08:00:00Z` })),
        sheets,
      };
      return note === undefined ? input : ({ ...input, note } as SheetsInput);
    });
}

/** A random permutation of `items`. */
export function arbShuffled<T>(items: readonly T[]): fc.Arbitrary<T[]> {
  return fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });
}

/** The same JSON value with the keys of every object in a random order. */
export function arbKeyOrder(value: unknown): fc.Arbitrary<unknown> {
  if (Array.isArray(value)) return fc.tuple(...value.map(arbKeyOrder));
  if (typeof value !== 'object' || value === null) return fc.constant(value);
  const entries = Object.entries(value);
  return fc.tuple(arbShuffled(entries.map(([k]) => k)), ...entries.map(([, v]) => arbKeyOrder(v))).map(([order, ...values]) => {
    const byKey = new Map(entries.map(([k], i) => [k, values[i]]));
    const out: Record<string, unknown> = {};
    for (const k of order) Object.defineProperty(out, k, { value: byKey.get(k), enumerable: true, writable: true, configurable: true });
    return out;
  });
}
