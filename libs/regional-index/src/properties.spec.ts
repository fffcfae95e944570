import fc from 'fast-check';
import { computeIndex } from './compute';
import { arbIndexInput, arbShuffled } from './testing/arbitraries';
import type { IndexInput, IndexOutput, IndexRow } from './types';

/** The output without its digest (which changes with any change of the input). */
function result(input: IndexInput): Omit<IndexOutput, 'inputsDigest'> {
  const { inputsDigest: _digest, ...rest } = computeIndex(input);
  return rest;
}

function allRows(output: Omit<IndexOutput, 'inputsDigest'>): IndexRow[][] {
  return [...Object.values(output.categories), ...Object.values(output.groups)];
}

describe('properties of computeIndex', () => {
  it('the order of the answers never changes the output, nor does the order of the regions', () => {
    fc.assert(
      fc.property(
        arbIndexInput().chain((input) => fc.tuple(fc.constant(input), arbShuffled(input.answers), arbShuffled(input.regions))),
        ([input, answers, regions]) => {
          const expected = JSON.stringify(result(input));
          expect(JSON.stringify(result({ ...input, answers }))).toBe(expected);
          expect(JSON.stringify(result({ ...input, regions }))).toBe(expected);
        },
      ),
    );
  });

  it("adding an innovation whose answers all score 0 never raises a region's sid, and below minInnovations keeps it", () => {
    fc.assert(
      fc.property(arbIndexInput({ counts: false }), fc.nat(), fc.boolean(), (input, pick, answered) => {
        const region = input.regions[pick % input.regions.length].id;
        const zeroAnswers = input.indicators.flatMap((indicator) => {
          const zero = indicator.options?.find((o) => o.score === 0);
          return indicator.scope === 'innovation' && zero && answered
            ? [{ innovation: 'added', indicator: indicator.key, self: zero.key, verified: zero.key }]
            : [];
        });
        const grown: IndexInput = {
          ...input,
          innovations: [...input.innovations, { id: 'added', region }],
          answers: [...input.answers, ...zeroAnswers],
        };
        const minInnovations = input.method?.minInnovations ?? 10;
        const find = (out: Omit<IndexOutput, 'inputsDigest'>) =>
          Object.values(out.categories)
            .flat()
            .find((r) => r.region === region)!;
        const before = find(result(input));
        const after = find(result(grown));
        for (const basis of ['self', 'verified'] as const) {
          expect(after[basis].innovations).toBe(before[basis].innovations + 1);
          expect(after[basis].sid).toBeLessThanOrEqual(before[basis].sid);
          if (after[basis].innovations <= minInnovations) expect(after[basis].sid).toBe(before[basis].sid);
        }
      }),
    );
  });

  it('ranks are competition ranks: 1 + the number of rows strictly ahead, equal only for equal keys', () => {
    fc.assert(
      fc.property(arbIndexInput(), (input) => {
        const basis = input.method?.basis ?? 'verified';
        const tieBreak = input.method?.tieBreak ?? ['sid', 'spd', 'innovations'];
        const key = (row: IndexRow) => [row[basis].iid, ...tieBreak.map((t) => row[basis][t])];
        const ahead = (a: IndexRow, b: IndexRow) => {
          const [x, y] = [key(a), key(b)];
          const k = x.findIndex((v, n) => v !== y[n]);
          return k >= 0 && x[k] > y[k];
        };
        for (const rows of allRows(result(input))) {
          rows.forEach((row, k) => {
            expect(row.rank).toBe(1 + rows.filter((other) => ahead(other, row)).length);
            if (k > 0) {
              const previous = rows[k - 1];
              expect(previous.rank <= row.rank).toBe(true);
              if (previous.rank === row.rank) {
                expect(key(previous)).toEqual(key(row));
                expect(previous.region < row.region).toBe(true);
              } else {
                expect(row.rank).toBe(k + 1);
              }
            }
          });
        }
      }),
    );
  });

  it('every region appears once in its category and once in each of its groups', () => {
    fc.assert(
      fc.property(arbIndexInput(), (input) => {
        const out = result(input);
        for (const region of input.regions) {
          expect(out.categories[region.category].filter((r) => r.region === region.id)).toHaveLength(1);
          for (const group of region.groups ?? []) expect(out.groups[group].filter((r) => r.region === region.id)).toHaveLength(1);
        }
        expect(Object.values(out.categories).flat()).toHaveLength(input.regions.length);
      }),
    );
  });
});
