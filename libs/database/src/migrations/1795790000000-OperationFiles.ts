import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The file an export operation made (issue 23), downloadable after a page reload; deleted with its operation. */
export class OperationFiles1795790000000 implements MigrationInterface {
  name = 'OperationFiles1795790000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "operation_files" (
      "operation_id" uuid NOT NULL,
      "file_name" character varying(200) NOT NULL,
      "media_type" character varying(120) NOT NULL,
      "body" bytea NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_operation_files" PRIMARY KEY ("operation_id"),
      CONSTRAINT "FK_operation_files_operation" FOREIGN KEY ("operation_id") REFERENCES "operations"("id") ON DELETE CASCADE
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "operation_files"`);
  }
}
