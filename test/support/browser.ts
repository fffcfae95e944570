import type { AddressInfo } from 'node:net';
import { createTestApp, type TestApp } from './test-app';
import { seedDemo } from './factories';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, driven by playwright-core (no browser download). */
export const CHROMIUM = '/usr/bin/chromium';
const ROOT = path.join(__dirname, '..', '..');
export const ARTIFACTS = path.join(ROOT, 'test', 'artifacts');

/** True when Chromium is installed; otherwise says which file is skipped and why. */
export function chromiumOrSkip(file: string): boolean {
  if (existsSync(CHROMIUM)) return true;
  process.stderr.write(`SKIPPED ${file}: ${CHROMIUM} is missing (apt-get install chromium; .ci/run installs it)\n`);
  return false;
}

/** The API serves apps/web/dist: build it (and the API) when its sources changed. */
export function buildWebIfStale(): void {
  const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--if-stale', '--quiet'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
}

export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

/** Collects page errors and console errors (other than the 4xx answers a test provokes) into `problems`. */
export function watchProblems(page: Page, problems: string[]): void {
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && !/status of 4\d\d/.test(m.text()) && problems.push(`console: ${m.text()}`));
}

/** Each browser spec's start: the web app built, the API serving it on a free port with the demo seeded (`judged`: its ranking published), Chromium launched. */
export async function startDemoInChromium(demo: { judged?: boolean } = {}): Promise<{ t: TestApp; base: string; browser: Browser }> {
  buildWebIfStale();
  const t = await createTestApp();
  await seedDemo(t, demo);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  return { t, base, browser: await launchChromium() };
}
