import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An index answer given from a satisfaction-survey period (issue 22): which period (and which period before the
 * innovation) its option follows from. Survey periods belong to another context and are referenced by id only.
 */
export class IndexSurveyAnswers1795770000000 implements MigrationInterface {
  name = 'IndexSurveyAnswers1795770000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "index_survey_answers" ("answer_id" uuid NOT NULL REFERENCES "index_answers"("id") ON DELETE CASCADE, "period_id" uuid NOT NULL, "before_period_id" uuid, "linked_by" uuid NOT NULL, "linked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "index_survey_answers_pk" PRIMARY KEY ("answer_id"))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "index_survey_answers"`);
  }
}
