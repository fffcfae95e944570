import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Conflict,
  NotFound,
  reasonColumns,
  storedReasonText,
  ValidationFailed,
  type Actor,
  type CodedReason,
  type ErrorLocale,
} from '@app/common';
import { AuditService } from '@app/audit';
import { assertStageTransition, CompetitionsService, isScoredStage, type CompetitionPlan, type StagePlan } from '@app/competitions';
import { assertTransition, InnovationEntity, InnovationsRepository, InnovationsService } from '@app/submissions';
import { applyAdvanceRule, stageScores, type CutoffDecision } from '@app/scoring';
import { JudgingRepository } from './persistence/judging.repository';
import { scoringInputFor, STATUSES_IN_STATISTICS } from './domain';
import { JudgingEvents } from './judging.events';

export interface StageCloseSummary {
  stage: string;
  passed: number;
  eliminated: number;
  forced: boolean;
  /** `reason` in the request's language; a system reason also as its code and parameters (the kernel's reason catalog). */
  decisions: {
    innovationId: string;
    title: string;
    category: string;
    outcome: 'passed' | 'eliminated';
    score: number | null;
    rank: number | null;
    reason: string;
    reasonCode: string | null;
    reasonParams: Record<string, string | number | boolean> | null;
  }[];
}

export interface ScreeningDecision {
  innovationId: string;
  decision: 'pass' | 'fail';
  reason?: string;
  checklist?: Record<string, boolean>;
}

/** A stage close's decision: a system reason is coded (rendered per language); a screener's stays their text. */
type Decision = Pick<CutoffDecision, 'id' | 'outcome' | 'score' | 'rank'> & { reason: string | CodedReason };

/** A system reason, coded. */
const coded = (code: CodedReason['code'], params: CodedReason['params'] = {}): CodedReason => ({ code, params });

/**
 * The stage pipeline (DESIGN §3): open and close stages in plan order, administrative screening, and the
 * advance rules. One transaction per command, the competition row locked, so a failed close changes
 * nothing and two organizers closing one stage get one winner and a 409.
 */
@Injectable()
export class PipelineService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly competitions: CompetitionsService,
    private readonly innovations: InnovationsService,
    private readonly innovationRows: InnovationsRepository,
    private readonly repo: JudgingRepository,
    private readonly events: JudgingEvents,
    private readonly audit: AuditService,
  ) {}

  private async stageContext(actor: Actor, tx: EntityManager, competitionId: string, key: string) {
    const competition = await this.competitions.lockManaged(actor, tx, competitionId);
    if (competition.status === 'draft')
      throw new Conflict(
        'COMPETITION_NOT_OPEN',
        `competition "${competition.name}" is still a draft: open it first (POST /api/competitions/${competitionId}/open)`,
        { status: 'draft', allowed: ['open'] },
      );
    const stages = await this.competitions.stagePlans(tx, competitionId);
    const index = stages.findIndex((s) => s.plan.key === key);
    if (index < 0)
      throw new NotFound('STAGE_NOT_FOUND', `competition has no stage "${key}" (stages: ${stages.map((s) => s.plan.key).join(', ')})`);
    return { competition, stages, index, stage: stages[index], next: stages[index + 1] ?? null };
  }

  async open(
    actor: Actor,
    competitionId: string,
    key: string,
    now = new Date(),
  ): Promise<{ stage: string; status: 'open'; pending: number }> {
    return this.db.transaction(async (tx) => {
      const { competition, stages, stage } = await this.stageContext(actor, tx, competitionId, key);
      assertStageTransition(
        stages.map((s) => ({ key: s.plan.key, status: s.state.status })),
        key,
        'open',
      );
      stage.state.status = 'open';
      stage.state.openedAt = now;
      await this.competitions.saveStage(tx, stage.state);
      const entrants = stage.plan.kind === 'submission' ? [] : await this.innovationRows.inStage(tx, competitionId, key);
      await this.repo.createPending(
        tx,
        competitionId,
        key,
        entrants.map((i) => i.id),
      );
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'stage.open',
        entityType: 'stage',
        entityId: `${competitionId}:${key}`,
        competitionId,
        after: { stage: key, entrants: entrants.length },
      });
      await this.events.stageOpened(tx, competition.id, key, entrants);
      return { stage: key, status: 'open', pending: entrants.length };
    });
  }

  /**
   * Closes a stage: the submission stage advances everything submitted (and judging starts); screening
   * advances the passed; a scored stage aggregates the submitted sheets with the scoring library and applies
   * its advance rule per category (ties at the cut-off advance). Unfinished work refuses the close (409,
   * listing it) unless `force` comes with a reason.
   */
  async close(
    actor: Actor,
    competitionId: string,
    key: string,
    opts: { force?: boolean; reason?: string },
    now = new Date(),
    locale: ErrorLocale = 'en',
  ): Promise<StageCloseSummary> {
    if (opts.force && !opts.reason?.trim())
      throw new ValidationFailed(
        [{ field: 'reason', message: 'a forced close needs a reason', code: 'REASON_REQUIRED', params: {} }],
        'STAGE_FORCE_REASON',
      );
    return this.db.transaction(async (tx) => {
      const { competition, stages, stage, next } = await this.stageContext(actor, tx, competitionId, key);
      assertStageTransition(
        stages.map((s) => ({ key: s.plan.key, status: s.state.status })),
        key,
        'closed',
      );
      const contenders = await this.innovationRows.inStage(tx, competitionId, key);
      const decisions = await this.decide(tx, competition.id, competition.plan, stage.plan, contenders, opts);
      const byId = new Map(contenders.map((i) => [i.id, i]));
      await this.repo.upsertDecisions(
        tx,
        competitionId,
        key,
        decisions.map((d) => ({ ...d, ...reasonColumns(d.reason), reason: reasonColumns(d.reason).reason! })),
        actor.id,
        now,
      );
      const passedIds = decisions.filter((d) => d.outcome === 'passed').map((d) => d.id);
      const eliminated = decisions.filter((d) => d.outcome === 'eliminated').map((d) => byId.get(d.id)!);
      for (const innovation of eliminated) assertTransition(innovation.status, 'eliminated', 'system');
      const reasons = new Map(decisions.map((d) => [d.id, d.reason]));
      await this.innovations.moveMany(tx, actor, eliminated, 'eliminated', reasons, key);
      await this.innovationRows.addHistory(
        tx,
        passedIds.map((id) => ({
          innovationId: id,
          fromStatus: 'pending',
          toStatus: 'passed',
          stage: key,
          actorId: actor.id,
          actorRole: actor.role,
          ...reasonColumns(reasons.get(id)!),
        })),
      );
      if (next) await this.innovationRows.setCurrentStage(tx, passedIds, next.plan.key);
      stage.state.status = 'closed';
      stage.state.closedAt = now;
      await this.competitions.saveStage(tx, stage.state);
      if (stage.plan.kind === 'submission')
        await this.competitions.setStatus(tx, actor.id, competition, 'judging', 'the submission stage closed');
      const summary: StageCloseSummary = {
        stage: key,
        passed: passedIds.length,
        eliminated: decisions.length - passedIds.length,
        forced: !!opts.force,
        decisions: decisions.map((d) => {
          const stored = reasonColumns(d.reason);
          return {
            innovationId: d.id,
            title: byId.get(d.id)!.title,
            category: byId.get(d.id)!.category,
            outcome: d.outcome,
            score: d.score,
            rank: d.rank,
            reason: storedReasonText(stored, locale)!,
            reasonCode: stored.reasonCode,
            reasonParams: stored.reasonParams,
          };
        }),
      };
      await this.audit.record(tx, {
        actorId: actor.id,
        action: opts.force ? 'stage.close_forced' : 'stage.close',
        entityType: 'stage',
        entityId: `${competitionId}:${key}`,
        competitionId,
        after: { stage: key, passed: summary.passed, eliminated: summary.eliminated },
        reason: opts.reason ?? null,
      });
      await this.events.stageClosed(tx, competition.id, key, summary.decisions);
      return summary;
    });
  }

  private async decide(
    tx: EntityManager,
    competitionId: string,
    plan: CompetitionPlan,
    stage: StagePlan,
    contenders: InnovationEntity[],
    opts: { force?: boolean; reason?: string },
  ): Promise<Decision[]> {
    if (stage.kind === 'submission')
      return contenders.map((i) => ({ id: i.id, outcome: 'passed', reason: coded('STAGE_SUBMITTED_ON_TIME'), score: null, rank: null }));
    if (!isScoredStage(stage)) {
      const results = new Map((await this.repo.results(competitionId, stage.key, tx)).map((r) => [r.innovationId, r]));
      const undecided = contenders.filter((i) => (results.get(i.id)?.status ?? 'pending') === 'pending');
      if (undecided.length && !opts.force) {
        throw new Conflict(
          'STAGE_UNDECIDED',
          `${undecided.length} innovation(s) have no ${stage.key} decision yet: ${undecided
            .slice(0, 10)
            .map((i) => `"${i.title}"`)
            .join(', ')}${undecided.length > 10 ? ', …' : ''}. Decide them or close with force and a reason.`,
          { undecided: undecided.map((i) => ({ innovationId: i.id, title: i.title })) },
        );
      }
      return contenders.map((i) => {
        const r = results.get(i.id);
        const passed: string | CodedReason = r?.reasonCode
          ? coded(r.reasonCode as CodedReason['code'], r.reasonParams ?? {})
          : (r?.reason ?? coded('STAGE_PASSED', { stage: stage.key }));
        return r?.status === 'passed'
          ? { id: i.id, outcome: 'passed', reason: passed, score: null, rank: null }
          : { id: i.id, outcome: 'eliminated', reason: coded('STAGE_NOT_DECIDED', { reason: opts.reason ?? '' }), score: null, rank: null };
      });
    }
    const open = await this.repo.openSheets(competitionId, stage.key, tx);
    if (open.length && !opts.force) {
      throw new Conflict(
        'STAGE_SHEETS_OPEN',
        `${open.length} score sheet(s) are not submitted: ${open
          .slice(0, 10)
          .map((s) => `${s.jurorName} on "${s.innovationTitle}" (${s.status.replace('_', ' ')})`)
          .join('; ')}${open.length > 10 ? '; …' : ''}. Wait for them, or close with force and a reason.`,
        { open },
      );
    }
    const scores = await this.stageScoreMap(tx, competitionId, plan, stage, contenders);
    const candidates = contenders.map((i) => ({ id: i.id, category: i.category, score: scores.get(i.id) ?? null }));
    const rule = stage.advance;
    if (rule && rule.type !== 'all')
      return applyAdvanceRule(candidates, rule).map((d) => ({ ...d, reason: coded(d.reasonCode, d.reasonParams) }));
    // `all` or the last stage: every scored innovation stays in; one without a score cannot be ranked.
    return candidates.map((c) => ({
      id: c.id,
      outcome: c.score === null ? 'eliminated' : 'passed',
      reason: c.score === null ? coded('STAGE_NO_SHEET') : coded('STAGE_SCORED', { score: c.score }),
      score: c.score,
      rank: null,
    }));
  }

  /**
   * A scored stage's score per innovation, as the ranking computes it: the contenders' sheets, and those of
   * innovations judged there that no longer contend (DESIGN §4.11: disqualified meanwhile, they enter as excluded
   * and their sheets stay in the statistics) — so a stage result and the ranking give one number.
   */
  private async stageScoreMap(
    tx: EntityManager,
    competitionId: string,
    plan: CompetitionPlan,
    stage: StagePlan,
    contenders: readonly { id: string; category: string; submittedAt: Date | null }[],
  ): Promise<Map<string, number | null>> {
    const contenderIds = new Set(contenders.map((i) => i.id));
    const stageSheets = await this.repo.submittedSheets(competitionId, stage.key, tx);
    const outsiderIds = [...new Set(stageSheets.map((s) => s.innovationId).filter((id) => !contenderIds.has(id)))];
    const outsiders = (await this.repo.scoringProfiles(outsiderIds, tx)).filter((i) =>
      (STATUSES_IN_STATISTICS as readonly string[]).includes(i.status),
    );
    const counted = new Set([...contenderIds, ...outsiders.map((i) => i.id)]);
    const sheets = stageSheets
      .filter((s) => counted.has(s.innovationId))
      .map((s) => ({ stage: stage.key, juror: s.jurorId, submission: s.innovationId, scores: s.scores }));
    const input = scoringInputFor(plan, [...contenders, ...outsiders.map((i) => ({ ...i, excluded: true }))], sheets);
    return new Map(stageScores(input).map((r) => [r.submission, r.stages[stage.key] ?? null]));
  }

  /** Administrative screening, one decision or many, all-or-nothing. Failing eliminates with the reason. */
  async screen(
    actor: Actor,
    competitionId: string,
    decisions: ScreeningDecision[],
    now = new Date(),
  ): Promise<{ passed: number; failed: number }> {
    return this.db.transaction(async (tx) => {
      const competition = await this.competitions.lockManaged(actor, tx, competitionId);
      const stages = await this.competitions.stagePlans(tx, competitionId);
      const screening = stages.find((s) => s.plan.kind === 'screening');
      if (!screening) throw new Conflict('SCREENING_NOT_IN_PLAN', 'this competition has no screening stage');
      // After the stage closed, only a decision reopened for an upheld objection is taken again.
      const correcting = screening.state.status !== 'open';
      if (correcting) {
        const results = await Promise.all(decisions.map((d) => this.repo.result(d.innovationId, screening.plan.key, tx)));
        if (!decisions.length || results.some((r) => !r?.correctionOf))
          throw new Conflict(
            'SCREENING_NOT_OPEN',
            `the ${screening.plan.key} stage is ${screening.state.status}; screening decisions are taken while it is open (or again, once reopened for an upheld objection)`,
            { status: screening.state.status, allowed: ['open'] },
          );
      }
      const next = stages[stages.findIndex((s) => s.plan.key === screening.plan.key) + 1] ?? null;
      const errors = decisions.flatMap((d, i) =>
        d.decision === 'fail' && !d.reason?.trim()
          ? [{ field: `decisions[${i}].reason`, message: 'a failed screening needs a reason the OPD will read' }]
          : [],
      );
      const checklistKeys = new Set((screening.plan.checklist ?? []).map((c) => c.key));
      decisions.forEach((d, i) =>
        Object.keys(d.checklist ?? {}).forEach(
          (k) =>
            !checklistKeys.has(k) &&
            errors.push({ field: `decisions[${i}].checklist.${k}`, message: `not a checklist item (${[...checklistKeys].join(', ')})` }),
        ),
      );
      if (errors.length) throw new ValidationFailed(errors, 'SCREENING_INVALID');
      let passed = 0;
      for (const d of decisions) {
        const { innovation } = await this.innovations.relate(actor, d.innovationId, tx, true);
        if (innovation.competitionId !== competition.id)
          throw new NotFound('INNOVATION_NOT_FOUND', `innovation ${d.innovationId} not found in this competition`);
        const result = await this.repo.result(innovation.id, screening.plan.key, tx);
        if (!result || innovation.currentStage !== screening.plan.key) {
          throw new Conflict(
            'SCREENING_NOT_ENTERED',
            `"${innovation.title}" is not in ${screening.plan.key} (it is ${innovation.status}, at ${innovation.currentStage ?? 'no stage'})`,
          );
        }
        if (d.decision === 'pass') {
          if (innovation.status === 'eliminated') {
            assertTransition('eliminated', 'submitted', 'organizer', { competitionStatus: competition.status });
            await this.innovations.move(tx, actor, innovation, 'submitted', {
              reason: d.reason ?? coded('SCREENING_CHANGED_TO_PASS'),
              stage: screening.plan.key,
            });
          } else if (innovation.status !== 'submitted') {
            throw new Conflict('SUBMISSION_ILLEGAL_TRANSITION', `"${innovation.title}" is ${innovation.status} and cannot pass screening`, {
              from: innovation.status,
            });
          }
          Object.assign(result, {
            status: 'passed',
            ...reasonColumns(d.reason ?? coded('SCREENING_PASSED')),
            details: { checklist: d.checklist ?? {} },
            decidedBy: actor.id,
            decidedAt: now,
          });
          passed++;
        } else {
          if (innovation.status !== 'eliminated') {
            assertTransition(innovation.status, 'eliminated', 'organizer');
            await this.innovations.move(tx, actor, innovation, 'eliminated', { reason: d.reason!, stage: screening.plan.key });
          }
          Object.assign(result, {
            status: 'eliminated',
            ...reasonColumns(d.reason!),
            details: { checklist: d.checklist ?? {} },
            decidedBy: actor.id,
            decidedAt: now,
          });
        }
        if (correcting) {
          // The correction is decided: a pass moves the innovation on, as the stage's close would have.
          await this.audit.record(tx, {
            actorId: actor.id,
            action: 'screening.correct',
            entityType: 'innovation',
            entityId: innovation.id,
            competitionId,
            after: { status: result.status, reason: result.reason, correctionOf: result.correctionOf },
          });
          const objectionId = result.correctionOf!;
          result.correctionOf = null;
          if (result.status === 'passed' && next) await this.advanceCorrected(tx, competitionId, innovation.id, next, objectionId);
        }
        await this.repo.saveResult(tx, result);
        // The screener's note goes to the OPD; the default (coded) one says no more than the decision itself.
        await this.events.screeningDecided(
          tx,
          innovation,
          result.status as 'passed' | 'eliminated',
          result.reasonCode ? '' : (result.reason ?? ''),
        );
      }
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'screening.decide',
        entityType: 'stage',
        entityId: `${competitionId}:${screening.plan.key}`,
        competitionId,
        after: { passed, failed: decisions.length - passed, innovations: decisions.map((d) => `${d.innovationId}:${d.decision}`) },
      });
      return { passed, failed: decisions.length - passed };
    });
  }

  /**
   * An upheld objection reopens the innovation's failed screening decision: back to pending, marked as the
   * objection's correction, until the screener decides again (`screen`, also after the stage closed). Runs in the
   * caller's transaction (which holds the competition row). The decision reopened, or null when the innovation
   * has no failed screening decision in that stage (or it is reopened already).
   */
  async reopenScreeningForCorrection(
    tx: EntityManager,
    actor: Actor,
    competitionId: string,
    innovationId: string,
    stageKey: string,
    objectionId: string,
    reason: string,
  ): Promise<{ status: string; reason: string | null } | null> {
    const result = await this.repo.result(innovationId, stageKey, tx);
    if (!result || result.status !== 'eliminated' || result.correctionOf) return null;
    const before = { status: result.status, reason: result.reason };
    Object.assign(result, { status: 'pending', correctionOf: objectionId });
    await this.repo.saveResult(tx, result);
    await this.audit.record(tx, {
      actorId: actor.id,
      action: 'screening.reopen',
      entityType: 'innovation',
      entityId: innovationId,
      competitionId,
      before,
      after: { status: 'pending', correctionOf: objectionId },
      reason,
    });
    return before;
  }

  /**
   * A corrected decision moves the innovation on, as the stage's close would have. When the next stage closed
   * without it, it enters there as the objection's correction (pending; publication waits) for the organizer to
   * have it judged — jurors assigned by hand score it although the stage is closed — and then `settleCorrection`.
   * A closed stage with nothing to judge (no rubric) is passed through.
   */
  private async advanceCorrected(
    tx: EntityManager,
    competitionId: string,
    innovationId: string,
    next: { plan: StagePlan; state: { status: string } },
    objectionId: string,
  ): Promise<void> {
    await this.innovationRows.setCurrentStage(tx, [innovationId], next.plan.key);
    if (next.state.status !== 'closed') return;
    if (isScoredStage(next.plan)) return this.repo.enterCorrection(tx, competitionId, next.plan.key, innovationId, objectionId);
    const stages = await this.competitions.stagePlans(tx, competitionId);
    const after = stages[stages.findIndex((st) => st.plan.key === next.plan.key) + 1];
    if (after) await this.advanceCorrected(tx, competitionId, innovationId, after, objectionId);
  }

  /**
   * Settles a correction entrant's closed stage once its jurors submitted: its stage score as the ranking computes
   * it, and the stage's advance rule applied as if it had been judged in time — among the stage's contenders, whose
   * own decisions stand — so it passes (and moves on, entering the next closed stage the same way) or is eliminated.
   * Its OPD hears the outcome. Runs in the caller's transaction (which holds the competition row); null when the
   * innovation has no pending correction of this objection in that stage.
   */
  async settleCorrection(
    tx: EntityManager,
    actor: Actor,
    competition: { id: string; plan: CompetitionPlan },
    innovationId: string,
    stageKey: string,
    objectionId: string,
    now = new Date(),
  ): Promise<{ outcome: 'passed' | 'eliminated'; score: number; rank: number | null; next: string | null } | null> {
    const stages = await this.competitions.stagePlans(tx, competition.id);
    const index = stages.findIndex((st) => st.plan.key === stageKey);
    const result = index < 0 ? null : await this.repo.result(innovationId, stageKey, tx);
    if (!result || result.status !== 'pending' || result.correctionOf !== objectionId) return null;
    const stage = stages[index];
    const next = stages[index + 1] ?? null;
    const { innovation } = await this.innovations.relate(actor, innovationId, tx, true);
    const open = (await this.repo.openSheets(competition.id, stageKey, tx)).filter((sh) => sh.innovationId === innovationId);
    if (open.length)
      throw new Conflict(
        'CORRECTION_SHEETS_OPEN',
        `${open.length} score sheet(s) of "${innovation.title}" in stage "${stageKey}" are not submitted: ${open.map((sh) => sh.jurorName).join(', ')}`,
        { stage: stageKey, open },
      );
    const contenders = (
      await this.repo.scoringProfiles(
        (await this.repo.results(competition.id, stageKey, tx)).map((r) => r.innovationId),
        tx,
      )
    ).filter((i) => i.status === 'submitted' || i.status === 'eliminated');
    const scores = await this.stageScoreMap(tx, competition.id, competition.plan, stage.plan, contenders);
    const score = scores.get(innovationId) ?? null;
    if (score === null)
      throw new Conflict(
        'CORRECTION_NOT_SCORED',
        `"${innovation.title}" has no submitted score sheet in stage "${stageKey}": assign jurors to it there first`,
        { stage: stageKey, innovationId },
      );
    const rule = stage.plan.advance;
    const decided =
      rule && rule.type !== 'all'
        ? applyAdvanceRule(
            contenders.map((i) => ({ id: i.id, category: i.category, score: scores.get(i.id) ?? null })),
            rule,
          ).find((d) => d.id === innovationId)!
        : null;
    const outcome = decided?.outcome ?? 'passed';
    const reason = decided ? coded(decided.reasonCode, decided.reasonParams) : coded('STAGE_SCORED', { score });
    Object.assign(result, {
      status: outcome,
      score,
      rank: decided?.rank ?? null,
      ...reasonColumns(reason),
      decidedBy: actor.id,
      decidedAt: now,
      correctionOf: null,
    });
    await this.repo.saveResult(tx, result);
    if (outcome === 'passed') {
      await this.innovationRows.addHistory(tx, [
        {
          innovationId,
          fromStatus: 'pending',
          toStatus: 'passed',
          stage: stageKey,
          actorId: actor.id,
          actorRole: actor.role,
          ...reasonColumns(reason),
        },
      ]);
      if (next) await this.advanceCorrected(tx, competition.id, innovationId, next, objectionId);
    } else {
      assertTransition(innovation.status, 'eliminated', 'system');
      await this.innovations.moveMany(tx, actor, [innovation], 'eliminated', new Map([[innovationId, reason]]), stageKey);
    }
    await this.events.stageClosed(tx, competition.id, stageKey, [{ innovationId, title: innovation.title, outcome }]);
    return { outcome, score, rank: decided?.rank ?? null, next: outcome === 'passed' ? (next?.plan.key ?? null) : null };
  }

  /**
   * What each objection's corrections wait for, per stage: a screening decision reopened for the screener
   * (`screening`), an innovation reinstated into a closed stage to be judged and settled (`entrant`), or sheets
   * reopened for their jurors (`sheets`, how many are not submitted again).
   */
  async corrections(
    plan: CompetitionPlan,
    objectionIds: readonly string[],
  ): Promise<Map<string, { stage: string; kind: 'screening' | 'entrant' | 'sheets'; open: number }[]>> {
    const byObjection = new Map<string, { stage: string; kind: 'screening' | 'entrant' | 'sheets'; open: number }[]>();
    for (const c of await this.repo.correctionsOf(objectionIds)) {
      const kind =
        c.kind === 'sheets' ? 'sheets' : plan.stages.find((st) => st.key === c.stage)?.kind === 'screening' ? 'screening' : 'entrant';
      byObjection.set(c.objectionId, [...(byObjection.get(c.objectionId) ?? []), { stage: c.stage, kind, open: c.open }]);
    }
    return byObjection;
  }

  /**
   * After a correction (sheets rescored, an entrant judged late) the stored stage scores follow the ranking's numbers
   * — z-scores move when sheets join a juror's statistics — so an OPD still reads one number per stage. Only stages
   * with a sheet submitted after they closed are touched; outcomes already decided stand.
   */
  async followCorrectedStageScores(
    tx: EntityManager,
    competition: { id: string; stages: readonly { key: string; closedAt: Date | string | null }[] },
    input: Parameters<typeof stageScores>[0],
  ): Promise<number> {
    const closed = competition.stages.flatMap((st) => (st.closedAt ? [{ key: st.key, closedAt: new Date(st.closedAt) }] : []));
    const rescored = await this.repo.stagesRescoredAfterClose(competition.id, closed, tx);
    if (!rescored.length) return 0;
    return this.repo.recordStageScores(
      tx,
      competition.id,
      stageScores(input).flatMap((r) =>
        rescored.flatMap((key) =>
          typeof r.stages[key] === 'number' ? [{ innovationId: r.submission, stageKey: key, score: r.stages[key] }] : [],
        ),
      ),
    );
  }

  /** One screening decision, in the innovation's competition. */
  async screenOne(
    actor: Actor,
    innovationId: string,
    decision: Omit<ScreeningDecision, 'innovationId'>,
  ): Promise<{ passed: number; failed: number }> {
    const { innovation } = await this.innovations.relate(actor, innovationId);
    return this.screen(actor, innovation.competitionId, [{ ...decision, innovationId }]);
  }

  /** The innovation's outcome per stage; scores stay hidden from its OPD until the results are published. */
  async stageResults(actor: Actor, innovationId: string, locale: ErrorLocale = 'id') {
    const { innovation, relation } = await this.innovations.relate(actor, innovationId);
    const competition = await this.competitions.snapshot(innovation.competitionId);
    const showScores = relation === 'organizer' || competition.status === 'published' || competition.status === 'archived';
    if (relation === 'reader') return [];
    return (await this.repo.resultsOf(innovationId)).map((r) => ({
      stage: r.stageKey,
      status: r.status,
      reason: storedReasonText(r, locale),
      reasonCode: r.reasonCode,
      reasonParams: r.reasonParams,
      decidedAt: r.decidedAt,
      score: showScores ? r.score : null,
      rank: showScores ? r.rank : null,
      checklist: (r.details as { checklist?: Record<string, boolean> } | null)?.checklist ?? null,
    }));
  }
}
