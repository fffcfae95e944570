import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppEnv } from '@app/config';
import { NotFound, ValidationFailed, type Actor, type FieldError } from '@app/common';
import { AuditService } from '@app/audit';
import { frameworkIndicators, type IndexFramework } from '@app/regional-index';
import { SurveysService } from '@app/surveys';
import { IndexEditionErrorCode as E, isSurveyIndicator, surveyOption } from './domain';
import { IndexEditionsService } from './index-editions.service';
import { IndexSurveyAnswersRepository, type SurveyAnswerLink } from './persistence/index-survey-answers.repository';
import type { IndexSurveyAnswerDto, IndexSurveyAnswerView, IndexSurveyPeriodView } from './dto/index-survey-answers.dto';

type Period = NonNullable<Awaited<ReturnType<SurveysService['findPeriod']>>>;
type Unit = NonNullable<Awaited<ReturnType<SurveysService['findUnit']>>>;

/**
 * The index's survey indicator answered from a linked satisfaction-survey period: the option follows from the
 * period's IKM and grade (and a period before the innovation), the public IKM page is the answer's evidence
 * link, and whoever sees the region's self-assessment (its validators included) sees the data.
 */
@Injectable()
export class IndexSurveyAnswersService {
  private readonly publicUrl: string;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: IndexSurveyAnswersRepository,
    private readonly editions: IndexEditionsService,
    private readonly surveys: SurveysService,
    private readonly audit: AuditService,
    config: ConfigService<AppEnv, true>,
  ) {
    this.publicUrl = config.get('publicUrl', { infer: true });
  }

  /** Answers the indicator with the option its data gives (through the ordinary answer path: same rights, versions, audit). */
  async answer(actor: Actor, id: string, regionId: string, dto: IndexSurveyAnswerDto): Promise<IndexSurveyAnswerView> {
    const edition = await this.editions.get(actor, id);
    // The innovation's OPD or the region's coordinator (as for any innovation answer); 404 for anyone else.
    const innovation = await this.repo.innovation(dto.innovationId);
    const mayWrite =
      innovation &&
      ((actor.role === 'opd' && actor.organizationId === innovation.organizationId) ||
        (actor.role === 'coordinator' && actor.regionId === regionId));
    if (!innovation || innovation.editionId !== id || innovation.regionId !== regionId || !mayWrite)
      throw new NotFound(E.InnovationNotFound, `innovation ${dto.innovationId} is not reported for this region`);
    const indicator = frameworkIndicators(edition.framework as IndexFramework).find((i) => i.key === dto.indicator);
    if (!indicator || !isSurveyIndicator(indicator))
      throw new ValidationFailed(
        [{ field: 'indicator', message: `"${dto.indicator}" is not an innovation indicator answerable from survey data` }],
        E.Invalid,
      );
    const { period, unit, before } = await this.periods(dto, innovation.organizationId);
    const [after, prior] = await Promise.all([this.periodFacts(period, unit), before ? this.periodFacts(before, unit) : null]);
    if (after.responses === 0)
      throw new ValidationFailed([{ field: 'periodId', message: 'the period has no counted responses yet' }], E.Invalid);
    const option = surveyOption(indicator.options!, {
      responses: after.responses,
      ikm: after.ikm,
      grade: after.grade,
      beforeIkm: prior?.ikm ?? null,
    })!;
    const saved = await this.editions.answer(actor, id, regionId, {
      indicator: indicator.key,
      innovationId: innovation.id,
      option,
      link: after.link,
    });
    const link = await this.repo.save({ answerId: saved.id, periodId: period.id, beforePeriodId: before?.id ?? null, linkedBy: actor.id });
    await this.db.transaction((tx) =>
      this.audit.record(tx, {
        actorId: actor.id,
        action: 'index_answer.survey',
        entityType: 'index_answer',
        entityId: saved.id,
        after: {
          option,
          period: { id: period.id, responses: after.responses, ikm: after.ikm, grade: after.grade },
          before: prior ? { id: before!.id, responses: prior.responses, ikm: prior.ikm, grade: prior.grade } : null,
        },
      }),
    );
    return {
      answerId: saved.id,
      indicator: indicator.key,
      innovationId: innovation.id,
      dataOption: option,
      answeredOption: saved.option,
      period: after,
      before: prior,
      linkedAt: link.linkedAt,
    };
  }

  /** The survey-answered indicators of a region, with their data, for whoever sees its self-assessment. */
  async list(actor: Actor, id: string, regionId: string): Promise<IndexSurveyAnswerView[]> {
    const [edition, region] = await Promise.all([this.editions.get(actor, id), this.editions.region(actor, id, regionId)]);
    const indicators = new Map(frameworkIndicators(edition.framework as IndexFramework).map((i) => [i.key, i]));
    const answers = new Map(region.answers.map((a) => [a.id, a as typeof a & { verifiedOption?: string | null }]));
    const links = await this.repo.of([...answers.keys()]);
    return Promise.all(
      links.map((l) => this.view(l, answers.get(l.answerId)!, indicators.get(answers.get(l.answerId)!.indicator)?.options ?? [])),
    );
  }

  private async view(
    l: SurveyAnswerLink,
    answer: { indicator: string; innovationId: string | null; option: string; verifiedOption?: string | null },
    options: readonly { key: string; score: number }[],
  ): Promise<IndexSurveyAnswerView> {
    const period = (await this.surveys.findPeriod(l.periodId))!;
    const unit = (await this.surveys.findUnit(period.unitId))!;
    const before = l.beforePeriodId ? await this.surveys.findPeriod(l.beforePeriodId) : null;
    const [after, prior] = await Promise.all([this.periodFacts(period, unit), before ? this.periodFacts(before, unit) : null]);
    return {
      answerId: l.answerId,
      indicator: answer.indicator,
      innovationId: answer.innovationId!,
      dataOption: surveyOption(options, { responses: after.responses, ikm: after.ikm, grade: after.grade, beforeIkm: prior?.ikm ?? null }),
      answeredOption: answer.option,
      ...('verifiedOption' in answer ? { verifiedOption: answer.verifiedOption ?? null } : {}),
      period: after,
      before: prior,
      linkedAt: l.linkedAt,
    };
  }

  /** The period (and the one before) must be of one unit of the innovation's organization, in that order. */
  private async periods(dto: IndexSurveyAnswerDto, organizationId: string): Promise<{ period: Period; unit: Unit; before: Period | null }> {
    const period = await this.surveys.findPeriod(dto.periodId);
    const unit = period ? await this.surveys.findUnit(period.unitId) : null;
    if (!period || !unit || unit.organizationId !== organizationId)
      throw new ValidationFailed(
        [{ field: 'periodId', message: "must be a survey period of a unit of the innovation's organization" }],
        E.Invalid,
      );
    if (!dto.beforePeriodId) return { period, unit, before: null };
    const before = await this.surveys.findPeriod(dto.beforePeriodId);
    const fields: FieldError[] = [];
    if (!before || before.unitId !== unit.id || before.closesAt > period.opensAt)
      fields.push({ field: 'beforePeriodId', message: 'must be a period of the same unit that closed before the period opened' });
    if (fields.length) throw new ValidationFailed(fields, E.Invalid);
    return { period, unit, before };
  }

  private async periodFacts(period: Period, unit: Unit): Promise<IndexSurveyPeriodView> {
    const v = await this.surveys.periodView(period, unit);
    return {
      periodId: period.id,
      unit: unit.name,
      organization: unit.organizationName,
      label: period.label,
      opensAt: period.opensAt,
      closesAt: period.closesAt,
      responses: v.ikm.responses,
      ikm: v.ikm.ikm,
      grade: v.ikm.grade,
      gradeLabel: v.ikm.label,
      requiredSample: v.sample.required,
      sampleReached: v.sample.reached,
      link: `${this.publicUrl}/s/${period.code}/ikm`,
    };
  }
}
