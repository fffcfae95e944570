import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A published index snapshot's input is stored as `json` (its canonical text, checked to be JSON) instead of
 * `jsonb`, like the ranking snapshots (1795760000000): nothing queries inside it, and turning a national
 * edition's ~100 MB input (≈ 750k answers) into jsonb took a quarter of the publication (bench/RESULTS.md,
 * "National index"). The snapshot columns are compressed with lz4 where the server has it (else pglz, as
 * before). The hash is over the canonical JSON, so the stored form does not change what `cli verify` checks.
 */
export class IndexSnapshotInputText1795830000000 implements MigrationInterface {
  name = 'IndexSnapshotInputText1795830000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "index_snapshots" ALTER COLUMN "input" TYPE json USING "input"::json`);
    await q.query(`DO $$ BEGIN
      ALTER TABLE "index_snapshots" ALTER COLUMN "input" SET COMPRESSION lz4, ALTER COLUMN "output" SET COMPRESSION lz4, ALTER COLUMN "labels" SET COMPRESSION lz4;
    EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN NULL; END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "index_snapshots" ALTER COLUMN "input" SET COMPRESSION default, ALTER COLUMN "output" SET COMPRESSION default, ALTER COLUMN "labels" SET COMPRESSION default`,
    );
    await q.query(`ALTER TABLE "index_snapshots" ALTER COLUMN "input" TYPE jsonb USING "input"::jsonb`);
  }
}
