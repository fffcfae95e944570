import { spawnSync } from 'node:child_process';
import path from 'node:path';

const CLI = path.join(__dirname, '..', '..', 'scripts', 'cli.mjs');

/** Runs the real CLI (`node scripts/cli.mjs …`, which builds dist/ when stale), as a user would. */
export function cli(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 120_000 });
}

/** The real CLI with this environment only (PATH kept): e.g. DATABASE_URL of a test's own database. */
export function cliWithEnv(env: Record<string, string>, ...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 120_000, env: { PATH: process.env.PATH ?? '', ...env } });
}
