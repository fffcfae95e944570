import type { Progress } from '@app/kernel';

/** A file an operation made (an export): what a tracked route with `file: true` returns, kept with the operation. */
export interface OperationFile {
  fileName: string;
  mediaType: string;
  body: Buffer;
}

export const OPERATION_STATES = ['running', 'succeeded', 'failed'] as const;
export type OperationState = (typeof OPERATION_STATES)[number];

/** The header a client may send with an operation id it generated (a UUID), and that every tracked route answers with. */
export const OPERATION_HEADER = 'x-operation-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: unknown): s is string => typeof s === 'string' && UUID.test(s);

/**
 * Progress is written at most once per `intervalMs` (the last report of a burst is written when the interval
 * ends), except a new phase, which is written at once. Decides whether a report is written now.
 */
export function writeNow(previous: { at: number; phase: string } | null, next: Progress, now: number, intervalMs: number): boolean {
  if (!previous) return true;
  if (previous.phase !== next.phase) return true;
  return now - previous.at >= intervalMs;
}

/** Keeps a report within the column's bounds: non-negative integers, done ≤ total when a total is known. */
export function clampProgress(p: Progress): Progress {
  const total = Math.max(0, Math.floor(p.total) || 0);
  const done = Math.max(0, Math.floor(p.done) || 0);
  return { phase: p.phase.slice(0, 40), done: total ? Math.min(done, total) : done, total };
}

const DAY_MS = 24 * 3600_000;

/** Finished operations that ended before this instant are swept: `retentionDays` before `now`. */
export function retentionCutoff(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * DAY_MS);
}
