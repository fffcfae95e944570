// `npm run guides:screenshots` / `npm run guides:pdf`: run the guide spec in Chromium with the demo data (through
// scripts/test.mjs, so an embedded PostgreSQL is started when DATABASE_URL is unset) and write its output:
// docs/guides/img/*.png + manifest.json, or docs/guides/pdf/<lang>/<role>.pdf.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const what = process.argv[2];
const specs = {
  screenshots: ['test/guides/screenshots.e2e-spec.ts', { GUIDES_SCREENSHOTS: 'write' }],
  pdf: ['test/guides/pdf.e2e-spec.ts', { GUIDES_PDF: 'write' }],
};
if (!specs[what]) {
  console.error('usage: node scripts/guides.mjs screenshots|pdf');
  process.exit(2);
}
const [spec, env] = specs[what];
const run = spawnSync(process.execPath, [path.join(root, 'scripts', 'test.mjs'), '--no-typecheck', spec, '--selectProjects', 'e2e'], {
  stdio: 'inherit',
  cwd: root,
  env: { ...process.env, ...env },
});
process.exit(run.status ?? 1);
