import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Conflict, NotFound, ValidationFailed, type Actor } from '@app/common';
import { AuditService } from '@app/audit';
import { UsersService } from '@app/identity';
import { CompetitionsRepository, type CompetitionListFilter } from './persistence/competitions.repository';
import { CompetitionEntity, CompetitionStageEntity } from './persistence/competition.entity';
import {
  assertCompetitionTransition,
  CompetitionErrorCode,
  assertPlanChangeAllowed,
  assertValidPlan,
  defaultTemplate,
  regionAwardTemplate,
  type CompetitionPlan,
  type CompetitionStatus,
  type StagePlan,
  type WindowChange,
} from './domain';
import type { AuditQueryDto, CompetitionView, CreateCompetitionDto, OrganizerView, UpdateCompetitionDto } from './dto/competition.dto';

/** A competition as other contexts need it: its plan and where its stages stand. */
export interface CompetitionSnapshot {
  id: string;
  slug: string;
  name: string;
  year: number;
  status: CompetitionStatus;
  plan: CompetitionPlan;
  stages: CompetitionStageEntity[];
}

/** Organizers see the competitions they run, admins all, everyone else the ones past draft. */
function listFilter(actor: Actor, status?: CompetitionStatus): CompetitionListFilter {
  return {
    status,
    memberId: actor.role === 'organizer' ? actor.id : undefined,
    excludeDraft: actor.role !== 'organizer' && actor.role !== 'admin',
  };
}

export function toCompetitionView(c: CompetitionEntity, stages: CompetitionStageEntity[]): CompetitionView {
  return {
    id: c.id,
    slug: c.slug,
    name: c.name,
    year: c.year,
    description: c.description,
    status: c.status,
    plan: c.plan as CompetitionView['plan'],
    stages: stages.map((s) => ({ key: s.key, status: s.status, openedAt: s.openedAt, closedAt: s.closedAt })),
    createdAt: c.createdAt,
  };
}

/** The deadline for submissions: the submission stage's close. */
export function submissionDeadline(plan: CompetitionPlan): Date | null {
  const stage = plan.stages.find((s) => s.kind === 'submission');
  return stage?.closesAt ? new Date(stage.closesAt) : null;
}

/** Another context's work when stage windows move (judging: reschedule the scoring reminders), in the same transaction. */
export type WindowsMovedListener = (tx: EntityManager, competitionId: string, changes: WindowChange[]) => Promise<void>;

@Injectable()
export class CompetitionsService {
  private readonly windowListeners: WindowsMovedListener[] = [];

  /** Registered by the contexts that schedule work against stage windows. */
  onWindowsMoved(listener: WindowsMovedListener): void {
    this.windowListeners.push(listener);
  }

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: CompetitionsRepository,
    private readonly audit: AuditService,
    private readonly users: UsersService,
  ) {}

  /** Organizers see the competitions they run, admins all, everyone else the ones past draft. */
  async list(actor: Actor, status?: CompetitionStatus): Promise<CompetitionView[]> {
    const rows = await this.repo.list(listFilter(actor, status));
    const stages = await this.repo.stagesOf(rows.map((r) => r.id));
    return rows.map((c) =>
      toCompetitionView(
        c,
        stages.filter((s) => s.competitionId === c.id),
      ),
    );
  }

  async get(actor: Actor, id: string): Promise<CompetitionView> {
    const c = await this.visible(actor, id);
    return toCompetitionView(c, await this.repo.stages(c.id));
  }

  /**
   * `get` as JSON text made by PostgreSQL (one prepared statement, the read check in it): what the route sends.
   * The same body as `get` once serialized (test/competitions-json.e2e-spec.ts compares them).
   */
  async getJson(actor: Actor, id: string): Promise<Buffer> {
    const row = await this.repo.viewJson(id, actor.id);
    const ok = row && (actor.role === 'admin' || (actor.role === 'organizer' ? row.organizer : row.status !== 'draft'));
    if (!ok) throw new NotFound('COMPETITION_NOT_FOUND', `competition ${id} not found`);
    return row.json;
  }

  /** The competition if the actor may see it; 404 otherwise (also for another organizer's competition). */
  async visible(actor: Actor, id: string, tx?: EntityManager): Promise<CompetitionEntity> {
    const c = await this.repo.findById(id, tx);
    const ok =
      c && (actor.role === 'admin' || (actor.role === 'organizer' ? await this.repo.isOrganizer(id, actor.id, tx) : c.status !== 'draft'));
    if (!ok) throw new NotFound('COMPETITION_NOT_FOUND', `competition ${id} not found`);
    return c;
  }

  /** 404 unless the actor runs this competition (an admin, or one of its organizers). */
  async assertManages(actor: Actor, competitionId: string, tx?: EntityManager): Promise<void> {
    if (actor.role === 'admin') {
      if (!(await this.repo.findById(competitionId, tx)))
        throw new NotFound('COMPETITION_NOT_FOUND', `competition ${competitionId} not found`);
      return;
    }
    if (actor.role !== 'organizer' || !(await this.repo.isOrganizer(competitionId, actor.id, tx)))
      throw new NotFound('COMPETITION_NOT_FOUND', `competition ${competitionId} not found`);
  }

  /** Locks the competition row for a command that changes it or depends on its state. */
  async lockManaged(actor: Actor, tx: EntityManager, id: string): Promise<CompetitionEntity> {
    await this.assertManages(actor, id, tx);
    return (await this.repo.lock(tx, id))!;
  }

  /**
   * The snapshot, with the competition row share-locked until `tx` ends: a stage cannot open or close under
   * a command that checked its status (a juror's submit, a reopen), and such commands do not block each other.
   */
  async holdSnapshot(tx: EntityManager, id: string): Promise<CompetitionSnapshot> {
    const c = await this.repo.lockShared(tx, id);
    if (!c) throw new NotFound('COMPETITION_NOT_FOUND', `competition ${id} not found`);
    return { id: c.id, slug: c.slug, name: c.name, year: c.year, status: c.status, plan: c.plan, stages: await this.repo.stages(id, tx) };
  }

  async snapshot(id: string, tx?: EntityManager): Promise<CompetitionSnapshot> {
    const c = await this.repo.findById(id, tx);
    if (!c) throw new NotFound('COMPETITION_NOT_FOUND', `competition ${id} not found`);
    return { id: c.id, slug: c.slug, name: c.name, year: c.year, status: c.status, plan: c.plan, stages: await this.repo.stages(id, tx) };
  }

  async lockSnapshot(tx: EntityManager, id: string): Promise<CompetitionSnapshot> {
    const c = await this.repo.lock(tx, id);
    if (!c) throw new NotFound('COMPETITION_NOT_FOUND', `competition ${id} not found`);
    return { id: c.id, slug: c.slug, name: c.name, year: c.year, status: c.status, plan: c.plan, stages: await this.repo.stages(id, tx) };
  }

  bySlug(slug: string): Promise<CompetitionEntity | null> {
    return this.repo.findBySlug(slug);
  }

  organizerIds(competitionId: string, tx?: EntityManager): Promise<string[]> {
    return this.repo.organizerIds(competitionId, tx);
  }

  async create(actor: Actor, dto: CreateCompetitionDto): Promise<CompetitionView> {
    if (dto.template === 'iga-region-award' && !dto.plan && !dto.indexSnapshotId)
      throw new ValidationFailed(
        [{ field: 'indexSnapshotId', message: 'the IGA region award template nominates from a published index snapshot: give its id' }],
        'COMPETITION_PLAN_INVALID',
      );
    const plan: CompetitionPlan | undefined = dto.plan
      ? (structuredClone(dto.plan) as CompetitionPlan)
      : dto.template === 'iga-region-award'
        ? regionAwardTemplate(dto.year, dto.indexSnapshotId!)
        : dto.template
          ? defaultTemplate(dto.year)
          : undefined;
    if (!plan)
      throw new ValidationFailed(
        [{ field: 'plan', message: 'give a plan, or template "iga-kipp" to start from the IGA/KIPP-style plan' }],
        'COMPETITION_PLAN_INVALID',
      );
    assertValidPlan(plan);
    return this.db.transaction(async (tx) => {
      if (await this.repo.findBySlug(dto.slug, tx))
        throw new Conflict('COMPETITION_SLUG_TAKEN', `a competition with slug "${dto.slug}" already exists`, { field: 'slug' });
      const c = await this.repo.insert(tx, {
        slug: dto.slug,
        name: dto.name.trim(),
        year: dto.year,
        description: dto.description ?? null,
        plan,
        createdBy: actor.id,
      });
      if (actor.role === 'organizer') await this.repo.addOrganizer(tx, c.id, actor.id);
      await this.repo.syncStages(tx, c.id, plan);
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'competition.create',
        entityType: 'competition',
        entityId: c.id,
        competitionId: c.id,
        after: { slug: c.slug, name: c.name, year: c.year, template: dto.template ?? null },
      });
      return toCompetitionView(c, await this.repo.stages(c.id, tx));
    });
  }

  /**
   * Changes name, description or plan. A frozen plan (judging onwards) accepts only moved stage windows;
   * every moved deadline is audited with the reason given.
   */
  async update(actor: Actor, id: string, dto: UpdateCompetitionDto): Promise<CompetitionView> {
    return this.db.transaction(async (tx) => {
      const c = await this.lockManaged(actor, tx, id);
      const before = { name: c.name, description: c.description };
      let moved: WindowChange[] = [];
      if (dto.name !== undefined) c.name = dto.name.trim();
      if (dto.description !== undefined) c.description = dto.description;
      if (dto.plan) {
        const next = structuredClone(dto.plan) as CompetitionPlan;
        const states = await this.repo.stages(id, tx);
        // Later stages are held to when a closed stage really closed, not to its planned close.
        assertValidPlan(next, {
          closedAt: Object.fromEntries(
            states.filter((st) => st.status === 'closed' && st.closedAt).map((st) => [st.key, st.closedAt!.toISOString()]),
          ),
        });
        const windowChanges = assertPlanChangeAllowed(c.status, c.plan, next);
        const closedMoved = windowChanges.filter((w) => states.find((st) => st.key === w.stage)?.status === 'closed');
        if (closedMoved.length)
          throw new Conflict(
            CompetitionErrorCode.StageClosedWindow,
            `stage ${[...new Set(closedMoved.map((w) => w.stage))].join(', ')} is closed: its window is history and is not rewritten (move the later stages instead)`,
            { stages: closedMoved.map((w) => w.stage) },
          );
        if (windowChanges.length && c.status !== 'draft' && !dto.reason?.trim())
          throw new ValidationFailed(
            [
              {
                field: 'reason',
                message: `moving a stage window of an edition in "${c.status}" needs a reason (it is audited and shown with the change)`,
              },
            ],
            CompetitionErrorCode.ReasonRequired,
          );
        const stages = await this.repo.stages(id, tx);
        const removedActive = stages.filter((s) => s.status !== 'scheduled' && !next.stages.some((p) => p.key === s.key));
        if (removedActive.length)
          throw new Conflict(
            'COMPETITION_STAGE_IN_USE',
            `stage ${removedActive.map((s) => s.key).join(', ')} has already opened and cannot be removed`,
          );
        const order = (p: CompetitionPlan) =>
          p.stages.map((s) => s.key).filter((k) => stages.find((s) => s.key === k)?.status !== 'scheduled');
        if (order(c.plan).join() !== order(next).join())
          throw new Conflict('COMPETITION_STAGE_IN_USE', 'stages that have already opened cannot be reordered');
        for (const w of windowChanges) {
          await this.audit.record(tx, {
            actorId: actor.id,
            action: 'competition.deadline_moved',
            entityType: 'competition',
            entityId: id,
            competitionId: id,
            before: { stage: w.stage, [w.field]: w.from },
            after: { stage: w.stage, [w.field]: w.to },
            reason: dto.reason ?? null,
          });
        }
        c.plan = next;
        await this.repo.syncStages(tx, id, next);
        moved = windowChanges;
      }
      const saved = await this.repo.save(tx, c);
      if (moved.length) for (const listener of this.windowListeners) await listener(tx, id, moved);
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'competition.update',
        entityType: 'competition',
        entityId: id,
        competitionId: id,
        before,
        after: { name: saved.name, description: saved.description, planChanged: !!dto.plan },
        reason: dto.reason ?? null,
      });
      return toCompetitionView(saved, await this.repo.stages(id, tx));
    });
  }

  /**
   * draft → open: submissions start (the submission stage opens). With the coordinator step, the answer warns
   * of the regions whose proposals would wait for a coordinator they do not have (organizers step in for them).
   */
  async open(actor: Actor, id: string): Promise<CompetitionView> {
    let uncovered: { id: string; name: string; kind: string }[] = [];
    const view = await this.transition(actor, id, 'open', async (tx, c) => {
      const first = (await this.repo.stages(id, tx))[0];
      if (first && first.status === 'scheduled') {
        first.status = 'open';
        first.openedAt = new Date();
        await this.repo.saveStage(tx, first);
      }
      if (c.plan.requireCoordinator) {
        uncovered = await this.users.regionsWithoutCoordinator(tx);
        if (uncovered.length)
          await this.audit.record(tx, {
            actorId: actor.id,
            action: 'competition.regions_without_coordinator',
            entityType: 'competition',
            entityId: id,
            competitionId: id,
            after: { regions: uncovered.map((r) => r.id) },
          });
      }
    });
    if (uncovered.length)
      view.warnings = [
        {
          code: CompetitionErrorCode.RegionsWithoutCoordinator,
          message: {
            id: `${uncovered.length} wilayah belum memiliki koordinator aktif; proposal dari wilayah tersebut menunggu sampai panitia meneruskan atau mengembalikannya atas nama koordinator.`,
            en: `${uncovered.length} region(s) have no active coordinator; their proposals wait until an organizer forwards or returns them on the coordinator's behalf.`,
          },
          regions: uncovered,
        },
      ];
    return view;
  }

  archive(actor: Actor, id: string): Promise<CompetitionView> {
    return this.transition(actor, id, 'archived');
  }

  /** Moves the competition's status inside the caller's transaction (used by stage close and publish). */
  async setStatus(tx: EntityManager, actorId: string | null, c: CompetitionEntity, to: CompetitionStatus, reason?: string): Promise<void> {
    if (c.status === to) return;
    assertCompetitionTransition(c.status, to);
    const from = c.status;
    c.status = to;
    await this.repo.save(tx, c);
    await this.audit.record(tx, {
      actorId,
      action: `competition.${to}`,
      entityType: 'competition',
      entityId: c.id,
      competitionId: c.id,
      before: { status: from },
      after: { status: to },
      reason: reason ?? null,
    });
  }

  private async transition(
    actor: Actor,
    id: string,
    to: CompetitionStatus,
    also?: (tx: EntityManager, c: CompetitionEntity) => Promise<void>,
  ): Promise<CompetitionView> {
    return this.db.transaction(async (tx) => {
      const c = await this.lockManaged(actor, tx, id);
      await this.setStatus(tx, actor.id, c, to);
      await also?.(tx, c);
      return toCompetitionView(c, await this.repo.stages(id, tx));
    });
  }

  /**
   * Adds an existing, active organizer account to the edition's organizers (an admin or one of its organizers
   * does it; audited). 400 naming `userId` for anyone else, 409 when already one.
   */
  async addOrganizer(actor: Actor, id: string, userId: string): Promise<OrganizerView[]> {
    return this.db.transaction(async (tx) => {
      await this.lockManaged(actor, tx, id);
      const [user] = await this.users.findByIds([userId], tx);
      if (!user || user.role !== 'organizer' || !user.active)
        throw new ValidationFailed(
          [{ field: 'userId', message: 'must be an existing, active organizer account' }],
          CompetitionErrorCode.OrganizerInvalid,
        );
      if (await this.repo.isOrganizer(id, userId, tx))
        throw new Conflict(CompetitionErrorCode.OrganizerExists, `${user.name} already organizes this edition`, { userId });
      await this.repo.addOrganizer(tx, id, userId);
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'competition.organizer_add',
        entityType: 'competition',
        entityId: id,
        competitionId: id,
        after: { userId, name: user.name, email: user.email },
      });
      const ids = await this.repo.organizerIds(id, tx);
      return (await this.users.findByIds(ids, tx))
        .map((u) => ({ id: u.id, name: u.name, email: u.email }))
        .sort((a, b) => a.name.localeCompare(b.name));
    });
  }

  /** A page of the edition's audit trail, newest first: for its organizers (and admins). */
  async auditTrail(actor: Actor, id: string, q: AuditQueryDto) {
    await this.assertManages(actor, id);
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 50;
    const { items, total } = await this.audit.page(
      id,
      {
        entity: q.entity,
        actorId: q.actor,
        action: q.action,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
      },
      page,
      pageSize,
    );
    return { items, total, page, pageSize };
  }

  /** Stage rows with their plan, for the pipeline. */
  async stagePlans(tx: EntityManager, competitionId: string): Promise<{ plan: StagePlan; state: CompetitionStageEntity }[]> {
    const c = await this.repo.findById(competitionId, tx);
    if (!c) throw new NotFound('COMPETITION_NOT_FOUND', `competition ${competitionId} not found`);
    const states = await this.repo.stages(competitionId, tx);
    return c.plan.stages.map((plan) => ({ plan, state: states.find((s) => s.key === plan.key)! }));
  }

  saveStage(tx: EntityManager, stage: CompetitionStageEntity): Promise<void> {
    return this.repo.saveStage(tx, stage);
  }
}
