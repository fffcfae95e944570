import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A screening decision reopened for an upheld objection carries the objection until the screener decides again (issue 18). */
export class ScreeningCorrection1795710000000 implements MigrationInterface {
  name = 'ScreeningCorrection1795710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "stage_results" ADD "correction_of" uuid`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "stage_results" DROP COLUMN "correction_of"`);
  }
}
