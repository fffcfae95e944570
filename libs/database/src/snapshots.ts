import type { EntityManager } from 'typeorm';

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
