import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { ScoringInputError } from '@app/scoring';
import { createIndexSnapshot, isIndexSnapshot, verifyIndexSnapshot } from './snapshot';
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
