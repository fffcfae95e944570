import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reasons the system writes (stage closes, advance rules) as a code and its parameters, rendered in Bahasa
 * Indonesia or English; `reason` keeps the English text, which older rows hold alone (issue 18).
 */
export class ReasonCodes1795710000001 implements MigrationInterface {
  name = 'ReasonCodes1795710000001';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['stage_results', 'innovation_status_history']) {
      await q.query(`ALTER TABLE "${table}" ADD "reason_code" character varying(60)`);
      await q.query(`ALTER TABLE "${table}" ADD "reason_params" jsonb`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['stage_results', 'innovation_status_history']) {
      await q.query(`ALTER TABLE "${table}" DROP COLUMN "reason_params"`);
      await q.query(`ALTER TABLE "${table}" DROP COLUMN "reason_code"`);
    }
  }
}
