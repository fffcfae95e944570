// A published ranking snapshot `{input, output, hash}` (DESIGN §2 RankingSnapshot, §4): created and verified
// by recomputing the output from the input.

import { createHash } from 'node:crypto';
import { canonicalize } from '@app/kernel';
import { type JsonBytes, preparedInputJson, preparedSnapshotHash, streamedSnapshotHash } from './digest';
import { rank, rankPrepared } from './rank';
import { ScoringInputError } from './scoring.errors';
import type { RankOutput } from './types';
import { prepare } from './validate';

export interface RankingSnapshot {
  input: unknown;
  output: RankOutput;
  /** `sha256:` + hex SHA-256 of the JCS canonical JSON of `{input, output}`. */
  hash: string;
}

/** A snapshot as it is published: with the JCS canonical JSON of its input (UTF-8, in pieces), the text it is stored as. */
export interface PublishedRankingSnapshot extends RankingSnapshot {
  inputJson: JsonBytes;
}

export type SnapshotVerification = { ok: true } | { ok: false; differences: string[] };

/** At most this many differences are listed (then "… and N more"). */
const MAX_DIFFERENCES = 50;

/** The hash of a snapshot: `sha256:` + hex SHA-256 of the JCS canonical JSON of `{input, output}`. */
export function snapshotHash(input: unknown, output: unknown): string {
  return streamedSnapshotHash(input, output);
}

/** Ranks `input` and wraps it as a snapshot (hash streamed). Throws {@link ScoringInputError} on invalid input. */
export function createSnapshot(input: unknown): RankingSnapshot {
  const prepared = prepare(input);
  const output = rankPrepared(prepared);
  return { input, output, hash: preparedSnapshotHash(prepared, output) };
}

/**
 * {@link createSnapshot} for publication: the input's canonical JSON is written once (sheets from pre-quoted pieces)
 * and gives the inputsDigest, the hash — `{"input":` + it + `,"output":` + the output's canonical JSON + `}` is the
 * JCS of `{input, output}` — and the stored text, instead of one pass for each (as @app/regional-index's
 * createIndexSnapshot). Equal to {@link createSnapshot} (snapshot.spec checks it).
 */
export function createPublishedSnapshot(input: unknown): PublishedRankingSnapshot {
  const prepared = prepare(input);
  const inputJson = preparedInputJson(prepared);
  const digest = createHash('sha256');
  const hash = createHash('sha256').update('{"input":');
  for (const chunk of inputJson.chunks) {
    digest.update(chunk);
    hash.update(chunk);
  }
  const output = rankPrepared(prepared, `sha256:${digest.digest('hex')}`);
  hash.update(',"output":').update(canonicalize(output)!).update('}');
  return { input, output, hash: `sha256:${hash.digest('hex')}`, inputJson };
}

/**
 * Recomputes a snapshot's output from its input and checks it equals the stored output and that the hash
 * matches; lists what differs (field paths with the submission id of a row, or the hash). Throws
 * {@link ScoringInputError} when the snapshot is not `{input, output, hash}` or its input is invalid.
 */
export function verifySnapshot(snapshot: unknown): SnapshotVerification {
  return verifyRecomputed(snapshot, rank);
}

/**
 * {@link verifySnapshot} for any snapshot `{input, output, hash}` whose output is `recompute(input)` (the
 * §4 ranking, the §4b regional index); `recompute` throws {@link ScoringInputError} for invalid input.
 */
export function verifyRecomputed(snapshot: unknown, recompute: (input: unknown) => unknown): SnapshotVerification {
  if (typeof snapshot !== 'object' || snapshot === null || Array.isArray(snapshot) || !('input' in snapshot) || !('output' in snapshot)) {
    throw new ScoringInputError('a snapshot must be a JSON object {input, output, hash}');
  }
  const { input, output, hash } = snapshot as Record<string, unknown>;
  if (typeof hash !== 'string') throw new ScoringInputError('snapshot.hash must be a string "sha256:<hex>"');
  let recomputed: unknown;
  try {
    recomputed = recompute(input);
  } catch (err) {
    if (err instanceof ScoringInputError) throw new ScoringInputError(`snapshot input: ${err.message}`);
    throw err;
  }

  const differences: string[] = [];
  diff(recomputed, output, 'output', differences);
  const actualHash = snapshotHash(input, output);
  if (actualHash !== hash) differences.push(`hash: stored ${hash}, but {input, output} hashes to ${actualHash}`);
  if (differences.length === 0) return { ok: true };
  const more = differences.length - MAX_DIFFERENCES;
  return { ok: false, differences: more > 0 ? [...differences.slice(0, MAX_DIFFERENCES), `… and ${more} more`] : differences };
}

/** Appends a line per JSON value that differs between the recomputed and the stored output. */
function diff(recomputed: unknown, stored: unknown, path: string, out: string[]): void {
  if (recomputed === stored) return;
  if (Array.isArray(recomputed) && Array.isArray(stored)) {
    for (let i = 0; i < Math.max(recomputed.length, stored.length); i++) {
      const at = `${path}[${i}]${rowLabel(recomputed[i] ?? stored[i])}`;
      if (i >= stored.length) out.push(`${at}: missing from the stored output (recomputed ${show(recomputed[i])})`);
      else if (i >= recomputed.length) out.push(`${at}: not in the recomputed output (stored ${show(stored[i])})`);
      else diff(recomputed[i], stored[i], at, out);
    }
    return;
  }
  if (isObject(recomputed) && isObject(stored)) {
    for (const key of Object.keys(recomputed)) {
      const at = `${path}${member(key)}`;
      if (!Object.hasOwn(stored, key)) out.push(`${at}: missing from the stored output (recomputed ${show(recomputed[key])})`);
      else diff(recomputed[key], stored[key], at, out);
    }
    for (const key of Object.keys(stored)) {
      if (!Object.hasOwn(recomputed, key)) out.push(`${path}${member(key)}: not in the recomputed output (stored ${show(stored[key])})`);
    }
    return;
  }
  out.push(`${path}: stored ${show(stored)}, recomputed ${show(recomputed)}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** " (sitaro)" for a ranked or unranked row (" (kota-bekasi)" for a region's), so a message says which row differs. */
function rowLabel(row: unknown): string {
  if (!isObject(row)) return '';
  const id = typeof row.submission === 'string' ? row.submission : row.region;
  return typeof id === 'string' ? ` (${id})` : '';
}

function member(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

function show(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 80 ? `${json.slice(0, 77)}...` : json;
}
