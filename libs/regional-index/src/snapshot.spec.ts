import { createHash } from 'node:crypto';
import { canonicalize } from '@app/kernel';
import fc from 'fast-check';
import { ScoringInputError, snapshotHash } from '@app/scoring';
import { computeIndex } from './compute';
import {
  type AnswerRow,
  answerOfRow,
  createIndexSnapshot,
  createIndexSnapshotFromRows,
  isIndexSnapshot,
  verifyIndexSnapshot,
} from './snapshot';
import { answerRows, arbIndexInput } from './testing/arbitraries';
import { exampleIndexInput } from './testing/fixtures';
import { exampleInput } from '../../scoring/src/testing/fixtures';

/** The example with a second kota ranked below kota-bekasi. */
function input() {
  const x = exampleIndexInput();
  return { ...x, regions: [...x.regions, { id: 'kota-bogor', category: 'kota', groups: ['jawa'] }] };
}

describe('region ranking snapshots', () => {
  it('hashes the JCS canonical JSON of {input, output} and verifies, also after a JSON round trip', () => {
    const snapshot = createIndexSnapshot(input());
    expect(snapshot.hash).toBe(
      `sha256:${createHash('sha256')
        .update(canonicalize({ input: snapshot.input, output: snapshot.output })!)
        .digest('hex')}`,
    );
    expect(verifyIndexSnapshot(snapshot)).toEqual({ ok: true });
    expect(verifyIndexSnapshot(JSON.parse(JSON.stringify(snapshot)))).toEqual({ ok: true });
    expect(verifyIndexSnapshot({ id: 'v2', reason: 'objection upheld', ...snapshot })).toEqual({ ok: true });
  });

  it('is the plain reference: computeIndex, snapshotHash and the canonical JSON of the input, whatever the strings', () => {
    const odd = fc.string({ unit: 'binary', maxLength: 4 });
    fc.assert(
      fc.property(arbIndexInput(), odd, odd, (input, a, b) => {
        // Odd but valid: an extra field in an answer and in the input (kept, counted in the digest).
        const answers = input.answers.map((x, i) => (i === 0 ? { ...x, [a]: b } : x));
        const changed = { ...input, answers, [`x${a}`]: { b, a: [1.5, b] } };
        let made: ReturnType<typeof createIndexSnapshot>;
        try {
          made = createIndexSnapshot(changed);
        } catch (err) {
          expect(err).toBeInstanceOf(ScoringInputError);
          expect(() => computeIndex(changed)).toThrow(ScoringInputError);
          return;
        }
        expect(made.output).toEqual(computeIndex(changed));
        expect(made.hash).toBe(snapshotHash(changed, made.output));
        expect(made.inputJson.toString()).toBe(canonicalize(changed));
      }),
    );
  });

  it('from database rows (nulls for absent fields) equals the reference on the answers they stand for, or fails as it does', () => {
    const odd = fc.constantFrom('o0', 'o1', 'nope', '\ud800', 'é"\n', '');
    const edit = fc.record({
      at: fc.nat(),
      field: fc.constantFrom('indicator', 'region', 'innovation', 'self', 'verified', 'note'),
      value: fc.oneof(odd, fc.constant(null), fc.constantFrom('reg-0', 'inv-0', 'r0', 'i0', 'c0')),
    });
    // Validators' notes (any text, also empty or not well-formed) on some rows, of regions and of innovations.
    const notes = fc.array(fc.option(fc.oneof(odd, fc.string({ unit: 'binary', maxLength: 6 }))), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(arbIndexInput(), fc.array(edit, { maxLength: 3 }), fc.boolean(), notes, (input, edits, duplicate, noteOf) => {
        const { answers, ...head } = input;
        const rows = answerRows(answers, noteOf) as unknown as Record<string, unknown>[];
        for (const { at, field, value } of edits) if (rows.length) rows[at % rows.length][field] = value;
        if (duplicate && rows.length) rows.push({ ...rows[0] });
        let expected: ReturnType<typeof createIndexSnapshot> | Error;
        try {
          expected = createIndexSnapshot({ ...head, answers: (rows as unknown as AnswerRow[]).map(answerOfRow) });
        } catch (err) {
          expected = err as Error;
        }
        if (expected instanceof Error) {
          expect(() => createIndexSnapshotFromRows(head, rows as unknown as AnswerRow[])).toThrow(expected);
          return;
        }
        expect(createIndexSnapshotFromRows(head, rows as unknown as AnswerRow[])).toEqual({
          output: expected.output,
          hash: expected.hash,
          inputJson: expected.inputJson,
        });
      }),
      { numRuns: 300 },
    );
  });

  it('names the region row and field of a tampered output, and the hash', () => {
    const snapshot = JSON.parse(JSON.stringify(createIndexSnapshot(input())));
    snapshot.output.categories.kota[0].verified.iid = 60.01;
    const result = verifyIndexSnapshot(snapshot);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.differences).toEqual([
      'output.categories.kota[0] (kota-bekasi).verified.iid: stored 60.01, recomputed 23',
      expect.stringMatching(/^hash: stored sha256:[0-9a-f]{64}, but \{input, output\} hashes to sha256:[0-9a-f]{64}$/),
    ]);
  });

  it('finds a tampered input through the recomputed output', () => {
    const snapshot = JSON.parse(JSON.stringify(createIndexSnapshot(input())));
    snapshot.input.answers[0].verified = 'perda';
    const result = verifyIndexSnapshot(snapshot);
    expect(!result.ok && result.differences).toContain('output.categories.kota[0] (kota-bekasi).verified.iid: stored 23, recomputed 33');
  });

  it('refuses what is not a snapshot, or one whose input is invalid', () => {
    expect(() => verifyIndexSnapshot(exampleIndexInput())).toThrow(
      new ScoringInputError('a snapshot must be a JSON object {input, output, hash}'),
    );
    const invalid = JSON.parse(JSON.stringify(createIndexSnapshot(input())));
    invalid.input.method.basis = 'both';
    expect(() => verifyIndexSnapshot(invalid)).toThrow(/^snapshot input: method\.basis "both" is unknown/);
  });

  it.each([
    [createIndexSnapshot(exampleIndexInput()), true],
    [{ input: exampleInput(), output: {}, hash: '' }, false],
    [{ input: null }, false],
    ['x', false],
  ])('isIndexSnapshot tells a region snapshot (input with indicators) from a §4 one (%#)', (snapshot, expected) => {
    expect(isIndexSnapshot(snapshot)).toBe(expected);
  });
});
