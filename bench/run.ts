// `npm run bench`: builds, then generates a national-scale edition into a fresh PostgreSQL database, runs
// every benchmark against it with its baseline measured in the same run, prints a summary and writes
// bench/RESULTS.md (the sections "Run", "Summary", "Generator", "HTTP" and "Memory"; other sections kept).
//
// Environment:
//   BENCH_DATABASE_URL / DATABASE_URL  server to create the bench_* database on (else embedded, ./data/bench-pg)
//   BENCH_QUICK=1        2 s runs, a smaller scoring file (a quick look, not figures to quote)
//   BENCH_DURATION=s     seconds per HTTP run (default 10; 2 with BENCH_QUICK)
//   BENCH_RUNS=n         runs per benchmark, the median is reported (default 3)
//   BENCH_CONNECTIONS=n  autocannon connections (default 64)
//   BENCH_INNOVATIONS=n  innovations to generate (default 50,000)
//   BENCH_METHOD=copy|unnest  bulk load method of the generator (default copy)
//   BENCH_KEEP=1         keep the generated database (its URL is printed) instead of dropping it
//   BENCH_RESULTS=path   where to write the results (default bench/RESULTS.md)
//   BENCH_API_NODE_ARGS  extra node arguments for the API process, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" (after
//                        production's own: the node options of package.json's `start`, which the API always runs with)
//   MALLOC_*             glibc allocator settings (MALLOC_ARENA_MAX, MALLOC_TRIM_THRESHOLD_, …) passed to the API process
//   BENCH_ONLY=a,b       or `npm run bench -- --only a,b` (or --only=a,b): run only these parts (of BENCH_PARTS:
//                        scoring-file, scoring-db, http, publish, notifications, index); the edition is generated
//                        only when a part needs it. `publish` alone publishes the edition (and corrections) in an
//                        API process and reports time, peak RSS and heap; with `http` it happens in the HTTP runs'
//                        API process, between the sheet saves and the public rankings, as in the full bench.
//                        `index` is the national regional index (bench/index.bench.ts, a database of its own; with
//                        BENCH_KEEP=1 that database is kept); it runs last, after the notifications. `--only index`
//                        alone rewrites its section "National index" of the results file and nothing else.
//   BENCH_HTTP=k1,k2     only these HTTP definitions (keys of bench/http-benchmarks.ts; the baselines always run)
// Arguments:
//   --dry-run            print what would run (parts, plugins in order, the sections written) and stop
import { existsSync } from 'node:fs';
import path from 'node:path';
import { dropBenchDatabase, markKept, openBenchServer, redact, serverVersion, withDatabase } from './lib/database';
import { machineInfo, type MachineInfo } from './lib/machine';
import {
  PLUGINS_AFTER_HTTP,
  PLUGINS_BEFORE_HTTP,
  type BenchFigure,
  type BenchPluginContext,
  type BenchPluginResult,
  type PluginSpec,
} from './lib/plugins';
import { mergeResults, type Section } from './lib/results-file';
import { int, mib, ms, ratio as fmtRatio, seconds, table, textTable } from './lib/stats';
import { NATIONAL, generateBenchDatabase, type Edition } from './generate';
import { API_ENTRY, packageStartScript, productionNodeArgs, runHttpBench, type HttpSuiteResult } from './http.bench';
import { HTTP_BENCHMARKS } from './http-benchmarks';
import { PUBLICATION_HEADING, publicationFigures, publicationMarkdown } from './publication';
import { indexBench } from './index.bench';
import type { LoadMethod } from './lib/rows';

const ROOT = __dirname.split(path.sep).includes('dist') ? path.resolve(__dirname, '..', '..') : path.resolve(__dirname, '..');

/** The parts of the bench, in the order they run. */
export const BENCH_PARTS = ['scoring-file', 'scoring-db', 'http', 'publish', 'notifications', 'index'] as const;
export type BenchPart = (typeof BENCH_PARTS)[number];
/** Parts that need the generated national edition. */
const NEEDS_EDITION: readonly BenchPart[] = ['scoring-db', 'http', 'publish'];
/** The plugin module of a part. */
const PLUGIN_PART: Record<string, BenchPart> = {
  'scoring-db.bench': 'scoring-db',
  'notifications.bench': 'notifications',
  'index.bench': 'index',
};

/** The plugins of a selection of parts, in the order they run (before the HTTP benchmarks, then after). */
export function selectedPlugins(parts: ReadonlySet<BenchPart>): { before: PluginSpec[]; after: PluginSpec[] } {
  const wanted = (spec: PluginSpec) => {
    const part = PLUGIN_PART[spec.module];
    if (!part) throw new Error(`bench/lib/plugins.ts: plugin ${spec.module} belongs to no part of BENCH_PARTS (add it to PLUGIN_PART)`);
    return parts.has(part);
  };
  return { before: PLUGINS_BEFORE_HTTP.filter(wanted), after: PLUGINS_AFTER_HTTP.filter(wanted) };
}

/** What a run of these parts does, in order: what `--dry-run` prints. */
export function benchPlan(parts: ReadonlySet<BenchPart>): string[] {
  if (parts.size === 1 && parts.has('index')) return ['National index (bench/index.bench.ts): its section "## National index" only'];
  const { before, after } = selectedPlugins(parts);
  return [
    ...(NEEDS_EDITION.some((p) => parts.has(p)) ? ['generator: the national edition'] : []),
    ...(parts.has('scoring-file') ? ['scoring from a file (bench/scoring/rank-file.bench.ts)'] : []),
    ...before.map((p) => `${p.title} (bench/${p.module}.ts)`),
    ...(parts.has('http') ? ['HTTP benchmarks'] : []),
    ...(parts.has('publish') ? ['publication of the national edition'] : []),
    ...after.map((p) => `${p.title} (bench/${p.module}.ts)`),
    parts.size < BENCH_PARTS.length
      ? 'partial run: sections printed, results file left alone'
      : 'summary and sections written to the results file',
  ];
}

/** `--only a,b` (or BENCH_ONLY): the parts to run; every part without it. */
export function selectedParts(argv: readonly string[], env: NodeJS.ProcessEnv): Set<BenchPart> {
  const i = argv.findIndex((a) => a === '--only' || a.startsWith('--only='));
  const raw = i >= 0 ? (argv[i].includes('=') ? argv[i].slice('--only='.length) : (argv[i + 1] ?? '')) : (env.BENCH_ONLY ?? '');
  if (!raw.trim()) return new Set(BENCH_PARTS);
  const parts = raw
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const unknown = parts.filter((p) => !(BENCH_PARTS as readonly string[]).includes(p));
  if (unknown.length) throw new Error(`--only: unknown part ${unknown.join(', ')} (parts: ${BENCH_PARTS.join(', ')})`);
  return new Set(parts as BenchPart[]);
}

export interface Settings {
  parts: Set<BenchPart>;
  quick: boolean;
  durationSec: number;
  runs: number;
  connections: number;
  innovations: number;
  method: LoadMethod;
  keep: boolean;
  resultsFile: string;
}

export function settings(env: NodeJS.ProcessEnv, argv: readonly string[] = process.argv.slice(2)): Settings {
  const quick = env.BENCH_QUICK === '1' || env.BENCH_QUICK === 'true';
  const num = (name: string, def: number) => {
    const v = env[name];
    if (v === undefined || v === '') return def;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number (got "${v}")`);
    return n;
  };
  const method = (env.BENCH_METHOD || 'copy') as LoadMethod;
  if (method !== 'copy' && method !== 'unnest') throw new Error(`BENCH_METHOD must be copy or unnest (got "${method}")`);
  return {
    parts: selectedParts(argv, env),
    quick,
    durationSec: num('BENCH_DURATION', quick ? 2 : 10),
    runs: Math.round(num('BENCH_RUNS', 3)),
    connections: Math.round(num('BENCH_CONNECTIONS', 64)),
    innovations: Math.round(num('BENCH_INNOVATIONS', NATIONAL.innovations)),
    method,
    keep: env.BENCH_KEEP === '1' || env.BENCH_KEEP === 'true',
    resultsFile: path.resolve(ROOT, env.BENCH_RESULTS || path.join('bench', 'RESULTS.md')),
  };
}

/** The command as typed, with the variables that change what it does. */
function exactCommand(env: NodeJS.ProcessEnv): string {
  const vars = Object.keys(env)
    .filter((k) => /^BENCH_/.test(k) || k === 'REDIS_URL' || (k === 'DATABASE_URL' && !env.BENCH_DATABASE_URL))
    .sort()
    .map((k) => `${k}=${/URL$/.test(k) ? redact(env[k]!) : env[k]}`);
  const cmd =
    env.npm_lifecycle_event === 'bench'
      ? `npm run bench${
          process.argv.length > 2
            ? ` --${process.argv
                .slice(2)
                .map((a) => ' ' + a)
                .join('')}`
            : ''
        }`
      : `node ${path.relative(ROOT, process.argv[1])}${process.argv
          .slice(2)
          .map((a) => ' ' + a)
          .join('')}`;
  return [...vars, cmd].join(' ');
}

function stamp(): string {
  return new Date().toISOString().slice(11, 19);
}

export async function loadPlugin(spec: PluginSpec): Promise<((ctx: BenchPluginContext) => Promise<unknown>) | null> {
  const file = path.join(__dirname, `${spec.module}${path.extname(__filename)}`);
  if (!existsSync(file)) return null;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(file) as Record<string, unknown>;
  const fn = mod[spec.exportName] ?? Object.entries(mod).find(([k, v]) => /^run\w*Bench$/.test(k) && typeof v === 'function')?.[1];
  return typeof fn === 'function' ? (fn as (ctx: BenchPluginContext) => Promise<unknown>) : null;
}

/** Adds a plugin's figures to the summary and its section to the sections written; true when it failed. */
export function collectPlugin(o: PluginOutcome, figures: BenchFigure[], sections: Section[]): boolean {
  if (o.status === 'absent') return false;
  if (o.status === 'failed') {
    figures.push({ benchmark: o.spec.title, figure: `failed: ${o.error?.split('\n')[0]}` });
    return true;
  }
  figures.push(...(o.result?.figures ?? []));
  if (o.result?.heading && o.result.markdown)
    sections.push({
      heading: o.result.heading.startsWith('## ') ? o.result.heading : `## ${o.result.heading}`,
      body: o.result.markdown.trim(),
    });
  return false;
}

export interface PluginOutcome {
  spec: PluginSpec;
  status: 'ok' | 'absent' | 'failed';
  result?: BenchPluginResult;
  error?: string;
  ms: number;
}

async function runPlugin(spec: PluginSpec, ctx: BenchPluginContext): Promise<PluginOutcome> {
  const t0 = performance.now();
  const fn = await loadPlugin(spec);
  if (!fn) return { spec, status: 'absent', ms: 0 };
  ctx.log(`${spec.title}: running bench/${spec.module}`);
  try {
    const raw = await fn(ctx);
    const result = (raw && typeof raw === 'object' ? raw : {}) as BenchPluginResult;
    if (!result.figures && !result.markdown) ctx.log(`${spec.title}: ${JSON.stringify(raw)}`);
    return { spec, status: 'ok', result, ms: performance.now() - t0 };
  } catch (err) {
    const error = err instanceof Error ? (err.stack ?? err.message) : String(err);
    ctx.log(`${spec.title}: FAILED: ${error}`);
    return { spec, status: 'failed', error, ms: performance.now() - t0 };
  }
}

/** The scoring-from-file bench (bench/scoring/rank-file.bench.ts), when present. */
async function scoringFileBench(
  s: Settings,
  log: (line: string) => void,
): Promise<{ figures: BenchFigure[]; error?: string; ms: number } | null> {
  const file = path.join(__dirname, 'scoring', `rank-file.bench${path.extname(__filename)}`);
  if (!existsSync(file)) return null;
  const t0 = performance.now();
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { runScoringFileBench } = require(file) as typeof import('./scoring/rank-file.bench');
    const innovations = s.quick ? 10_000 : 50_000;
    log(`scoring (file): ${innovations} innovations …`);
    const r = await runScoringFileBench({ innovations, runs: s.quick ? 3 : 5 });
    log(
      `scoring (file): rank() median ${ms(r.medianMs)}, baseline loop ${ms(r.baselineMs)}, ${fmtRatio(r.ratio)}; JSON.parse ${ms(r.parseMs)}`,
    );
    return {
      figures: [
        {
          benchmark: `scoring from a file: rank() on ${int(r.values)} criterion values (${int(r.sheets)} sheets)`,
          figure: `${ms(r.medianMs)} (median of ${r.runsMs.length})`,
          baseline: `plain weighted-mean loop ${ms(r.baselineMs)}`,
          ratio: r.ratio,
          target: '< 1.5 s',
          met: r.medianMs < 1500,
        },
        {
          benchmark: 'scoring from a file: read + JSON.parse of the input',
          figure: ms(r.parseMs),
          baseline: `${(r.fileBytes / 1e6).toFixed(0)} MB`,
        },
      ],
      ms: performance.now() - t0,
    };
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    log(`scoring (file): FAILED: ${error}`);
    return { figures: [{ benchmark: 'scoring from a file', figure: `failed: ${error}` }], error, ms: performance.now() - t0 };
  }
}

function httpFigures(http: HttpSuiteResult): BenchFigure[] {
  return http.results.map((r) => {
    if (r.status !== 'ok')
      return { benchmark: `HTTP ${r.key}`, figure: r.status === 'not-available' ? 'not available yet' : `failed: ${r.reason}` };
    const [b, x] = Object.entries(r.ratios)[0] ?? [];
    return {
      benchmark: `HTTP ${r.key}`,
      figure: `${int(r.rps)} req/s, p99 ${r.p99} ms`,
      baseline: b ? `${b} ${int(http.results.find((h) => h.key === b)!.rps)} req/s` : undefined,
      ratio: x,
      target: r.targets.map((t) => t.text).join('; ') || undefined,
      met: r.targets.length ? r.targets.every((t) => t.met) : undefined,
    };
  });
}

function runSection(
  s: Settings,
  m: MachineInfo,
  command: string,
  server: string,
  started: Date,
  totalMs: number,
  loadEnd: number[],
): Section {
  return {
    heading: '## Run',
    body: [
      `- Command: \`${command}\``,
      `- Date: ${started.toISOString()} (took ${seconds(totalMs)})`,
      `- Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB RAM, ${m.os}`,
      `- Node ${m.node}; PostgreSQL ${m.postgres} (${server})`,
      `- Code: ${m.git}`,
      `- Load average (1/5/15 min) at the start ${m.loadAverage.join(' / ')}, at the end ${loadEnd.join(' / ')} — the API, PostgreSQL and autocannon share these ${m.cores} cores${s.quick ? '\n- BENCH_QUICK=1: short runs, figures only indicative' : ''}`,
    ].join('\n'),
  };
}

export function summarySection(figures: BenchFigure[]): Section {
  return {
    heading: '## Summary',
    body: table(
      ['benchmark', 'figure', 'baseline (same run)', 'ratio', 'target', 'met'],
      figures.map((f) => [
        f.benchmark,
        f.figure,
        f.baseline ?? '',
        f.ratio === undefined ? '' : fmtRatio(f.ratio),
        f.target ?? '',
        f.met === undefined ? '' : f.met ? 'yes' : '**no**',
      ]),
    ),
  };
}

function generatorSection(e: Edition): Section {
  const c = e.counts;
  return {
    heading: '## Generator',
    body: [
      `Seed ${e.seed}, bulk load with ${e.method === 'copy' ? 'COPY … FROM STDIN (pg-copy-streams)' : 'INSERT … SELECT FROM unnest(…) batches'}; secondary indexes of the big tables dropped during the load and rebuilt after. Total **${seconds(e.totalMs)}**.`,
      '',
      `${int(c.regions)} regions (${c.provinces} provinsi), ${int(c.organizations)} organizations, ${int(c.users)} users (${e.jurorEmails.length} jurors), 1 competition, ${int(c.innovations)} innovations (${Object.entries(
        c.byCategory,
      )
        .map(([k, v]) => `${k} ${int(v)}`)
        .join(', ')}; ${Object.entries(c.byStatus)
        .map(([k, v]) => `${k} ${int(v)}`)
        .join(', ')}), ${int(c.statusHistory)} status history rows, ${int(c.documents)} documents.`,
      `Sheets: ${Object.entries(c.sheetsByStage)
        .map(([k, v]) => `${k} ${int(v.innovations)} innovations × 3 = ${int(v.sheets)}`)
        .join('; ')}. ${e.sheetsMessage.replace(/^sheets: /, '')}.`,
      '',
      table(
        ['phase', 'time', 'rows', 'note'],
        e.phases.map((p) => [p.name, ms(p.ms), p.rows === undefined ? '' : int(p.rows), p.note ?? '']),
      ),
    ].join('\n'),
  };
}

function httpSection(h: HttpSuiteResult): Section {
  const hello = h.results.find((r) => r.key === 'hello');
  const rows = h.results.map((r) =>
    r.status === 'ok'
      ? [
          r.key,
          r.title,
          int(r.rps),
          `${r.p50} ms`,
          `${r.p99} ms`,
          r.cpuMsPerRequest === null ? '–' : `${r.cpuMsPerRequest.toFixed(2)} ms`,
          r.pgCpuMsPerRequest === null ? '–' : `${r.pgCpuMsPerRequest.toFixed(2)} ms`,
          r.ratios.hello === undefined ? '' : fmtRatio(r.ratios.hello),
          r.ratios.select1 === undefined ? '' : fmtRatio(r.ratios.select1),
          r.targets.map((t) => `${t.text}: ${t.met ? 'yes' : '**no**'}`).join('; '),
          r.runs.map((x) => int(x.rps)).join(', ') +
            (r.non2xx || r.errors
              ? ` (${[
                  r.non2xx
                    ? `non-2xx: ${Object.entries(r.statuses)
                        .map(([c, n]) => `${n}× ${c}`)
                        .join(', ')}`
                    : '',
                  r.errors ? `${r.errors} errors/timeouts` : '',
                ]
                  .filter(Boolean)
                  .join('; ')})`
              : ''),
          [r.note, r.sample ? `a non-2xx answer: \`${r.sample.replace(/`/g, "'").slice(0, 200)}\`` : ''].filter(Boolean).join('; '),
        ]
      : [r.key, r.title, r.status === 'not-available' ? 'not available yet' : '**failed**', '', '', '', '', '', '', '', '', r.reason ?? ''],
  );
  const lines = [
    `autocannon ${h.connections} connections, ${h.runs} runs of ${h.durationSec} s per benchmark after a ${h.warmupSec} s warm-up; req/s, p50 and p99 are the medians of the runs. The API is \`${['node', ...productionNodeArgs(packageStartScript()), API_ENTRY].join(' ')}\` (package.json's start script) with NODE_ENV=production, LOG_LEVEL=warn, BENCH_ROUTES=true, on the generated database; the baselines are served by the same process. "API CPU per request" is the API process's user + system CPU time (/proc/<pid>/stat) over the run divided by its requests: steadier than req/s when other jobs share the cores. "PostgreSQL CPU per request" is the same for all processes named postgres on this machine (– when the server runs elsewhere).`,
    '',
    table(
      [
        'key',
        'benchmark',
        'req/s',
        'p50',
        'p99',
        'API CPU per request',
        'PostgreSQL CPU per request',
        'vs hello',
        'vs select1',
        'targets',
        'runs (req/s)',
        'note',
      ],
      rows,
    ),
  ];
  if (h.helloAtEnd !== null && hello)
    lines.push(
      '',
      `hello-world measured again after the others: ${int(h.helloAtEnd)} req/s (${(((h.helloAtEnd - hello.rps) / hello.rps) * 100).toFixed(0)} % against the start).`,
    );
  if (h.apiWarnings.length)
    lines.push(
      '',
      `Warnings and errors the API logged (distinct, last ${h.apiWarnings.length}):`,
      '',
      ...h.apiWarnings.map((w) => `- \`${w.replace(/`/g, "'")}\``),
    );
  return { heading: '## HTTP', body: lines.join('\n') };
}

function memorySection(h: HttpSuiteResult | null): Section {
  const m = h?.memory;
  if (!m?.after) return { heading: '## Memory', body: 'Not measured in this run (the HTTP benchmarks did not run).' };
  return {
    heading: '## Memory',
    body: table(
      ['API process (VmRSS from /proc/<pid>/status)', 'value'],
      [
        ['RSS after boot, before any load', m.boot ? mib(m.boot.rssKb * 1024) : '–'],
        ['RSS after the HTTP runs', mib(m.after.rssKb * 1024)],
        ['peak RSS (VmHWM; see "Publication" for the peak while publishing)', mib(m.after.hwmKb * 1024)],
        [
          'V8 heap after the runs: used / total (process.memoryUsage())',
          m.heapAfter ? `${mib(m.heapAfter.heapUsed)} / ${mib(m.heapAfter.heapTotal)}` : '–',
        ],
        ['outside the V8 heap after the runs (RSS − heap total)', m.heapAfter ? mib(m.after.rssKb * 1024 - m.heapAfter.heapTotal) : '–'],
      ],
    ),
  };
}

const PREAMBLE = `# Benchmarks

Reproduce with \`npm run bench\` (builds, generates a national-scale edition into a fresh \`bench_*\` database on
BENCH_DATABASE_URL or DATABASE_URL's server, else an embedded PostgreSQL in ./data/bench-pg, runs every benchmark
with its baseline in the same run, drops the database). Variables: see the head of bench/run.ts. The sections
"Run", "Summary", "Generator", "HTTP" and "Memory" are rewritten by each run; the others are kept.`;

/** `--only index`: the national index bench alone, its section of the results file rewritten. */
async function onlyIndex(s: Settings, log: (line: string) => void): Promise<number> {
  const server = await openBenchServer(process.env, log);
  try {
    const r = await indexBench({
      adminUrl: server.adminUrl,
      quick: s.quick,
      log,
      runs: s.runs,
      durationSec: s.durationSec,
      connections: s.connections,
      keep: s.keep,
    });
    const machine = machineInfo(await serverVersion(server.adminUrl));
    mergeResults(
      s.resultsFile,
      PREAMBLE,
      [],
      [
        {
          heading: r.heading,
          body: `${r.markdown}

${summarySection(r.figures).body}

Machine: ${machine.cpu}, ${machine.cores} cores; load average at the end ${machineInfo(machine.postgres).loadAverage.join(' / ')}.`,
        },
      ],
    );
    process.stdout.write(
      '\n' +
        textTable(
          ['benchmark', 'figure', 'baseline (same run)', 'ratio', 'target', 'met'],
          r.figures.map((f) => [
            f.benchmark,
            f.figure,
            f.baseline ?? '',
            f.ratio === undefined ? '' : fmtRatio(f.ratio),
            f.target ?? '',
            f.met === undefined ? '' : f.met ? 'yes' : 'NO',
          ]),
        ) +
        '\n\n',
    );
    return r.figures.every((f) => f.met !== false) ? 0 : 1;
  } finally {
    await server.stop();
  }
}

async function main(): Promise<number> {
  const s = settings(process.env);
  if (process.argv.includes('--dry-run')) {
    process.stdout.write(
      `bench plan (${[...s.parts].join(', ')}):\n${benchPlan(s.parts)
        .map((line, i) => `  ${i + 1}. ${line}\n`)
        .join('')}`,
    );
    return 0;
  }
  // `--only index` runs the national index bench alone (its own database) and rewrites only its section.
  if (s.parts.size === 1 && s.parts.has('index')) {
    const log = (line: string) => process.stdout.write(`[${stamp()}] ${line}\n`);
    return onlyIndex(s, log);
  }
  const started = new Date();
  const t0 = performance.now();
  const partial = s.parts.size < BENCH_PARTS.length;
  const command = exactCommand(process.env);
  const log = (line: string) => process.stdout.write(`[${stamp()}] ${line}\n`);
  log(`bench: ${command}${partial ? ` (parts: ${[...s.parts].join(', ')})` : ''}`);
  const server = await openBenchServer(process.env, log);
  let failed = false;
  let dbName: string | null = null;
  try {
    const machine = machineInfo(await serverVersion(server.adminUrl));
    log(
      `machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB; Node ${machine.node}; PostgreSQL ${machine.postgres}; load ${machine.loadAverage.join(' ')}`,
    );

    const figures: BenchFigure[] = [];
    let edition: Edition | null = null;
    if (NEEDS_EDITION.some((p) => s.parts.has(p))) {
      const generated = await generateBenchDatabase(server.adminUrl, {
        scale: { ...NATIONAL, innovations: s.innovations },
        method: s.method,
        log,
      });
      dbName = generated.name;
      edition = generated.edition;
      log(`generator: total ${seconds(edition.totalMs)} → ${redact(edition.databaseUrl)}`);
      figures.push({
        benchmark: `generator: ${int(edition.counts.innovations)} innovations, ${int(edition.counts.plannedSheets)} sheets`,
        figure: seconds(edition.totalMs),
        baseline: edition.method === 'copy' ? 'COPY' : 'unnest batches',
      });
    }
    const pluginCtx: BenchPluginContext = {
      databaseUrl: edition?.databaseUrl ?? '',
      adminUrl: server.adminUrl,
      edition: edition!,
      quick: s.quick,
      log,
      runs: s.runs,
      durationSec: s.durationSec,
      connections: s.connections,
      keep: s.keep,
    };
    const replace: Section[] = [];
    const collect = (o: PluginOutcome) => {
      if (collectPlugin(o, figures, replace)) failed = true;
    };
    const plugins = selectedPlugins(s.parts);

    if (s.parts.has('scoring-file')) {
      const scoring = await scoringFileBench(s, log);
      if (scoring) {
        figures.push(...scoring.figures);
        if (scoring.error) failed = true;
      }
    }
    for (const spec of plugins.before) collect(await runPlugin(spec, pluginCtx));

    let http: HttpSuiteResult | null = null;
    if (edition && (s.parts.has('http') || s.parts.has('publish'))) {
      try {
        log(
          `http: ${s.parts.has('http') ? `${s.connections} connections, ${s.runs} × ${s.durationSec} s per benchmark` : 'publication only'}`,
        );
        const keys = (process.env.BENCH_HTTP ?? '')
          .split(',')
          .map((k) => k.trim())
          .filter(Boolean);
        const unknown = keys.filter((k) => !HTTP_BENCHMARKS.some((d) => d.key === k));
        if (unknown.length)
          throw new Error(`BENCH_HTTP: unknown ${unknown.join(', ')} (keys: ${HTTP_BENCHMARKS.map((d) => d.key).join(', ')})`);
        const definitions = keys.length ? HTTP_BENCHMARKS.filter((d) => keys.includes(d.key)) : undefined;
        http = await runHttpBench(edition, {
          connections: s.connections,
          durationSec: s.durationSec,
          runs: s.runs,
          log,
          http: s.parts.has('http'),
          publish: s.parts.has('publish'),
          definitions,
        });
        figures.push(...httpFigures(http));
        if (http.publication) {
          figures.push(...publicationFigures(http.publication));
          replace.push({ heading: PUBLICATION_HEADING, body: publicationMarkdown(http.publication) });
          if (http.publication.error) failed = true;
        }
        if (s.parts.has('http') && http.memory?.after)
          figures.push({
            benchmark: 'memory: API RSS after the HTTP runs',
            figure: mib(http.memory.after.rssKb * 1024),
            baseline: http.memory.boot ? `after boot ${mib(http.memory.boot.rssKb * 1024)}` : undefined,
            target: '< 300 MiB',
            met: http.memory.after.rssKb * 1024 < 300 * 1024 * 1024,
          });
        if (http.results.some((r) => r.status === 'failed')) failed = true;
      } catch (err) {
        failed = true;
        const error = err instanceof Error ? (err.stack ?? err.message) : String(err);
        log(`http: FAILED: ${error}`);
        figures.push({ benchmark: 'HTTP', figure: `failed: ${error.split('\n')[0]}` });
      }
    }

    for (const spec of plugins.after) collect(await runPlugin(spec, pluginCtx));

    const totalMs = performance.now() - t0;
    const owned = [
      runSection(s, machine, command, server.describe, started, totalMs, machineInfo(machine.postgres).loadAverage),
      summarySection(figures),
    ];
    if (edition) owned.push(generatorSection(edition));
    if (http && s.parts.has('http')) owned.push(httpSection(http), memorySection(http));
    const summary = textTable(
      ['benchmark', 'figure', 'baseline (same run)', 'ratio', 'target', 'met'],
      figures.map((f) => [
        f.benchmark,
        f.figure,
        f.baseline ?? '',
        f.ratio === undefined ? '' : fmtRatio(f.ratio),
        f.target ?? '',
        f.met === undefined ? '' : f.met ? 'yes' : 'NO',
      ]),
    );
    if (partial && !process.env.BENCH_RESULTS) {
      // A partial run does not rewrite bench/RESULTS.md (its summary would lose the other parts): it prints the sections.
      process.stdout.write('\n' + [...owned, ...replace].map((x) => `${x.heading}\n\n${x.body}`).join('\n\n') + '\n');
      process.stdout.write('\n' + summary + '\n\n');
      log(
        `bench: partial run (${[...s.parts].join(', ')}) in ${seconds(totalMs)}; bench/RESULTS.md left as it was (BENCH_RESULTS=path writes one)`,
      );
    } else {
      if (!partial) owned.push(memorySection(http));
      mergeResults(s.resultsFile, PREAMBLE, dedupe(owned), replace);
      process.stdout.write('\n' + summary + '\n\n');
      log(`bench: wrote ${path.relative(process.cwd(), s.resultsFile)} in ${seconds(totalMs)} total`);
    }
  } finally {
    if (dbName) {
      if (s.keep) {
        await markKept(server.adminUrl, dbName);
        log(
          `bench: kept database ${dbName} (BENCH_KEEP=1; later runs leave it alone, drop it by hand): ${redact(withDatabase(server.adminUrl, dbName))}`,
        );
      } else
        await dropBenchDatabase(server.adminUrl, dbName).then(
          () => log(`bench: dropped database ${dbName}`),
          (err: Error) => log(`bench: could not drop ${dbName}: ${err.message}`),
        );
    }
    await server.stop();
  }
  return failed ? 1 : 0;
}

/** The first section of each heading. */
function dedupe(sections: Section[]): Section[] {
  const seen = new Set<string>();
  return sections.filter((x) => !seen.has(x.heading) && seen.add(x.heading));
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    },
  );
}
