import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Conflict,
  Forbidden,
  inScope,
  NotFound,
  organizationScope,
  pageJson,
  reasonColumns,
  storedReasonText,
  ValidationFailed,
  type Actor,
  type CodedReason,
  type ErrorLocale,
  KeptPages,
} from '@app/common';
import { AuditService } from '@app/audit';
import { CompetitionsService, categoryForRegionKind, submissionDeadline, type CompetitionPlan } from '@app/competitions';
import { DirectoryService } from '@app/directory';
import { UsersService } from '@app/identity';
import { eventKey, OutboxService } from '@app/notifications';
import { InnovationsRepository, type InnovationFilter } from './persistence/innovations.repository';
import { InnovationEntity } from './persistence/innovation.entity';
import { InnovationAccessRegistry } from './innovation-access';
import {
  assertComplete,
  assertEditable,
  assertEligible,
  assertSubmissionWindowOpen,
  assertTransition,
  checkWordLimits,
  submitTarget,
  SubmissionErrorCode,
  type InnovationStatus,
} from './domain';
import type { CreateInnovationDto, HistoryView, InnovationView, NoticeView, UpdateInnovationDto } from './dto/innovation.dto';

/** Told to the OPD whose proposal now waits for a coordinator its region does not have. */
const NO_COORDINATOR_NOTICE: NoticeView = {
  code: SubmissionErrorCode.NoCoordinator,
  message: {
    id: 'Wilayah Anda belum memiliki koordinator aktif. Panitia telah diberi tahu dan dapat meneruskan atau mengembalikan proposal ini atas nama koordinator.',
    en: 'Your region has no active coordinator yet. The organizer has been told and may forward or return this proposal on the coordinator’s behalf.',
  },
};

const PROFILE_KEYS = [
  'title',
  'summary',
  'phase',
  'digital',
  'governmentAffair',
  'startDate',
  'problem',
  'approach',
  'results',
  'replicability',
  'sustainability',
] as const;

export function toInnovationView(i: InnovationEntity, names: { organizationName?: string; regionName?: string } = {}): InnovationView {
  return {
    id: i.id,
    competitionId: i.competitionId,
    organizationId: i.organizationId,
    organizationName: names.organizationName,
    regionId: i.regionId,
    regionName: names.regionName,
    category: i.category,
    status: i.status,
    currentStage: i.currentStage,
    title: i.title,
    summary: i.summary,
    phase: i.phase,
    digital: i.digital,
    governmentAffair: i.governmentAffair,
    startDate: i.startDate,
    problem: i.problem,
    approach: i.approach,
    results: i.results,
    replicability: i.replicability,
    sustainability: i.sustainability,
    sections: i.sections ?? {},
    submittedAt: i.submittedAt,
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
    version: i.version,
  };
}

/** What an actor is to an innovation, decided once per request. */
export type InnovationRelation = 'owner' | 'coordinator' | 'organizer' | 'reader';

/** Pages one process keeps (KeptPages): the OPD's (`mineJson`, one per organization) and the organizers' list pages (`list`). */
const MY_EDITIONS_KEPT = 2_000;
const MY_EDITIONS_MAX_BYTES = 16 * 1024 * 1024;
const LIST_PAGES_KEPT = 1_000;
const LIST_PAGES_MAX_BYTES = 8 * 1024 * 1024;

@Injectable()
export class InnovationsService {
  private readonly myEditions = new KeptPages(MY_EDITIONS_KEPT, MY_EDITIONS_MAX_BYTES);
  private readonly listPages = new KeptPages(LIST_PAGES_KEPT, LIST_PAGES_MAX_BYTES);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: InnovationsRepository,
    private readonly competitions: CompetitionsService,
    private readonly directory: DirectoryService,
    private readonly access: InnovationAccessRegistry,
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * The innovation and how the actor relates to it; 404 when the actor may not see it at all (another
   * OPD's, another region's, another organizer's competition, a juror not assigned to it).
   */
  async relate(
    actor: Actor,
    id: string,
    tx?: EntityManager,
    lock = false,
  ): Promise<{ innovation: InnovationEntity; relation: InnovationRelation }> {
    const innovation = lock && tx ? await this.repo.lock(tx, id) : await this.repo.findById(id, tx);
    const notFound = () => new NotFound('INNOVATION_NOT_FOUND', `innovation ${id} not found`);
    if (!innovation) throw notFound();
    const owner = { organizationId: innovation.organizationId, regionId: innovation.regionId, provinceId: innovation.provinceId };
    if (actor.role === 'admin' || actor.role === 'organizer') {
      await this.competitions.assertManages(actor, innovation.competitionId, tx).catch(() => {
        throw notFound();
      });
      return { innovation, relation: 'organizer' };
    }
    if ((actor.role === 'opd' || actor.role === 'coordinator') && inScope(organizationScope(actor), owner)) {
      return { innovation, relation: actor.role === 'opd' ? 'owner' : 'coordinator' };
    }
    if (await this.access.canRead(actor, id)) return { innovation, relation: 'reader' };
    throw notFound();
  }

  /** Title and organization of each innovation, by id (what other contexts name in their notifications). */
  async identities(ids: string[], tx?: EntityManager): Promise<Map<string, { title: string; organizationId: string }>> {
    return new Map(
      (await this.repo.identities([...new Set(ids)], tx)).map((i) => [i.id, { title: i.title, organizationId: i.organizationId }]),
    );
  }

  async view(i: InnovationEntity): Promise<InnovationView> {
    const org = await this.directory.findOrganization(i.organizationId);
    return toInnovationView(i, { organizationName: org?.name, regionName: org?.region?.name });
  }

  async get(actor: Actor, id: string): Promise<InnovationView> {
    return this.view((await this.relate(actor, id)).innovation);
  }

  /**
   * A page of the list as JSON (`pageJson`, UTF-8): the rows are made JSON by PostgreSQL (see `listSummaries`).
   * A page with a bucket total is kept per process with its stamp and sent again while the stamp, read by the
   * page's statement on every request, is the same (`KeptPages`); the access check runs every time.
   */
  async list(actor: Actor, competitionId: string, filter: InnovationFilter, page = 1, pageSize = 20): Promise<Buffer> {
    if (actor.role === 'organizer' || actor.role === 'admin') await this.competitions.assertManages(actor, competitionId);
    else if (actor.role === 'opd' || actor.role === 'coordinator') await this.competitions.visible(actor, competitionId);
    else throw new Forbidden('AUTH_ROLE_FORBIDDEN', 'Jurors see innovations through their assignments (GET /api/assignments/mine)');
    const scope = organizationScope(actor);
    const f = filter;
    const key = JSON.stringify([competitionId, scope, f.category, f.status, f.stage, f.regionId, f.organizationId, f.q, page, pageSize]);
    return this.listPages.get(key, async (keptStamp) => {
      const { itemsJson, total, stamp } = await this.repo.listSummaries(competitionId, scope, filter, page, pageSize, keptStamp);
      return { stamp, json: itemsJson === null ? null : pageJson(itemsJson, total, page, pageSize) };
    });
  }

  /** An OPD starts a draft for its own organization, in the category its region kind belongs to. */
  async create(actor: Actor, competitionId: string, dto: CreateInnovationDto, now = new Date()): Promise<InnovationView> {
    if (actor.role !== 'opd' || !actor.organizationId) throw new Forbidden('AUTH_ROLE_FORBIDDEN', 'Only OPD accounts write innovations');
    return this.db.transaction(async (tx) => {
      const competition = await this.competitions.visible(actor, competitionId, tx);
      if (competition.status !== 'open')
        throw new Conflict('COMPETITION_NOT_OPEN', `competition "${competition.name}" is ${competition.status}, not open for submissions`, {
          status: competition.status,
          allowed: ['open'],
        });
      const deadline = submissionDeadline(competition.plan);
      assertEditable('draft', deadline, now);
      const org = await this.directory.findOrganization(actor.organizationId!, tx);
      const owner = await this.directory.ownerOf(actor.organizationId!, tx);
      if (!org || !owner) throw new NotFound('ORGANIZATION_NOT_FOUND', 'your organization no longer exists');
      const category = this.categoryFor(competition.plan, org.region!.kind, dto.category);
      const sections = this.cleanSections(competition.plan, dto.sections);
      const innovation = await this.repo.insert(tx, {
        competitionId,
        organizationId: org.id,
        regionId: owner.regionId,
        provinceId: owner.provinceId,
        category,
        status: 'draft',
        currentStage: competition.plan.stages[0]?.key ?? null,
        ...this.pickProfile(dto),
        title: dto.title.trim(),
        sections,
        createdBy: actor.id,
      });
      await this.repo.addHistory(tx, [
        { innovationId: innovation.id, fromStatus: null, toStatus: 'draft', actorId: actor.id, actorRole: actor.role, reason: null },
      ]);
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'innovation.create',
        entityType: 'innovation',
        entityId: innovation.id,
        competitionId,
        after: { title: innovation.title, category },
      });
      return toInnovationView(innovation, { organizationName: org.name, regionName: org.region?.name });
    });
  }

  /**
   * A region award's entry (issue 17): an already-submitted innovation row standing for a region, owned by the
   * organization of its government, in the competition's first stage. Nominated by the organizer from the index
   * snapshot — the region never drafts it — inside the caller's transaction.
   */
  async enterNominee(
    tx: EntityManager,
    actor: Actor,
    row: {
      competitionId: string;
      organizationId: string;
      regionId: string;
      provinceId: string | null;
      category: string;
      stage: string;
      title: string;
      summary: string;
    },
    now = new Date(),
  ): Promise<InnovationEntity> {
    const innovation = await this.repo.insert(tx, {
      competitionId: row.competitionId,
      organizationId: row.organizationId,
      regionId: row.regionId,
      provinceId: row.provinceId,
      category: row.category,
      status: 'submitted',
      currentStage: row.stage,
      title: row.title,
      summary: row.summary,
      submittedAt: now,
      createdBy: actor.id,
    });
    await this.repo.addHistory(tx, [
      {
        innovationId: innovation.id,
        fromStatus: null,
        toStatus: 'submitted',
        stage: row.stage,
        actorId: actor.id,
        actorRole: actor.role,
        reason: 'nominated from the index',
      },
    ]);
    return innovation;
  }

  async update(actor: Actor, id: string, dto: UpdateInnovationDto, now = new Date()): Promise<InnovationView> {
    return this.db.transaction(async (tx) => {
      const { innovation, relation } = await this.relate(actor, id, tx, true);
      if (relation !== 'owner') throw new Forbidden('INNOVATION_NOT_OWNER', 'Only the OPD that owns this innovation edits it');
      const competition = await this.competitions.snapshot(innovation.competitionId, tx);
      assertEditable(innovation.status, submissionDeadline(competition.plan), now);
      if (dto.version !== undefined && dto.version !== innovation.version) {
        throw new Conflict(
          'INNOVATION_VERSION_CONFLICT',
          `the innovation was changed since version ${dto.version} (now ${innovation.version}); reload it and apply your changes again`,
          { current: innovation.version },
        );
      }
      const before = toInnovationView(innovation);
      Object.assign(innovation, this.pickProfile(dto));
      if (dto.title !== undefined) innovation.title = dto.title.trim();
      if (dto.sections !== undefined)
        innovation.sections = { ...innovation.sections, ...this.cleanSections(competition.plan, dto.sections) };
      if (dto.category !== undefined) {
        const org = await this.directory.findOrganization(innovation.organizationId, tx);
        innovation.category = this.categoryFor(competition.plan, org!.region!.kind, dto.category);
      }
      const saved = await this.repo.save(tx, innovation);
      const diff = changed(before, toInnovationView(saved));
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'innovation.update',
        entityType: 'innovation',
        entityId: id,
        competitionId: innovation.competitionId,
        ...diff,
      });
      return this.view(saved);
    });
  }

  /**
   * Submit: complete (every required field, section and an evidence document), within word limits,
   * eligible, before the deadline. With the coordinator step it waits for the region's coordinator.
   */
  async submit(actor: Actor, id: string, now = new Date()): Promise<InnovationView> {
    return this.db.transaction(async (tx) => {
      const { innovation, relation } = await this.relate(actor, id, tx, true);
      if (relation !== 'owner') throw new Forbidden('INNOVATION_NOT_OWNER', 'Only the OPD that owns this innovation submits it');
      const competition = await this.competitions.snapshot(innovation.competitionId, tx);
      const target = submitTarget(competition.plan.requireCoordinator);
      assertTransition(innovation.status, target, 'opd', {
        competitionStatus: competition.status,
        requireCoordinator: competition.plan.requireCoordinator,
      });
      if (competition.status !== 'open')
        throw new Conflict('COMPETITION_NOT_OPEN', `competition "${competition.name}" is ${competition.status}, not open for submissions`);
      assertEditable(innovation.status, submissionDeadline(competition.plan), now);
      const opensAt = competition.plan.stages.find((s) => s.kind === 'submission')?.opensAt;
      assertSubmissionWindowOpen(opensAt ? new Date(opensAt) : null, now);
      const documents = await this.repo.countDocuments(id, tx);
      assertComplete({ ...innovation, sections: innovation.sections }, competition.plan.proposalForm, documents);
      const entriesOfOrganization = await this.repo.entriesOfOrganization(tx, innovation.competitionId, innovation.organizationId, id);
      assertEligible(innovation, competition.plan.eligibility, { now, entriesOfOrganization });
      const view = await this.move(tx, actor, innovation, target, { reason: null, submittedAt: target === 'submitted' ? now : undefined });
      if (target === 'awaiting_coordinator' && !(await this.users.coordinatorsOf(innovation.regionId, innovation.provinceId, tx)).length)
        view.notices = [NO_COORDINATOR_NOTICE];
      return view;
    });
  }

  withdraw(actor: Actor, id: string, reason: string | undefined): Promise<InnovationView> {
    return this.db.transaction(async (tx) => {
      const { innovation, relation } = await this.relate(actor, id, tx, true);
      if (relation !== 'owner') throw new Forbidden('INNOVATION_NOT_OWNER', 'Only the OPD that owns this innovation withdraws it');
      const competition = await this.competitions.snapshot(innovation.competitionId, tx);
      assertTransition(innovation.status, 'withdrawn', 'opd', { competitionStatus: competition.status });
      return this.move(tx, actor, innovation, 'withdrawn', { reason: reason ?? null });
    });
  }

  disqualify(actor: Actor, id: string, reason: string): Promise<InnovationView> {
    return this.db.transaction(async (tx) => {
      const { innovation, relation } = await this.relate(actor, id, tx, true);
      if (relation !== 'organizer') throw new Forbidden('AUTH_ROLE_FORBIDDEN', 'Only organizers disqualify');
      assertTransition(innovation.status, 'disqualified', 'organizer', { reason });
      const view = await this.move(tx, actor, innovation, 'disqualified', { reason });
      const competition = await this.competitions.snapshot(innovation.competitionId, tx);
      const opds = (await this.users.opdUsersOf([innovation.organizationId], tx)).get(innovation.organizationId) ?? [];
      await this.outbox.notify(tx, {
        type: 'innovation_disqualified',
        recipients: opds,
        payload: { competition: competition.name, innovation: innovation.title, innovationId: innovation.id, reason },
        dedupeKey: eventKey('innovation_disqualified', innovation.id),
        competitionId: innovation.competitionId,
      });
      return view;
    });
  }

  /** The region's coordinator sends a waiting proposal back to its OPD with a comment. */
  returnForRevision(actor: Actor, id: string, comment: string): Promise<InnovationView> {
    return this.coordinatorStep(actor, id, 'returned', comment);
  }

  /** The region's coordinator forwards a waiting proposal to the organizer: it is submitted. */
  forward(actor: Actor, id: string, comment: string | undefined, now = new Date()): Promise<InnovationView> {
    return this.coordinatorStep(actor, id, 'submitted', comment ?? null, now);
  }

  /**
   * The coordinator's return or forward. When the innovation's region has no active coordinator (of the
   * region or its province), an organizer of the competition takes the step for them — audited as acting
   * for the coordinator — so proposals do not wait forever. The OPD is notified either way.
   */
  private coordinatorStep(
    actor: Actor,
    id: string,
    to: 'returned' | 'submitted',
    comment: string | null,
    now = new Date(),
  ): Promise<InnovationView> {
    return this.db.transaction(async (tx) => {
      const { innovation, relation } = await this.relate(actor, id, tx, true);
      let actingFor: 'coordinator' | undefined;
      if (relation === 'organizer') {
        if ((await this.users.coordinatorsOf(innovation.regionId, innovation.provinceId, tx)).length)
          throw new Forbidden(
            SubmissionErrorCode.CoordinatorPresent,
            'The innovation’s region has an active coordinator: they return or forward it. Organizers step in only for regions without one.',
          );
        actingFor = 'coordinator';
      } else if (relation !== 'coordinator')
        throw new Forbidden('AUTH_ROLE_FORBIDDEN', 'Only the coordinator of the innovation’s region does this');
      assertTransition(innovation.status, to, 'coordinator');
      const view = await this.move(tx, actor, innovation, to, {
        reason: comment,
        submittedAt: to === 'submitted' ? now : undefined,
        actingFor,
      });
      const competition = await this.competitions.snapshot(innovation.competitionId, tx);
      const opds = (await this.users.opdUsersOf([innovation.organizationId], tx)).get(innovation.organizationId) ?? [];
      const common = { competition: competition.name, innovation: innovation.title, innovationId: innovation.id };
      if (to === 'returned')
        await this.outbox.notify(tx, {
          type: 'proposal_returned',
          recipients: opds,
          payload: { ...common, comment: comment! },
          dedupeKey: eventKey('proposal_returned', innovation.id, innovation.version),
          competitionId: innovation.competitionId,
        });
      else
        await this.outbox.notify(tx, {
          type: 'proposal_forwarded',
          recipients: opds,
          payload: { ...common, ...(comment ? { comment } : {}) },
          dedupeKey: eventKey('proposal_forwarded', innovation.id),
          competitionId: innovation.competitionId,
        });
      return view;
    });
  }

  /**
   * The one place an innovation's status column changes: checks nothing itself (callers ran
   * assertTransition), writes the history row and the audit event in the caller's transaction.
   */
  async move(
    tx: EntityManager,
    actor: Actor | null,
    innovation: InnovationEntity,
    to: InnovationStatus,
    opts: {
      reason: string | CodedReason | null;
      stage?: string | null;
      submittedAt?: Date;
      currentStage?: string;
      actingFor?: 'coordinator';
    },
  ): Promise<InnovationView> {
    const from = innovation.status;
    innovation.status = to;
    if (opts.submittedAt) innovation.submittedAt = opts.submittedAt;
    if (opts.currentStage) innovation.currentStage = opts.currentStage;
    const saved = await this.repo.save(tx, innovation);
    const role = actor?.role ?? 'system';
    const reason = reasonColumns(opts.reason);
    await this.repo.addHistory(tx, [
      {
        innovationId: innovation.id,
        fromStatus: from,
        toStatus: to,
        stage: opts.stage ?? null,
        actorId: actor?.id ?? null,
        actorRole: role,
        ...reason,
      },
    ]);
    await this.audit.record(tx, {
      actorId: actor?.id ?? null,
      action: `innovation.${to}`,
      entityType: 'innovation',
      entityId: innovation.id,
      competitionId: innovation.competitionId,
      before: { status: from },
      after: { status: to, ...(opts.actingFor ? { actingFor: opts.actingFor } : {}) },
      reason: reason.reason,
    });
    return toInnovationView(saved);
  }

  /**
   * `move` for many innovations at once (a stage close eliminating thousands): one status update, chunked
   * history and audit inserts, in the caller's transaction. Callers ran assertTransition for each.
   */
  async moveMany(
    tx: EntityManager,
    actor: Actor,
    innovations: InnovationEntity[],
    to: InnovationStatus,
    reasons: Map<string, string | CodedReason>,
    stage: string,
  ): Promise<void> {
    if (!innovations.length) return;
    await this.repo.setStatus(
      tx,
      innovations.map((i) => i.id),
      to,
    );
    const reasonOf = (id: string) => reasonColumns(reasons.get(id) ?? null);
    await this.repo.addHistory(
      tx,
      innovations.map((i) => ({
        innovationId: i.id,
        fromStatus: i.status,
        toStatus: to,
        stage,
        actorId: actor.id,
        actorRole: actor.role,
        ...reasonOf(i.id),
      })),
    );
    await this.audit.record(
      tx,
      ...innovations.map((i) => ({
        actorId: actor.id,
        action: `innovation.${to}`,
        entityType: 'innovation',
        entityId: i.id,
        competitionId: i.competitionId,
        before: { status: i.status },
        after: { status: to },
        reason: reasonOf(i.id).reason,
      })),
    );
    for (const i of innovations) i.status = to;
  }

  /** The status trail; a system reason is rendered in `locale` and also given as its code and parameters. */
  async history(actor: Actor, id: string, locale: ErrorLocale = 'id'): Promise<HistoryView[]> {
    const { relation } = await this.relate(actor, id);
    const rows = await this.repo.history(id);
    // Jurors read the dossier, not the administrative trail.
    if (relation === 'reader') return [];
    return rows.map((h) => ({
      from: h.fromStatus,
      to: h.toStatus,
      stage: h.stage,
      actorRole: h.actorRole,
      actorName: h.actorRole === 'system' ? null : h.actorName,
      reason: storedReasonText(h, locale),
      reasonCode: h.reasonCode,
      reasonParams: h.reasonParams,
      at: h.at,
    }));
  }

  /**
   * The OPD's innovations across editions, grouped by edition (newest first), each with its state; open
   * editions are listed even without an innovation, so a draft can be started there: the JSON of
   * `MyInnovationsView` (UTF-8), made by PostgreSQL. The page once made is kept per organization with the stamp
   * of the rows it was made of (read in the same statement) and sent again while the stamp, checked by that one
   * statement on every request, reads the same (`KeptPages`): a change by any instance, the worker or by hand is
   * on the next page (bench/RESULTS.md, the OPD's list).
   */
  async mineJson(actor: Actor): Promise<Buffer> {
    if (actor.role !== 'opd' || !actor.organizationId)
      throw new Forbidden('AUTH_ROLE_FORBIDDEN', 'Only OPD accounts have innovations of their own');
    const organizationId = actor.organizationId;
    return this.myEditions.get(organizationId, (keptStamp) => this.repo.editionsOfOrganizationJson(organizationId, keptStamp));
  }

  /** What is waiting on the actor: an OPD's drafts and returned proposals, a coordinator's queue. */
  async waiting(actor: Actor): Promise<{ counts: Record<string, number>; items: InnovationView[] }> {
    const statuses: InnovationStatus[] =
      actor.role === 'opd' ? ['draft', 'returned'] : actor.role === 'coordinator' ? ['awaiting_coordinator'] : [];
    if (!statuses.length) return { counts: {}, items: [] };
    const scope = organizationScope(actor);
    const [counts, items] = await Promise.all([this.repo.countByStatus(scope, statuses), this.repo.waiting(scope, statuses)]);
    for (const s of statuses) counts[s] ??= 0;
    const orgs = new Map((await this.directory.findOrganizations([...new Set(items.map((r) => r.organizationId))])).map((o) => [o.id, o]));
    return {
      counts,
      items: items.map((r) =>
        toInnovationView(r, { organizationName: orgs.get(r.organizationId)?.name, regionName: orgs.get(r.organizationId)?.region?.name }),
      ),
    };
  }

  private categoryFor(plan: CompetitionPlan, regionKind: 'provinsi' | 'kabupaten' | 'kota', requested: string | undefined): string {
    const derived = categoryForRegionKind(plan, regionKind);
    if (requested === undefined) {
      if (!derived)
        throw new ValidationFailed(
          [
            {
              field: 'category',
              message: `no category of this competition takes a ${regionKind}; choose one of ${plan.categories.map((c) => c.key).join(', ')}`,
            },
          ],
          'INNOVATION_INVALID',
        );
      return derived;
    }
    const category = plan.categories.find((c) => c.key === requested);
    if (!category)
      throw new ValidationFailed(
        [{ field: 'category', message: `unknown category "${requested}"; choose one of ${plan.categories.map((c) => c.key).join(', ')}` }],
        'INNOVATION_INVALID',
      );
    if (category.regionKinds.length && !category.regionKinds.includes(regionKind)) {
      throw new ValidationFailed(
        [
          {
            field: 'category',
            message: `category "${requested}" is for ${category.regionKinds.join(', ')}; an OPD of a ${regionKind} competes in "${derived}"`,
          },
        ],
        'INNOVATION_INVALID',
      );
    }
    return requested;
  }

  /** Only the form's sections; each a string; word limits refused at save as at submit. */
  private cleanSections(plan: CompetitionPlan, sections: Record<string, unknown> | undefined): Record<string, string> {
    if (!sections) return {};
    const known = new Set(plan.proposalForm.sections.map((s) => s.key));
    const errors = Object.entries(sections).flatMap(([k, v]) =>
      !known.has(k)
        ? [{ field: `sections.${k}`, message: `not a section of this competition's form (${[...known].join(', ')})` }]
        : typeof v !== 'string'
          ? [{ field: `sections.${k}`, message: 'must be text' }]
          : v.length > 50000
            ? [{ field: `sections.${k}`, message: 'must be at most 50,000 characters' }]
            : [],
    );
    const clean = Object.fromEntries(Object.entries(sections).filter(([k, v]) => known.has(k) && typeof v === 'string')) as Record<
      string,
      string
    >;
    errors.push(...checkWordLimits(clean, plan.proposalForm));
    if (errors.length) throw new ValidationFailed(errors, 'INNOVATION_INVALID', 'The proposal is invalid');
    return clean;
  }

  private pickProfile(dto: Partial<Record<(typeof PROFILE_KEYS)[number], unknown>>): Partial<InnovationEntity> {
    const out: Record<string, unknown> = {};
    for (const k of PROFILE_KEYS) if (dto[k] !== undefined) out[k] = typeof dto[k] === 'string' ? (dto[k] as string).trim() : dto[k];
    return out as Partial<InnovationEntity>;
  }
}

function changed(a: InnovationView, b: InnovationView): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const k of Object.keys(b) as (keyof InnovationView)[]) {
    if (k === 'updatedAt' || k === 'version') continue;
    if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) {
      before[k] = a[k];
      after[k] = b[k];
    }
  }
  return { before, after };
}
