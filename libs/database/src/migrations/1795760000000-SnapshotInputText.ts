import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A published snapshot's input is stored as `json` (its text, checked to be JSON) instead of `jsonb`: nothing
 * queries inside it, and turning a national edition's 32 MB input into jsonb was the dearest part of
 * publishing (bench/RESULTS.md, issue 21). The snapshot columns are compressed with lz4 where the server has
 * it (else pglz, as before). Snapshot hashes are over the canonical JSON, so the stored form does not matter.
 */
export class SnapshotInputText1795760000000 implements MigrationInterface {
  name = 'SnapshotInputText1795760000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "ranking_snapshots" ALTER COLUMN "input" TYPE json USING "input"::json`);
    await q.query(`DO $$ BEGIN
      ALTER TABLE "ranking_snapshots" ALTER COLUMN "input" SET COMPRESSION lz4, ALTER COLUMN "output" SET COMPRESSION lz4, ALTER COLUMN "labels" SET COMPRESSION lz4;
    EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN NULL; END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "ranking_snapshots" ALTER COLUMN "input" SET COMPRESSION default, ALTER COLUMN "output" SET COMPRESSION default, ALTER COLUMN "labels" SET COMPRESSION default`,
    );
    await q.query(`ALTER TABLE "ranking_snapshots" ALTER COLUMN "input" TYPE jsonb USING "input"::jsonb`);
  }
}
