import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** Runs the real CLI (`node scripts/cli.mjs …`, which builds dist/ when stale), as a user would. */
export function cli(...args: string[]) {
  return spawnSync(process.execPath, [path.join(__dirname, '..', '..', 'scripts', 'cli.mjs'), ...args], { encoding: 'utf8', timeout: 120_000 });
}
