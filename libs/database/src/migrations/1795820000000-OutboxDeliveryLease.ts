import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbox delivery in batches (issue 21): `delivering_until` is a delivery's hold on its rows (claimed in one
 * statement, renewed while it sends, cleared when each row's outcome is recorded), `job_id` the BullMQ job that
 * carries the row (a job holds a batch of rows, so the relay can no longer derive it from the row alone).
 */
export class OutboxDeliveryLease1795820000000 implements MigrationInterface {
  name = 'OutboxDeliveryLease1795820000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "outbox_messages" ADD "delivering_until" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "outbox_messages" ADD "job_id" character varying(200)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "outbox_messages" DROP COLUMN "job_id"`);
    await q.query(`ALTER TABLE "outbox_messages" DROP COLUMN "delivering_until"`);
  }
}
