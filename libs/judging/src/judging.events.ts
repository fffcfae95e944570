import { Injectable } from '@nestjs/common';
import type { LocalizedText } from '@app/common';
import { EntityManager } from 'typeorm';
import { CompetitionsService, type CompetitionSnapshot } from '@app/competitions';
import { UsersService } from '@app/identity';
import { eventKey, OutboxService } from '@app/notifications';
import { InnovationsService, type InnovationEntity } from '@app/submissions';
import type { AssignmentEntity, FieldVisitEntity, PresentationSlotEntity } from './persistence/judging.entities';
import { JudgingRepository } from './persistence/judging.repository';

/** Reminders before a scoring deadline, in hours. */
export const REMINDER_HOURS = [48, 2] as const;
/** The guard that drops a reminder whose sheet was submitted meanwhile (registered by JudgingGuards). */
export const SHEET_UNSUBMITTED_GUARD = 'judging.sheet-unsubmitted';

/**
 * What the jury and pipeline tell jurors and OPDs, written to the outbox in the caller's transaction
 * (DESIGN §5): the notification exists exactly when the change commits.
 */
@Injectable()
export class JudgingEvents {
  constructor(
    private readonly outbox: OutboxService,
    private readonly users: UsersService,
    private readonly competitions: CompetitionsService,
    private readonly innovations: InnovationsService,
    private readonly repo: JudgingRepository,
  ) {}

  /** The stage's label in both languages: each recipient reads it in their own. */
  stageLabel(c: Pick<CompetitionSnapshot, 'plan'>, key: string): LocalizedText | string {
    return c.plan.stages.find((s) => s.key === key)?.label ?? key;
  }

  private async competition(
    tx: EntityManager,
    id: string,
  ): Promise<{ name: string; plan: CompetitionSnapshot['plan']; status: Map<string, string> }> {
    const c = await this.competitions.snapshot(id, tx);
    return { name: c.name, plan: c.plan, status: new Map(c.stages.map((s) => [s.key, s.status])) };
  }

  /** Innovation titles by id, through the submissions context. */
  private async titles(tx: EntityManager, ids: string[]): Promise<Map<string, string>> {
    return new Map([...(await this.innovations.identities(ids, tx))].map(([id, i]) => [id, i.title]));
  }

  private async opdsOf(tx: EntityManager, innovations: Pick<InnovationEntity, 'organizationId'>[]): Promise<Map<string, string[]>> {
    return this.users.opdUsersOf([...new Set(innovations.map((i) => i.organizationId))], tx);
  }

  /** One notification per assignment; reminders too when the stage is already open. */
  async jurorsAssigned(
    tx: EntityManager,
    competition: CompetitionSnapshot,
    stageKey: string,
    assignments: AssignmentEntity[],
  ): Promise<void> {
    if (!assignments.length) return;
    const dueAt = competition.plan.stages.find((s) => s.key === stageKey)?.closesAt ?? undefined;
    const titles = await this.titles(
      tx,
      assignments.map((a) => a.innovationId),
    );
    await this.outbox.notifyMany(
      tx,
      assignments.map((a) => ({
        type: 'juror_assigned' as const,
        recipients: [a.jurorId],
        payload: {
          competition: competition.name,
          innovation: titles.get(a.innovationId) ?? '',
          stage: this.stageLabel(competition, stageKey),
          assignmentId: a.id,
          ...(dueAt ? { dueAt } : {}),
        },
        dedupeKey: eventKey('juror_assigned', a.id),
        competitionId: competition.id,
      })),
    );
    if (competition.stages.find((s) => s.key === stageKey)?.status === 'open')
      await this.scheduleReminders(tx, competition.id, stageKey, assignments, titles);
  }

  /** Reminders 48 h and 2 h before the stage's deadline, dropped at delivery if the sheet is submitted. */
  private async scheduleReminders(
    tx: EntityManager,
    competitionId: string,
    stageKey: string,
    assignments: AssignmentEntity[],
    titles: Map<string, string>,
    now = new Date(),
  ): Promise<void> {
    const c = await this.competition(tx, competitionId);
    const closesAt = c.plan.stages.find((s) => s.key === stageKey)?.closesAt;
    if (!closesAt) return;
    const due = new Date(closesAt);
    await this.outbox.notifyMany(
      tx,
      assignments.flatMap((a) =>
        REMINDER_HOURS.map((hours) => ({ hours, at: new Date(due.getTime() - hours * 3600_000) }))
          .filter(({ at }) => at > now)
          .map(({ hours, at }) => ({
            type: 'scoring_reminder' as const,
            recipients: [a.jurorId],
            payload: {
              competition: c.name,
              innovation: titles.get(a.innovationId) ?? '',
              stage: this.stageLabel(c, stageKey),
              assignmentId: a.id,
              dueAt: closesAt,
            },
            dedupeKey: eventKey('scoring_reminder', a.id, `${hours}h`, due.getTime()),
            competitionId,
            availableAt: at,
            guard: SHEET_UNSUBMITTED_GUARD,
          })),
      ),
    );
  }

  /**
   * After the stage's deadline moved: pending reminders for another deadline are cancelled (kept as sent with
   * a note, so the outbox shows why), and the active assignments get reminders before the new one when the
   * stage is open. Reminders of removed assignments are cancelled too (the delivery guard drops any left).
   */
  async rescheduleReminders(tx: EntityManager, competitionId: string, stageKey: string, now = new Date()): Promise<void> {
    const c = await this.competition(tx, competitionId);
    const closesAt = c.plan.stages.find((s) => s.key === stageKey)?.closesAt ?? null;
    await this.outbox.skipScoringReminders(
      tx,
      competitionId,
      await this.repo.stageAssignmentIds(competitionId, stageKey, tx),
      closesAt,
      now,
    );
    if (c.status.get(stageKey) !== 'open' || !closesAt) return;
    const assignments = await this.repo.activeAssignments(competitionId, stageKey, tx);
    const titles = await this.titles(
      tx,
      assignments.map((a) => a.innovationId),
    );
    await this.scheduleReminders(tx, competitionId, stageKey, assignments, titles, now);
  }

  /** Jurors of the stage hear it is open (with reminders scheduled); OPDs of the entrants too. */
  async stageOpened(
    tx: EntityManager,
    competitionId: string,
    stageKey: string,
    entrants: Pick<InnovationEntity, 'id' | 'organizationId' | 'title'>[],
  ): Promise<void> {
    const c = await this.competition(tx, competitionId);
    const assignments = await this.repo.activeAssignments(competitionId, stageKey, tx);
    const opds = await this.opdsOf(tx, entrants);
    const recipients = [...new Set([...assignments.map((a) => a.jurorId), ...[...opds.values()].flat()])];
    const closesAt = c.plan.stages.find((s) => s.key === stageKey)?.closesAt;
    await this.outbox.notify(tx, {
      type: 'stage_opened',
      recipients,
      payload: { competition: c.name, competitionId, stage: this.stageLabel(c, stageKey), ...(closesAt ? { closesAt } : {}) },
      dedupeKey: eventKey('stage_opened', competitionId, stageKey),
      competitionId,
    });
    const titles = new Map(entrants.map((i) => [i.id, i.title]));
    await this.scheduleReminders(tx, competitionId, stageKey, assignments, titles);
  }

  /** Each juror whose sheet an organizer reopened hears why, with the deadline when the stage is still open. */
  async sheetsReopened(
    tx: EntityManager,
    competition: CompetitionSnapshot,
    reopened: { assignment: AssignmentEntity; version: number }[],
    reason: string,
  ): Promise<void> {
    if (!reopened.length) return;
    const titles = await this.titles(
      tx,
      reopened.map((r) => r.assignment.innovationId),
    );
    await this.outbox.notifyMany(
      tx,
      reopened.map(({ assignment: a, version }) => {
        const stage = competition.plan.stages.find((s) => s.key === a.stageKey);
        const open = competition.stages.find((s) => s.key === a.stageKey)?.status === 'open';
        return {
          type: 'sheet_reopened' as const,
          recipients: [a.jurorId],
          payload: {
            competition: competition.name,
            innovation: titles.get(a.innovationId) ?? '',
            stage: this.stageLabel(competition, a.stageKey),
            assignmentId: a.id,
            reason,
            ...(open && stage?.closesAt ? { dueAt: stage.closesAt } : {}),
          },
          dedupeKey: eventKey('sheet_reopened', a.id, version),
          competitionId: competition.id,
        };
      }),
    );
  }

  /** The competition's organizers hear of a declared conflict and of each assignment it released (to reassign). */
  async conflictDeclared(
    tx: EntityManager,
    competition: CompetitionSnapshot,
    innovation: Pick<InnovationEntity, 'id' | 'title'>,
    juror: { id: string; name: string },
    released: AssignmentEntity[],
    reason: string | null,
  ): Promise<void> {
    const organizers = await this.competitionOrganizers(tx, competition.id);
    const common = {
      competition: competition.name,
      competitionId: competition.id,
      innovation: innovation.title,
      juror: juror.name,
      ...(reason ? { reason } : {}),
    };
    const events = released.length
      ? released.map((a) => ({
          type: 'conflict_declared' as const,
          recipients: organizers,
          payload: { ...common, stage: this.stageLabel(competition, a.stageKey) },
          dedupeKey: eventKey('conflict_declared', a.id),
          competitionId: competition.id,
        }))
      : [
          {
            type: 'conflict_declared' as const,
            recipients: organizers,
            payload: common,
            dedupeKey: eventKey('conflict_declared', innovation.id, juror.id),
            competitionId: competition.id,
          },
        ];
    await this.outbox.notifyMany(tx, events);
  }

  private async competitionOrganizers(tx: EntityManager, competitionId: string): Promise<string[]> {
    return this.competitions.organizerIds(competitionId, tx);
  }

  async stageClosed(
    tx: EntityManager,
    competitionId: string,
    stageKey: string,
    decisions: { innovationId: string; title: string; outcome: 'passed' | 'eliminated' }[],
  ): Promise<void> {
    if (!decisions.length) return;
    const c = await this.competition(tx, competitionId);
    const innovations = await this.innovations.identities(
      decisions.map((d) => d.innovationId),
      tx,
    );
    const opds = await this.users.opdUsersOf([...new Set([...innovations.values()].map((i) => i.organizationId))], tx);
    const orgOf = new Map([...innovations].map(([id, i]) => [id, i.organizationId]));
    const last = c.plan.stages[c.plan.stages.length - 1]?.key === stageKey;
    await this.outbox.notifyMany(
      tx,
      decisions.map((d) => ({
        type: 'stage_closed' as const,
        recipients: opds.get(orgOf.get(d.innovationId)!) ?? [],
        payload: {
          competition: c.name,
          competitionId,
          stage: this.stageLabel(c, stageKey),
          innovation: d.title,
          outcome: last ? 'completed' : d.outcome === 'passed' ? 'advanced' : 'eliminated',
        },
        dedupeKey: eventKey('stage_closed', competitionId, stageKey, d.innovationId),
        competitionId,
      })),
    );
  }

  async screeningDecided(
    tx: EntityManager,
    innovation: InnovationEntity,
    outcome: 'passed' | 'eliminated',
    reason: string,
    at = new Date(),
  ): Promise<void> {
    const c = await this.competition(tx, innovation.competitionId);
    const opds = await this.opdsOf(tx, [innovation]);
    await this.outbox.notify(tx, {
      type: 'screening_result',
      recipients: opds.get(innovation.organizationId) ?? [],
      payload: {
        competition: c.name,
        innovation: innovation.title,
        innovationId: innovation.id,
        decision: outcome === 'passed' ? 'pass' : 'fail',
        ...(reason ? { reason } : {}),
      },
      dedupeKey: eventKey('screening_result', innovation.id, at.getTime()),
      competitionId: innovation.competitionId,
    });
  }

  async presentationScheduled(
    tx: EntityManager,
    innovation: InnovationEntity,
    slot: PresentationSlotEntity,
    moved: boolean,
    previous?: Date,
  ): Promise<void> {
    const c = await this.competition(tx, innovation.competitionId);
    const opds = await this.opdsOf(tx, [innovation]);
    const recipients = [...slot.panel, ...(opds.get(innovation.organizationId) ?? [])];
    const place = [slot.location, slot.link].filter(Boolean).join(' · ');
    const common = {
      competition: c.name,
      innovation: innovation.title,
      innovationId: innovation.id,
      startsAt: slot.startsAt.toISOString(),
      ...(place ? { place } : {}),
    };
    await this.outbox.notify(
      tx,
      moved
        ? {
            type: 'presentation_moved',
            recipients,
            payload: { ...common, ...(previous ? { previousStartsAt: previous.toISOString() } : {}) },
            dedupeKey: eventKey('presentation_moved', slot.id),
            competitionId: innovation.competitionId,
          }
        : {
            type: 'presentation_scheduled',
            recipients,
            payload: common,
            dedupeKey: eventKey('presentation_scheduled', slot.id),
            competitionId: innovation.competitionId,
          },
    );
  }

  async fieldVisitScheduled(
    tx: EntityManager,
    innovation: InnovationEntity,
    visit: FieldVisitEntity,
    moved: boolean,
    previous?: Date,
  ): Promise<void> {
    const c = await this.competition(tx, innovation.competitionId);
    const opds = await this.opdsOf(tx, [innovation]);
    const recipients = [...visit.verifiers, ...(opds.get(innovation.organizationId) ?? [])];
    const common = {
      competition: c.name,
      innovation: innovation.title,
      innovationId: innovation.id,
      visitAt: visit.visitAt.toISOString(),
      address: visit.address,
    };
    await this.outbox.notify(
      tx,
      moved
        ? {
            type: 'field_visit_moved',
            recipients,
            payload: { ...common, ...(previous ? { previousVisitAt: previous.toISOString() } : {}) },
            dedupeKey: eventKey('field_visit_moved', visit.id),
            competitionId: innovation.competitionId,
          }
        : {
            type: 'field_visit_scheduled',
            recipients,
            payload: common,
            dedupeKey: eventKey('field_visit_scheduled', visit.id),
            competitionId: innovation.competitionId,
          },
    );
  }
}
