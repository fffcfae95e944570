import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 18: a score sheet reopened to correct an upheld objection (editable while its stage is closed). */
export class Issue18Rules1795600000002 implements MigrationInterface {
  name = 'Issue18Rules1795600000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "score_sheets" ADD "correction_of" uuid`);
    await q.query(`CREATE INDEX "score_sheets_correction_idx" ON "score_sheets" ("correction_of") WHERE "correction_of" IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."score_sheets_correction_idx"`);
    await q.query(`ALTER TABLE "score_sheets" DROP COLUMN "correction_of"`);
  }
}
