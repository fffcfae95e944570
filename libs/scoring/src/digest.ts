// DESIGN §4.7: inputsDigest = "sha256:" + hex SHA-256 of the RFC 8785 (JCS) canonical JSON of the input as
// parsed, with the `canonicalize` package as the canonical form.
//
// Canonicalizing a 3M-value input in one `canonicalize` call takes seconds (one huge string built by
// concatenation), so `preparedDigest` streams the same bytes into the hash: the top-level members in JCS key
// order, arrays element by element with `canonicalize`, and a validated sheet of the plain shape
// {stage, juror, submission, scores} from pre-quoted pieces. The spec checks it equals `inputsDigest`.

import { type Hash, createHash } from 'node:crypto';
import { canonicalize } from '@app/kernel';
import { ScoringInputError } from './scoring.errors';
import { compareIds } from './util';
import type { PreparedInput } from './validate';

/** `sha256:` + hex SHA-256 of the RFC 8785 (JCS) canonical JSON of `value` (one `canonicalize` call). */
export function jcsSha256(value: unknown): string {
  const text = canonical(value);
  if (text === undefined) throw new ScoringInputError('cannot canonicalize the input: it has no JSON form');
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}

/** The digest of the input exactly as parsed (no defaults filled in, unknown fields kept). */
export function inputsDigest(input: unknown): string {
  return jcsSha256(input);
}

/** The same digest as {@link inputsDigest}, streamed: fast for large validated inputs. */
export function preparedDigest(prepared: PreparedInput): string {
  return streamedDigest(prepared.input, { sheets: (sheets, sink) => writeSheets(prepared, sheets, sink) });
}

/**
 * The JCS canonical JSON of a validated §4 input (what `canonicalize(input)` returns) as UTF-8 bytes, written as
 * {@link preparedDigest} writes it (its SHA-256 is the inputsDigest): what a published snapshot stores and hashes.
 */
export function preparedInputJson(prepared: PreparedInput): JsonBytes {
  const writers = { sheets: (sheets: unknown[], sink: JsonSink) => writeSheets(prepared, sheets, sink) };
  if (!isPlain(prepared.input, Object.prototype)) {
    const bytes = canonicalJson(prepared.input, writers);
    return { length: bytes.length, chunks: [bytes] };
  }
  const sink = new ChunksSink();
  writeStreamed(prepared.input, writers, sink);
  return sink.finish();
}

/** UTF-8 bytes in pieces (`length` in all): a national input's ≈ 30 MB without one growing buffer's copies. */
export interface JsonBytes {
  readonly length: number;
  readonly chunks: readonly Buffer[];
}

/** Where canonical JSON is written in pieces: a hash ({@link HashSink}) or a text ({@link TextSink}). */
export interface JsonSink {
  write(text: string): void;
}

/** Writes a top-level array member's canonical JSON into the sink (as `canonicalize` would, faster). */
export type ArrayWriter = (items: unknown[], sink: JsonSink) => void;

/**
 * The same digest as {@link inputsDigest}, streamed: the top-level members in JCS key order, arrays element
 * by element (through `writers[key]` when given). Used for large inputs: §4 sheets, §4b answers.
 */
export function streamedDigest(input: unknown, writers: Readonly<Record<string, ArrayWriter>> = {}): string {
  if (!isPlain(input, Object.prototype)) return inputsDigest(input);
  const sink = new HashSink();
  writeStreamed(input, writers, sink);
  return sink.digest();
}

/**
 * A snapshot's hash (JCS of `{input, output}`), streamed like {@link streamedDigest}: `{"input":` + the
 * input member by member + `,"output":` + the output + `}` — never one string of the whole snapshot.
 */
export function streamedSnapshotHash(input: unknown, output: unknown, writers: Readonly<Record<string, ArrayWriter>> = {}): string {
  const sink = new HashSink();
  sink.write('{"input":');
  if (isPlain(input, Object.prototype)) writeStreamed(input, writers, sink);
  else sink.write(canonical(input) ?? 'null');
  sink.write(',"output":');
  if (isPlain(output, Object.prototype)) writeStreamed(output, {}, sink);
  else sink.write(canonical(output) ?? 'null');
  sink.write('}');
  return sink.digest();
}

/** The snapshot hash of a validated §4 input and its output, with the sheets written from pre-quoted pieces. */
export function preparedSnapshotHash(prepared: PreparedInput, output: unknown): string {
  return streamedSnapshotHash(prepared.input, output, { sheets: (sheets, sink) => writeSheets(prepared, sheets, sink) });
}

/**
 * The JCS canonical JSON of `value` (what `canonicalize` returns) as UTF-8 bytes, written like
 * {@link streamedDigest}: a plain object member by member, its arrays element by element (through
 * `writers[key]` when given); `capacity`, the bytes expected, spares growing copies.
 */
export function canonicalJson(value: unknown, writers: Readonly<Record<string, ArrayWriter>> = {}, capacity?: number): Buffer {
  if (!isPlain(value, Object.prototype)) {
    const text = canonical(value);
    if (text === undefined) throw new ScoringInputError('cannot canonicalize the input: it has no JSON form');
    return Buffer.from(text, 'utf8');
  }
  const sink = new BytesSink(capacity);
  writeStreamed(value, writers, sink);
  return sink.bytes();
}

/** Writes a plain object's canonical JSON into `sink`: members in JCS key order, arrays element by element. */
function writeStreamed(root: object, writers: Readonly<Record<string, ArrayWriter>>, sink: JsonSink): void {
  const members = root as Record<string, unknown>;
  sink.write('{');
  let first = true;
  for (const key of Object.keys(members).sort()) {
    const value = members[key];
    const streamed = isPlain(value, Array.prototype);
    const text = streamed ? '' : canonical(value);
    if (text === undefined) continue; // canonicalize drops members without a JSON form
    sink.write(`${first ? '' : ','}${canonical(key)}:`);
    first = false;
    if (!streamed) sink.write(text);
    else if (Object.hasOwn(writers, key)) writers[key](value as unknown[], sink);
    else writeArray(value as unknown[], sink);
  }
  sink.write('}');
}

/** The sheets: a plain validated sheet from pre-quoted pieces, anything else through `canonicalize`. */
function writeSheets(prepared: PreparedInput, sheets: readonly unknown[], sink: JsonSink): void {
  const stages = prepared.stages.map((stage) => {
    const criteria = [...stage.criteria].sort((a, b) => compareIds(a.key, b.key)); // JCS: UTF-16 code unit order
    return {
      quoted: canonical(stage.key)!,
      keys: criteria.map((c) => c.key),
      prefixes: criteria.map((c, k) => `${k ? ',' : ''}${canonical(c.key)}:`),
    };
  });
  const submissions = prepared.submissions.map((s) => canonical(s.id)!);
  const jurors = prepared.jurors.map((j) => canonical(j)!);
  sink.write('[');
  for (let i = 0; i < sheets.length; i++) {
    const sheet = sheets[i] as Record<string, unknown>;
    const scores = sheet.scores as Record<string, number>;
    let text: string;
    if (isPlainSheet(sheet, scores)) {
      // JCS member order: juror < scores < stage < submission; validation guarantees the field types and
      // that `scores` holds exactly the stage's criteria, each a finite number (String(n) is its JSON form).
      const stage = stages[prepared.sheetStage[i]];
      text = `{"juror":${jurors[prepared.sheetJuror[i]]},"scores":{`;
      for (let k = 0; k < stage.keys.length; k++) text += stage.prefixes[k] + String(scores[stage.keys[k]]);
      text += `},"stage":${stage.quoted},"submission":${submissions[prepared.sheetSubmission[i]]}}`;
    } else {
      text = canonical(sheet) ?? 'null';
    }
    sink.write(i ? `,${text}` : text);
  }
  sink.write(']');
}

function isPlainSheet(sheet: object, scores: object): boolean {
  return isPlain(sheet, Object.prototype) && isPlain(scores, Object.prototype) && Object.keys(sheet).length === 4;
}

/** An object with the given prototype and no toJSON, which `canonicalize` serializes member by member. */
function isPlain(value: unknown, prototype: object): value is object {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.getPrototypeOf(value) === prototype &&
    typeof (value as { toJSON?: unknown }).toJSON !== 'function'
  );
}

function writeArray(items: readonly unknown[], sink: JsonSink): void {
  sink.write('[');
  for (let i = 0; i < items.length; i++) sink.write(`${i ? ',' : ''}${canonical(items[i]) ?? 'null'}`);
  sink.write(']');
}

/** `canonicalize`, with its errors (e.g. a lone surrogate in a string) as invalid input. */
function canonical(value: unknown): string | undefined {
  try {
    return canonicalize(value);
  } catch (err) {
    throw new ScoringInputError(`cannot canonicalize the input: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/**
 * Collects text written in pieces as UTF-8 bytes in one growing Buffer: ~100 MB of canonical JSON built from
 * small strings costs far less as bytes written in place than as a string (rope flattening, garbage collection).
 */
export class BytesSink implements JsonSink {
  private buffer: Buffer;
  private length = 0;

  /** `capacity`: the bytes expected (it grows beyond, by doubling). */
  constructor(capacity = 1 << 16) {
    this.buffer = Buffer.allocUnsafe(Math.max(capacity, 16));
  }

  write(text: string): void {
    // A UTF-16 code unit is at most 3 bytes of UTF-8.
    if (this.length + text.length * 3 > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + text.length * 3));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    this.length += this.buffer.write(text, this.length, 'utf8');
  }

  /** The bytes written (a view of the internal buffer; write nothing more after). */
  bytes(): Buffer {
    return this.buffer.subarray(0, this.length);
  }
}

/**
 * Collects text written in pieces as UTF-8 bytes in 1 MB buffers, kept as they fill: no buffer grows, so nothing is
 * copied and no half-used doubled buffer stays resident (a single growing {@link BytesSink} for a national ranking's
 * input peaked 70–90 MiB higher).
 */
export class ChunksSink implements JsonSink {
  private static readonly SIZE = 1 << 20;
  private readonly chunks: Buffer[] = [];
  private buffer = Buffer.allocUnsafe(ChunksSink.SIZE);
  private used = 0;
  private length = 0;

  write(text: string): void {
    // A UTF-16 code unit is at most 3 bytes of UTF-8.
    if (this.used + text.length * 3 > this.buffer.length) {
      this.flush();
      this.buffer = Buffer.allocUnsafe(Math.max(ChunksSink.SIZE, text.length * 3));
    }
    const written = this.buffer.write(text, this.used, 'utf8');
    this.used += written;
    this.length += written;
  }

  /** The bytes written, in order (write nothing more after). */
  finish(): JsonBytes {
    this.flush();
    return { length: this.length, chunks: this.chunks };
  }

  private flush(): void {
    if (this.used > 0) this.chunks.push(this.buffer.subarray(0, this.used));
    this.buffer = Buffer.alloc(0);
    this.used = 0;
  }
}

/** Hashes text written in pieces, in chunks, so no huge string is ever built. */
export class HashSink implements JsonSink {
  private readonly hash: Hash = createHash('sha256');
  private buffer = '';

  write(text: string): void {
    this.buffer += text;
    if (this.buffer.length > 16_384) {
      this.hash.update(this.buffer, 'utf8');
      this.buffer = '';
    }
  }

  digest(): string {
    this.hash.update(this.buffer, 'utf8');
    return `sha256:${this.hash.digest('hex')}`;
  }
}
