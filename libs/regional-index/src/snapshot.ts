// A published region ranking snapshot `{input, output, hash}` (DESIGN §4b): the §4 snapshot's shape and hash
// over the regional index, verified by recomputing the output from the input.

import { type SnapshotVerification, snapshotHash, verifyRecomputed } from '@app/scoring';
import { computeIndex } from './compute';
import type { IndexOutput } from './types';

export interface IndexSnapshot {
  input: unknown;
  output: IndexOutput;
  /** `sha256:` + hex SHA-256 of the JCS canonical JSON of `{input, output}`. */
  hash: string;
}

/** Computes `input`'s index and wraps it as a snapshot. Throws ScoringInputError on invalid input. */
export function createIndexSnapshot(input: unknown): IndexSnapshot {
  const output = computeIndex(input);
  return { input, output, hash: snapshotHash(input, output) };
}

/**
 * Recomputes a region snapshot's output and checks it and the hash; lists what differs (field paths with the
 * region id of a row, or the hash). Throws ScoringInputError when it is not `{input, output, hash}` or its
 * input is invalid.
 */
export function verifyIndexSnapshot(snapshot: unknown): SnapshotVerification {
  return verifyRecomputed(snapshot, computeIndex);
}

/** A region snapshot's input has `indicators` (a §4 one has `stages`): how `verify` tells them apart. */
export function isIndexSnapshot(snapshot: unknown): boolean {
  const input = typeof snapshot === 'object' && snapshot !== null ? (snapshot as { input?: unknown }).input : undefined;
  return typeof input === 'object' && input !== null && Object.hasOwn(input, 'indicators');
}
