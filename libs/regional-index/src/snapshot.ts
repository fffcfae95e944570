// A published region ranking snapshot `{input, output, hash}` (DESIGN §4b): the §4 snapshot's shape and hash
// over the regional index, verified by recomputing the output from the input.

import { createHash } from 'node:crypto';
import { canonicalize } from '@app/kernel';
import { type SnapshotVerification, verifyRecomputed } from '@app/scoring';
import { IndexAnswerTable, type IndexInputHead, streamIndexSnapshot } from './answer-table';
import { computeIndex, indexOutput } from './compute';
import { indexInputJson } from './digest';
import type { AnswerInput, IndexOutput } from './types';
import { prepareIndex } from './validate';

export interface IndexSnapshot {
  input: unknown;
  output: IndexOutput;
  /** `sha256:` + hex SHA-256 of the JCS canonical JSON of `{input, output}`. */
  hash: string;
}

/** A snapshot as it is published: with the JCS canonical JSON of its input (UTF-8), the text it is stored as. */
export interface PublishedIndexSnapshot extends IndexSnapshot {
  inputJson: Buffer;
}

/** A published snapshot's output and hash with its input as canonical JSON text only. */
export type IndexSnapshotText = Omit<PublishedIndexSnapshot, 'input'>;

/**
 * Computes `input`'s index and wraps it as a snapshot. Throws ScoringInputError on invalid input. The input's
 * canonical JSON is written once (answers through the fast writer) and gives both the inputsDigest and the
 * hash: `{"input":` + it + `,"output":` + the output's canonical JSON + `}` is the JCS of `{input, output}`.
 * Equal to {@link computeIndex} and `snapshotHash` (snapshot.spec checks it).
 */
export function createIndexSnapshot(input: unknown): PublishedIndexSnapshot {
  const prepared = prepareIndex(input);
  const inputJson = indexInputJson(input);
  const output = indexOutput(prepared, `sha256:${createHash('sha256').update(inputJson).digest('hex')}`);
  const hash = createHash('sha256').update('{"input":').update(inputJson).update(',"output":').update(canonicalize(output)!).update('}');
  return { input, output, hash: `sha256:${hash.digest('hex')}`, inputJson };
}

/** An answer as the database returns it: null where the input has no field. */
export interface AnswerRow {
  readonly indicator: string;
  readonly region?: string | null;
  readonly innovation?: string | null;
  readonly self: string;
  readonly verified?: string | null;
  /** The validator's public note (an unknown field to §4b: hashed, never scored); null or empty: none. */
  readonly note?: string | null;
}

/** The answer of the input a row stands for: its owner (region, else innovation), nulls (and an empty note) left out. */
export function answerOfRow(row: AnswerRow): AnswerInput {
  const verified = row.verified ?? undefined;
  const owner = row.region != null ? { region: row.region } : { innovation: row.innovation ?? undefined };
  const answer: AnswerInput =
    verified === undefined
      ? { ...owner, indicator: row.indicator, self: row.self }
      : { ...owner, indicator: row.indicator, self: row.self, verified };
  return row.note ? { ...answer, note: row.note } : answer;
}

/**
 * `createIndexSnapshot({...head, answers: rows.map(answerOfRow)})` without making the input's answer objects
 * (a national edition has ~750k; making, validating and serializing them one by one was most of a
 * publication, much of it garbage collection): the rows go into an {@link IndexAnswerTable} by position and the
 * snapshot is written from it. Rows it does not take as they are (an unknown indicator, option or owner, a second
 * answer, a string that is not well-formed, rows out of the input's order) send the whole input through the
 * reference, which names the fault. Equal to the reference (snapshot.spec checks it).
 */
export function createIndexSnapshotFromRows(head: IndexInputHead, rows: readonly AnswerRow[]): IndexSnapshotText {
  const reference = (): IndexSnapshotText => {
    const { output, hash, inputJson } = createIndexSnapshot({ ...head, answers: rows.map(answerOfRow) });
    return { output, hash, inputJson };
  };
  const table = IndexAnswerTable.of(head);
  if (!table || !addRows(table, rows)) return reference();
  const stream = streamIndexSnapshot(table, (1 << 20) + rows.length * 160);
  const inputJson = Buffer.concat([...stream.input]);
  return { ...stream.result(), inputJson };
}

/** Adds the rows to the table through their keys; false at the first row it does not take, or out of order. */
function addRows(table: IndexAnswerTable, rows: readonly AnswerRow[]): boolean {
  const { prepared } = table;
  const indicators = new Map(prepared.indicators.map((x, i) => [x.key, { at: i, options: new Map(x.options.map((o, k) => [o.key, k])) }]));
  const regions = new Map(prepared.regions.map((r, i) => [r.id, i]));
  const innovations = new Map(prepared.innovations.map((r, i) => [r.id, i]));
  let last = -1;
  for (const row of rows) {
    const x = typeof row.indicator === 'string' ? indicators.get(row.indicator) : undefined;
    const region = row.region != null;
    const ownerId = region ? row.region : row.innovation;
    const owner = typeof ownerId === 'string' ? (region ? regions : innovations).get(ownerId) : undefined;
    const self = typeof row.self === 'string' ? x?.options.get(row.self) : undefined;
    const verified = row.verified == null ? -1 : typeof row.verified === 'string' ? x?.options.get(row.verified) : undefined;
    const note = row.note ?? null;
    if (
      x === undefined ||
      owner === undefined ||
      self === undefined ||
      verified === undefined ||
      (note !== null && typeof note !== 'string')
    )
      return false;
    const at = table.add(x.at, region, owner, self, verified, note);
    if (at <= last) return false;
    last = at;
  }
  return true;
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
