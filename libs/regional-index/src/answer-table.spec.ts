import fc from 'fast-check';
import { compareIds } from '@app/scoring';
import { IndexAnswerTable, streamIndexSnapshot } from './answer-table';
import { answersInOrder } from './domain/framework';
import { type AnswerRow, answerOfRow, createIndexSnapshot } from './snapshot';
import { answerRows, arbIndexInput } from './testing/arbitraries';

/** Adds rows by their keys (what the publication's reader does by bytes); false at the first one the table refuses. */
function addAll(table: IndexAnswerTable, rows: readonly AnswerRow[]): boolean {
  const { indicators, regions, innovations } = table.prepared;
  return rows.every((row) => {
    const at = indicators.findIndex((x) => x.key === row.indicator);
    const region = row.region != null;
    const owner = (region ? regions : innovations).findIndex((o) => o.id === (region ? row.region : row.innovation));
    const options = indicators[at]?.options.map((o) => o.key) ?? [];
    const verified = row.verified == null ? -1 : options.indexOf(row.verified);
    if (at < 0 || owner < 0 || !options.includes(row.self) || (row.verified != null && verified < 0)) return false;
    return table.add(at, region, owner, options.indexOf(row.self), verified, row.note ?? null) >= 0;
  });
}

describe('IndexAnswerTable and streamIndexSnapshot: the published snapshot written in chunks from answers by position', () => {
  it('equals createIndexSnapshot of the input in its order, whatever the chunk size, and takes every valid input', () => {
    const notes = fc.array(fc.option(fc.oneof(fc.constantFrom('', 'é"\\\n'), fc.string({ unit: 'binary', maxLength: 6 }))), {
      minLength: 1,
      maxLength: 5,
    });
    fc.assert(
      fc.property(arbIndexInput(), notes, fc.integer({ min: 1, max: 300 }), fc.boolean(), (input, noteOf, chunk, duplicate) => {
        const { answers, ...rest } = input;
        // As indexInputFrom makes it: regions and innovations by id.
        const byId = <T extends { id: string }>(items: readonly T[]) => [...items].sort((a, b) => compareIds(a.id, b.id));
        const head = { ...rest, regions: byId(rest.regions), innovations: byId(rest.innovations) };
        const rows = answerRows(answers, noteOf);
        if (duplicate && rows.length) rows.push({ ...rows[rows.length - 1], self: rows[0].self });
        const ordered = answersInOrder(rows, head.indicators);
        let expected: ReturnType<typeof createIndexSnapshot> | undefined;
        try {
          expected = createIndexSnapshot({ ...head, answers: ordered.map(answerOfRow) });
        } catch {
          expected = undefined;
        }
        const table = IndexAnswerTable.of(head)!;
        expect(table).not.toBeNull();
        const taken = addAll(table, rows);
        // Every input the reference takes, the table takes (a second answer or an ill-formed note it refuses).
        expect(taken).toBe(expected !== undefined);
        if (!expected) return;
        const stream = streamIndexSnapshot(table, chunk);
        const chunks = [...stream.input];
        expect(chunks.slice(0, -1).every((c) => c.length >= 1)).toBe(true);
        expect(Buffer.concat(chunks).toString()).toBe(expected.inputJson.toString());
        expect(stream.result()).toEqual({ output: expected.output, hash: expected.hash });
      }),
      { numRuns: 300 },
    );
  });

  it('refuses what the reference must judge: a count indicator, an owner of the other kind, a second answer, an unknown position', () => {
    const input = {
      indicators: [
        { key: 'r', scope: 'region' as const, options: [{ key: 'a', score: 1 }] },
        { key: 'c', scope: 'count' as const, steps: [{ min: 1, score: 1 }] },
      ],
      regions: [{ id: 'x', category: 'kota' }],
      innovations: [],
    };
    const table = IndexAnswerTable.of(input)!;
    expect(table.add(1, true, 0, 0, -1, null)).toBe(-1);
    expect(table.add(0, false, 0, 0, -1, null)).toBe(-1);
    expect(table.add(0, true, 1, 0, -1, null)).toBe(-1);
    expect(table.add(0, true, 0, 1, -1, null)).toBe(-1);
    expect(table.add(0, true, 0, 0, 1, null)).toBe(-1);
    expect(table.add(0, true, 0, 0, -1, '\ud800')).toBe(-1);
    expect(table.add(0, true, 0, 0, 0, 'ok')).toBe(0);
    expect(table.add(0, true, 0, 0, -1, null)).toBe(-1);
    // Regions not ordered by id: the table's order would not be the input's.
    expect(
      IndexAnswerTable.of({
        ...input,
        regions: [
          { id: 'y', category: 'kota' },
          { id: 'x', category: 'kota' },
        ],
      }),
    ).toBeNull();
  });
});
