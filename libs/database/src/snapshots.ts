import { once } from 'node:events';
import type { Readable, TransformOptions } from 'node:stream';
import { promisify } from 'node:util';
import { type ZlibOptions, createGunzip, createGzip, gunzip } from 'node:zlib';
import type { EntityManager } from 'typeorm';
import { jsonChunks } from './json-text';
import { copyIn } from './copy';

/**
 * The tables {@link copyPublishedSnapshot} writes, and what owns each row. An index snapshot's input is stored
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

/** A published snapshot whose JSON members are values: {@link copyPublishedSnapshot} writes their JSON text. */
export interface StreamedSnapshotRow {
  ownerId: string;
  version: number;
  /** Stored as `JSON.stringify(input)` would write it (the same bytes), in a `json` column. */
  input: unknown;
  output: unknown;
  hash: string;
  reason: string | null;
  labels: unknown;
  publishedBy: string;
}

/** COPY text format: backslash, newline, carriage return and tab escaped (JSON text has only backslashes). */
function copyText(text: string): string {
  return /[\\\n\r\t]/.test(text) ? text.replace(/[\\\n\r\t]/g, (c) => COPY_ESCAPES[c]) : text;
}
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** The one COPY row of a snapshot, in chunks: the small columns, then input, output and labels streamed. */
function* snapshotCopyRow(row: StreamedSnapshotRow): Generator<Buffer, void, undefined> {
  const small = [row.ownerId, String(row.version), row.hash, row.reason === null ? '\\N' : copyText(row.reason), row.publishedBy];
  yield Buffer.from(`${small.join('\t')}\t`, 'utf8');
  const json = [row.input, row.output, row.labels];
  for (let i = 0; i < json.length; i++) {
    for (const chunk of jsonChunks(json[i])) yield Buffer.from(copyText(chunk), 'utf8');
    yield Buffer.from(i < json.length - 1 ? '\t' : '\n', 'utf8');
  }
}

/**
 * Stores a published ranking snapshot through `COPY … FROM STDIN` on the transaction's connection, its JSON written in
 * 64 KB chunks as they are made (never one string of the whole input, nor a query parameter that node-postgres
 * copies into growing buffers); then the stored row is read back. The
 * stored texts are the same bytes as `JSON.stringify` of each value; a failed COPY fails the transaction.
 */
export async function copyPublishedSnapshot(
  tx: EntityManager,
  table: keyof typeof SNAPSHOT_TABLES,
  row: StreamedSnapshotRow,
): Promise<{ id: string; version: number; hash: string; reason: string | null; publishedAt: Date }> {
  if (!tx.queryRunner?.isTransactionActive) throw new Error('copyPublishedSnapshot runs inside a transaction');
  const columns = [SNAPSHOT_TABLES[table], 'version', 'hash', 'reason', 'published_by', 'input', 'output', 'labels'];
  await copyIn(
    tx,
    table,
    columns,
    async (send) => {
      for (const chunk of snapshotCopyRow(row)) await send(chunk);
    },
    'text',
  );
  // The id is the table's default (gen_random_uuid()), as an INSERT gives it.
  return storedSnapshot(tx, table, row.ownerId, row.version);
}

/** The row a COPY stored, by its owner and version (unique). */
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
