import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface SurveyAnswerLink {
  answerId: string;
  periodId: string;
  beforePeriodId: string | null;
  linkedBy: string;
  linkedAt: Date;
}

const LINK_SELECT = `SELECT answer_id AS "answerId", period_id AS "periodId", before_period_id AS "beforePeriodId", linked_by AS "linkedBy", linked_at AS "linkedAt" FROM index_survey_answers`;

/** Which survey period an index answer follows from (index_survey_answers), and the reported innovation it is about. */
@Injectable()
export class IndexSurveyAnswersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async innovation(id: string): Promise<{ id: string; editionId: string; regionId: string; organizationId: string } | null> {
    const rows = await this.db.query(
      `SELECT id, edition_id AS "editionId", region_id AS "regionId", organization_id AS "organizationId" FROM index_innovations WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async save(link: Omit<SurveyAnswerLink, 'linkedAt'>): Promise<SurveyAnswerLink> {
    const rows = await this.db.query(
      `INSERT INTO index_survey_answers (answer_id, period_id, before_period_id, linked_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (answer_id) DO UPDATE SET period_id = EXCLUDED.period_id, before_period_id = EXCLUDED.before_period_id, linked_by = EXCLUDED.linked_by, linked_at = now()
       RETURNING answer_id AS "answerId", period_id AS "periodId", before_period_id AS "beforePeriodId", linked_by AS "linkedBy", linked_at AS "linkedAt"`,
      [link.answerId, link.periodId, link.beforePeriodId, link.linkedBy],
    );
    return rows[0];
  }

  of(answerIds: readonly string[]): Promise<SurveyAnswerLink[]> {
    if (answerIds.length === 0) return Promise.resolve([]);
    return this.db.query(`${LINK_SELECT} WHERE answer_id = ANY($1::uuid[]) ORDER BY linked_at`, [answerIds]);
  }
}
