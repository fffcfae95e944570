import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Region answers of an index edition were all owned by the constant "region": with the unique (edition, owner,
 * indicator), a second region's answer overwrote the first's. Their owner is now their region's id.
 */
export class IndexRegionAnswerOwner1795740000001 implements MigrationInterface {
  name = 'IndexRegionAnswerOwner1795740000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE "index_answers" SET "owner" = "region_id"::text WHERE "owner" = 'region'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE "index_answers" SET "owner" = 'region' WHERE "index_innovation_id" IS NULL`);
  }
}
