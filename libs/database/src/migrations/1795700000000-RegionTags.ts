import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Region tags (daerah_tertinggal, perbatasan, kepulauan …) for award and index groups across kinds (issues 16, 17). */
export class RegionTags1795700000000 implements MigrationInterface {
  name = 'RegionTags1795700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "regions" ADD "tags" text array NOT NULL DEFAULT '{}'`);
    await q.query(`CREATE INDEX "regions_tags_idx" ON "regions" USING gin ("tags")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "regions_tags_idx"`);
    await q.query(`ALTER TABLE "regions" DROP COLUMN "tags"`);
  }
}
