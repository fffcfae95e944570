#!/usr/bin/env node
/* global fetch */
// Lighthouse (mobile preset: simulated slow 4G and a 4× slower CPU) on the public results page of the built app,
// served by the API with the demo data. `npm run -s lighthouse [-- --runs 5] [-- --write]`
//   --runs N     how many Lighthouse runs (default 5); the median is the figure
//   --path P     the page (default /kompetisi/iga-2024-demo, the demo edition's published ranking)
//   --write      also write the figures into bench/RESULTS.md, section "Web"
//   --report F   also write the last run's full Lighthouse report (JSON) to F, to see where the time goes
// The API runs from dist (build first: the npm script does) on a fresh embedded PostgreSQL in a temporary
// DATA_DIR, at a port the OS picks; Chromium is /usr/bin/chromium (CHROME_PATH to change it).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const runs = Number(option('runs', '5'));
const pagePath = option('path', '/kompetisi/iga-2024-demo');
const write = args.includes('--write');
const reportFile = option('report', null);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer (got ${option('runs')})`);

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** The installed Lighthouse's version (package.json pins it), for the machine line of a result. */
const lighthouseVersion = () => JSON.parse(readFileSync(path.join(root, 'node_modules', 'lighthouse', 'package.json'), 'utf8')).version;

async function startApi() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lighthouse-'));
  const port = await freePort();
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SEED_DEMO: 'true',
    LOG_LEVEL: 'warn',
  };
  for (const key of ['DATABASE_URL', 'REDIS_URL', 'SMTP_URL', 'EMBEDDED_PG_PORT']) delete env[key];
  const child = spawn(process.execPath, [path.join(root, 'dist/apps/api/src/main.js')], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`the API exited (${child.exitCode}): ${stderr.trim().split('\n').at(-1)}`);
    const ready = await fetch(`${base}/api/public/competitions`)
      .then((r) => r.ok && r.json())
      .then((list) => Array.isArray(list) && list.some((c) => c.snapshotId))
      .catch(() => false);
    if (ready) break;
    if (i > 600) throw new Error('the API did not serve the demo ranking within 5 minutes');
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    base,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const api = await startApi();
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const results = [];
try {
  for (let i = 0; i < runs; i++) {
    const { lhr } = await lighthouse(`${api.base}${pagePath}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
    });
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const items = lhr.audits['resource-summary']?.details?.items ?? [];
    const script = items.find((x) => x.resourceType === 'script');
    const run = {
      score: Math.round(lhr.categories.performance.score * 100),
      jsBytes: script?.transferSize ?? 0,
      jsRequests: script?.requestCount ?? 0,
      fcp: lhr.audits['first-contentful-paint'].numericValue,
      lcp: lhr.audits['largest-contentful-paint'].numericValue,
      tbt: lhr.audits['total-blocking-time'].numericValue,
    };
    results.push(run);
    if (reportFile) writeFileSync(reportFile, JSON.stringify(lhr, null, 1));
    console.log(
      `run ${i + 1}/${runs}: performance ${run.score}, JS ${(run.jsBytes / 1024).toFixed(1)} KB transferred in ${run.jsRequests} file(s), FCP ${Math.round(run.fcp)} ms, LCP ${Math.round(run.lcp)} ms, TBT ${Math.round(run.tbt)} ms`,
    );
  }
} finally {
  await chrome.kill();
  await api.stop();
}

const load = os
  .loadavg()
  .map((x) => x.toFixed(1))
  .join(' / ');
const summary = {
  date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  machine: `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, Lighthouse ${lighthouseVersion()}, Chromium ${(await chromeVersion()).trim()}`,
  scores: results.map((r) => r.score),
  median: median(results.map((r) => r.score)),
  jsBytes: median(results.map((r) => r.jsBytes)),
  lcp: median(results.map((r) => r.lcp)),
  tbt: median(results.map((r) => r.tbt)),
  load,
};
console.log(
  `median performance ${summary.median} of ${runs} run(s) (${summary.scores.join(', ')}); JS ${(summary.jsBytes / 1024).toFixed(1)} KB transferred; load average ${load}`,
);

async function chromeVersion() {
  const child = spawn(process.env.CHROME_PATH ?? '/usr/bin/chromium', ['--version']);
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  await new Promise((r) => child.once('exit', r));
  return out.replace(/^Chromium\s*/, '');
}

if (write) {
  const file = path.join(root, 'bench/RESULTS.md');
  const section = [
    '## Web',
    '',
    `Lighthouse performance on the public results page (\`${pagePath}\`, mobile preset: simulated slow 4G, 4× CPU slowdown), the built app served by the API with the demo data: \`npm run -s lighthouse -- --runs ${runs} --write\`.`,
    '',
    '| date | machine | runs | median score | JS transferred (median) | LCP (median) | TBT (median) | load average (1/5/15 min) at the end |',
    '|---|---|---|---|---|---|---|---|',
    `| ${summary.date} | ${summary.machine} | ${summary.scores.join(', ')} | **${summary.median}** | ${(summary.jsBytes / 1024).toFixed(1)} KB | ${Math.round(summary.lcp)} ms | ${Math.round(summary.tbt)} ms | ${summary.load} |`,
    '',
    'The machine is shared: other engineers ran builds and tests during these runs (see the load average), and',
    'Lighthouse simulates the network and CPU from what it observes, so a loaded machine lowers the score.',
    '',
  ].join('\n');
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf('\n## Web\n');
  const next = start < 0 ? -1 : text.indexOf('\n## ', start + 1);
  const updated =
    start < 0 ? `${text.trimEnd()}\n\n${section}` : `${text.slice(0, start + 1)}${section}${next < 0 ? '' : text.slice(next + 1)}`;
  writeFileSync(file, updated);
  console.log(`wrote the "Web" section of ${path.relative(root, file)}`);
}
