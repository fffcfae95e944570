import { inputsDigest, jcsSha256, preparedDigest, preparedSnapshotHash, streamedSnapshotHash } from './digest';
import { rank } from './rank';
import { createSnapshot, snapshotHash } from './snapshot';
import { ScoringInputError } from './scoring.errors';
import { exampleInput } from './testing/fixtures';
import type { ScoringInput } from './types';
import { prepare } from './validate';

/** The §4 example's digest, computed outside this code (node + canonicalize + sha256 of the file as parsed). */
const EXAMPLE_DIGEST = 'sha256:c2135eb30441edcc052b2a8832b740054f403676c8e8d3028a2e1eb8cf7d542b';

type Json = any; // test inputs built loosely on purpose

function expectSameDigest(input: Json): void {
  const digest = inputsDigest(input);
  expect(preparedDigest(prepare(input))).toBe(digest);
  // The snapshot hash streams the same way: {"input": …, "output": …} in JCS, never one string.
  const output = rank(input);
  const whole = jcsSha256({ input, output });
  expect(preparedSnapshotHash(prepare(input), output)).toBe(whole);
  expect(streamedSnapshotHash(input, output)).toBe(whole);
  expect(snapshotHash(input, output)).toBe(whole);
  expect(createSnapshot(input).hash).toBe(whole);
}

describe('inputsDigest', () => {
  it('hashes the RFC 8785 canonical JSON', () => {
    expect(inputsDigest(exampleInput())).toBe(EXAMPLE_DIGEST);
    expect(jcsSha256({ b: [1e21, 0.1, -0, 'é'], a: null })).toBe(jcsSha256(JSON.parse('{"a":null,"b":[1e+21,0.1,0,"\\u00e9"]}')));
  });

  it('rejects what has no canonical JSON', () => {
    expect(() => inputsDigest({ s: '\udc00' })).toThrow(ScoringInputError);
    expect(() => inputsDigest(undefined)).toThrow(/no JSON form/);
  });
});

describe('preparedDigest and the snapshot hash stream exactly the bytes of one canonicalize call', () => {
  const withSheets = (change: (input: Json) => void): Json => {
    const input: Json = exampleInput();
    change(input);
    return input;
  };

  it.each<[string, Json]>([
    ['the example', exampleInput()],
    ['a sheet with an extra field', withSheets((i) => (i.sheets[0].comment = 'bagus'))],
    [
      'a sheet with a null-prototype scores object',
      withSheets((i) => (i.sheets[0].scores = Object.assign(Object.create(null), { novelty: 8 }))),
    ],
    [
      'keys and ids that need escaping or sort by UTF-16 code units',
      withSheets((i) => {
        i.stages[0].criteria = ['a"b', 'é', '😀', '\uffff', '10', '2', '__proto__', 'novelty'].map((key) => ({
          key,
          weight: 1,
          min: -1,
          max: 1e22,
        }));
        i.sheets[0].scores = JSON.parse('{"a\\"b":0,"é":1e21,"😀":-0,"\\uffff":0.1,"10":1e-7,"2":1,"__proto__":0.5,"novelty":8}');
        i.submissions[0].id = 'si\n"taro"';
        i.sheets.forEach((s: Json) => (s.submission = 'si\n"taro"'));
        i.sheets[1].juror = '\u2028juror';
        i.stages[1].key = '\u0000field';
        i.sheets[1].stage = '\u0000field';
        i.method.tieBreak = [];
      }),
    ],
    ['unknown top-level members, arrays included', { ...exampleInput(), notes: [1, { b: 1, a: [true, null] }], z: 'last', '': 'first' }],
    ['a member without JSON form', { ...exampleInput(), skipped: undefined }],
    ['holes in an unknown array', { ...exampleInput(), sparse: [1, , 3] }], // eslint-disable-line no-sparse-arrays
  ])('%s', (_name, input) => expectSameDigest(input));

  it('falls back to one canonicalize call for an input with toJSON', () => {
    const input = Object.assign(Object.create({ toJSON: () => exampleInput() }), exampleInput()) as ScoringInput;
    expectSameDigest(input);
    expect(preparedDigest(prepare(input))).toBe(EXAMPLE_DIGEST);
  });

  it('rejects a lone surrogate anywhere, like canonicalize', () => {
    expect(() => preparedDigest(prepare(withSheets((i) => (i.sheets[1].juror = 'j\ud800'))))).toThrow(/Lone surrogate/);
    expect(() => preparedDigest(prepare({ ...exampleInput(), note: '\ud800' }))).toThrow(ScoringInputError);
  });
});
