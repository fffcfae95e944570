// Scoring speed, in process, from a generated file (DESIGN §4; issue target: < 1.5 s for 3M criterion values).
// Times `rank()` on the parsed input (median of several runs after one warm-up), and in the same run a
// baseline: a plain loop computing each innovation's weighted mean of the same sheets, without validation,
// rounding, ranking or digest. Usage (after `node scripts/build.mjs`):
//   node dist/bench/scoring/rank-file.bench.js [--innovations 50000] [--runs 5] [--aggregation mean]
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { type ScoringInput, rank } from '@app/scoring';
import { type GenerateOptions, writeScoringInput } from './generate';

export interface ScoringFileBenchOptions {
  innovations?: number;
  runs?: number;
  aggregation?: GenerateOptions['aggregation'];
}

export interface ScoringFileBenchResult {
  innovations: number;
  sheets: number;
  values: number;
  fileBytes: number;
  /** Reading and JSON.parse of the file (once). */
  parseMs: number;
  /** `rank()` on the parsed input, every measured run and their median. */
  runsMs: number[];
  medianMs: number;
  minMs: number;
  /** The plain weighted-mean loop, median of the same number of runs. */
  baselineMs: number;
  ratio: number;
}

/** Generates the input into a temp dir, then times `rank()` against the baseline loop. */
export async function runScoringFileBench(options: ScoringFileBenchOptions = {}): Promise<ScoringFileBenchResult> {
  const { innovations = 50_000, runs = 5, aggregation = 'mean' } = options;
  const dir = await mkdtemp(path.join(tmpdir(), 'scoring-bench-'));
  try {
    const file = path.join(dir, 'input.json');
    const { sheets, values } = await writeScoringInput(file, { innovations, aggregation });
    const fileBytes = (await stat(file)).size;
    const t0 = performance.now();
    const input = JSON.parse(await readFile(file, 'utf8')) as ScoringInput;
    const parseMs = performance.now() - t0;

    const check = rank(input); // warm-up, and a sanity check that the run ranks everything
    const ranked = Object.values(check.categories).reduce((n, rows) => n + rows.length, 0);
    if (ranked !== innovations) throw new Error(`expected ${innovations} ranked rows, got ${ranked}`);
    weightedMeans(input);

    const runsMs = timeRuns(runs, () => rank(input));
    const baselineMs = median(timeRuns(runs, () => weightedMeans(input)));
    const medianMs = median(runsMs);
    return {
      innovations,
      sheets,
      values,
      fileBytes,
      parseMs,
      runsMs,
      medianMs,
      minMs: Math.min(...runsMs),
      baselineMs,
      ratio: medianMs / baselineMs,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The baseline: each innovation's weighted mean over stages of its mean sheet score, in one plain pass. */
function weightedMeans(input: ScoringInput): Float64Array {
  const stageOf = new Map(input.stages.map((s, i) => [s.key, i]));
  const submissionOf = new Map(input.submissions.map((s, i) => [s.id, i]));
  const stageCount = input.stages.length;
  const sums = new Float64Array(input.submissions.length * stageCount);
  const counts = new Uint32Array(sums.length);
  for (const sheet of input.sheets) {
    const s = stageOf.get(sheet.stage)!;
    const { criteria = [] } = input.stages[s];
    let weighted = 0;
    let weights = 0;
    for (const c of criteria) {
      weighted += (c.weight * (sheet.scores[c.key] - c.min)) / (c.max - c.min);
      weights += c.weight;
    }
    const g = submissionOf.get(sheet.submission)! * stageCount + s;
    sums[g] += (100 * weighted) / weights;
    counts[g]++;
  }
  const finals = new Float64Array(input.submissions.length);
  const totalWeight = input.stages.reduce((t, s) => t + s.weight, 0);
  for (let i = 0; i < finals.length; i++) {
    let f = 0;
    for (let s = 0; s < stageCount; s++) f += (input.stages[s].weight * sums[i * stageCount + s]) / counts[i * stageCount + s];
    finals[i] = f / totalWeight;
  }
  return finals;
}

function timeRuns(runs: number, fn: () => unknown): number[] {
  return Array.from({ length: runs }, () => {
    const t0 = performance.now();
    fn();
    return performance.now() - t0;
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const numeric = (name: string) => (flag(name) === undefined ? undefined : Number(flag(name)));
  const aggregationName = (flag('aggregation') ?? 'mean') as NonNullable<ScoringFileBenchOptions['aggregation']>;
  runScoringFileBench({ innovations: numeric('innovations'), runs: numeric('runs'), aggregation: aggregationName }).then(
    (r) => {
      const ms = (x: number) => `${x.toFixed(0)} ms`;
      process.stdout.write(
        [
          `scoring from a generated file (${aggregationName}): ${r.innovations} innovations, ${r.sheets} sheets, ${r.values} criterion values, ${(r.fileBytes / 1e6).toFixed(1)} MB`,
          `  read + JSON.parse: ${ms(r.parseMs)}`,
          `  rank(): median ${ms(r.medianMs)} of ${r.runsMs.length} runs, best ${ms(r.minMs)} [${r.runsMs.map((x) => x.toFixed(0)).join(', ')}]`,
          `  baseline weighted-mean loop: median ${ms(r.baselineMs)}`,
          `  ratio rank / baseline: ${r.ratio.toFixed(1)}×`,
        ].join('\n') + '\n',
      );
    },
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
