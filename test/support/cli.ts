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

/** The CLI against a test app's database and data directory (commands that boot the app: imports, seeds). */
export function cliOn(t: { databaseUrl: string; env: { dataDir: string } }, ...args: string[]) {
  return cliWithEnv({ NODE_ENV: 'test', DATABASE_URL: t.databaseUrl, DATA_DIR: t.env.dataDir, LOG_LEVEL: 'error' }, ...args);
}
