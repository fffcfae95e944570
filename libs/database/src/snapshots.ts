import type { EntityManager } from 'typeorm';
import { BINARY_COPY_HEADER, BINARY_COPY_TRAILER, binaryField, binaryRow, binaryValue, copyIn } from './copy';

/** The two kinds of published snapshot (a competition's ranking, an index edition's), and what owns each. */
const SNAPSHOT_TABLES = {
  ranking_snapshots: 'competition_id',
  index_snapshots: 'edition_id',
} as const;

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
 * Stores a published snapshot in one INSERT with the JSON texts as parameters (TypeORM's create + save deep-copied and
 * re-serialized a national edition's input: about a second of CPU and a second copy in memory). Shared by the ranking
 * and index snapshots, whose tables have the same shape but for the owner column.
 */
export async function insertPublishedSnapshot(
  tx: EntityManager,
  table: keyof typeof SNAPSHOT_TABLES,
  row: PublishedSnapshotRow,
): Promise<{ id: string; version: number; hash: string; reason: string | null; publishedAt: Date }> {
  const [saved] = await tx.query(
    `INSERT INTO ${table} (${SNAPSHOT_TABLES[table]}, version, input, output, hash, reason, labels, published_by)
     VALUES ($1, $2, $3::json, $4::jsonb, $5, $6, $7::jsonb, $8) RETURNING id, version, hash, reason, published_at AS "publishedAt"`,
    [row.ownerId, row.version, row.input, JSON.stringify(row.output), row.hash, row.reason, JSON.stringify(row.labels), row.publishedBy],
  );
  return saved;
}

/**
 * Stores a published snapshot whose input comes in chunks (a national index edition's ~100 MB): one binary COPY row
 * in the caller's transaction, the input first, streamed as it is written (never one piece in memory, nor copied
 * into a statement's parameters), then the output and hash that `finish` gives once the input is written (they are
 * taken over it). `input`: JSON text as UTF-8 chunks, `length` bytes in all (a binary field's length comes first).
 * Binary, so the input's bytes go as they are (no escaping, nothing for PostgreSQL to scan for delimiters). Both
 * kinds of snapshot are stored so: the index's input written from its answer table, a ranking's canonical JSON (one
 * buffer, written once for its digest, its hash and this row; bench/RESULTS.md, item 21).
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
