import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ListIndex1795491043091 implements MigrationInterface {
  name = 'ListIndex1795491043091';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "innovations_list_idx" ON "innovations"  ("competition_id", "category", "status", "created_at", "id") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."innovations_list_idx"`);
  }
}
