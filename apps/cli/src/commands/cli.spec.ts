
// Runs the real CLI (`node scripts/cli.mjs …`, which builds dist/ when stale) as a child process.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createSnapshot } from '@app/scoring';
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
    execFile(process.execPath, [path.join(root, 'scripts', 'cli.mjs'), ...args], { cwd: root, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? null) : 0, stdout, stderr });
    });
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
  await new Promise((resolve) => execFile(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--if-stale', '--quiet'], { cwd: root }, resolve));
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
    expect(run.stderr).toMatch(/^rank: invalid input: sheet 1 \(stage "field", juror "j2", submission "sitaro"\): criterion "impact" value 7 is outside \[1, 5\]\n$/);
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
