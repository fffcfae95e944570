// The national publication (issue 21 items 2–3): publishes the generated edition through the API
// (POST /api/competitions/:id/rankings/publish, after the stages are closed and the objection window ran out),
// then publishes `corrections` more versions with a reason (the same work: the whole input ranked, hashed and
// stored in one transaction, everyone notified). Per publication: the time of the request, the API's peak RSS
// while it ran (VmHWM, reset before each through /proc/<pid>/clear_refs, and sampled every 25 ms as a
// cross-check) and the V8 heap before and after (GET /api/bench/memory). Run by `npm run bench` inside the
// HTTP runs' API process (between the sheet saves and the public rankings), or alone with `--only publish`.
import { readFileSync, writeFileSync } from 'node:fs';
import { drainOutbox, publishEdition, type HttpBenchContext } from './http-benchmarks';
import { cpuMs } from './http.bench';
import type { BenchFigure } from './lib/plugins';
import { int, median, mib, ms, table } from './lib/stats';

export const PUBLICATION_HEADING = '## Publication';

export interface HeapReading {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

export interface PublicationRun {
  label: string;
  ms: number;
  /** The API process's CPU time (user + system) over the publication: steadier than the time on a shared machine. */
  cpuMs: number | null;
  /** VmHWM after the publication, reset just before it (null where /proc/<pid>/clear_refs is not writable). */
  peakKb: number | null;
  /** Highest VmRSS seen by sampling every 25 ms. */
  sampledPeakKb: number;
  rssBeforeKb: number;
  rssAfterKb: number;
  heapBefore: HeapReading | null;
  heapAfter: HeapReading | null;
}

export interface PublicationResult {
  runs: PublicationRun[];
  /** Outbox rows the first publication queued (everyone involved is told). */
  notifications: number | null;
  sheets: number;
  innovations: number;
  error?: string;
}

function vm(pid: number): { rssKb: number; hwmKb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssKb: kb('VmRSS'), hwmKb: kb('VmHWM') };
}

/** Resets the process's VmHWM to its current RSS (Linux ≥ 4.0); false when not allowed. */
function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

async function heap(ctx: HttpBenchContext): Promise<HeapReading | null> {
  const res = await ctx.request('GET', '/api/bench/memory').catch(() => null);
  return res?.status === 200 ? (res.json() as HeapReading) : null;
}

async function measured(ctx: HttpBenchContext, pid: number, label: string, publish: () => Promise<number>): Promise<PublicationRun> {
  const heapBefore = await heap(ctx);
  const canReset = resetPeak(pid);
  const before = vm(pid);
  const cpuBefore = cpuMs(pid);
  let sampled = before.rssKb;
  const timer = setInterval(() => {
    try {
      sampled = Math.max(sampled, vm(pid).rssKb);
    } catch {
      /* the process ended: the request fails too */
    }
  }, 25);
  let took: number;
  try {
    took = await publish();
  } finally {
    clearInterval(timer);
  }
  const after = vm(pid);
  const cpuAfter = cpuMs(pid);
  const run: PublicationRun = {
    label,
    ms: took,
    cpuMs: cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null,
    peakKb: canReset ? after.hwmKb : null,
    sampledPeakKb: Math.max(sampled, after.rssKb),
    rssBeforeKb: before.rssKb,
    rssAfterKb: after.rssKb,
    heapBefore,
    heapAfter: await heap(ctx),
  };
  ctx.log(
    `  publication ${label}: ${ms(run.ms)} (API CPU ${run.cpuMs === null ? '–' : ms(run.cpuMs)}), peak RSS ${mib((run.peakKb ?? run.sampledPeakKb) * 1024)} (before ${mib(run.rssBeforeKb * 1024)}, after ${mib(run.rssAfterKb * 1024)}; heap used ${run.heapAfter ? mib(run.heapAfter.heapUsed) : '–'})`,
  );
  return run;
}

/** Publishes the edition (v1) and `corrections` corrections, each measured. */
export async function measurePublication(ctx: HttpBenchContext, pid: number, corrections = 2): Promise<PublicationResult> {
  const { edition } = ctx;
  const result: PublicationResult = {
    runs: [],
    notifications: null,
    sheets: edition.counts.plannedSheets,
    innovations: edition.counts.innovations,
  };
  try {
    result.runs.push(await measured(ctx, pid, 'v1', async () => (await publishEdition(ctx)).publishMs));
    result.notifications = (
      await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox_messages WHERE type = 'results_published'`)
    ).rows[0].n;
    const token = await ctx.login(edition.organizerEmail);
    for (let i = 1; i <= corrections; i++) {
      result.runs.push(
        await measured(ctx, pid, `correction ${i}`, async () => {
          const t0 = performance.now();
          const res = await ctx.request('POST', `/api/competitions/${edition.competitionId}/rankings/publish`, {
            token,
            body: { reason: `Koreksi bench ${i}` },
          });
          if (res.status >= 300) throw new Error(`publishing a correction: ${res.status} ${res.text.slice(0, 300)}`);
          return performance.now() - t0;
        }),
      );
      await drainOutbox(ctx);
    }
  } catch (err) {
    result.error = err instanceof Error ? err.message : String(err);
    ctx.log(`  publication: FAILED: ${result.error}`);
  }
  return result;
}

const peak = (r: PublicationRun) => r.peakKb ?? r.sampledPeakKb;

export function publicationFigures(p: PublicationResult): BenchFigure[] {
  if (p.error && !p.runs.length) return [{ benchmark: 'publication of the national edition', figure: `failed: ${p.error}` }];
  const times = p.runs.map((r) => r.ms);
  const peaks = p.runs.map(peak);
  return [
    {
      benchmark: `publication of the national edition (${int(p.sheets)} sheets), median of ${times.length}`,
      figure: `${ms(median(times))} (API CPU ${ms(median(p.runs.map((r) => r.cpuMs ?? NaN)))})`,
      target: '≤ 5 s',
      met: median(times) <= 5000,
    },
    {
      benchmark: 'memory: API peak RSS while publishing',
      figure: mib(Math.max(...peaks) * 1024),
      baseline: `before ${mib(p.runs[0].rssBeforeKb * 1024)}`,
      target: '< 450 MiB',
      met: Math.max(...peaks) * 1024 < 450 * 1024 * 1024,
    },
  ];
}

export function publicationMarkdown(p: PublicationResult): string {
  const h = (x: HeapReading | null, k: keyof HeapReading) => (x ? mib(x[k]) : '–');
  return [
    `The generated edition published through the API (POST /api/competitions/:id/rankings/publish: lock, checks, scoring input of ${int(p.sheets)} sheets and ${int(p.innovations)} innovations, rank, hash, snapshot insert, ${p.notifications === null ? '–' : int(p.notifications)} outbox rows for everyone involved, all in one transaction), then corrections (the same work with a reason). v1's API CPU and peak also cover delivering its notifications in process afterwards (up to a minute's wait); a correction's do not, but its peak starts from what the process kept of the earlier ones. Peak RSS: VmHWM reset before each publication (/proc/<pid>/clear_refs); sampled: VmRSS read every 25 ms. Heap: process.memoryUsage() of the API (GET /api/bench/memory).${p.error ? `\n\n**Failed**: ${p.error}` : ''}`,
    '',
    table(
      [
        'publication',
        'time',
        'API CPU',
        'peak RSS',
        'sampled peak',
        'RSS before → after',
        'heap used before → after',
        'heap total after',
        'external + array buffers after',
      ],
      p.runs.map((r) => [
        r.label,
        ms(r.ms),
        r.cpuMs === null ? '–' : ms(r.cpuMs),
        r.peakKb === null ? '–' : mib(r.peakKb * 1024),
        mib(r.sampledPeakKb * 1024),
        `${mib(r.rssBeforeKb * 1024)} → ${mib(r.rssAfterKb * 1024)}`,
        `${h(r.heapBefore, 'heapUsed')} → ${h(r.heapAfter, 'heapUsed')}`,
        h(r.heapAfter, 'heapTotal'),
        r.heapAfter ? mib(r.heapAfter.external + r.heapAfter.arrayBuffers) : '–',
      ]),
    ),
  ].join('\n');
}
