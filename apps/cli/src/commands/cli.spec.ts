// Runs the real CLI (`node scripts/cli.mjs …`, which builds dist/ when stale) as a child process.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { canonicalize } from '@app/kernel';
import { createIndexSnapshot } from '@app/regional-index';
import { createSnapshot } from '@app/scoring';
import { exampleIndexInput } from '../../../../libs/regional-index/src/testing/fixtures';
import { exampleInput } from '../../../../libs/scoring/src/testing/fixtures';

const root = path.resolve(__dirname, '../../../..');
const dir = mkdtempSync(path.join(tmpdir(), 'cli-spec-'));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(root, 'scripts', 'cli.mjs'), ...args],
      { cwd: root, maxBuffer: 64 << 20 },
      (err, stdout, stderr) => {
        resolve({ code: err ? ((err as { code?: number }).code ?? null) : 0, stdout, stderr });
      },
    );
  });
}

function file(name: string, content: unknown): string {
  const p = path.join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return p;
}

const example = exampleInput();

jest.setTimeout(60_000);

beforeAll(async () => {
  // build once up front (quietly) so that the timed runs below do not each race to rebuild dist/
  await new Promise((resolve) =>
    execFile(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--if-stale', '--quiet'], { cwd: root }, resolve),
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cli rank FILE', () => {
  it('prints the DESIGN §4 example result as one JSON document and exits 0', async () => {
    const run = await cli('rank', file('example.json', example));
    expect(run).toEqual({
      code: 0,
      stderr: '',
      stdout:
        '{"inputsDigest":"sha256:c2135eb30441edcc052b2a8832b740054f403676c8e8d3028a2e1eb8cf7d542b","categories":{"kota":[{"rank":1,' +
        '"submission":"sitaro","final":78,"band":"Sangat Inovatif","stages":{"presentation":80,"field":75}}]},"unranked":[]}\n',
    });
  });

  it('exits 2 on invalid input with nothing on stdout and one line naming the sheet on stderr', async () => {
    const invalid = { ...example, sheets: [example.sheets[0], { ...example.sheets[1], scores: { impact: 7 } }] };
    const run = await cli('rank', file('invalid.json', invalid));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /^rank: invalid input: sheet 1 \(stage "field", juror "j2", submission "sitaro"\): criterion "impact" value 7 is outside \[1, 5\]\n$/,
    );
  });

  it.each([
    ['a missing file', ['rank', path.join(dir, 'missing.json')], /cannot read .*missing\.json/],
    ['malformed JSON', ['rank', file('malformed.json', '{"stages": [')], /malformed\.json is not valid JSON/],
    ['no file argument', ['rank'], /usage: npm run -s cli -- rank FILE/],
  ])('exits 2 for %s', async (_name, args, message) => {
    const run = await cli(...args);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('cli rank and verify: given stages and excluded submissions (DESIGN §4.10, §4.11)', () => {
  // kota-bekasi and kota-bogor tie on F = 75: the given stage "iid" breaks the tie; "dq" is excluded (its sheets
  // still count), alone in its category "provinsi", which stays a key.
  const regionInput = {
    method: { tieBreak: ['stage:iid'] },
    stages: [
      { key: 'iid', weight: 50, given: true },
      { key: 'presentation', weight: 50, criteria: [{ key: 'novelty', weight: 1, min: 0, max: 10 }] },
    ],
    submissions: [
      { id: 'kota-bogor', category: 'kota' },
      { id: 'kota-bekasi', category: 'kota' },
      { id: 'dq', category: 'provinsi', excluded: true },
      { id: 'kota-depok', category: 'kota' },
    ],
    sheets: [
      { stage: 'presentation', juror: 'j1', submission: 'kota-bekasi', scores: { novelty: 8 } },
      { stage: 'presentation', juror: 'j1', submission: 'kota-bogor', scores: { novelty: 7.5 } },
      { stage: 'presentation', juror: 'j1', submission: 'dq', scores: { novelty: 10 } },
    ],
    given: [
      { stage: 'iid', submission: 'kota-bekasi', score: 70 },
      { stage: 'iid', submission: 'kota-bogor', score: 75 },
      { stage: 'iid', submission: 'kota-depok', score: 71.23455 },
      { stage: 'iid', submission: 'dq', score: 99 },
    ],
  };

  it('rank prints the ranking with given scores, without the excluded submission, and exits 0', async () => {
    const run = await cli('rank', file('region.json', regionInput));
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const output = JSON.parse(run.stdout);
    expect(output.inputsDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(output.categories).toEqual({
      kota: [
        { rank: 1, submission: 'kota-bogor', final: 75, band: null, stages: { iid: 75, presentation: 75 } },
        { rank: 2, submission: 'kota-bekasi', final: 75, band: null, stages: { iid: 70, presentation: 80 } },
      ],
      provinsi: [],
    });
    expect(output.unranked).toEqual([{ submission: 'kota-depok', category: 'kota', reachedStage: 'iid' }]);
  });

  it.each([
    [
      'a stage whose given is not a boolean',
      { ...regionInput, stages: [{ ...regionInput.stages[0], given: 'yes' }, regionInput.stages[1]] },
      /^rank: invalid input: stages\[0\] \("iid"\)\.given must be true or false, got "yes"\n$/,
    ],
    [
      'a given stage with criteria',
      { ...regionInput, stages: [{ ...regionInput.stages[0], criteria: [] }, regionInput.stages[1]] },
      /^rank: invalid input: stages\[0\] \("iid"\) is a given stage .*"criteria" field\n$/,
    ],
    [
      'a sheet naming a given stage',
      { ...regionInput, sheets: [...regionInput.sheets, { stage: 'iid', juror: 'j2', submission: 'kota-depok', scores: {} }] },
      /^rank: invalid input: sheet 3 \(stage "iid", juror "j2", submission "kota-depok"\): stage "iid" is a given stage/,
    ],
    [
      'a given entry for a stage that is not given',
      { ...regionInput, given: [{ stage: 'presentation', submission: 'kota-depok', score: 1 }] },
      /^rank: invalid input: given\[0\] \(stage "presentation", submission "kota-depok"\): stage "presentation" is not a given stage/,
    ],
    [
      'a given entry for an unknown submission',
      { ...regionInput, given: [{ stage: 'iid', submission: 'kota-bandung', score: 1 }] },
      /^rank: invalid input: given\[0\] \(stage "iid", submission "kota-bandung"\): unknown submission "kota-bandung"\n$/,
    ],
    [
      'two given entries for one stage and submission',
      { ...regionInput, given: [...regionInput.given, { stage: 'iid', submission: 'kota-bogor', score: 75 }] },
      /^rank: invalid input: given\[4\] \(stage "iid", submission "kota-bogor"\): a second entry/,
    ],
    [
      'a given score above 100',
      { ...regionInput, given: [{ stage: 'iid', submission: 'kota-bogor', score: 100.5 }] },
      /^rank: invalid input: given\[0\] \(stage "iid", submission "kota-bogor"\): score must be a number in \[0, 100\], got 100\.5\n$/,
    ],
    [
      'excluded that is not a boolean',
      { ...regionInput, submissions: [...regionInput.submissions.slice(0, 2), { id: 'dq', category: 'provinsi', excluded: 'yes' }] },
      /^rank: invalid input: submissions\[2\] \("dq"\)\.excluded must be true or false, got "yes"\n$/,
    ],
  ])('rank exits 2 for %s, with one line on stderr and nothing on stdout', async (_name, input, message) => {
    const run = await cli('rank', file('region-invalid.json', input));
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('verify exits 0 for a snapshot with given stages and an excluded submission, 1 when a given score was changed', async () => {
    const snapshot = createSnapshot(regionInput);
    expect(await cli('verify', file('region-snapshot.json', snapshot))).toEqual({
      code: 0,
      stderr: '',
      stdout: `ok ${snapshot.hash} (2 ranked, 1 unranked)\n`,
    });

    const tampered = JSON.parse(JSON.stringify(snapshot));
    tampered.input.given[1].score = 69;
    const run = await cli('verify', file('region-tampered.json', tampered));
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toContain('output.categories.kota[1] (kota-bogor).final: stored 75, recomputed 72');

    const invalid = JSON.parse(JSON.stringify(snapshot));
    invalid.input.submissions[2].excluded = 1;
    const bad = await cli('verify', file('region-invalid-snapshot.json', invalid));
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toMatch(
      /^verify: invalid input: snapshot input: submissions\[2\] \("dq"\)\.excluded must be true or false, got 1\n$/,
    );
  });
});

describe('cli rank and verify with --progress', () => {
  it.each([
    ['rank', () => file('rank-progress.json', example)],
    ['verify', () => file('verify-progress.json', createSnapshot(example))],
  ])('%s prints its phases on stderr and its result on stdout', async (command, input) => {
    const run = await cli(command, input(), '--progress');
    expect(run.code).toBe(0);
    expect(run.stdout).not.toBe('');
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      `${command}: reading 0/4 (0%)`,
      `${command}: parsing 1/4 (25%)`,
      `${command}: computing 2/4 (50%)`,
      `${command}: writing 3/4 (75%)`,
      `${command}: done 1/1 (100%)`,
    ]);
  });
});

describe('cli verify FILE', () => {
  it('exits 0 with an ok line when the snapshot recomputes identically', async () => {
    const snapshot = createSnapshot(example);
    const run = await cli('verify', file('snapshot.json', snapshot));
    expect(run).toEqual({ code: 0, stderr: '', stdout: `ok ${snapshot.hash} (1 ranked, 0 unranked)\n` });
  });

  it('exits 1 and says which row and field differ for a tampered copy', async () => {
    const tampered = JSON.parse(JSON.stringify(createSnapshot(example)));
    tampered.output.categories.kota[0].final = 80;
    const run = await cli('verify', file('tampered.json', tampered));
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('output.categories.kota[0] (sitaro).final: stored 80, recomputed 78');
    expect(run.stderr).toMatch(/hash: stored sha256:[0-9a-f]{64}, but \{input, output\} hashes to sha256:[0-9a-f]{64}/);
  });

  it('exits 1 when only the hash is wrong', async () => {
    const run = await cli('verify', file('bad-hash.json', { ...createSnapshot(example), hash: `sha256:${'f'.repeat(64)}` }));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/hash: stored sha256:f{64}/);
  });

  it('exits 2 for a file that is not a snapshot', async () => {
    const run = await cli('verify', file('not-a-snapshot.json', example));
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toMatch(/^verify: invalid input: a snapshot must be a JSON object \{input, output, hash\}\n$/);
  });
});

describe('cli index FILE', () => {
  const regionExample = exampleIndexInput();

  it('prints the DESIGN §4b example result as one JSON document and exits 0', async () => {
    const run = await cli('index', file('index-example.json', regionExample));
    const row =
      '{"rank":1,"region":"kota-bekasi","self":{"iid":33,"band":"Kurang Inovatif","spd":3,"sid":0.3,"innovations":2},' +
      '"verified":{"iid":23,"band":"Kurang Inovatif","spd":2,"sid":0.3,"innovations":1}}';
    const digest = `sha256:${createHash('sha256').update(canonicalize(regionExample)!).digest('hex')}`;
    expect(run).toEqual({
      code: 0,
      stderr: '',
      stdout: `{"inputsDigest":"${digest}","max":10,"categories":{"kota":[${row}]},"groups":{"jawa":[${row}]}}\n`,
    });
  });

  it('exits 2 on invalid input with nothing on stdout and one line naming the answer on stderr', async () => {
    const invalid = { ...regionExample, answers: [{ ...regionExample.answers[0], verified: 'x' }, regionExample.answers[1]] };
    const run = await cli('index', file('index-invalid.json', invalid));
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'index: invalid input: answers[0] (region "kota-bekasi", indicator "regulasi"): verified "x" is not an option of indicator "regulasi"\n',
    });
  });

  it('prints a progress line per phase on stderr with --progress (as the other long commands do), the JSON alone on stdout', async () => {
    const plain = await cli('index', file('index-plain.json', regionExample));
    const run = await cli('index', file('index-progress.json', regionExample), '--progress');
    expect(run).toEqual({
      code: 0,
      stdout: plain.stdout,
      stderr: [
        'index: reading 0/4 (0%)',
        'index: parsing 1/4 (25%)',
        'index: computing 2/4 (50%)',
        'index: writing 3/4 (75%)',
        'index: done 1/1 (100%)',
        '',
      ].join('\n'),
    });
  });

  it('with --progress, invalid input still ends with the one error line after the progress lines', async () => {
    const invalid = { ...regionExample, method: { minInnovations: 0 } };
    const run = await cli('index', '--progress', file('index-progress-invalid.json', invalid));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      'index: reading 0/4 (0%)',
      'index: parsing 1/4 (25%)',
      'index: computing 2/4 (50%)',
      expect.stringMatching(/^index: invalid input: method\.minInnovations/),
    ]);
  });

  it.each([
    ['a missing file', ['index', path.join(dir, 'missing.json')], /cannot read .*missing\.json/],
    ['malformed JSON', ['index', file('index-malformed.json', '{"indicators": [')], /index-malformed\.json is not valid JSON/],
    ['no file argument', ['index'], /usage: npm run -s cli -- index FILE/],
  ])('exits 2 for %s', async (_name, args, message) => {
    const run = await cli(...args);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('cli verify FILE with a region ranking snapshot', () => {
  const snapshot = createIndexSnapshot(exampleIndexInput());

  it("recognises it by its input's indicators and exits 0 with an ok line", async () => {
    const run = await cli('verify', file('region-snapshot.json', snapshot));
    expect(run).toEqual({ code: 0, stderr: '', stdout: `ok ${snapshot.hash} (1 region ranked)\n` });
  });

  it('exits 1 and names the region and field of a tampered copy', async () => {
    const tampered = JSON.parse(JSON.stringify(snapshot));
    tampered.output.groups.jawa[0].self.iid = 61;
    const run = await cli('verify', file('region-tampered.json', tampered));
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('output.groups.jawa[0] (kota-bekasi).self.iid: stored 61, recomputed 33');
    expect(run.stderr).toMatch(/hash: stored sha256:[0-9a-f]{64}, but \{input, output\} hashes to sha256:[0-9a-f]{64}/);
  });

  it("exits 2 when the region snapshot's input is invalid", async () => {
    const invalid = JSON.parse(JSON.stringify(snapshot));
    invalid.input.method.minInnovations = 0;
    const run = await cli('verify', file('region-invalid.json', invalid));
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: 'verify: invalid input: snapshot input: method.minInnovations must be a positive integer, got 0\n',
    });
  });
});
