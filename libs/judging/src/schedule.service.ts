import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Conflict, Forbidden, ValidationFailed, type Actor, type LocalizedText } from '@app/common';
import { AuditService } from '@app/audit';
import { CompetitionsService, type StageKind, type StagePlan } from '@app/competitions';
import { AssignmentsService } from './assignments.service';
import {
  DocumentsService,
  InnovationEntity,
  InnovationsRepository,
  InnovationsService,
  toDocumentView,
  type InnovationRelation,
  type UploadedStream,
} from '@app/submissions';
import { JudgingRepository } from './persistence/judging.repository';
import { FieldVisitEntity, PresentationSlotEntity } from './persistence/judging.entities';
import { assertNoConflict } from './domain';
import { JudgingEvents } from './judging.events';
import type { FieldVisitDto, PresentationDto } from './dto/judging.dto';
import { transactionLock } from '@app/database';

/**
 * Blind judging: the jurors on a panel or a visit are named to the competition's organizers and to those
 * jurors themselves, never to the OPD, its coordinator or other jurors reading the dossier.
 */
function seesJurors(actor: Actor, relation: InnovationRelation, jurors: string[]): boolean {
  return relation === 'organizer' || (actor.role === 'juror' && jurors.includes(actor.id));
}

/** A slot starts in the future and lies inside the stage's window (when the plan gives one); the fields at fault. */
export function slotOutsideWindow(
  slot: { startsAt: Date; endsAt: Date },
  stage: Pick<StagePlan, 'opensAt' | 'closesAt'>,
  now: Date,
): { field: string; message: string }[] {
  const errors: { field: string; message: string }[] = [];
  if (slot.startsAt <= now) errors.push({ field: 'startsAt', message: `is in the past (now ${now.toISOString()})` });
  else if (stage.opensAt && slot.startsAt < new Date(stage.opensAt))
    errors.push({ field: 'startsAt', message: `is before the stage opens (${stage.opensAt})` });
  if (stage.closesAt && slot.endsAt > new Date(stage.closesAt))
    errors.push({ field: 'endsAt', message: `is after the stage closes (${stage.closesAt})` });
  return errors;
}

/**
 * What the verifier checks on a field visit: the field stage's own `checklist` when the plan gives one (the
 * findings), else its rubric's criteria and their guidance. Scores always follow the rubric, on the sheets.
 */
function visitChecklist(stage: StagePlan | undefined): { key: string; label: LocalizedText; guidance: LocalizedText }[] {
  if (!stage) return [];
  return stage.checklist?.length ? stage.checklist : stage.rubric;
}

/** Presentation slots and field verification visits. Changes keep history: the old row is superseded. */
@Injectable()
export class ScheduleService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly competitions: CompetitionsService,
    private readonly innovations: InnovationsService,
    private readonly innovationRows: InnovationsRepository,
    private readonly documents: DocumentsService,
    private readonly assignments: AssignmentsService,
    private readonly repo: JudgingRepository,
    private readonly events: JudgingEvents,
    private readonly audit: AuditService,
  ) {}

  /** The innovation, locked, if it is in the running at a stage of this kind. */
  private async atStage(actor: Actor, innovationId: string, kind: StageKind, tx: EntityManager): Promise<InnovationEntity> {
    const { innovation, relation } = await this.innovations.relate(actor, innovationId, tx, true);
    if (relation !== 'organizer') throw new Forbidden('AUTH_ROLE_FORBIDDEN', 'Only the competition’s organizers schedule this');
    const competition = await this.competitions.snapshot(innovation.competitionId, tx);
    const stage = competition.plan.stages.find((s) => s.key === innovation.currentStage);
    if (innovation.status !== 'submitted' || stage?.kind !== kind) {
      throw new Conflict(
        'SCHEDULE_WRONG_STAGE',
        `"${innovation.title}" is ${innovation.status} at stage ${innovation.currentStage ?? 'none'}, not in a ${kind.replace('_', ' ')} stage`,
        { status: innovation.status, stage: innovation.currentStage },
      );
    }
    return innovation;
  }

  /** Jurors named on a panel: each must be an active juror free of conflicts with the innovation. */
  private async checkJurors(tx: EntityManager, ids: string[], field: string, innovation: InnovationEntity): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    const jurors = new Map((await this.assignments.jurorProfiles(tx, unique)).map((j) => [j.id, j]));
    const missing = unique.filter((id) => !jurors.has(id));
    if (missing.length)
      throw new ValidationFailed(
        missing.map((id) => ({ field, message: `${id} is not an active juror` })),
        'SCHEDULE_INVALID',
      );
    for (const j of jurors.values())
      assertNoConflict(j, {
        id: innovation.id,
        organizationId: innovation.organizationId,
        regionId: innovation.regionId,
        provinceId: innovation.provinceId,
      });
    return new Map([...jurors].map(([id, j]) => [id, j.name]));
  }

  /** Schedules or moves a presentation; no juror sits in two overlapping slots (409 naming the clash). */
  async schedulePresentation(actor: Actor, innovationId: string, dto: PresentationDto, now = new Date()) {
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    if (!(startsAt < endsAt)) throw new ValidationFailed([{ field: 'endsAt', message: 'must be after startsAt' }], 'SCHEDULE_INVALID');
    if (!dto.location && !dto.link)
      throw new ValidationFailed([{ field: 'location', message: 'give a room (location) or a video link (link)' }], 'SCHEDULE_INVALID');
    return this.db.transaction(async (tx) => {
      // One scheduler at a time, so two overlapping slots cannot both pass the check.
      await transactionLock(tx, 'presentation-slots');
      const innovation = await this.atStage(actor, innovationId, 'presentation', tx);
      const competition = await this.competitions.snapshot(innovation.competitionId, tx);
      const stage = competition.plan.stages.find((st) => st.key === innovation.currentStage)!;
      const outside = slotOutsideWindow({ startsAt, endsAt }, stage, now);
      if (outside.length) throw new ValidationFailed(outside, 'SCHEDULE_OUTSIDE_WINDOW', 'The slot does not fit the stage');
      const names = await this.checkJurors(tx, dto.panel, 'panel', innovation);
      // The panel hears the presentation it scores: every member holds an assignment of this innovation at this stage.
      const assigned = new Set(
        (await this.repo.activeAssignments(innovation.competitionId, stage.key, tx))
          .filter((a) => a.innovationId === innovation.id)
          .map((a) => a.jurorId),
      );
      const unassigned = [...names].filter(([id]) => !assigned.has(id)).map(([jurorId, juror]) => ({ jurorId, juror }));
      if (unassigned.length) {
        throw new Conflict(
          'SCHEDULE_JUROR_NOT_ASSIGNED',
          `${unassigned.map((u) => u.juror).join(', ')} ${unassigned.length > 1 ? 'are' : 'is'} not assigned to score "${innovation.title}" at stage ${stage.key}; assign first, then schedule`,
          { names: unassigned.map((u) => u.juror), stage: stage.key, jurors: unassigned },
        );
      }
      const clashes = await this.repo.overlappingSlots(tx, [...names.keys()], startsAt, endsAt, innovation.id);
      if (clashes.length) {
        const titles = new Map(
          (await Promise.all(clashes.map((c) => this.innovationRows.findById(c.innovationId, tx)))).map((i) => [i!.id, i!.title]),
        );
        const details = clashes.flatMap((c) =>
          c.panel
            .filter((j) => names.has(j))
            .map((j) => ({
              jurorId: j,
              juror: names.get(j),
              innovation: titles.get(c.innovationId),
              startsAt: c.startsAt,
              endsAt: c.endsAt,
            })),
        );
        throw new Conflict(
          'SCHEDULE_JUROR_OVERLAP',
          details
            .map((d) => `${d.juror} already sits in the slot of "${d.innovation}" (${d.startsAt.toISOString()}–${d.endsAt.toISOString()})`)
            .join('; '),
          { clashes: details },
        );
      }
      const previous = await this.repo.currentSlot(innovation.id, tx);
      if (previous) await this.repo.supersede(tx, PresentationSlotEntity, previous.id, now);
      const slot = await this.repo.insertSlot(tx, {
        competitionId: innovation.competitionId,
        innovationId: innovation.id,
        startsAt,
        endsAt,
        location: dto.location ?? null,
        link: dto.link ?? null,
        panel: [...names.keys()],
        note: dto.note ?? null,
        createdBy: actor.id,
      });
      await this.audit.record(tx, {
        actorId: actor.id,
        action: previous ? 'presentation.move' : 'presentation.schedule',
        entityType: 'innovation',
        entityId: innovation.id,
        competitionId: innovation.competitionId,
        before: previous ? this.slotView(previous, true) : undefined,
        after: this.slotView(slot, true),
      });
      await this.events.presentationScheduled(tx, innovation, slot, !!previous, previous?.startsAt);
      return this.slotView(slot, true);
    });
  }

  private slotView(s: PresentationSlotEntity, withPanel: boolean) {
    return {
      id: s.id,
      innovationId: s.innovationId,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      location: s.location,
      link: s.link,
      note: s.note,
      ...(withPanel ? { panel: s.panel } : {}),
      supersededAt: s.supersededAt,
    };
  }

  /** The current slot and its earlier versions; the panel only for organizers and the slot's own panel. */
  async presentation(actor: Actor, innovationId: string) {
    const { relation } = await this.innovations.relate(actor, innovationId);
    const history = await this.repo.slotHistory(innovationId);
    const view = (s: PresentationSlotEntity) => this.slotView(s, seesJurors(actor, relation, s.panel));
    return { current: history.filter((s) => !s.supersededAt).map(view)[0] ?? null, history: history.map(view) };
  }

  async calendar(actor: Actor, competitionId: string) {
    await this.competitions.assertManages(actor, competitionId);
    return (await this.repo.slots(competitionId)).map((s) => this.slotView(s, true));
  }

  /**
   * Schedules, moves or records a field visit. Organizers do all of it; a verifier named on the visit
   * records the checklist and findings. The checklist is the field stage's plan checklist (else its rubric).
   */
  async recordFieldVisit(actor: Actor, innovationId: string, dto: FieldVisitDto, now = new Date()) {
    return this.db.transaction(async (tx) => {
      const { innovation, relation } = await this.innovations.relate(actor, innovationId, tx, true);
      const current = await this.repo.currentVisit(innovationId, tx);
      const asVerifier = relation === 'reader' && actor.role === 'juror' && !!current?.verifiers.includes(actor.id);
      if (relation !== 'organizer' && !asVerifier)
        throw new Forbidden('AUTH_ROLE_FORBIDDEN', 'Only organizers and the visit’s verifiers record field visits');
      if (relation === 'organizer') await this.atStage(actor, innovationId, 'field_verification', tx);
      const reschedules = dto.visitAt !== undefined || dto.address !== undefined || dto.verifiers !== undefined;
      if (asVerifier && reschedules)
        throw new Forbidden('AUTH_ROLE_FORBIDDEN', 'Verifiers record findings; the organizer schedules the visit');
      if (!current && (!dto.visitAt || !dto.address || !dto.verifiers?.length)) {
        throw new ValidationFailed(
          [
            !dto.visitAt && { field: 'visitAt', message: 'required to schedule the visit' },
            !dto.address && { field: 'address', message: 'required to schedule the visit' },
            !dto.verifiers?.length && { field: 'verifiers', message: 'name at least one verifier' },
          ].filter((x): x is { field: string; message: string } => !!x),
          'SCHEDULE_INVALID',
        );
      }
      const competition = await this.competitions.snapshot(innovation.competitionId, tx);
      const rubric = visitChecklist(competition.plan.stages.find((s) => s.key === innovation.currentStage));
      const keys = new Set(rubric.map((c) => c.key));
      const bad = (dto.checklist ?? []).flatMap((c, i) =>
        keys.has(c.key)
          ? []
          : [{ field: `checklist[${i}].key`, message: `not an item of this stage's checklist (${[...keys].join(', ')})` }],
      );
      if (bad.length) throw new ValidationFailed(bad, 'SCHEDULE_INVALID');
      if (dto.verifiers) await this.checkJurors(tx, dto.verifiers, 'verifiers', innovation);
      const answers = new Map((current?.checklist ?? []).map((c) => [c.key, c]));
      for (const c of dto.checklist ?? []) answers.set(c.key, { key: c.key, ok: c.ok ?? null, note: c.note ?? null });
      const next: Partial<FieldVisitEntity> = {
        competitionId: innovation.competitionId,
        innovationId,
        visitAt: dto.visitAt ? new Date(dto.visitAt) : current!.visitAt,
        address: dto.address ?? current!.address,
        verifiers: dto.verifiers ? [...new Set(dto.verifiers)] : current!.verifiers,
        checklist: rubric.map((c) => answers.get(c.key) ?? { key: c.key, ok: null, note: null }),
        findings: dto.findings ?? current?.findings ?? null,
        recordedBy: actor.id,
      };
      let saved: FieldVisitEntity;
      if (current && !reschedules) saved = await this.repo.saveVisit(tx, { ...current, ...next });
      else {
        if (current) await this.repo.supersede(tx, FieldVisitEntity, current.id, now);
        saved = await this.repo.saveVisit(tx, next);
        await this.events.fieldVisitScheduled(tx, innovation, saved, !!current, current?.visitAt);
      }
      await this.audit.record(tx, {
        actorId: actor.id,
        action: current ? (reschedules ? 'field_visit.move' : 'field_visit.record') : 'field_visit.schedule',
        entityType: 'innovation',
        entityId: innovationId,
        competitionId: innovation.competitionId,
        after: { visitAt: saved.visitAt, address: saved.address, verifiers: saved.verifiers, findings: saved.findings !== null },
      });
      return this.visitView(saved, true, rubric);
    });
  }

  /** The visit; who verifies and who recorded it (juror user ids) only with `withJurors` (blind judging). */
  private visitView(v: FieldVisitEntity, withJurors: boolean, rubric: { key: string; label: unknown; guidance: unknown }[] = []) {
    return {
      id: v.id,
      innovationId: v.innovationId,
      visitAt: v.visitAt,
      address: v.address,
      ...(withJurors ? { verifiers: v.verifiers } : {}),
      checklist: v.checklist.map((c) => ({
        ...c,
        label: rubric.find((r) => r.key === c.key)?.label ?? null,
        guidance: rubric.find((r) => r.key === c.key)?.guidance ?? null,
      })),
      findings: v.findings,
      ...(withJurors ? { recordedBy: v.recordedBy } : {}),
      updatedAt: v.updatedAt,
      supersededAt: v.supersededAt,
    };
  }

  /** The current visit and its earlier versions; verifiers only for organizers and the visit's own verifiers. */
  async fieldVisit(actor: Actor, innovationId: string) {
    const { innovation, relation } = await this.innovations.relate(actor, innovationId);
    const competition = await this.competitions.snapshot(innovation.competitionId);
    const rubric = visitChecklist(competition.plan.stages.find((s) => s.kind === 'field_verification'));
    const history = await this.repo.visitHistory(innovationId);
    const photos = (await this.documents.listFor(innovationId)).filter((d) => d.kind === 'field_photo');
    const withJurors = (v: FieldVisitEntity) => seesJurors(actor, relation, v.verifiers);
    return {
      current: history.filter((v) => !v.supersededAt).map((v) => this.visitView(v, withJurors(v), rubric))[0] ?? null,
      history: history.map((v) => this.visitView(v, withJurors(v))),
      photos,
    };
  }

  /** Photo evidence of the visit, stored like any document (kind field_photo), by an organizer or a verifier. */
  async addPhoto(actor: Actor, innovationId: string, upload: UploadedStream | undefined) {
    const { relation } = await this.innovations.relate(actor, innovationId);
    const visit = await this.repo.currentVisit(innovationId);
    // Who may add photos is decided before the visit's state, so that a juror who is no verifier learns nothing about it.
    if (relation !== 'organizer' && !(actor.role === 'juror' && visit?.verifiers.includes(actor.id)))
      throw new Forbidden('AUTH_ROLE_FORBIDDEN', 'Only organizers and the visit’s verifiers add photos');
    if (!visit) throw new Conflict('FIELD_VISIT_NOT_SCHEDULED', 'schedule the field visit before adding photos');
    const doc = await this.documents.receive(upload, async (tx, meta) => {
      const row = await this.innovationRows.insertDocument(tx, { ...meta, innovationId, kind: 'field_photo', uploadedBy: actor.id });
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'field_visit.photo',
        entityType: 'document',
        entityId: row.id,
        competitionId: visit.competitionId,
        after: { innovationId, sha256: row.sha256 },
      });
      return row;
    });
    return toDocumentView(doc);
  }
}
