// The API's node options live in package.json's `start` script; docker/Dockerfile's CMD must start the API with
// the same ones, and the bench's API process (startApi) takes them from there, so what the bench measures is
// what production runs (bench/RESULTS.md, memory after the HTTP runs).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { API_ENTRY, packageStartScript, productionNodeArgs } from './http.bench';

const root = path.resolve(__dirname, '..');

describe("the API's production node options", () => {
  const args = productionNodeArgs(packageStartScript());

  it('bound the old generation (V8 grows it by up to 4× the live heap without a limit below 2 GB)', () => {
    expect(args).toContainEqual(expect.stringMatching(/^--max-old-space-size=\d+$/));
  });

  it('expose gc(): a publication collects its garbage when it ends (collectGarbageNow, libs/common)', () => {
    expect(args).toContain('--expose-gc');
  });

  it('are the Dockerfile CMD', () => {
    const cmd = /^CMD (\[.*\])$/m.exec(readFileSync(path.join(root, 'docker', 'Dockerfile'), 'utf8'));
    expect(cmd).not.toBeNull();
    expect(JSON.parse(cmd![1])).toEqual(['node', ...args, API_ENTRY]);
  });

  it('are read from a start script of the form `… && node [options] entry`', () => {
    expect(productionNodeArgs(`npm run -s build && node ${API_ENTRY}`)).toEqual([]);
    expect(productionNodeArgs(`npm run -s build && node --a=1 --b ${API_ENTRY}`)).toEqual(['--a=1', '--b']);
    expect(() => productionNodeArgs('node other.js')).toThrow(/does not end with/);
  });
});
