// Benches that live in their own files and are run by `npm run bench` when present (bench/run.ts looks for
// each module with existsSync and calls its exported run…Bench function with a BenchPluginContext).
import type { Edition } from '../generate';

export interface BenchPluginContext {
  /** The generated edition's database (PostgreSQL URL) and what it holds. */
  databaseUrl: string;
  /** The server's maintenance database, to create more databases on it. */
  adminUrl: string;
  edition: Edition;
  /** BENCH_QUICK=1: make it short. */
  quick: boolean;
  log(line: string): void;
  /** The run's settings (BENCH_RUNS, BENCH_DURATION, BENCH_CONNECTIONS, BENCH_KEEP), for plugins that measure HTTP or keep a database. */
  runs?: number;
  durationSec?: number;
  connections?: number;
  keep?: boolean;
}

/** One line of the summary table. */
export interface BenchFigure {
  benchmark: string;
  figure: string;
  baseline?: string;
  /** figure ÷ baseline (or time ÷ baseline time). */
  ratio?: number;
  target?: string;
  met?: boolean;
}

/**
 * What a plugin returns. `figures` go into the summary; `heading` + `markdown` become (replace) that section
 * of bench/RESULTS.md, e.g. "## Notifications". Anything else returned is printed as JSON.
 */
export interface BenchPluginResult {
  figures?: BenchFigure[];
  heading?: string;
  markdown?: string;
}

export interface PluginSpec {
  /** Module path relative to bench/, without extension. */
  module: string;
  /** Preferred export; otherwise the first exported function named run…Bench. */
  exportName: string;
  title: string;
}

/** Looked for in this order, after the generator and before the HTTP benchmarks (notifications: after). */
export const PLUGINS_BEFORE_HTTP: PluginSpec[] = [
  { module: 'scoring-db.bench', exportName: 'runScoringDbBench', title: 'Scoring from the database' },
];
export const PLUGINS_AFTER_HTTP: PluginSpec[] = [
  { module: 'notifications.bench', exportName: 'runNotificationsBench', title: 'Notifications' },
  { module: 'index.bench', exportName: 'runIndexBench', title: 'National index' },
];
