// A national edition's answers (~750k) as positions in a table instead of objects, and the published snapshot
// written from it in chunks: the input's canonical JSON is never one piece, the two hashes (inputsDigest and the
// snapshot hash) are taken chunk by chunk, and the caller stores each chunk as it comes (DESIGN §4b.5, §4.7).

import { type Hash, createHash } from 'node:crypto';
import { canonicalize } from '@app/kernel';
import { type ArrayWriter, type JsonSink, canonicalJson, compareIds } from '@app/scoring';
import { indexOutput } from './compute';
import { quoteJson } from './digest';
import type { IndexInput, IndexOutput } from './types';
import { type PreparedIndex, prepareIndex } from './validate';

/** An index input without its answers. */
export type IndexInputHead = Omit<IndexInput, 'answers'>;

/** The answers' pieces of canonical JSON (UTF-8) for one indicator, made once. */
interface IndicatorPieces {
  /** `{"indicator":…,"region":` or `{"indicator":…,"innovation":` */
  readonly lead: Buffer;
  /** `{"indicator":…` (a region answer with a note puts `"note"` before `"region"`). */
  readonly key: Buffer;
  /** Per option: `,"self":…` */
  readonly self: readonly Buffer[];
  /** 0: `}`; option k + 1: `,"verified":…}` */
  readonly close: readonly Buffer[];
}

/** A note's pieces of canonical JSON (UTF-8): after a region answer's indicator, after an innovation answer's id. */
interface NotePieces {
  /** `,"note":…,"region":` */
  readonly region: Buffer;
  /** `,"note":…` */
  readonly innovation: Buffer;
}

const bytesOf = (text: string) => Buffer.from(text, 'utf8');

/**
 * The answers of one input head by position: per owner (regions, then innovations, in the head's order) and
 * indicator slot, the self and verified option. Filled with {@link add}; {@link streamIndexSnapshot} writes the
 * snapshot from it. The head's regions and innovations must be ordered by id (as `indexInputFrom` orders them):
 * the table's order is then the answers' order in the input.
 */
export class IndexAnswerTable {
  readonly prepared: PreparedIndex;
  /** Option + 1 per (region, region slot); 0: unanswered. */
  private readonly regionSelf: Int16Array;
  private readonly regionVerified: Int16Array;
  private readonly innovationSelf: Int16Array;
  private readonly innovationVerified: Int16Array;
  /** Per cell (innovation cells after the region cells): 0, or 1 + the index of its note's pieces in {@link notePieces}. */
  private readonly noteOf: Int32Array;
  /** Each distinct note's pieces, made once (a validator's note is often repeated), and its index. */
  private readonly notePieces: NotePieces[] = [];
  private readonly noteIndex = new Map<string, number>();
  readonly pieces: readonly IndicatorPieces[];
  readonly quotedRegions: readonly Buffer[];
  readonly quotedInnovations: readonly Buffer[];
  /** Per indicator: its scope's slots per owner (0 for a count indicator). */
  private readonly slots: Int32Array;
  private answers = 0;

  private constructor(
    readonly head: IndexInputHead,
    prepared: PreparedIndex,
    pieces: IndicatorPieces[],
    quotedRegions: Buffer[],
    quotedInnovations: Buffer[],
  ) {
    this.prepared = prepared;
    this.pieces = pieces;
    this.quotedRegions = quotedRegions;
    this.quotedInnovations = quotedInnovations;
    this.regionSelf = new Int16Array(prepared.regionScores.self.length);
    this.regionVerified = new Int16Array(prepared.regionScores.self.length);
    this.innovationSelf = new Int16Array(prepared.innovationScores.self.length);
    this.innovationVerified = new Int16Array(prepared.innovationScores.self.length);
    this.noteOf = new Int32Array(this.regionSelf.length + this.innovationSelf.length);
    this.slots = Int32Array.from(prepared.indicators, (x) => (x.scope === 'count' ? 0 : prepared.byScope[x.scope].length));
  }

  /**
   * The table of a head; throws ScoringInputError when the head is invalid (as the whole input would, first), null
   * when the head is one the table does not write (regions or innovations not ordered by id, a string that is not
   * well-formed, a member ordered before "answers", more than 32,767 options): the reference must judge it.
   */
  static of(head: IndexInputHead): IndexAnswerTable | null {
    const prepared = prepareIndex({ ...head, answers: [] });
    if (Object.getPrototypeOf(head) !== Object.prototype || Object.keys(head).some((key) => !(key > 'answers'))) return null;
    if (!ordered(prepared.regions) || !ordered(prepared.innovations) || !head.innovations.every(plainInnovation)) return null;
    const pieces: IndicatorPieces[] = [];
    for (const x of prepared.indicators) {
      const key = quoteJson(x.key);
      const options = x.options.map((o) => quoteJson(o.key));
      if (key === null || options.some((o) => o === null) || options.length > 32_766) return null;
      pieces.push({
        lead: bytesOf(`{"indicator":${key},"${x.scope}":`),
        key: bytesOf(`{"indicator":${key}`),
        self: options.map((o) => bytesOf(`,"self":${o}`)),
        close: [bytesOf('}'), ...options.map((o) => bytesOf(`,"verified":${o}}`))],
      });
    }
    const quotedRegions = prepared.regions.map((r) => quoteJson(r.id));
    const quotedInnovations = prepared.innovations.map((r) => quoteJson(r.id));
    if (quotedRegions.includes(null) || quotedInnovations.includes(null)) return null;
    return new IndexAnswerTable(
      head,
      prepared,
      pieces,
      (quotedRegions as string[]).map(bytesOf),
      (quotedInnovations as string[]).map(bytesOf),
    );
  }

  /**
   * Adds an answer: indicator (index in the head's indicators), its owner (a region's index when `region`, else an
   * innovation's), the self option's index, the verified option's (-1: none) and the note (null or empty: none).
   * Returns the answer's position in the input's order, or -1 when the reference must judge it (a count indicator,
   * an owner of the other kind, an unknown position, a second answer, a note that is not well-formed).
   */
  add(indicator: number, region: boolean, owner: number, self: number, verified: number, note: string | null): number {
    const x = this.prepared.indicators[indicator];
    if (x === undefined || x.scope === 'count' || (x.scope === 'region') !== region) return -1;
    const owners = region ? this.quotedRegions.length : this.quotedInnovations.length;
    const options = x.options.length;
    if (!(owner >= 0 && owner < owners && self >= 0 && self < options && verified >= -1 && verified < options)) return -1;
    const cell = owner * this.slots[indicator] + x.slot;
    const selves = region ? this.regionSelf : this.innovationSelf;
    if (selves[cell] !== 0) return -1;
    const at = region ? cell : this.regionSelf.length + cell;
    if (note !== null && note !== '') {
      let index = this.noteIndex.get(note);
      if (index === undefined) {
        const quoted = quoteJson(note);
        if (quoted === null) return -1;
        index = this.notePieces.push({ region: bytesOf(`,"note":${quoted},"region":`), innovation: bytesOf(`,"note":${quoted}`) });
        this.noteIndex.set(note, index);
      }
      this.noteOf[at] = index;
    }
    const scores = region ? this.prepared.regionScores : this.prepared.innovationScores;
    selves[cell] = self + 1;
    (region ? this.regionVerified : this.innovationVerified)[cell] = verified + 1;
    scores.self[cell] = x.options[self].score;
    scores.verified[cell] = verified < 0 ? 0 : x.options[verified].score;
    this.answers++;
    return at;
  }

  /** How many answers were added. */
  get size(): number {
    return this.answers;
  }

  /** Writes the answers as their input's canonical JSON array, in order, yielding whenever `sink` has full chunks. */
  *writeAnswers(sink: ChunkSink): Generator<Buffer> {
    const { prepared, pieces, noteOf, notePieces } = this;
    sink.write('[');
    let first = true;
    for (const scope of ['region', 'innovation'] as const) {
      const [owners, selves, verifieds, base] =
        scope === 'region'
          ? [this.quotedRegions, this.regionSelf, this.regionVerified, 0]
          : [this.quotedInnovations, this.innovationSelf, this.innovationVerified, this.regionSelf.length];
      const indicators = prepared.byScope[scope].map((x) => pieces[prepared.indicators.indexOf(x)]);
      const slots = indicators.length;
      for (let owner = 0; owner < owners.length; owner++) {
        const id = owners[owner];
        // Bytes copied in place (no string per answer): `,` lead id self close.
        let { buffer, length } = sink;
        for (let slot = 0, cell = owner * slots; slot < slots; slot++, cell++) {
          const self = selves[cell];
          if (self === 0) continue;
          const p = indicators[slot];
          const selfPiece = p.self[self - 1];
          const close = p.close[verifieds[cell]];
          const noted = noteOf[base + cell];
          // JCS member order: indicator, innovation, note, region, self, verified. A region answer with a note:
          // `{"indicator":…` `,"note":…,"region":` id; an innovation answer's note comes after its id.
          let lead: Buffer = p.lead;
          let before: Buffer = EMPTY;
          let after: Buffer = EMPTY;
          if (noted !== 0) {
            if (scope === 'region') [lead, before] = [p.key, notePieces[noted - 1].region];
            else after = notePieces[noted - 1].innovation;
          }
          const needed = 1 + lead.length + before.length + id.length + after.length + selfPiece.length + close.length;
          if (needed > buffer.length - length) {
            sink.length = length;
            sink.flush(needed);
            ({ buffer, length } = sink);
          }
          if (!first) buffer[length++] = 0x2c; // ,
          first = false;
          buffer.set(lead, length);
          length += lead.length;
          if (before.length) {
            buffer.set(before, length);
            length += before.length;
          }
          buffer.set(id, length);
          length += id.length;
          if (after.length) {
            buffer.set(after, length);
            length += after.length;
          }
          buffer.set(selfPiece, length);
          length += selfPiece.length;
          buffer.set(close, length);
          length += close.length;
        }
        sink.length = length;
        if (sink.ready.length) yield* sink.take();
      }
    }
    sink.write(']');
  }
}

const EMPTY = Buffer.alloc(0);

/** An innovation of exactly the fields {@link writeInnovations} writes (prepareIndex checked their types). */
function plainInnovation(x: unknown): boolean {
  return (
    typeof x === 'object' &&
    x !== null &&
    Object.getPrototypeOf(x) === Object.prototype &&
    Object.keys(x).every((key) => key === 'id' || key === 'region' || key === 'eligible')
  );
}

/** The head's innovations as their canonical JSON array (all of them {@link plainInnovation}s; ids well-formed). */
const writeInnovations: ArrayWriter = (items, sink) => {
  sink.write('[');
  for (let i = 0; i < items.length; i++) {
    const x = items[i] as { id: string; region: string; eligible?: boolean };
    const eligible = x.eligible === undefined ? '' : `"eligible":${x.eligible},`;
    sink.write(`${i ? ',' : ''}{${eligible}"id":${JSON.stringify(x.id)},"region":${JSON.stringify(x.region)}}`);
  }
  sink.write(']');
};

function ordered(items: readonly { readonly id: string }[]): boolean {
  for (let i = 1; i < items.length; i++) if (compareIds(items[i - 1].id, items[i].id) >= 0) return false;
  return true;
}

/**
 * Collects canonical JSON written in pieces as UTF-8 chunks of about `size` bytes, each hashed into `hashes` as it is
 * completed and then handed over (never written again: the caller may keep it). A writer may also fill `buffer`
 * from `length` on itself (after {@link flush} with the room it needs) and move `length`.
 */
export class ChunkSink implements JsonSink {
  readonly ready: Buffer[] = [];
  buffer: Buffer;
  length = 0;

  constructor(
    private readonly size: number,
    private readonly hashes: readonly Hash[],
  ) {
    this.buffer = Buffer.allocUnsafeSlow(size);
  }

  write(text: string): void {
    // A UTF-16 code unit is at most 3 bytes of UTF-8.
    if (text.length * 3 > this.buffer.length - this.length) this.flush(text.length * 3);
    this.length += this.buffer.write(text, this.length, 'utf8');
  }

  /** Bytes already encoded, after what was written. */
  writeBytes(bytes: Buffer): void {
    this.flush();
    for (let at = 0; at < bytes.length; at += this.size) this.emit(bytes.subarray(at, at + this.size));
  }

  /** Completes the chunk being written (if any) and starts one with room for at least `room` bytes. */
  flush(room = 0): void {
    if (this.length > 0) this.emit(this.buffer.subarray(0, this.length));
    if (this.length > 0 || room > this.buffer.length) this.buffer = Buffer.allocUnsafeSlow(Math.max(this.size, room));
    this.length = 0;
  }

  /** The completed chunks, handed over. */
  *take(): Generator<Buffer> {
    while (this.ready.length) yield this.ready.shift()!;
  }

  private emit(chunk: Buffer): void {
    for (const hash of this.hashes) hash.update(chunk);
    this.ready.push(chunk);
  }
}

/** A snapshot written from a table: its input's canonical JSON in chunks, then its output and hash. */
export interface IndexSnapshotStream {
  /** The input's canonical JSON (UTF-8) in chunks of about `chunkBytes`; iterate it once, to the end. */
  readonly input: Iterable<Buffer>;
  /** After `input` was read to the end: the output (its inputsDigest that of the chunks) and the snapshot hash. */
  result(): { output: IndexOutput; hash: string };
}

/**
 * The snapshot of `{...table.head, answers}` with the table's answers in its order: equal to
 * `createIndexSnapshot` of that input (snapshot.spec checks it), written chunk by chunk.
 */
export function streamIndexSnapshot(table: IndexAnswerTable, chunkBytes = 1 << 16): IndexSnapshotStream {
  const digest = createHash('sha256');
  const hash = createHash('sha256').update('{"input":');
  let result: { output: IndexOutput; hash: string } | undefined;
  // Every other member sorts after "answers" (IndexAnswerTable.of checks): the head's JCS without its "{".
  const rest = canonicalJson(table.head, { innovations: writeInnovations });
  function* input(): Generator<Buffer> {
    const sink = new ChunkSink(chunkBytes, [digest, hash]);
    sink.write('{"answers":');
    yield* table.writeAnswers(sink);
    if (rest.length > 2) {
      sink.write(',');
      sink.writeBytes(rest.subarray(1));
    } else sink.write('}');
    sink.flush();
    yield* sink.take();
    const output = indexOutput(table.prepared, `sha256:${digest.digest('hex')}`);
    result = { output, hash: `sha256:${hash.update(',"output":').update(canonicalize(output)!).update('}').digest('hex')}` };
  }
  return {
    input: { [Symbol.iterator]: input },
    result() {
      if (!result) throw new Error('the snapshot input was not read to the end');
      return result;
    },
  };
}
