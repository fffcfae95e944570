// HTTP benchmarks with autocannon (in process) against the compiled API started as a child process in
// production mode (NODE_ENV=production, LOG_LEVEL=warn, BENCH_ROUTES=true) on the generated database.
// Each definition (bench/http-benchmarks.ts): prepare once, one probe request (404: "not available yet"),
// a warm-up, then `runs` runs of `duration` s at `connections` connections; the median requests/s, p50 and
// p99 of the runs, and ratios to the hello-world and SELECT 1 baselines measured first in the same run.
// The API's RSS (VmRSS from /proc/<pid>/status) is read after boot and after the runs.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { freePort } from '@app/database';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { Pool } from 'pg';
import type { Edition } from './generate';
import {
  BASELINES,
  HTTP_BENCHMARKS,
  NotAvailable,
  type Baseline,
  type HttpBenchContext,
  type HttpBenchmarkDefinition,
  type PreparedRequest,
} from './http-benchmarks';
import { median } from './lib/stats';
import { measurePublication, type HeapReading, type PublicationResult } from './publication';

export interface HttpBenchOptions {
  connections?: number;
  durationSec?: number;
  runs?: number;
  warmupSec?: number;
  definitions?: HttpBenchmarkDefinition[];
  /** Measure hello-world again at the end, to show drift over the run (default true). */
  driftCheck?: boolean;
  /** Run the baselines and definitions (default true); false with `publish` measures only the publication. */
  http?: boolean;
  /** Measure the national publication (bench/publication.ts) before the first definition that needs it (default false). */
  publish?: boolean;
  log?: (line: string) => void;
}

export interface HttpRun {
  rps: number;
  /** CPU time (user + system) the API process spent per request in this run, when its pid is known. */
  cpuMsPerRequest: number | null;
  /** CPU time the local PostgreSQL processes spent per request in this run (null when none run on this machine). */
  pgCpuMsPerRequest: number | null;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Responses by status code other than 2xx, and one body of such a response when it was read. */
  statuses: Record<string, number>;
  sample?: string;
}

export interface HttpBenchResult {
  key: string;
  title: string;
  status: 'ok' | 'not-available' | 'failed';
  reason?: string;
  note?: string;
  runs: HttpRun[];
  rps: number;
  p50: number;
  p99: number;
  /** Median CPU ms per request of the API process: steadier than req/s when other jobs share the cores. */
  cpuMsPerRequest: number | null;
  /** Median CPU ms per request of the local PostgreSQL processes (all of them: the run is alone on the machine). */
  pgCpuMsPerRequest: number | null;
  non2xx: number;
  errors: number;
  /** Non-2xx responses by status over the runs, and a sample body. */
  statuses: Record<string, number>;
  sample?: string;
  ratios: Partial<Record<Baseline, number>>;
  targets: { text: string; met: boolean }[];
}

export interface MemoryReading {
  rssKb: number;
  hwmKb: number;
}

export interface HttpSuiteResult {
  connections: number;
  durationSec: number;
  runs: number;
  warmupSec: number;
  results: HttpBenchResult[];
  /** hello-world measured again after everything else (one run). */
  helloAtEnd: number | null;
  memory: { boot: MemoryReading | null; after: MemoryReading | null; heapAfter?: HeapReading | null } | null;
  publication: PublicationResult | null;
  apiWarnings: string[];
  ms: number;
}

export function readMemory(pid: number): MemoryReading | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssKb: kb('VmRSS'), hwmKb: kb('VmHWM') };
  } catch {
    return null;
  }
}

/**
 * A process's name and CPU times in ms from its /proc/<pid>/stat text (clock ticks of 10 ms): its own user +
 * system time, and that of its children it has reaped.
 */
function statTimes(stat: string): { name: string; ownMs: number; reapedMs: number } {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return {
    name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
    ownMs: (Number(fields[11]) + Number(fields[12])) * 10,
    reapedMs: (Number(fields[13]) + Number(fields[14])) * 10,
  };
}

/** user + system CPU time of a process in ms. */
export function cpuMs(pid: number): number | null {
  try {
    return statTimes(readFileSync(`/proc/${pid}/stat`, 'utf8')).ownMs;
  } catch {
    return null;
  }
}

/**
 * user + system CPU time in ms of every process named postgres on this machine (the server's backends and
 * its background processes), with that of the ones that ended (counted in the postmaster's children's time
 * once reaped: a backend or an autovacuum worker ending mid-run would otherwise take its time away), or null
 * when there is none: the database is elsewhere.
 */
export function postgresCpuMs(): number | null {
  let total = 0;
  let found = false;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // ended meanwhile
    }
    const times = statTimes(stat);
    if (times.name !== 'postgres') continue;
    total += times.ownMs + times.reapedMs;
    found = true;
  }
  return found ? total : null;
}

export interface ApiProcess {
  baseUrl: string;
  pid: number;
  /** Lines the API wrote (warnings and errors at LOG_LEVEL=warn), the last 200. */
  output: string[];
  stop(): Promise<void>;
}

/** The API's entry point as production starts it (package.json's `start`, docker/Dockerfile's CMD). */
export const API_ENTRY = 'dist/apps/api/src/main.js';

/**
 * The node options production starts the API with: the words between `node` and the entry point in package.json's
 * `start` script (docker/Dockerfile's CMD carries the same; bench/production-start.spec.ts checks that they agree).
 * The bench's API runs with them, so what it measures is what production runs.
 */
export function productionNodeArgs(startScript: string): string[] {
  const m = new RegExp(`(?:^|&&|;)\\s*node((?:\\s+-[^\\s]+)*)\\s+${API_ENTRY.replace(/[./]/g, '\\$&')}\\s*$`).exec(startScript);
  if (!m) throw new Error(`package.json "start" does not end with \`node [options] ${API_ENTRY}\`: ${startScript}`);
  return m[1].split(/\s+/).filter(Boolean);
}

/** package.json's `start` script, from bench/ or dist/bench/. */
export function packageStartScript(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { scripts?: Record<string, string> };
      if (pkg.scripts?.start) return pkg.scripts.start;
    }
    if (path.dirname(dir) === dir) throw new Error(`no package.json with a "start" script above ${__dirname}`);
  }
}

/**
 * Starts the compiled API (dist/apps/api/src/main.js) in production mode, with production's node options
 * (productionNodeArgs), and waits for /health.
 */
export async function startApi(databaseUrl: string, log: (line: string) => void = () => undefined): Promise<ApiProcess> {
  const main = path.resolve(__dirname, '..', 'apps', 'api', 'src', 'main.js');
  if (!existsSync(main)) throw new Error(`${main} not found: build first (npm run -s build)`);
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'inovasi-bench-api-'));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    JWT_ACCESS_SECRET: randomBytes(48).toString('base64url'),
    JWT_REFRESH_SECRET: randomBytes(48).toString('base64url'),
    // One login per account for the whole run; argon2 is slow by design and not what is measured.
    JWT_ACCESS_TTL_SECONDS: '7200',
    LOGIN_RATE_LIMIT: '100000',
    BENCH_ROUTES: 'true',
    // glibc allocator settings under test, when the bench is given them (MALLOC_ARENA_MAX, MALLOC_TRIM_THRESHOLD_, …).
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('MALLOC_'))),
  };
  // BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the API under the benchmarks (after
  // production's options: a V8 flag given again there wins).
  const nodeArgs = [...productionNodeArgs(packageStartScript()), ...(process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean)];
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, main], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) output.push(line.trim());
    if (output.length > 200) output.splice(0, output.length - 200);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exited: number | null = null;
  const exit = new Promise<void>((resolve) => child.once('exit', (code, signal) => ((exited = code ?? (signal ? 1 : 0)), resolve())));
  const baseUrl = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  for (;;) {
    if (exited !== null) throw new Error(`the API exited with ${exited} while starting:\n${output.slice(-20).join('\n')}`);
    const ok = await fetch(`${baseUrl}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (performance.now() - t0 > 90_000) {
      child.kill('SIGKILL');
      throw new Error(`the API did not answer /health within 90 s:\n${output.slice(-20).join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  log(
    `http: API pid ${child.pid} up on ${baseUrl} in ${(performance.now() - t0).toFixed(0)} ms (NODE_ENV=production, LOG_LEVEL=warn${nodeArgs.length ? `, node ${nodeArgs.join(' ')}` : ''})`,
  );
  return {
    baseUrl,
    pid: child.pid!,
    output,
    async stop() {
      if (exited === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exit;
        clearTimeout(timer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function contextFor(baseUrl: string, edition: Edition, db: Pool, connections: number, log: (line: string) => void): HttpBenchContext {
  const tokens = new Map<string, Promise<string>>();
  const request: HttpBenchContext['request'] = async (method, p, opts = {}) => {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(baseUrl + p, {
      method,
      headers,
      body: opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body),
    });
    const text = await res.text();
    return { status: res.status, headers: Object.fromEntries(res.headers.entries()), text, json: () => JSON.parse(text) };
  };
  const login = (email: string) => {
    let token = tokens.get(email);
    if (!token) {
      token = request('POST', '/api/auth/login', { body: { email, password: edition.password } }).then((res) => {
        if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${res.text.slice(0, 200)}`);
        return res.json().accessToken as string;
      });
      tokens.set(email, token);
    }
    return token;
  };
  return { baseUrl, edition, db, connections, login, request, log };
}

/**
 * For requests whose response bodies nobody reads: autocannon appends every body chunk to a string
 * (`req.body += chunk` in its PipelinedRequestsQueue), a UTF-8 decode of each response on the measuring side —
 * for the public rankings' 7.9 KB of gzip, 0.15 ms of the bench process's CPU per response against the API's
 * 0.09 ms, on the same 2 cores (bench/RESULTS.md, item 12). Status codes, bytes and latencies are counted as before.
 */
function unreadBodies(client: autocannon.Client): void {
  (client as unknown as { pipelinedRequests: { addBody(chunk: unknown): void } }).pipelinedRequests.addBody = () => undefined;
}

export function cannon(
  baseUrl: string,
  prepared: PreparedRequest,
  connections: number,
  durationSec: number,
  pid?: number,
): Promise<HttpRun> {
  const cpuBefore = pid ? cpuMs(pid) : null;
  const pgBefore = postgresCpuMs();
  let sample: string | undefined;
  const common = { connections, duration: durationSec, pipelining: 1, timeout: 10 };
  let opts: autocannon.Options;
  if ('perConnection' in prepared) {
    let n = 0;
    opts = {
      ...common,
      url: baseUrl,
      setupClient: (client: autocannon.Client) => {
        const c = prepared.perConnection(n++);
        const body = c.body;
        const onResponse = c.onResponse;
        // A fresh request object per connection: autocannon shares the option's request objects otherwise.
        (client as unknown as { setRequests(r: unknown[]): void }).setRequests([
          {
            method: c.method,
            path: c.path,
            headers: c.headers,
            ...(body ? { setupRequest: (req: Record<string, unknown>) => ({ ...req, body: body() }) } : {}),
            onResponse: (status: number, b: string) => {
              if (status >= 300 && sample === undefined) sample = `${status} ${String(b).slice(0, 300)}`;
              onResponse?.(status, b);
            },
          },
        ]);
      },
    };
  } else {
    opts = {
      ...common,
      url: baseUrl + prepared.path,
      method: prepared.method ?? 'GET',
      headers: prepared.headers,
      body: prepared.body,
      setupClient: unreadBodies,
    };
  }
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, r) => {
      if (err) return reject(err);
      // Let requests cut off at the end of the run finish on the server before anything else is measured.
      setTimeout(() => {
        const cpuAfter = pid ? cpuMs(pid) : null;
        const pgAfter = postgresCpuMs();
        const perRequest = (before: number | null, after: number | null) =>
          before !== null && after !== null && r.requests.total > 0 ? (after - before) / r.requests.total : null;
        const cpuMsPerRequest = perRequest(cpuBefore, cpuAfter);
        const pgCpuMsPerRequest = perRequest(pgBefore, pgAfter);
        const statuses: Record<string, number> = {};
        for (const [code, stat] of Object.entries(r.statusCodeStats ?? {}))
          if (!code.startsWith('2')) statuses[code] = (stat as { count?: number }).count ?? 0;
        resolve({
          rps: r.requests.average,
          cpuMsPerRequest,
          pgCpuMsPerRequest,
          p50: r.latency.p50,
          p99: r.latency.p99,
          requests: r.requests.total,
          non2xx: r.non2xx,
          errors: r.errors,
          timeouts: r.timeouts,
          statuses,
          sample,
        });
      }, 250);
    });
  });
}

async function probe(ctx: HttpBenchContext, prepared: PreparedRequest): Promise<{ status: number; text: string; what: string }> {
  if ('perConnection' in prepared) {
    const c = prepared.perConnection(0);
    const res = await ctx.request(c.method, c.path, { headers: { ...(c.headers ?? {}) }, body: c.body?.() });
    c.onResponse?.(res.status, res.text);
    return { status: res.status, text: res.text, what: `${c.method} ${c.path}` };
  }
  const res = await ctx.request(prepared.method ?? 'GET', prepared.path, { headers: prepared.headers, body: prepared.body });
  return { status: res.status, text: res.text, what: `${prepared.method ?? 'GET'} ${prepared.path}` };
}

/** Runs the baselines, then every definition, against an API already listening at `baseUrl`. */
export async function runHttpSuite(
  baseUrl: string,
  edition: Edition,
  options: HttpBenchOptions & { pid?: number } = {},
): Promise<HttpSuiteResult> {
  const connections = options.connections ?? 64;
  const durationSec = options.durationSec ?? 10;
  const runs = options.runs ?? 3;
  const warmupSec = options.warmupSec ?? Math.min(1, durationSec);
  const log = options.log ?? (() => undefined);
  const http = options.http ?? true;
  const definitions = http ? (options.definitions ?? HTTP_BENCHMARKS) : [];
  let publication: PublicationResult | null = null;
  const t0 = performance.now();
  const db = new Pool({ connectionString: edition.databaseUrl, max: 4 });
  const ctx = contextFor(baseUrl, edition, db, connections, log);
  const results: HttpBenchResult[] = [];
  const byKey = new Map<string, HttpBenchResult>();
  const boot = options.pid ? readMemory(options.pid) : null;
  try {
    for (const def of http ? [BASELINES.hello, BASELINES.select1, ...definitions] : []) {
      if (options.publish && def.needsPublication && !publication && options.pid) publication = await measurePublication(ctx, options.pid);
      const result: HttpBenchResult = {
        key: def.key,
        title: def.title,
        status: 'ok',
        runs: [],
        rps: NaN,
        p50: NaN,
        p99: NaN,
        cpuMsPerRequest: null,
        pgCpuMsPerRequest: null,
        non2xx: 0,
        errors: 0,
        statuses: {},
        ratios: {},
        targets: [],
      };
      results.push(result);
      byKey.set(def.key, result);
      try {
        const prepared = await def.prepare(ctx);
        result.note = prepared.note;
        const first = await probe(ctx, prepared);
        if (first.status === 404) throw new NotAvailable(`${first.what} answers 404`);
        if (first.status >= 400) throw new Error(`${first.what} answers ${first.status}: ${first.text.slice(0, 300)}`);
        if (warmupSec > 0) await cannon(baseUrl, prepared, connections, warmupSec, options.pid);
        await prepared.afterRun?.();
        for (let r = 0; r < runs; r++) {
          result.runs.push(await cannon(baseUrl, prepared, connections, durationSec, options.pid));
          await prepared.afterRun?.();
        }
      } catch (err) {
        result.status = err instanceof NotAvailable ? 'not-available' : 'failed';
        result.reason = err instanceof Error ? err.message : String(err);
        log(`http: ${def.key.padEnd(22)} ${result.status === 'not-available' ? 'not available yet' : 'FAILED'}: ${result.reason}`);
        continue;
      }
      result.rps = median(result.runs.map((x) => x.rps));
      result.p50 = median(result.runs.map((x) => x.p50));
      result.p99 = median(result.runs.map((x) => x.p99));
      const cpu = result.runs.map((x) => x.cpuMsPerRequest).filter((x): x is number => x !== null);
      result.cpuMsPerRequest = cpu.length ? median(cpu) : null;
      const pg = result.runs.map((x) => x.pgCpuMsPerRequest).filter((x): x is number => x !== null);
      result.pgCpuMsPerRequest = pg.length ? median(pg) : null;
      result.non2xx = result.runs.reduce((n, x) => n + x.non2xx, 0);
      result.errors = result.runs.reduce((n, x) => n + x.errors + x.timeouts, 0);
      for (const run of result.runs)
        for (const [code, n] of Object.entries(run.statuses)) result.statuses[code] = (result.statuses[code] ?? 0) + n;
      result.sample = result.runs.find((x) => x.sample)?.sample;
      for (const b of def.compareTo) {
        const base = byKey.get(b);
        if (base?.status === 'ok') result.ratios[b] = result.rps / base.rps;
      }
      const t = def.targets;
      if (t?.minRatio) {
        const base = byKey.get(t.minRatio.of);
        const ratio = base?.status === 'ok' ? result.rps / base.rps : NaN;
        result.targets.push({
          text: `≥ ${Math.round(t.minRatio.ratio * 100)} % of ${t.minRatio.of} req/s`,
          met: ratio >= t.minRatio.ratio,
        });
      }
      if (t?.maxP99Ms !== undefined) result.targets.push({ text: `p99 < ${t.maxP99Ms} ms`, met: result.p99 < t.maxP99Ms });
      if (result.non2xx || result.errors) result.targets.push({ text: 'no errors, timeouts or non-2xx', met: false });
      log(
        `http: ${def.key.padEnd(22)} ${Math.round(result.rps).toString().padStart(6)} req/s  p50 ${result.p50} ms  p99 ${result.p99} ms` +
          (result.cpuMsPerRequest !== null ? `  API CPU ${result.cpuMsPerRequest.toFixed(2)} ms/req` : '') +
          (result.pgCpuMsPerRequest !== null ? `  PostgreSQL CPU ${result.pgCpuMsPerRequest.toFixed(2)} ms/req` : '') +
          Object.entries(result.ratios)
            .map(([b, x]) => `  ${(x * 100).toFixed(0)} % of ${b}`)
            .join('') +
          (result.non2xx || result.errors
            ? `  (${result.non2xx} non-2xx ${JSON.stringify(result.statuses)}, ${result.errors} errors/timeouts${result.sample ? `; e.g. ${result.sample}` : ''})`
            : '') +
          `  [${result.runs.map((x) => Math.round(x.rps)).join(', ')}]`,
      );
    }
    if (options.publish && !publication && options.pid) publication = await measurePublication(ctx, options.pid);
    let helloAtEnd: number | null = null;
    if (http && (options.driftCheck ?? true) && byKey.get('hello')?.status === 'ok') {
      helloAtEnd = (await cannon(baseUrl, { path: '/api/bench/hello' }, connections, durationSec, options.pid)).rps;
      log(
        `http: hello again at the end: ${Math.round(helloAtEnd)} req/s (${(((helloAtEnd - byKey.get('hello')!.rps) / byKey.get('hello')!.rps) * 100).toFixed(0)} % vs the start)`,
      );
    }
    const after = options.pid ? readMemory(options.pid) : null;
    const heapAfter = options.pid
      ? await ctx.request('GET', '/api/bench/memory').then(
          (r) => (r.status === 200 ? (r.json() as HeapReading) : null),
          () => null,
        )
      : null;
    return {
      connections,
      durationSec,
      runs,
      warmupSec,
      results,
      helloAtEnd,
      memory: options.pid ? { boot, after, heapAfter } : null,
      publication,
      apiWarnings: [],
      ms: performance.now() - t0,
    };
  } finally {
    await db.end();
  }
}

/** Distinct warnings and errors the API logged (pino JSON at level ≥ 40, or plain lines saying so). */
export function apiProblems(output: string[]): string[] {
  const seen = new Set<string>();
  for (const line of output) {
    let text: string | null = null;
    try {
      const entry = JSON.parse(line) as { level?: number; msg?: string; req?: { method?: string; url?: string } };
      if ((entry.level ?? 0) >= 40)
        text = `${entry.req ? `${entry.req.method} ${entry.req.url}: ` : ''}${(entry.msg ?? '').split('\n')[0]}`;
    } catch {
      if (/error|warn/i.test(line)) text = line;
    }
    if (text) seen.add(text.slice(0, 300));
  }
  return [...seen].slice(-10);
}

/** Starts the API on the generated database, runs the suite, reads its memory, stops it. */
export async function runHttpBench(edition: Edition, options: HttpBenchOptions = {}): Promise<HttpSuiteResult> {
  const log = options.log ?? (() => undefined);
  const api = await startApi(edition.databaseUrl, log);
  try {
    const suite = await runHttpSuite(api.baseUrl, edition, { ...options, pid: api.pid });
    suite.apiWarnings = apiProblems(api.output);
    if (suite.memory?.after)
      log(
        `memory: API RSS ${(suite.memory.after.rssKb / 1024).toFixed(0)} MiB after the runs (peak ${(suite.memory.after.hwmKb / 1024).toFixed(0)} MiB, ${((suite.memory.boot?.rssKb ?? NaN) / 1024).toFixed(0)} MiB after boot; V8 heap used ${((suite.memory.heapAfter?.heapUsed ?? NaN) / 1048576).toFixed(0)} of ${((suite.memory.heapAfter?.heapTotal ?? NaN) / 1048576).toFixed(0)} MiB)`,
      );
    return suite;
  } finally {
    await api.stop();
  }
}
