import fc from 'fast-check';
import { ScoringInputError, inputsDigest } from '@app/scoring';
import { indexDigest, plainAnswerJson } from './digest';
import { arbIndexInput } from './testing/arbitraries';
import { exampleIndexInput } from './testing/fixtures';
import { canonicalize } from '@app/kernel';

describe('indexDigest: the streamed §4 rule 7 digest', () => {
  it.each([
    [{ indicator: 'regulasi', region: 'kota-bekasi', self: 'perda', verified: 'perkada' }],
    [{ verified: 'é', self: 'a"b\\c\n', innovation: '😀', indicator: '\u001f' }],
    [{ indicator: 'x', self: 'y' }],
    [{ region: 'r', indicator: 'x', self: 'y', verified: 'z', note: 'Perda masih rancangan — “draf”' }],
  ])('writes a plain answer as canonicalize does (%#)', (answer) => {
    expect(plainAnswerJson(answer)).toBe(canonicalize(answer));
  });

  it.each([
    [{ indicator: 'x', self: 'y', evidence: ['sk.pdf'] }],
    [{ indicator: 'x', self: null }],
    [{ indicator: 'x', self: 3 }],
    [{ indicator: 'x', self: '\ud800' }],
    [[]],
    [null],
  ])('leaves anything else to canonicalize (%#)', (answer) => {
    expect(plainAnswerJson(answer)).toBeNull();
  });

  it('equals inputsDigest on valid inputs, with odd strings and extra fields', () => {
    const odd = fc.string({ unit: 'binary', maxLength: 4 });
    fc.assert(
      fc.property(
        arbIndexInput(),
        fc.array(fc.record({ at: fc.nat(), field: fc.constantFrom('self', 'note', 'region'), value: fc.oneof(odd, fc.integer()) }), {
          maxLength: 4,
        }),
        (input, edits) => {
          const answers = input.answers.map((a) => ({ ...a })) as Record<string, unknown>[];
          for (const { at, field, value } of edits) if (answers.length) answers[at % answers.length][field] = value;
          const changed = { ...input, answers, extra: { b: 1, a: [2] } };
          let expected: string;
          try {
            expected = inputsDigest(changed);
          } catch (err) {
            expect(err).toBeInstanceOf(ScoringInputError);
            expect(() => indexDigest(changed)).toThrow(ScoringInputError);
            return;
          }
          expect(indexDigest(changed)).toBe(expected);
        },
      ),
    );
  });

  it('refuses a lone surrogate as invalid input', () => {
    const input = exampleIndexInput() as unknown as { answers: Record<string, unknown>[] };
    input.answers[0].note = '\udc00';
    expect(() => indexDigest(input)).toThrow(/^cannot canonicalize the input/);
  });
});
