import { createHash } from 'node:crypto';
import { canonicalize } from '@app/kernel';
import { ScoringInputError } from './scoring.errors';
import { createPublishedSnapshot, createSnapshot, verifySnapshot } from './snapshot';
import { exampleInput, sheet, stage, submission } from './testing/fixtures';
import type { ScoringInput } from './types';

/** Two categories; sitaro (78) before patriot (74) in kota; sipd unranked. */
function input(): ScoringInput {
  return {
    ...exampleInput(),
    submissions: [...exampleInput().submissions, submission('patriot', 'kota'), submission('sipd', 'kabupaten')],
    sheets: [
      ...exampleInput().sheets,
      { stage: 'presentation', juror: 'j1', submission: 'patriot', scores: { novelty: 9 } },
      { stage: 'field', juror: 'j2', submission: 'patriot', scores: { impact: 3 } },
      { stage: 'presentation', juror: 'j1', submission: 'sipd', scores: { novelty: 5 } },
    ],
  };
}

describe('snapshots', () => {
  it('hashes the JCS canonical JSON of {input, output}', () => {
    const snapshot = createSnapshot(input());
    expect(snapshot.hash).toBe(
      `sha256:${createHash('sha256')
        .update(canonicalize({ input: snapshot.input, output: snapshot.output })!)
        .digest('hex')}`,
    );
    expect(verifySnapshot(snapshot)).toEqual({ ok: true });
    expect(verifySnapshot(JSON.parse(JSON.stringify(snapshot)))).toEqual({ ok: true });
  });

  it('a published snapshot is createSnapshot with its input as canonical JSON, written once', () => {
    // Unknown fields, a sheet not of the plain shape and non-ASCII text take the checked paths.
    const value = {
      ...input(),
      note: { z: 'é “x”', a: [1.5, null] },
      sheets: [...input().sheets, { stage: 'field', juror: 'j9', submission: 'sipd', scores: { impact: 4 }, extra: true }],
    };
    const published = createPublishedSnapshot(value);
    const reference = createSnapshot(value);
    const text = Buffer.concat(published.inputJson.chunks).toString('utf8');
    expect(text).toBe(canonicalize(value));
    expect(published.inputJson.length).toBe(Buffer.byteLength(text));
    expect(published.output).toEqual(reference.output);
    expect(published.hash).toBe(reference.hash);
    expect(published.input).toBe(value);
    expect(verifySnapshot(JSON.parse(JSON.stringify({ input: JSON.parse(text), output: published.output, hash: published.hash })))).toEqual(
      { ok: true },
    );
    expect(() => createPublishedSnapshot({ ...value, sheets: 'none' })).toThrow(ScoringInputError);
  });

  it('ignores the metadata a published snapshot carries besides {input, output, hash}', () => {
    const published = {
      id: 'f3c1',
      competition: 'iga-2024',
      version: 2,
      reason: 'objection upheld',
      publishedAt: '2024-12-01T00:00:00Z',
      ...createSnapshot(input()),
    };
    expect(verifySnapshot(published)).toEqual({ ok: true });
  });

  it('names the row and field of a tampered output, and the hash', () => {
    const snapshot = JSON.parse(JSON.stringify(createSnapshot(input())));
    snapshot.output.categories.kota[0].final = 99;
    expect(verifySnapshot(snapshot)).toEqual({
      ok: false,
      differences: [
        'output.categories.kota[0] (sitaro).final: stored 99, recomputed 78',
        expect.stringMatching(/^hash: stored sha256:[0-9a-f]{64}, but \{input, output\} hashes to sha256:[0-9a-f]{64}$/),
      ],
    });
  });

  it('detects a tampered input even when the hash is recomputed, through the output', () => {
    const snapshot = createSnapshot(input());
    const changed = {
      ...(snapshot.input as ScoringInput),
      sheets: (snapshot.input as ScoringInput).sheets.map((s, i) => (i === 0 ? { ...s, scores: { novelty: 10 } } : s)),
    };
    const forged = { ...snapshot, input: changed, hash: createSnapshot(changed).hash };
    const result = verifySnapshot(forged);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.differences).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^output\.inputsDigest: stored "sha256:/),
        'output.categories.kota[0] (sitaro).final: stored 78, recomputed 90',
        'output.categories.kota[0] (sitaro).stages.presentation: stored 80, recomputed 100',
        expect.stringMatching(/^hash: /),
      ]),
    );
  });

  it('reports missing and extra rows, fields and categories', () => {
    const snapshot = JSON.parse(JSON.stringify(createSnapshot(input())));
    snapshot.output.categories.kota.pop();
    snapshot.output.categories.kota[0].note = 'extra';
    delete snapshot.output.categories.kabupaten;
    snapshot.output.categories.provinsi = [];
    const result = verifySnapshot(snapshot);
    expect(!result.ok && result.differences.slice(0, -1)).toEqual([
      'output.categories.kabupaten: missing from the stored output (recomputed [])',
      'output.categories.kota[0] (sitaro).note: not in the recomputed output (stored "extra")',
      'output.categories.kota[1] (patriot): missing from the stored output (recomputed {"rank":2,"submission":"patriot","final":74,"band":"Inovatif","stages":{"pres...)',
      'output.categories.provinsi: not in the recomputed output (stored [])',
    ]);
  });

  it('only reports the hash when the output is right but the hash is not', () => {
    const snapshot = { ...createSnapshot(input()), hash: `sha256:${'0'.repeat(64)}` };
    const result = verifySnapshot(snapshot);
    expect(!result.ok && result.differences).toEqual([expect.stringMatching(/^hash: stored sha256:0{64}, but/)]);
  });

  it('rejects what is not a snapshot, or a snapshot of an invalid input', () => {
    expect(() => verifySnapshot([])).toThrow(ScoringInputError);
    expect(() => verifySnapshot({ input: {}, output: {} })).toThrow(/snapshot.hash must be a string/);
    expect(() => verifySnapshot({ output: {}, hash: 'x' })).toThrow(/a snapshot must be a JSON object \{input, output, hash\}/);
    const bad = { input: { stages: [stage('s', 1)], submissions: [], sheets: [sheet('s', 'j', 'p', 1)] }, output: {}, hash: 'x' };
    expect(() => verifySnapshot(bad)).toThrow(/^snapshot input: sheet 0 \(stage "s", juror "j", submission "p"\): unknown submission "p"/);
  });

  it('caps the list of differences', () => {
    const ids = Array.from({ length: 60 }, (_, i) => `i${String(i).padStart(2, '0')}`);
    const many: ScoringInput = {
      stages: [stage('s', 1)],
      submissions: ids.map((id) => submission(id)),
      sheets: ids.map((id) => sheet('s', 'j', id, 50)),
    };
    const snapshot = JSON.parse(JSON.stringify(createSnapshot(many)));
    for (const row of snapshot.output.categories.kota) row.final = 1;
    const result = verifySnapshot(snapshot);
    expect(!result.ok && result.differences.length).toBe(51);
    expect(!result.ok && result.differences[50]).toBe('… and 11 more');
  });
});
