import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A validator's note to the region (`verified_note`, published with the index where the verified option differs
 * from the region's) and a separate internal note for organizers and fellow validators, never published.
 */
export class IndexInternalNotes1795840000000 implements MigrationInterface {
  name = 'IndexInternalNotes1795840000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "index_answers" ADD "verified_internal_note" text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "index_answers" DROP COLUMN "verified_internal_note"`);
  }
}
