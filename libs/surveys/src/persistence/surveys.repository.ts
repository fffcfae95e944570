import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { OrganizationScope } from '@app/common';
import type { Answers, Stamped } from '../domain';
import {
  SurveyEvidenceEntity,
  SurveyExclusionEntity,
  SurveyPeriodEntity,
  SurveyResponseEntity,
  SurveyUnitEntity,
} from './surveys.entities';

export interface UnitRow extends SurveyUnitEntity {
  organizationName: string;
  regionId: string;
}

export type NewResponse = Omit<SurveyResponseEntity, 'id' | 'exclusionId' | 'submittedAt'> & { submittedAt?: Date };

const UNIT_SELECT = `SELECT u.id, u.organization_id AS "organizationId", u.name, u.population, u.created_by AS "createdBy", u.created_at AS "createdAt",
                            o.name AS "organizationName", o.region_id AS "regionId"
                       FROM survey_units u JOIN organizations o ON o.id = u.organization_id`;

/** All SQL of the surveys context. Reads of units are scoped by the caller's organization scope. */
@Injectable()
export class SurveysRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  m(tx?: EntityManager): EntityManager {
    return tx ?? this.db.manager;
  }

  insertUnit(
    tx: EntityManager,
    row: Pick<SurveyUnitEntity, 'organizationId' | 'name' | 'population' | 'createdBy'>,
  ): Promise<SurveyUnitEntity> {
    return tx.save(tx.create(SurveyUnitEntity, row));
  }

  async findUnit(id: string, tx?: EntityManager): Promise<UnitRow | null> {
    const rows = await this.m(tx).query(`${UNIT_SELECT} WHERE u.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Units in the scope: one organization, a region (a province includes its kabupaten and kota), or all. */
  listUnits(scope: OrganizationScope): Promise<UnitRow[]> {
    const order = ` ORDER BY o.name, u.name, u.id`;
    switch (scope.kind) {
      case 'all':
        return this.m().query(UNIT_SELECT + order);
      case 'organization':
        return this.m().query(`${UNIT_SELECT} WHERE u.organization_id = $1${order}`, [scope.organizationId]);
      case 'region':
        return this.m().query(`${UNIT_SELECT} JOIN regions r ON r.id = o.region_id WHERE r.id = $1 OR r.parent_id = $1${order}`, [
          scope.regionId,
        ]);
      case 'none':
        return Promise.resolve([]);
    }
  }

  insertPeriod(
    tx: EntityManager,
    row: Pick<SurveyPeriodEntity, 'unitId' | 'code' | 'label' | 'opensAt' | 'closesAt' | 'population' | 'createdBy'>,
  ): Promise<SurveyPeriodEntity> {
    return tx.save(tx.create(SurveyPeriodEntity, row));
  }

  findPeriod(id: string, tx?: EntityManager): Promise<SurveyPeriodEntity | null> {
    return this.m(tx).findOne(SurveyPeriodEntity, { where: { id } });
  }

  findPeriodByCode(code: string): Promise<SurveyPeriodEntity | null> {
    return this.m().findOne(SurveyPeriodEntity, { where: { code } });
  }

  periodsOf(unitId: string): Promise<SurveyPeriodEntity[]> {
    return this.m().find(SurveyPeriodEntity, { where: { unitId }, order: { opensAt: 'ASC', id: 'ASC' } });
  }

  /** Inserts responses in chunks; with `skipDuplicates`, one whose respondent already answered is left out. Returns the new ids. */
  async insertResponses(tx: EntityManager, rows: readonly NewResponse[], skipDuplicates = false): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < rows.length; i += 500) {
      const qb = tx
        .createQueryBuilder()
        .insert()
        .into(SurveyResponseEntity)
        .values(rows.slice(i, i + 500) as SurveyResponseEntity[])
        .returning('id');
      if (skipDuplicates) qb.orIgnore();
      const result = await qb.execute();
      ids.push(...(result.raw as { id: string }[]).map((r) => r.id));
    }
    return ids;
  }

  /** Which of these respondent hashes already answered in the period. */
  async answeredRespondents(tx: EntityManager, periodId: string, hashes: readonly string[]): Promise<Set<string>> {
    if (hashes.length === 0) return new Set();
    const rows: { h: string }[] = await tx.query(
      `SELECT respondent_hash AS h FROM survey_responses WHERE period_id = $1 AND respondent_hash = ANY($2::varchar[])`,
      [periodId, hashes],
    );
    return new Set(rows.map((r) => r.h));
  }

  /** The answers that count: every response of the period not excluded. */
  answers(periodId: string, tx?: EntityManager): Promise<Answers[]> {
    return this.m(tx).query(
      `SELECT u1, u2, u3, u4, u5, u6, u7, u8, u9 FROM survey_responses WHERE period_id = $1 AND exclusion_id IS NULL`,
      [periodId],
    );
  }

  /** Counted public-form responses by time, for burst detection (imports are keyed in later, not bursts). */
  async formStamps(periodId: string): Promise<Stamped[]> {
    const rows: { id: string; at: Date }[] = await this.m().query(
      `SELECT id, submitted_at AS at FROM survey_responses WHERE period_id = $1 AND source = 'form' AND exclusion_id IS NULL ORDER BY submitted_at, id`,
      [periodId],
    );
    return rows;
  }

  async counts(periodId: string): Promise<{ form: number; import: number; excluded: number }> {
    const [row] = await this.m().query(
      `SELECT count(*) FILTER (WHERE source = 'form' AND exclusion_id IS NULL)::int AS form, count(*) FILTER (WHERE source = 'import' AND exclusion_id IS NULL)::int AS import,
              count(*) FILTER (WHERE exclusion_id IS NOT NULL)::int AS excluded
         FROM survey_responses WHERE period_id = $1`,
      [periodId],
    );
    return row;
  }

  /** The latest free-text suggestions (for the unit, never public). */
  suggestions(periodId: string, limit = 50): Promise<{ text: string; at: Date }[]> {
    return this.m().query(
      `SELECT suggestion AS text, submitted_at AS at FROM survey_responses WHERE period_id = $1 AND suggestion IS NOT NULL AND exclusion_id IS NULL ORDER BY submitted_at DESC, id LIMIT $2`,
      [periodId, limit],
    );
  }

  insertExclusion(
    tx: EntityManager,
    row: Pick<SurveyExclusionEntity, 'periodId' | 'reason' | 'responses' | 'decidedBy'>,
  ): Promise<SurveyExclusionEntity> {
    return tx.save(tx.create(SurveyExclusionEntity, row));
  }

  /** Marks the period's counted responses among `ids` as excluded; returns the ids it marked. */
  async exclude(tx: EntityManager, periodId: string, ids: readonly string[], exclusionId: string): Promise<string[]> {
    const rows: { id: string }[] = await tx.query(
      `WITH u AS (UPDATE survey_responses SET exclusion_id = $3 WHERE period_id = $1 AND id = ANY($2::uuid[]) AND exclusion_id IS NULL RETURNING id) SELECT id FROM u`,
      [periodId, ids, exclusionId],
    );
    return rows.map((r) => r.id);
  }

  setExclusionCount(tx: EntityManager, id: string, responses: number): Promise<unknown> {
    return tx.update(SurveyExclusionEntity, { id }, { responses });
  }

  exclusions(periodId: string): Promise<SurveyExclusionEntity[]> {
    return this.m().find(SurveyExclusionEntity, { where: { periodId }, order: { decidedAt: 'ASC', id: 'ASC' } });
  }

  /** Serialises decisions on one period (imports, exclusions) so their checks see each other's rows. */
  lockPeriod(tx: EntityManager, periodId: string): Promise<unknown> {
    return tx.query(`SELECT pg_advisory_xact_lock(hashtext('survey-period:' || $1))`, [periodId]);
  }

  /** Counts one hit of `key` in the window starting at `windowStart`, forgetting older windows; returns the window's hits. */
  async hit(key: string, windowStart: Date): Promise<number> {
    return this.db.transaction(async (tx) => {
      await tx.query(`DELETE FROM citizen_rate_limits WHERE key = $1 AND window_start < $2`, [key, windowStart]);
      // Other addresses' stale windows, a bounded batch per hit, so the table stays small without a scheduler.
      await tx.query(
        `DELETE FROM citizen_rate_limits WHERE ctid = ANY(ARRAY(SELECT ctid FROM citizen_rate_limits WHERE window_start < $1::timestamptz - interval '1 day' LIMIT 50))`,
        [windowStart],
      );
      const [row] = await tx.query(
        `INSERT INTO citizen_rate_limits AS c (key, window_start, hits) VALUES ($1, $2, 1)
         ON CONFLICT (key, window_start) DO UPDATE SET hits = c.hits + 1 RETURNING hits`,
        [key, windowStart],
      );
      return row.hits as number;
    });
  }

  insertEvidence(
    tx: EntityManager,
    row: Pick<SurveyEvidenceEntity, 'innovationId' | 'unitId' | 'beforePeriodId' | 'afterPeriodId' | 'createdBy'>,
  ): Promise<SurveyEvidenceEntity> {
    return tx.save(tx.create(SurveyEvidenceEntity, row));
  }

  evidenceOf(innovationId: string): Promise<SurveyEvidenceEntity[]> {
    return this.m().find(SurveyEvidenceEntity, { where: { innovationId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }
}
