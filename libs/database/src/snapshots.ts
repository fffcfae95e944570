import { once } from 'node:events';
import type { Readable, TransformOptions } from 'node:stream';
import { promisify } from 'node:util';
import { type ZlibOptions, createGunzip, createGzip, gunzip } from 'node:zlib';
import type { EntityManager } from 'typeorm';
import { BINARY_COPY_HEADER, BINARY_COPY_TRAILER, binaryField, binaryRow, binaryValue, copyIn } from './copy';

export interface PublishedSnapshotRow {
  ownerId: string;
  version: number;
  /** The input as JSON text (a string, or its UTF-8 bytes): stored as it is, in a `json` column (lz4 where available). */
  input: string | Buffer;
  output: unknown;
  hash: string;
  reason: string | null;
  labels: unknown;
  publishedBy: string;
}

/**
 * The tables {@link copyStreamedSnapshot} writes, and what owns each row. An index snapshot's input is stored
 * compressed instead ({@link gzipChunks}, written by IndexEditionsRepository).
 */
const SNAPSHOT_TABLES = {
  ranking_snapshots: 'competition_id',
} as const;

/**
 * How an index snapshot's input is stored (`index_snapshots.input_gzip`, migration 1795880000000): its canonical JSON
 * (the bytes both hashes are taken over) as one gzip member (RFC 1952), made by the API, in a `bytea` column with
 * STORAGE EXTERNAL (PostgreSQL neither compresses it again nor parses it). A national edition's ~108 MB of JSON
 * is ~8 MB of gzip: PostgreSQL receiving, checking and compressing the JSON itself was a third of a publication.
 * Level 3: as fast as level 1 with this zlib on these repetitive keys and ids, and a quarter smaller.
 */
export const SNAPSHOT_INPUT_GZIP = { level: 3 } as const;

/** How far (bytes) the writer of a snapshot input may run ahead of its compression. */
const GZIP_AHEAD = 4 << 20;

/**
 * The gzip of `chunks` (a snapshot input's canonical JSON as it is written), compressed in libuv's thread pool while
 * the caller writes the next chunks (up to {@link GZIP_AHEAD} bytes ahead). A chunk is not changed after it is handed
 * over. A failure of `chunks` is thrown (nothing is kept).
 */
export async function gzipChunks(chunks: Iterable<Buffer>): Promise<Buffer> {
  // zlib streams take Transform's options too (not in ZlibOptions' type).
  const options: ZlibOptions & TransformOptions = { ...SNAPSHOT_INPUT_GZIP, writableHighWaterMark: GZIP_AHEAD };
  const gzip = createGzip(options);
  const parts: Buffer[] = [];
  gzip.on('data', (part: Buffer) => parts.push(part));
  const ended = once(gzip, 'end');
  ended.catch(() => undefined);
  try {
    for (const chunk of chunks) if (!gzip.write(chunk)) await Promise.race([once(gzip, 'drain'), ended]);
    gzip.end();
    await ended;
  } catch (err) {
    gzip.destroy();
    throw err;
  }
  return Buffer.concat(parts);
}

/** A stored input's canonical JSON, decompressed in the thread pool. */
export const gunzipSnapshotInput: (gzip: Buffer) => Promise<Buffer> = promisify(gunzip);

/** A stored input's canonical JSON as a stream (decompressed as it is read, never one piece). */
export function snapshotInputStream(gzip: Buffer): Readable {
  const stream = createGunzip();
  stream.end(gzip);
  return stream;
}

/**
 * Stores a published ranking snapshot: one binary COPY row in the caller's transaction, the input first, sent as it
 * was written (never copied into a statement's parameters), then the output and hash that `finish` gives once the
 * input is sent (they are taken over it). `input`: the canonical JSON as UTF-8 chunks, `length` bytes in all (a
 * binary field's length comes first); binary, so its bytes go as they are (no escaping, nothing for PostgreSQL to
 * scan for delimiters). A ranking's canonical JSON is written once for its digest, its hash and this row
 * (bench/RESULTS.md, item 21).
 */
export async function copyStreamedSnapshot(
  tx: EntityManager,
  table: keyof typeof SNAPSHOT_TABLES,
  row: Omit<PublishedSnapshotRow, 'input' | 'output' | 'hash'>,
  input: { readonly length: number; readonly chunks: Iterable<Buffer> },
  finish: () => { output: unknown; hash: string },
): Promise<{ id: string; version: number; hash: string; reason: string | null; publishedAt: Date }> {
  const owner = SNAPSHOT_TABLES[table];
  const columns = ['input', 'output', 'hash', owner, 'version', 'reason', 'labels', 'published_by'];
  await copyIn(tx, table, columns, async (send) => {
    await send(Buffer.concat([BINARY_COPY_HEADER, binaryRow(columns.length), binaryField(null, input.length)]));
    let sent = 0;
    for (const chunk of input.chunks) {
      sent += chunk.length;
      await send(chunk);
    }
    if (sent !== input.length) throw new Error(`the snapshot input has ${sent} bytes, not the ${input.length} announced`);
    const { output, hash } = finish();
    const rest = [
      binaryValue.jsonb(output),
      binaryValue.text(hash),
      binaryValue.uuid(row.ownerId),
      binaryValue.int4(row.version),
      binaryValue.text(row.reason),
      binaryValue.jsonb(row.labels),
      binaryValue.uuid(row.publishedBy),
    ];
    // Each value sent after its length, not concatenated with the others (no copy of the output's and labels' JSON).
    for (const value of rest) {
      await send(binaryField(null, value?.length ?? -1));
      if (value) await send(value);
    }
    await send(BINARY_COPY_TRAILER);
  });
  return storedSnapshot(tx, table, row.ownerId, row.version);
}

/** The row a COPY stored, by its owner and version (unique in both tables). */
async function storedSnapshot(
  tx: EntityManager,
  table: keyof typeof SNAPSHOT_TABLES,
  ownerId: string,
  version: number,
): Promise<{ id: string; version: number; hash: string; reason: string | null; publishedAt: Date }> {
  const [saved] = await tx.query(
    `SELECT id, version, hash, reason, published_at AS "publishedAt" FROM ${table} WHERE ${SNAPSHOT_TABLES[table]} = $1 AND version = $2`,
    [ownerId, version],
  );
  return saved;
}
