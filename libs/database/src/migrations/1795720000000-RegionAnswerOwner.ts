import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A region answer's owner is its region's id (was the constant "region"): answers are unique per edition,
 * owner and indicator, so with one owner for every region a second region's answer overwrote the first's.
 */
export class RegionAnswerOwner1795720000000 implements MigrationInterface {
  name = 'RegionAnswerOwner1795720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE "index_answers" SET "owner" = "region_id"::text WHERE "owner" = 'region' AND "index_innovation_id" IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE "index_answers" SET "owner" = 'region' WHERE "index_innovation_id" IS NULL`);
  }
}
