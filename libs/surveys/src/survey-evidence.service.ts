import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFound, ValidationFailed, type Actor } from '@app/common';
import { AuditService } from '@app/audit';
import { InnovationsService } from '@app/submissions';
import { RankingsReadModel } from '@app/results';
import { assertBeforeAfter, compareIkm, SurveyErrorCode } from './domain';
import { SurveysRepository } from './persistence/surveys.repository';
import { SurveysService } from './surveys.service';
import type { LinkSurveyEvidenceDto, SurveyEvidenceView } from './dto/surveys.dto';

/**
 * Evidence of impact: an innovation names the unit it changed and a survey period before and after its start
 * date; its dossier shows the IKM of both, per element, with the sample sizes. Read like the innovation.
 */
@Injectable()
export class SurveyEvidenceService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: SurveysRepository,
    private readonly surveys: SurveysService,
    private readonly innovations: InnovationsService,
    private readonly audit: AuditService,
    private readonly results: RankingsReadModel,
  ) {}

  /** The innovation's OPD links one of its own organization's units. */
  async link(actor: Actor, innovationId: string, dto: LinkSurveyEvidenceDto): Promise<SurveyEvidenceView> {
    const { innovation, relation } = await this.innovations.relate(actor, innovationId);
    if (relation !== 'owner') throw new NotFound('INNOVATION_NOT_FOUND', `innovation ${innovationId} not found`);
    const unit = await this.surveys.findUnit(dto.unitId);
    if (!unit || unit.organizationId !== innovation.organizationId)
      throw new ValidationFailed(
        [{ field: 'unitId', message: "must be a survey unit of the innovation's organization" }],
        SurveyErrorCode.EvidenceInvalid,
      );
    const [before, after] = await Promise.all([this.surveys.findPeriod(dto.beforePeriodId), this.surveys.findPeriod(dto.afterPeriodId)]);
    const fields = [];
    if (!before || before.unitId !== unit.id) fields.push({ field: 'beforePeriodId', message: 'must be a period of the unit' });
    if (!after || after.unitId !== unit.id) fields.push({ field: 'afterPeriodId', message: 'must be a period of the unit' });
    if (fields.length) throw new ValidationFailed(fields, SurveyErrorCode.EvidenceInvalid);
    assertBeforeAfter(innovation.startDate, before!, after!);
    const row = await this.db.transaction(async (tx) => {
      const e = await this.repo.insertEvidence(tx, {
        innovationId,
        unitId: unit.id,
        beforePeriodId: before!.id,
        afterPeriodId: after!.id,
        createdBy: actor.id,
      });
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'survey_evidence.link',
        entityType: 'innovation',
        entityId: innovationId,
        competitionId: innovation.competitionId,
        after: { unitId: unit.id, beforePeriodId: before!.id, afterPeriodId: after!.id },
      });
      return e;
    });
    return (await this.views([row])).at(0)!;
  }

  /** Anyone who may read the innovation (its OPD, coordinator, organizers, assigned jurors) reads its evidence. */
  async list(actor: Actor, innovationId: string): Promise<SurveyEvidenceView[]> {
    await this.innovations.relate(actor, innovationId);
    return this.views(await this.repo.evidenceOf(innovationId));
  }

  /** The evidence of an innovation on the public catalogue (404 for any other), for its public page. */
  async publicList(innovationId: string): Promise<SurveyEvidenceView[]> {
    await this.results.publicInnovation(innovationId);
    return this.views(await this.repo.evidenceOf(innovationId));
  }

  private async views(
    rows: { id: string; unitId: string; beforePeriodId: string; afterPeriodId: string }[],
  ): Promise<SurveyEvidenceView[]> {
    return Promise.all(
      rows.map(async (r) => {
        const unit = (await this.surveys.findUnit(r.unitId))!;
        const [bp, ap] = await Promise.all([this.surveys.findPeriod(r.beforePeriodId), this.surveys.findPeriod(r.afterPeriodId)]);
        const [b, a] = await Promise.all([this.surveys.periodView(bp!, unit), this.surveys.periodView(ap!, unit)]);
        const cmp = compareIkm(b.ikm, a.ikm);
        const side = (v: typeof b) => ({
          periodId: v.id,
          label: v.label,
          opensAt: v.opensAt,
          closesAt: v.closesAt,
          ikm: v.ikm,
          sample: v.sample,
        });
        return {
          id: r.id,
          unit: {
            id: unit.id,
            organizationId: unit.organizationId,
            organizationName: unit.organizationName,
            name: unit.name,
            population: unit.population,
          },
          before: side(b),
          after: side(a),
          ikm: { key: 'ikm', ...cmp.ikm },
          elements: cmp.elements,
        };
      }),
    );
  }
}
