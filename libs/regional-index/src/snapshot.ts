// A published region ranking snapshot `{input, output, hash}` (DESIGN §4b): the §4 snapshot's shape and hash
// over the regional index, verified by recomputing the output from the input.

import { createHash } from 'node:crypto';
import { canonicalize } from '@app/kernel';
import { type ArrayWriter, type SnapshotVerification, canonicalJson, verifyRecomputed } from '@app/scoring';
import { computeIndex, indexOutput } from './compute';
import { indexInputJson, quoteJson } from './digest';
import type { AnswerInput, IndexInput, IndexOutput } from './types';
import { type PreparedIndex, type PreparedIndicator, prepareIndex } from './validate';

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
 * publication, much of it garbage collection): the answers are checked and scored straight from the rows and
 * written into the canonical text from memoized pieces. Any row it does not take as it is (an unknown
 * indicator, option or owner, a second answer, a string that is not well-formed) sends the whole input
 * through the reference, which names the fault. Equal to the reference (snapshot.spec checks it).
 */
export function createIndexSnapshotFromRows(head: Omit<IndexInput, 'answers'>, rows: readonly AnswerRow[]): IndexSnapshotText {
  const reference = (): IndexSnapshotText => {
    const { output, hash, inputJson } = createIndexSnapshot({ ...head, answers: rows.map(answerOfRow) });
    return { output, hash, inputJson };
  };
  const prepared = prepareIndex({ ...head, answers: [] });
  const pieces = scoreRows(prepared, rows);
  if (!pieces) return reference();
  let inputJson: Buffer;
  try {
    // ~140 bytes an answer: room for all of it at once (no growing copies of ~100 MB).
    inputJson = canonicalJson({ ...head, answers: rows }, { answers: rowsWriter(pieces) }, (1 << 20) + rows.length * 160);
  } catch (err) {
    if (err === NOT_PLAIN) return reference();
    throw err;
  }
  const output = indexOutput(prepared, `sha256:${createHash('sha256').update(inputJson).digest('hex')}`);
  const hash = createHash('sha256').update('{"input":').update(inputJson).update(',"output":').update(canonicalize(output)!).update('}');
  return { output, hash: `sha256:${hash.digest('hex')}`, inputJson };
}

const NOT_PLAIN = Symbol('not plain');

/**
 * Each row's canonical JSON but its owner's id, as pieces made once per indicator and option: `lead` =
 * `{"indicator":…,"region":` (or `"innovation":`), `self` = `,"self":…`, `close` = `,"verified":…}` or `}`.
 */
interface RowPieces {
  lead: string[];
  /** After the owner id: an innovation answer's note (JCS order: indicator, innovation, note, self, verified). */
  afterOwner: string[];
  self: string[];
  close: string[];
}

/** Fills the prepared score tables from the rows and makes their pieces; null at the first row the reference must judge. */
function scoreRows(prepared: PreparedIndex, rows: readonly AnswerRow[]): RowPieces | null {
  const indicators = new Map<
    string,
    { x: PreparedIndicator; key: string; lead: string; options: Map<string, { score: number; self: string; close: string }> }
  >();
  for (const x of prepared.indicators) {
    const key = quoteJson(x.key);
    const options = x.options.map((o) => ({ key: o.key, quoted: quoteJson(o.key), score: o.score }));
    if (key === null || options.some((o) => o.quoted === null)) return null;
    indicators.set(x.key, {
      x,
      key,
      lead: `{"indicator":${key},"${x.scope}":`,
      options: new Map(options.map((o) => [o.key, { score: o.score, self: `,"self":${o.quoted}`, close: `,"verified":${o.quoted}}` }])),
    });
  }
  const owners = {
    region: {
      index: new Map(prepared.regions.map((r, i) => [r.id, i])),
      tables: prepared.regionScores,
      slots: prepared.byScope.region.length,
    },
    innovation: {
      index: new Map(prepared.innovations.map((r, i) => [r.id, i])),
      tables: prepared.innovationScores,
      slots: prepared.byScope.innovation.length,
    },
  };
  const answered = {
    region: new Uint8Array(owners.region.tables.self.length),
    innovation: new Uint8Array(owners.innovation.tables.self.length),
  };
  const pieces: RowPieces = {
    lead: new Array(rows.length),
    afterOwner: new Array(rows.length),
    self: new Array(rows.length),
    close: new Array(rows.length),
  };
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const found = typeof row.indicator === 'string' ? indicators.get(row.indicator) : undefined;
    if (!found || found.x.scope === 'count') return null;
    const scope = found.x.scope;
    const ownerId = row.region != null ? row.region : row.innovation;
    if ((scope === 'region') !== (row.region != null) || typeof ownerId !== 'string') return null;
    const owner = owners[scope].index.get(ownerId);
    const self = typeof row.self === 'string' ? found.options.get(row.self) : undefined;
    const verified = row.verified == null ? null : typeof row.verified === 'string' ? found.options.get(row.verified) : undefined;
    if (owner === undefined || self === undefined || verified === undefined) return null;
    const cell = owner * owners[scope].slots + found.x.slot;
    if (answered[scope][cell]) return null;
    answered[scope][cell] = 1;
    owners[scope].tables.self[cell] = self.score;
    owners[scope].tables.verified[cell] = verified?.score ?? 0;
    pieces.lead[i] = found.lead;
    pieces.afterOwner[i] = '';
    if (row.note != null && row.note !== '') {
      // JCS orders "note" before "region" and after "innovation".
      const note = typeof row.note === 'string' ? quoteJson(row.note) : null;
      if (note === null) return null;
      if (scope === 'region') pieces.lead[i] = `{"indicator":${found.key},"note":${note},"region":`;
      else pieces.afterOwner[i] = `,"note":${note}`;
    }
    pieces.self[i] = self.self;
    pieces.close[i] = verified?.close ?? '}';
  }
  return pieces;
}

/** Writes the rows as their answers' canonical JSON (JCS field order, nulls left out) from their pieces; throws NOT_PLAIN for an owner id that is not well-formed. */
function rowsWriter(pieces: RowPieces): ArrayWriter {
  const quoted = new Map<string, string>();
  let last = '';
  let lastText = '""';
  const quote = (value: string) => {
    // Rows come ordered by owner: the same owner id (a new string each row) many times in a row.
    if (value === last) return lastText;
    let text = quoted.get(value);
    if (text === undefined) {
      text = quoteJson(value) ?? undefined;
      if (text === undefined) throw NOT_PLAIN;
      quoted.set(value, text);
    }
    last = value;
    lastText = text;
    return text;
  };
  return (items, sink) => {
    const rows = items as AnswerRow[];
    sink.write('[');
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      // scoreRows checked every row: the owner is the region, else the innovation.
      const owner = quote(row.region != null ? row.region : row.innovation!);
      sink.write(`${i ? ',' : ''}${pieces.lead[i]}${owner}${pieces.afterOwner[i]}${pieces.self[i]}${pieces.close[i]}`);
    }
    sink.write(']');
  };
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
