// `npm run -s cli -- <command> [args]`: builds dist/ when sources changed (quietly, on stderr), then runs the CLI.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const b = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--if-stale', '--quiet', '--api-only'], {
  stdio: ['ignore', 2, 2],
});
if (b.status !== 0) process.exit(b.status ?? 1);
const require = createRequire(import.meta.url);
require(path.join(root, 'dist', 'apps', 'cli', 'src', 'main.js'));
