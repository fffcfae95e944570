import { createHash } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';
// Relative: migrations also run in jest's global setup, where the @app/ paths are not mapped.
import { canonicalize } from '../../../kernel/src/index';
import { gunzipSnapshotInput, gzipChunks } from '../snapshots';

/**
 * A published index snapshot's input is stored as the gzip of its canonical JSON, made by the API, in a `bytea`
 * column with STORAGE EXTERNAL (`input_gzip`, no second compression by PostgreSQL) instead of a `json` column
 * (1795830000000): PostgreSQL took in, checked and compressed a national edition's ~108 MB of JSON on every
 * publication, a third of it (bench/RESULTS.md). Existing rows are converted one at a time in JavaScript (PostgreSQL
 * has no gzip): a row's text is kept when its sha256 is the output's inputsDigest (stored by the code of
 * 1795830000000 on, it is the canonical JSON), else (stored as jsonb before) it is canonicalized first, so every
 * row's input decompresses to the bytes its inputsDigest and hash were taken over. Snapshots are immutable (their
 * trigger refuses UPDATE): it is set aside while the rows are rewritten. `down` stores each input's text as json.
 */
export class IndexSnapshotInputGzip1795880000000 implements MigrationInterface {
  name = 'IndexSnapshotInputGzip1795880000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "index_snapshots" ADD COLUMN "input_gzip" bytea`);
    await q.query(`ALTER TABLE "index_snapshots" ALTER COLUMN "input_gzip" SET STORAGE EXTERNAL, ALTER COLUMN "input" DROP NOT NULL`);
    await rewriteRows(q, async (id) => {
      const [row] = await q.query(
        `SELECT "input"::text AS input, "output"->>'inputsDigest' AS digest FROM "index_snapshots" WHERE "id" = $1`,
        [id],
      );
      let text = Buffer.from(row.input as string, 'utf8');
      if (`sha256:${createHash('sha256').update(text).digest('hex')}` !== row.digest)
        text = Buffer.from(canonicalize(JSON.parse(row.input as string))!, 'utf8');
      // The old value is set to NULL, so that no row keeps it (a dropped column's values stay until a row is rewritten).
      await q.query(`UPDATE "index_snapshots" SET "input_gzip" = $1, "input" = NULL WHERE "id" = $2`, [await gzipChunks([text]), id]);
    });
    await q.query(`ALTER TABLE "index_snapshots" DROP COLUMN "input"`);
    await q.query(`ALTER TABLE "index_snapshots" ALTER COLUMN "input_gzip" SET NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "index_snapshots" ADD COLUMN "input" json`);
    await q.query(`DO $$ BEGIN
      ALTER TABLE "index_snapshots" ALTER COLUMN "input" SET COMPRESSION lz4;
    EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN NULL; END $$`);
    await q.query(`ALTER TABLE "index_snapshots" ALTER COLUMN "input_gzip" DROP NOT NULL`);
    await rewriteRows(q, async (id) => {
      const [row] = await q.query(`SELECT "input_gzip" AS gzip FROM "index_snapshots" WHERE "id" = $1`, [id]);
      const text = await gunzipSnapshotInput(row.gzip as Buffer);
      await q.query(`UPDATE "index_snapshots" SET "input" = convert_from($1, 'UTF8')::json, "input_gzip" = NULL WHERE "id" = $2`, [
        text,
        id,
      ]);
    });
    await q.query(`ALTER TABLE "index_snapshots" DROP COLUMN "input_gzip"`);
    await q.query(`ALTER TABLE "index_snapshots" ALTER COLUMN "input" SET NOT NULL`);
  }
}

/** Calls `rewrite` for every snapshot, one at a time (a national one is ~100 MB of JSON), the immutability trigger set aside. */
async function rewriteRows(q: QueryRunner, rewrite: (id: string) => Promise<void>): Promise<void> {
  await q.query(`ALTER TABLE "index_snapshots" DISABLE TRIGGER "index_snapshots_no_change"`);
  for (const { id } of (await q.query(`SELECT "id" FROM "index_snapshots" ORDER BY "id"`)) as { id: string }[]) await rewrite(id);
  await q.query(`ALTER TABLE "index_snapshots" ENABLE TRIGGER "index_snapshots_no_change"`);
}
