import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { deflateRaw, inflateRaw } from 'node:zlib';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { EntityManager } from 'typeorm';
import { ChangeBus, gunzipSnapshotInput, snapshotInputStream, withoutStatementTimeout } from '@app/database';
import type { AppEnv } from '@app/config';
import {
  collectGarbageNow,
  Forbidden,
  LruMap,
  NotFound,
  phaseReporter,
  precompressWithBrotli,
  ValidationFailed,
  type Actor,
  type OnProgress,
  type PrecompressedBody,
} from '@app/common';
import { AuditService } from '@app/audit';
import { UsersService } from '@app/identity';
import { eventKey, OutboxService } from '@app/notifications';
import { DocumentsService, FileStorage, InnovationsService, type UploadedStream } from '@app/submissions';
import { tableFile, type TableFormat } from '@app/results';
import {
  assertSelfAssessmentComplete,
  assertValidFramework,
  assignValidators,
  computeIndex,
  DOCUMENT_KINDS,
  defaultIidFramework,
  frameworkChanges,
  frameworkIndicators,
  IndexAnswerTable,
  indexInputFrom,
  indexInputHead,
  indexSnapshotOf,
  isWebLink,
  streamIndexSnapshot,
  selfAssessmentGaps,
  type CollectedEdition,
  type DocumentKind,
  type SelfAssessment,
  type FrameworkIndicator,
  type IndexFramework,
  type IndexInput,
  type IndexOutput,
  type IndexRow,
} from '@app/regional-index';
import {
  assertFrameworkEditable,
  assertNoAnsweredRemovals,
  assertPublishable,
  assertSelfAssessmentOpen,
  assertTransition,
  assertVerificationOpen,
  editionConflict,
  EDITION_CATEGORIES,
  IndexEditionErrorCode as E,
  isLowerOption,
  regionGroups,
  regionBreakdown,
  regionSlices,
  planWindowMoves,
  windowOrderProblems,
  WINDOW_FIELDS,
  type EditionCategory,
  type EditionWindows,
  type RegionSlice,
  type WindowField,
} from './domain';
import { regionTagLabel } from '@app/directory';
import { IndexEditionsRepository, type RegionRow } from './persistence/index-editions.repository';
import type {
  IndexAnswerEntity,
  IndexDocumentEntity,
  IndexEditionEntity,
  IndexInnovationEntity,
  IndexSnapshotEntity,
} from './persistence/index-editions.entities';
import type { IndexAnswerDto, CreateIndexEditionDto, MoveWindowsDto, ReportInnovationDto } from './dto/index-editions.dto';

/** Names behind the ids of a snapshot: regions (with kind and province) and innovations (title, region). */
export interface IndexLabels {
  regions: Record<string, { name: string; kind: string; province: string | null }>;
  groups: Record<string, string>;
  innovations: Record<string, { title: string; region: string }>;
}

/** A snapshot's region pages' material ({@link IndexEditionsService.publicRegion}). */
interface RegionPages {
  snapshot: { id: string; version: number; hash: string };
  max: number;
  regions: IndexLabels['regions'];
  rows: Map<string, IndexRow>;
  /** Per region: deflated JSON of its {@link RegionSlice} with `titles` (innovation id → title). */
  slices: Map<string, Buffer>;
}

const deflateRawAsync = promisify(deflateRaw);
const inflateRawAsync = promisify(inflateRaw);

/** How long a slug's published versions are trusted without asking the database (a publication on any instance evicts them). */
const LATEST_CACHE_MS = 5_000;

/** The phases an index publication reports (GET /api/operations/:id). */
const INDEX_PUBLISH_PHASES = ['waiting', 'reading', 'computing', 'storing', 'notifying'] as const;
/** A published index as a region award reads it (IndexEditionsService.verifiedRegions). */
export interface VerifiedIndex {
  snapshot: { id: string; version: number; hash: string; publishedAt: Date };
  edition: { id: string; slug: string; name: string; year: number };
  tieBreak: ('sid' | 'spd' | 'innovations')[];
  regions: {
    id: string;
    name: string;
    kind: string;
    province: string | null;
    rank: number;
    verified: { iid: number; band: string | null; spd: number; sid: number; innovations: number };
  }[];
  innovations: { id: string; region: string; title: string; eligible: boolean }[];
}

const NO_WINDOWS = Object.fromEntries(WINDOW_FIELDS.map((f) => [f, null])) as EditionWindows;

/** The windows `source` sets (ISO text or dates; `null` clears one), the others as in `current`. */
function windowsFrom(source: Partial<Record<WindowField, string | Date | null | undefined>>, current: EditionWindows): EditionWindows {
  return Object.fromEntries(
    WINDOW_FIELDS.map((f) => {
      const value = source[f];
      return [f, value === undefined ? current[f] : value === null ? null : new Date(value)];
    }),
  ) as EditionWindows;
}

/** Index editions: framework, self-assessment, verification, publication, public reads (DESIGN §4b). */
@Injectable()
export class IndexEditionsService {
  private readonly publicUrl: string;
  /**
   * Public ranking bodies of immutable snapshots, made once per process (bounded): the promise is kept, so a
   * burst of first requests makes the body once instead of once each.
   */
  private readonly bodies = new LruMap<string, Promise<PrecompressedBody>>(20);
  /** A slug's published versions (newest first), trusted LATEST_CACHE_MS; a publication on any instance evicts it (ChangeBus). */
  /** Region pages' material per immutable snapshot (a national one ~10 MB): {@link makeRegionPages}. */
  private readonly regionPages = new LruMap<string, Promise<RegionPages>>(4);
  private readonly versionsBySlug = new LruMap<string, { until: number; rows: { id: string; version: number }[] }>(200);

  constructor(
    private readonly repo: IndexEditionsRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly users: UsersService,
    private readonly innovationsOfCompetitions: InnovationsService,
    private readonly documents: DocumentsService,
    private readonly storage: FileStorage,
    config: ConfigService<AppEnv, true>,
    private readonly changes: ChangeBus,
  ) {
    this.publicUrl = config.get('publicUrl', { infer: true });
    changes.on('index-rankings', (slug) => (slug === null ? this.versionsBySlug.clear() : this.versionsBySlug.delete(slug)));
  }

  // ── organizer: the edition ─────────────────────────────────────────────────
  async create(actor: Actor, dto: CreateIndexEditionDto) {
    const framework = (dto.framework as unknown as IndexFramework | undefined) ?? defaultIidFramework();
    assertValidFramework(framework);
    const windows = windowsFrom(dto, NO_WINDOWS);
    const bad = windowOrderProblems(windows);
    if (bad.length) throw new ValidationFailed(bad, E.Invalid);
    return this.repo.transaction(async (tx) => {
      if (await this.repo.slugTaken(dto.slug, tx))
        throw editionConflict(
          E.SlugTaken,
          { id: `Slug "${dto.slug}" sudah dipakai.`, en: `The slug "${dto.slug}" is taken.` },
          { slug: dto.slug },
        );
      const row = await this.repo.saveEdition(tx, {
        name: dto.name,
        slug: dto.slug,
        year: dto.year,
        framework,
        categories: (dto.categories as EditionCategory[] | undefined) ?? [...EDITION_CATEGORIES],
        status: 'draft',
        createdBy: actor.id,
        ...windows,
      });
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'index_edition.create',
        entityType: 'index_edition',
        entityId: row.id,
        after: { name: row.name, slug: row.slug, year: row.year, categories: row.categories },
      });
      return this.view(row);
    });
  }

  /** Organizers see the editions they run (admins all); everyone else the editions past draft. */
  async list(actor: Actor) {
    const rows = await this.repo.editions(
      actor.role === 'admin' ? {} : actor.role === 'organizer' ? { createdBy: actor.id } : { pastDraft: true },
    );
    return rows.map((e) => ({ id: e.id, slug: e.slug, name: e.name, year: e.year, status: e.status, categories: e.categories }));
  }

  async get(actor: Actor, id: string) {
    return this.view(await this.visible(actor, id));
  }

  async updateFramework(actor: Actor, id: string, framework: IndexFramework) {
    return this.repo.transaction(async (tx) => {
      const edition = await this.lockManaged(actor, tx, id);
      assertFrameworkEditable(edition.status);
      assertValidFramework(framework);
      const before = edition.framework;
      const changes = frameworkChanges(before, framework);
      if (changes.removedIndicators.length || changes.removedOptions.length)
        assertNoAnsweredRemovals(
          { indicators: changes.removedIndicators, options: changes.removedOptions },
          await this.repo.answeredOptions(id, tx),
        );
      if (!changes.changed) return this.view(edition);
      edition.framework = framework;
      const saved = await this.repo.saveEdition(tx, edition);
      const { changed: _, ...what } = changes;
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'index_edition.framework',
        entityType: 'index_edition',
        entityId: id,
        before: { key: before.key, indicators: frameworkIndicators(before).length },
        after: { key: framework.key, indicators: frameworkIndicators(framework).length, ...what },
      });
      return this.view(saved);
    });
  }

  /**
   * Moves the edition's windows (planWindowMoves: never a phase's past, always in order). Past draft each move
   * needs a reason, is audited like a competition's moved deadline, and the people it concerns hear of it through
   * the outbox: the coordinators of the ranked region kinds for the self-assessment, the assigned validators for
   * verification.
   */
  async moveWindows(actor: Actor, id: string, dto: MoveWindowsDto, now = new Date()) {
    return this.repo.transaction(async (tx) => {
      const edition = await this.lockManaged(actor, tx, id);
      const before = windowsFrom(edition, NO_WINDOWS);
      const after = windowsFrom(dto, before);
      const moves = planWindowMoves(edition.status, before, after);
      const reason = dto.reason?.trim() || null;
      if (moves.length && edition.status !== 'draft' && !reason)
        throw new ValidationFailed(
          [
            {
              field: 'reason',
              message: `moving a window of an edition in "${edition.status}" needs a reason (it is audited and sent with the change)`,
            },
          ],
          'INDEX_REASON_REQUIRED',
        );
      if (!moves.length) return this.view(edition);
      Object.assign(edition, after);
      const saved = await this.repo.saveEdition(tx, edition);
      for (const m of moves)
        await this.audit.record(tx, {
          actorId: actor.id,
          action: 'index_edition.window_moved',
          entityType: 'index_edition',
          entityId: id,
          before: { [m.field]: m.from },
          after: { [m.field]: m.to },
          reason,
        });
      if (edition.status !== 'draft') {
        for (const phase of [...new Set(moves.map((m) => m.phase))]) {
          const [opensAt, closesAt] =
            phase === 'self_assessment'
              ? [after.selfAssessmentOpensAt, after.selfAssessmentClosesAt]
              : [after.verificationOpensAt, after.verificationClosesAt];
          const recipients =
            phase === 'self_assessment'
              ? await this.repo.coordinatorsOfKinds(edition.categories, tx)
              : [...new Set((await this.repo.validators(id, {}, tx)).map((v) => v.validatorId))];
          await this.outbox.notify(tx, {
            type: 'index_window_moved',
            recipients,
            payload: {
              edition: edition.name,
              window: phase,
              ...(opensAt ? { opensAt: opensAt.toISOString() } : {}),
              ...(closesAt ? { closesAt: closesAt.toISOString() } : {}),
              ...(reason ? { reason } : {}),
              link: `${phase === 'self_assessment' ? '/coordinator' : '/juri'}/indeks/${id}`,
            },
            // One event per move (moving back to earlier dates is news again).
            dedupeKey: eventKey('index_window_moved', id, phase, now.getTime()),
          });
        }
      }
      return this.view(saved);
    });
  }

  /** Opens the self-assessment, then verification (coordinators are told), then closes the edition. */
  async transition(actor: Actor, id: string, to: 'self_assessment' | 'verification' | 'closed') {
    return this.repo.transaction(async (tx) => {
      const edition = await this.lockManaged(actor, tx, id);
      const from = edition.status;
      assertTransition(from, to);
      edition.status = to;
      const saved = await this.repo.saveEdition(tx, edition);
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'index_edition.status',
        entityType: 'index_edition',
        entityId: id,
        before: { status: from },
        after: { status: to },
      });
      if (to === 'verification') {
        const regions = (await this.repo.participants(id, tx)).map((p) => p.regionId);
        await this.outbox.notify(tx, {
          type: 'index_verification_started',
          recipients: await this.repo.coordinatorsOf(regions, tx),
          payload: { edition: edition.name, slug: edition.slug, editionId: id },
          dedupeKey: eventKey('index_verification_started', id),
        });
      }
      return this.view(saved);
    });
  }

  // ── regions and OPDs: the self-assessment ─────────────────────────────────
  /**
   * A region's self-assessment: its answers (region and innovation indicators), its innovations and what is
   * still missing. The coordinator of the region, its validators and the organizers see it; the verified
   * options only the validators and organizers (a region learns them at publication).
   */
  async region(actor: Actor, id: string, regionId: string) {
    const edition = await this.visible(actor, id);
    const region = await this.regionOf(edition, regionId);
    // An OPD of the region sees its own innovations' answers (the form it fills), nothing else of the region.
    const opd =
      actor.role === 'opd' && actor.organizationId && (await this.repo.organizationRegion(actor.organizationId)) === regionId
        ? actor.organizationId
        : null;
    // The region itself learns the verified options and notes once they are final and published: the edition
    // closed (nothing changes any more) with a published snapshot.
    const final = edition.status === 'closed' && (await this.repo.latestSnapshot(id)) !== null;
    // Organizers and the region's validators see everything, internal notes included.
    const staff = opd ? false : await this.assertSeesRegion(actor, edition, regionId);
    const seesVerification = staff || final;
    const participant = await this.repo.participant(id, regionId);
    const innovations = await this.repo.innovations(id, { regionIds: [regionId], ...(opd ? { organizationId: opd } : {}) });
    const own = new Set(innovations.map((i) => i.id));
    const answers = (await this.repo.answers(id, [regionId])).filter(
      (a) => !opd || (a.indexInnovationId !== null && own.has(a.indexInnovationId)),
    );
    const documents = await this.repo.documents(answers.map((a) => a.id));
    const gaps = selfAssessmentGaps(edition.framework, await this.assessment(regionId, innovations, answers, documents)).filter(
      (g) => !opd || !g.field.startsWith('region.'),
    );
    return {
      edition: { id: edition.id, slug: edition.slug, name: edition.name, status: edition.status },
      region: { id: region.id, name: region.name, kind: region.kind },
      submittedAt: participant?.submittedAt ?? null,
      complete: gaps.length === 0,
      gaps,
      innovations: innovations.map((i) => this.innovationView(i, seesVerification)),
      answers: answers.map((a) => ({
        ...this.answerView(a, seesVerification, staff),
        documents: documents.filter((d) => d.answerId === a.id).map((d) => this.documentView(d)),
      })),
    };
  }

  /**
   * Writes one answer (option and evidence link) while the self-assessment is open and the region has not
   * submitted: a region indicator by the region's coordinator, an innovation indicator by the OPD that
   * reported the innovation (or the coordinator). Each change is a new version and an audit event.
   */
  async answer(actor: Actor, id: string, regionId: string, dto: IndexAnswerDto, now = new Date()) {
    return this.repo.transaction(async (tx) => {
      const { edition, innovation } = await this.assertAnswers(actor, id, regionId, dto.innovationId ?? null, tx, now);
      const indicator = this.indicatorFor(edition.framework, dto.indicator, innovation ? 'innovation' : 'region');
      if (!indicator.options?.some((o) => o.key === dto.option))
        throw new ValidationFailed([{ field: 'option', message: `"${dto.option}" is not an option of ${indicator.key}` }], E.Invalid);
      if (dto.link !== undefined && dto.link !== '' && !isWebLink(dto.link))
        throw new ValidationFailed([{ field: 'link', message: 'must be an http(s) link' }], E.Invalid);
      const participant = await this.repo.lockParticipant(tx, id, regionId);
      this.assertNotSubmitted(participant.submittedAt);
      // One answer per owner and indicator: an innovation's, or the region's (owned by the region's id).
      const owner = innovation ? innovation.id : regionId;
      const existing = await this.repo.answer(id, owner, dto.indicator, tx);
      const link = dto.link?.trim() || null;
      const saved = await this.repo.saveAnswer(tx, {
        ...(existing ?? { editionId: id, regionId, indexInnovationId: innovation?.id ?? null, owner, indicator: dto.indicator }),
        selfOption: dto.option,
        link,
        version: (existing?.version ?? 0) + 1,
        updatedBy: actor.id,
      });
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'index_answer.self',
        entityType: 'index_answer',
        entityId: saved.id,
        before: existing ? { option: existing.selfOption, link: existing.link, version: existing.version } : null,
        after: { option: saved.selfOption, link: saved.link, version: saved.version },
      });
      return this.answerView(saved, false);
    });
  }

  /** The coordinator submits the region's self-assessment once nothing is missing (400 listing every gap). */
  async submit(actor: Actor, id: string, regionId: string, now = new Date()) {
    return this.repo.transaction(async (tx) => {
      const edition = await this.visible(actor, id, tx, true);
      await this.regionOf(edition, regionId, tx);
      if (!(actor.role === 'coordinator' && actor.regionId === regionId))
        throw new Forbidden('AUTH_ROLE_FORBIDDEN', "only the region's coordinator submits its self-assessment");
      assertSelfAssessmentOpen(edition.status, edition.selfAssessmentClosesAt, now);
      const participant = await this.repo.lockParticipant(tx, id, regionId);
      this.assertNotSubmitted(participant.submittedAt);
      const innovations = await this.repo.innovations(id, { regionIds: [regionId] }, tx);
      const answers = await this.repo.answers(id, [regionId], tx);
      assertSelfAssessmentComplete(
        edition.framework,
        await this.assessment(
          regionId,
          innovations,
          answers,
          await this.repo.documents(
            answers.map((a) => a.id),
            tx,
          ),
          tx,
        ),
      );
      participant.submittedAt = now;
      participant.submittedBy = actor.id;
      await this.repo.saveParticipant(tx, participant);
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'index_region.submit',
        entityType: 'index_participant',
        entityId: regionId,
        after: { editionId: id, innovations: innovations.length, answers: answers.length },
      });
      return { regionId, submittedAt: now };
    });
  }

  /** An OPD reports an innovation for its region (by title, or by reference to one entered in a competition). */
  async reportInnovation(actor: Actor, id: string, dto: ReportInnovationDto, now = new Date()) {
    return this.repo.transaction(async (tx) => {
      const edition = await this.visible(actor, id, tx, true);
      if (actor.role !== 'opd' || !actor.organizationId) throw new Forbidden('AUTH_ROLE_FORBIDDEN', 'only an OPD reports innovations');
      assertSelfAssessmentOpen(edition.status, edition.selfAssessmentClosesAt, now);
      let title = dto.title;
      if (dto.innovationId) {
        const { innovation, relation } = await this.innovationsOfCompetitions.relate(actor, dto.innovationId, tx);
        if (relation !== 'owner') throw new NotFound('INNOVATION_NOT_FOUND', `innovation ${dto.innovationId} not found`);
        if (await this.repo.reported(id, innovation.id, tx))
          throw editionConflict(
            E.InnovationReported,
            { id: 'Inovasi ini sudah dilaporkan pada edisi ini.', en: 'This innovation is already reported in this edition.' },
            { innovationId: innovation.id },
          );
        title ??= innovation.title;
      }
      if (!title) throw new ValidationFailed([{ field: 'title', message: 'a title or an innovationId is required' }], E.Invalid);
      const regionId = await this.repo.organizationRegion(actor.organizationId, tx);
      if (!regionId) throw new NotFound('ORGANIZATION_NOT_FOUND', `organization ${actor.organizationId} not found`);
      await this.regionOf(edition, regionId, tx);
      const participant = await this.repo.lockParticipant(tx, id, regionId);
      this.assertNotSubmitted(participant.submittedAt);
      const row = await this.repo.saveInnovation(tx, {
        editionId: id,
        regionId,
        organizationId: actor.organizationId,
        title,
        innovationId: dto.innovationId ?? null,
        createdBy: actor.id,
      });
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'index_innovation.report',
        entityType: 'index_innovation',
        entityId: row.id,
        after: { editionId: id, title, innovationId: row.innovationId },
      });
      return this.innovationView(row, false);
    });
  }

  /** Reported innovations: an OPD its own, a coordinator its region's, a validator its regions', organizers all. */
  async innovations(actor: Actor, id: string) {
    const edition = await this.visible(actor, id);
    if (actor.role === 'opd')
      return (await this.repo.innovations(id, { organizationId: actor.organizationId ?? '' })).map((i) => this.innovationView(i, false));
    if (actor.role === 'coordinator')
      return (await this.repo.innovations(id, { regionIds: [actor.regionId ?? ''] })).map((i) => this.innovationView(i, false));
    if (actor.role === 'juror') {
      const regions = (await this.repo.validators(id, { validatorId: actor.id })).map((v) => v.regionId);
      return (await this.repo.innovations(id, { regionIds: regions })).map((i) => this.innovationView(i, true));
    }
    return (await this.repo.innovations(edition.id)).map((i) => this.innovationView(i, true));
  }

  // ── verification ──────────────────────────────────────────────────────────
  /**
   * Assigns validators (juror accounts) to every submitted region with `assignValidators`: balanced loads,
   * never a region they or their organization belong to. Existing assignments stay.
   */
  async assignValidators(actor: Actor, id: string, perRegion: number | undefined) {
    return this.repo.transaction(async (tx) => {
      const edition = await this.lockManaged(actor, tx, id);
      if (edition.status !== 'self_assessment' && edition.status !== 'verification')
        throw editionConflict(
          E.VerificationClosed,
          {
            id: 'Validator ditugaskan saat penilaian mandiri atau verifikasi.',
            en: 'Validators are assigned during the self-assessment or verification.',
          },
          { status: edition.status },
        );
      const submitted = (await this.repo.participants(id, tx)).filter((p) => p.submittedAt);
      const regions = await this.repo.regions(
        submitted.map((p) => p.regionId),
        tx,
      );
      const jurors = await this.users.jurors(tx);
      const organizations = jurors.flatMap((j) => j.affiliations.flatMap((a) => (a.type === 'organization' ? [a.organizationId] : [])));
      const existing = (await this.repo.validators(id, {}, tx)).map((v) => ({ regionId: v.regionId, validatorId: v.validatorId }));
      const result = assignValidators({
        regions: regions.map((r) => ({ id: r.id, provinceId: r.kind === 'provinsi' ? null : r.parentId })),
        validators: jurors.map((j) => ({ id: j.id, affiliations: j.affiliations })),
        organizationRegion: await this.repo.organizationRegions(organizations, tx),
        perRegion,
        existing,
      });
      const known = new Set(existing.map((e) => `${e.regionId}/${e.validatorId}`));
      const added = result.assignments.filter((a) => !known.has(`${a.regionId}/${a.validatorId}`));
      await this.repo.addValidators(
        tx,
        added.map((a) => ({ editionId: id, regionId: a.regionId, validatorId: a.validatorId })),
      );
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'index_validators.assign',
        entityType: 'index_edition',
        entityId: id,
        after: { added: added.length, shortfalls: result.shortfalls.length },
      });
      return { assignments: result.assignments, added: added.length, shortfalls: result.shortfalls };
    });
  }

  /** A validator's regions (organizers: every assignment), with their names and submission time. */
  async validations(actor: Actor, id: string) {
    await this.visible(actor, id);
    const rows = await this.repo.validators(id, actor.role === 'juror' ? { validatorId: actor.id } : {});
    const names = new Map((await this.repo.regions([...new Set(rows.map((r) => r.regionId))])).map((r) => [r.id, r]));
    const submitted = new Map((await this.repo.participants(id)).map((p) => [p.regionId, p.submittedAt]));
    const regionIds = [...names.keys()];
    const progress = await this.repo.verificationProgress(id, regionIds);
    const validators = await this.repo.userNames([...new Set(rows.map((r) => r.validatorId))]);
    return rows.map((r) => ({
      regionId: r.regionId,
      region: names.get(r.regionId)?.name ?? null,
      kind: names.get(r.regionId)?.kind ?? null,
      validatorId: r.validatorId,
      validator: validators.get(r.validatorId) ?? null,
      submittedAt: submitted.get(r.regionId) ?? null,
      answers: progress.get(r.regionId)?.answers ?? 0,
      verified: progress.get(r.regionId)?.verified ?? 0,
    }));
  }

  /** A validator sets the verified option of one answer; one scoring lower than the region's needs a note. */
  async verify(
    actor: Actor,
    id: string,
    answerId: string,
    { option, note, internalNote }: { option: string; note?: string; internalNote?: string },
    now = new Date(),
  ) {
    return this.repo.transaction(async (tx) => {
      const edition = await this.visible(actor, id, tx, true);
      const answer = await this.repo.answerById(answerId, tx);
      if (!answer || answer.editionId !== id || !(await this.validates(actor, id, answer.regionId, tx)))
        throw new NotFound(E.AnswerNotFound, `answer ${answerId} not found`);
      assertVerificationOpen(edition.status, edition.verificationClosesAt, now);
      const indicator = this.indicatorFor(edition.framework, answer.indicator, answer.indexInnovationId ? 'innovation' : 'region');
      const options = indicator.options ?? [];
      if (!options.some((o) => o.key === option))
        throw new ValidationFailed([{ field: 'option', message: `"${option}" is not an option of ${indicator.key}` }], E.Invalid);
      if (isLowerOption(options, answer.selfOption, option) && !note?.trim())
        throw new ValidationFailed(
          [{ field: 'note', message: "a verified option scoring lower than the region's needs a note" }],
          E.Invalid,
        );
      const before = {
        option: answer.verifiedOption,
        note: answer.verifiedNote,
        internalNote: answer.verifiedInternalNote,
        version: answer.version,
      };
      Object.assign(answer, {
        verifiedOption: option,
        verifiedNote: note?.trim() || null,
        verifiedInternalNote: internalNote?.trim() || null,
        verifiedBy: actor.id,
        version: answer.version + 1,
        updatedBy: actor.id,
      });
      const saved = await this.repo.saveAnswer(tx, answer);
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'index_answer.verify',
        entityType: 'index_answer',
        entityId: saved.id,
        before,
        after: { option, note: saved.verifiedNote, internalNote: saved.verifiedInternalNote, version: saved.version },
      });
      return this.answerView(saved, true, true);
    });
  }

  /** A validator marks a reported innovation (not) eligible; not eligible needs a reason. */
  async eligibility(actor: Actor, id: string, innovationId: string, eligible: boolean, reason: string | undefined, now = new Date()) {
    return this.repo.transaction(async (tx) => {
      const edition = await this.visible(actor, id, tx, true);
      const innovation = await this.repo.innovation(innovationId, tx);
      if (!innovation || innovation.editionId !== id || !(await this.validates(actor, id, innovation.regionId, tx)))
        throw new NotFound(E.InnovationNotFound, `innovation ${innovationId} not found`);
      assertVerificationOpen(edition.status, edition.verificationClosesAt, now);
      if (!eligible && !reason?.trim())
        throw new ValidationFailed([{ field: 'reason', message: 'say why the innovation is not eligible' }], E.Invalid);
      const before = { eligible: innovation.eligible, reason: innovation.eligibilityReason };
      Object.assign(innovation, { eligible, eligibilityReason: eligible ? null : reason!.trim() });
      const saved = await this.repo.saveInnovation(tx, innovation);
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'index_innovation.eligibility',
        entityType: 'index_innovation',
        entityId: innovationId,
        before,
        after: { eligible, reason: saved.eligibilityReason },
      });
      return this.innovationView(saved, true);
    });
  }

  /**
   * Attaches an evidence document (PDF, JPEG or PNG by content, up to UPLOAD_MAX_BYTES) of `kind` to an
   * answer, stored like innovation evidence; who and when as for the answer itself.
   */
  async uploadDocument(actor: Actor, id: string, answerId: string, kind: string, upload: UploadedStream | undefined, now = new Date()) {
    if (!(DOCUMENT_KINDS as readonly string[]).includes(kind))
      throw new ValidationFailed([{ field: 'kind', message: `must be one of ${DOCUMENT_KINDS.join(', ')}` }], E.Invalid);
    const check = async (tx: EntityManager) => {
      const answer = await this.repo.answerById(answerId, tx);
      if (!answer || answer.editionId !== id) throw new NotFound(E.AnswerNotFound, `answer ${answerId} not found`);
      await this.assertAnswers(actor, id, answer.regionId, answer.indexInnovationId, tx, now);
      this.assertNotSubmitted((await this.repo.lockParticipant(tx, id, answer.regionId)).submittedAt);
      return answer;
    };
    // Checked before reading the body, and again under lock when the row is written.
    await this.repo.transaction(check);
    const row = await this.documents.receive(upload, async (tx, meta) => {
      const answer = await check(tx);
      const saved = await this.repo.insertDocument(tx, {
        ...meta,
        editionId: id,
        regionId: answer.regionId,
        answerId,
        kind: kind as DocumentKind,
        uploadedBy: actor.id,
      });
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'index_document.upload',
        entityType: 'index_document',
        entityId: saved.id,
        after: { answerId, kind, fileName: saved.fileName, sha256: saved.sha256, size: saved.size },
      });
      return saved;
    });
    return this.documentView(row);
  }

  /** Downloads an evidence document: whoever sees the region's self-assessment. */
  async downloadDocument(actor: Actor, id: string, documentId: string) {
    const doc = await this.repo.document(documentId);
    const edition = doc?.editionId === id ? await this.repo.edition(id) : null;
    if (!doc || !edition) throw new NotFound('DOCUMENT_NOT_FOUND', `document ${documentId} not found`);
    if (!(await this.ownsDocument(actor, doc)))
      await this.assertSeesRegion(actor, edition, doc.regionId).catch(() => {
        throw new NotFound('DOCUMENT_NOT_FOUND', `document ${documentId} not found`);
      });
    return { doc: this.documentView(doc), stream: await this.storage.open(doc.storageKey) };
  }

  // ── publication ───────────────────────────────────────────────────────────
  /** What the submitted regions collected (the §4b input's rows), with their names. */
  private async collect(edition: IndexEditionEntity, tx?: EntityManager): Promise<{ collected: CollectedEdition; labels: IndexLabels }> {
    const { collected, labels, submitted } = await this.collectRegions(edition, tx);
    const { answers } = await this.repo.indexRows(edition.id, submitted, tx);
    return { collected: { ...collected, answers }, labels };
  }

  /** {@link collect} without the answers. */
  private async collectRegions(
    edition: IndexEditionEntity,
    tx?: EntityManager,
  ): Promise<{ collected: Omit<CollectedEdition, 'answers'>; labels: IndexLabels; submitted: string[] }> {
    const submitted = (await this.repo.participants(edition.id, tx)).filter((p) => p.submittedAt).map((p) => p.regionId);
    const regions = await this.repo.regions(submitted, tx);
    const provinces = new Map(
      (
        await this.repo.regions([...new Set(regions.flatMap((r) => (r.kind === 'provinsi' ? [r.id] : r.parentId ? [r.parentId] : [])))], tx)
      ).map((r) => [r.id, r]),
    );
    const innovations = submitted.length ? await this.repo.indexInnovations(edition.id, submitted, tx) : [];
    const provinceOf = (r: RegionRow) => (r.kind === 'provinsi' ? r.id : r.parentId);
    const groupsOf = new Map(regions.map((r) => [r.id, regionGroups(r)]));
    const tags = [...new Set(regions.flatMap((r) => r.tags))];
    const collected: Omit<CollectedEdition, 'answers'> = {
      regions: regions.map((r) => ({ id: r.id, category: r.kind, ...(groupsOf.get(r.id)!.length ? { groups: groupsOf.get(r.id)! } : {}) })),
      innovations: innovations.map((i) => ({ id: i.id, region: i.regionId, ...(i.eligible === false ? { eligible: false } : {}) })),
    };
    const labels: IndexLabels = {
      regions: Object.fromEntries(
        regions.map((r) => [
          r.id,
          { name: r.name, kind: r.kind, province: provinceOf(r) ? (provinces.get(provinceOf(r)!)?.name ?? null) : null },
        ]),
      ),
      // Province groups by the province's name, tag groups by the tag's name (Daerah Tertinggal …).
      groups: Object.fromEntries([...[...provinces.values()].map((p) => [p.id, p.name]), ...tags.map((t) => [t, regionTagLabel(t).id])]),
      innovations: Object.fromEntries(innovations.map((i) => [i.id, { title: i.title, region: i.regionId }])),
    };
    return { collected, labels, submitted };
  }

  /** The organizer's preview: self and verified side by side per category and group, from the current answers. */
  async preview(actor: Actor, id: string) {
    const edition = await this.managed(actor, id);
    const { collected, labels } = await this.collect(edition);
    if (!collected.regions.length) return { inputsDigest: null, max: null, categories: {}, groups: {} };
    return this.named(computeIndex(indexInputFrom(edition.framework, collected)), labels);
  }

  /** Publishes version n+1: the §4b snapshot {input, output, hash}, never changed; v2+ needs a reason. */
  async publish(actor: Actor, id: string, reason: string | undefined, onProgress?: OnProgress) {
    const step = phaseReporter(onProgress, INDEX_PUBLISH_PHASES);
    step('waiting');
    const row = await this.repo.transaction(async (tx) => {
      // A national edition (≈ 750k answers, a snapshot of tens of MB) takes longer than the pool's
      // statement_timeout on a loaded server; publication is one organizer action, not a request flood.
      await withoutStatementTimeout(tx);
      const edition = await this.lockManaged(actor, tx, id);
      step('reading');
      assertPublishable(edition.status);
      const previous = await this.repo.latestVersion(id, tx);
      if (previous !== null && !reason?.trim())
        throw new ValidationFailed(
          [{ field: 'reason', message: `version ${previous} is published; say why you publish a correction` }],
          'INDEX_REASON_REQUIRED',
        );
      const { collected, labels, submitted } = await this.collectRegions(edition, tx);
      if (!collected.regions.length)
        throw editionConflict(E.NotPublishable, {
          id: 'Belum ada daerah yang mengirim penilaian mandiri.',
          en: 'No region has submitted its self-assessment.',
        });
      const row = { editionId: id, version: (previous ?? 0) + 1, reason: reason?.trim() || null, labels, publishedBy: actor.id };
      // The answers by position (read as bytes) and the snapshot streamed into its row as it is written; anything
      // the table does not take goes the way of the reference, which names the fault.
      const table = IndexAnswerTable.of(indexInputHead(edition.framework, collected));
      if (table && (await this.repo.readAnswers(tx, id, submitted, table))) {
        step('computing');
        step('storing');
        const snapshot = streamIndexSnapshot(table);
        const saved = await this.repo.insertSnapshot(tx, row, snapshot.input, () => snapshot.result());
        return this.recordPublication(actor, tx, edition, collected, saved, step);
      }
      const { answers } = await this.repo.indexRows(id, submitted, tx);
      step('computing');
      const made = indexSnapshotOf(edition.framework, { ...collected, answers });
      step('storing');
      const saved = await this.repo.insertSnapshot(tx, row, [made.inputJson], () => made);
      return this.recordPublication(actor, tx, edition, collected, saved, step);
    });
    return {
      id: row.id,
      version: row.version,
      hash: row.hash,
      publishedAt: row.publishedAt,
      url: `${this.publicUrl}/api/public/index-rankings/${row.id}`,
    };
  }

  /** A stored publication's audit entry, cache eviction and notifications, in its transaction. */
  private async recordPublication(
    actor: Actor,
    tx: EntityManager,
    edition: IndexEditionEntity,
    collected: Omit<CollectedEdition, 'answers'>,
    saved: Awaited<ReturnType<IndexEditionsRepository['insertSnapshot']>>,
    step: (phase: (typeof INDEX_PUBLISH_PHASES)[number]) => void,
  ) {
    await this.audit.record(tx, {
      actorId: actor.id,
      action: 'index.publish',
      entityType: 'index_snapshot',
      entityId: saved.id,
      after: { editionId: edition.id, version: saved.version, hash: saved.hash },
      reason: saved.reason,
    });
    await this.changes.announce('index-rankings', edition.slug, tx);
    step('notifying');
    await this.outbox.notify(tx, {
      type: 'index_results_published',
      recipients: await this.repo.coordinatorsOf(
        collected.regions.map((r) => r.id),
        tx,
      ),
      payload: { edition: edition.name, slug: edition.slug },
      dedupeKey: eventKey('index_results_published', edition.id, saved.version),
    });
    return saved;
  }

  // ── public reads (published snapshots only) ───────────────────────────────
  publicEditions() {
    return this.repo.publicEditions();
  }

  /**
   * The public ranking JSON made once per (snapshot shown, latest snapshot) and kept with its gzip and ETag:
   * a snapshot never changes, and results day is a traffic spike on this route. Which snapshot is the latest
   * is one small query per request (a publication shows at once on every instance).
   */
  async publicRankingsBody(slug: string, version?: number): Promise<PrecompressedBody> {
    const ref = await this.publishedRef(slug, version);
    if (!ref)
      throw new NotFound(E.NotPublished, version ? `version ${version} of ${slug} does not exist` : `the index ${slug} is not published`);
    const key = `${ref.snapshotId}:${ref.latestId}`;
    return this.kept(this.bodies, key, () =>
      this.publicRankings(slug, version).then((view) => precompressWithBrotli(Buffer.from(JSON.stringify(view)))),
    );
  }

  /** The snapshot a public read shows (latest, or version n) and the latest one's id; from memory for a few seconds. */
  private async publishedRef(slug: string, version?: number): Promise<{ snapshotId: string; latestId: string } | null> {
    let cached = this.versionsBySlug.get(slug);
    if (!cached || cached.until <= Date.now()) {
      cached = { until: Date.now() + LATEST_CACHE_MS, rows: await this.repo.publishedVersions(slug) };
      if (cached.rows.length) this.versionsBySlug.set(slug, cached);
    }
    const chosen = version ? cached.rows.find((r) => r.version === version) : cached.rows[0];
    return chosen ? { snapshotId: chosen.id, latestId: cached.rows[0].id } : null;
  }

  /**
   * A published ranking per category with region names (latest, or ?version=n); a group's rows name only the
   * rank within the group and the region, whose row is in its category (the JSON is half the size).
   */
  async publicRankings(slug: string, version?: number) {
    const { edition, snapshot, versions } = await this.published(slug, version);
    const { groups, ...named } = this.named(snapshot.output as IndexOutput, snapshot.labels as IndexLabels);
    return {
      edition: { id: edition.id, slug: edition.slug, name: edition.name, year: edition.year },
      snapshot: {
        id: snapshot.id,
        version: snapshot.version,
        hash: snapshot.hash,
        publishedAt: snapshot.publishedAt,
        reason: snapshot.reason,
      },
      bands: edition.framework.bands,
      ...named,
      groups: Object.fromEntries(
        Object.entries(groups).map(([key, g]) => [key, { name: g.name, rows: g.rows.map((r) => ({ rank: r.rank, region: r.region })) }]),
      ),
      versions,
    };
  }

  /** An organizer's export of a published ranking (an operation: reading, then writing rows done of total). */
  async exportTable(actor: Actor, id: string, format: TableFormat, version: number | undefined, onProgress?: OnProgress) {
    onProgress?.({ phase: 'reading', done: 0, total: 0 });
    const edition = await this.managed(actor, id);
    const { view, header, rows } = await this.publicTable(edition.slug, version);
    const name = `${edition.slug}-v${view.snapshot.version}`;
    return tableFile(format, { fileName: name, sheetName: `${view.edition.name} v${view.snapshot.version}`, header, rows }, onProgress);
  }

  /** A published ranking as one table (every category's rows, then every group's) for CSV and XLSX. */
  async publicTable(slug: string, version?: number) {
    const view = await this.publicRankings(slug, version);
    const header = [
      'ranking',
      'rank',
      'region',
      'province',
      'iid',
      'band',
      'spd',
      'sid',
      'innovations',
      'iid_self',
      'band_self',
      'spd_self',
      'sid_self',
      'innovations_self',
    ];
    type Row = ReturnType<IndexEditionsService['named']>['categories'][string][number];
    const line = (ranking: string, r: Row) => [
      ranking,
      r.rank,
      r.name,
      r.province,
      r.verified.iid,
      r.verified.band,
      r.verified.spd,
      r.verified.sid,
      r.verified.innovations,
      r.self.iid,
      r.self.band,
      r.self.spd,
      r.self.sid,
      r.self.innovations,
    ];
    const byRegion = new Map(Object.values(view.categories).flatMap((list) => list.map((r) => [r.region, r] as const)));
    const rows = [
      ...Object.entries(view.categories).flatMap(([category, list]) => list.map((r) => line(category, r))),
      ...Object.entries(view.groups).flatMap(([key, g]) =>
        g.rows.map((r) => line(g.name ?? key, { ...byRegion.get(r.region)!, rank: r.rank })),
      ),
    ];
    return { view, header, rows };
  }

  /**
   * The snapshot exactly as `npm run -s cli -- verify` checks it (plus `meta`, which verify ignores), as JSON text:
   * the stored input's canonical JSON decompressed as it is sent (never parsed, nor one piece in memory).
   */
  async snapshotJson(id: string): Promise<Readable> {
    const s = /^[0-9a-f-]{36}$/i.test(id) ? await this.repo.snapshot(id) : null;
    const input = s ? await this.repo.snapshotInput(s.id) : null;
    if (!s || !input) throw new NotFound('SNAPSHOT_NOT_FOUND', `index snapshot ${id} not found`);
    const meta = { snapshotId: s.id, editionId: s.editionId, version: s.version, publishedAt: s.publishedAt, reason: s.reason };
    const rest = `,"output":${JSON.stringify(s.output)},"hash":${JSON.stringify(s.hash)},"meta":${JSON.stringify(meta)}}`;
    async function* text(gzip: Buffer) {
      yield Buffer.from('{"input":');
      yield* snapshotInputStream(gzip);
      yield Buffer.from(rest);
    }
    return Readable.from(text(input), { objectMode: false });
  }

  /** A snapshot's input, parsed (tens of MB of JSON for a national edition: for the reads that need its answers or innovations). */
  private async snapshotInput(snapshotId: string): Promise<IndexInput> {
    const gzip = await this.repo.snapshotInput(snapshotId);
    if (!gzip) throw new NotFound('SNAPSHOT_NOT_FOUND', `index snapshot ${snapshotId} not found`);
    return JSON.parse((await gunzipSnapshotInput(gzip)).toString('utf8')) as IndexInput;
  }

  /**
   * What a region award nominates from (issue 17): a published snapshot's regions with their verified blocks and
   * rank in their category, and their innovations with titles. 404 for an unknown snapshot.
   */
  async verifiedRegions(snapshotId: string): Promise<VerifiedIndex> {
    const s = /^[0-9a-f-]{36}$/i.test(snapshotId) ? await this.repo.snapshot(snapshotId) : null;
    const edition = s ? await this.repo.edition(s.editionId) : null;
    if (!s || !edition) throw new NotFound('SNAPSHOT_NOT_FOUND', `index snapshot ${snapshotId} not found`);
    const output = s.output as IndexOutput;
    const input = await this.snapshotInput(s.id);
    const labels = s.labels as IndexLabels;
    return {
      snapshot: { id: s.id, version: s.version, hash: s.hash, publishedAt: s.publishedAt },
      edition: { id: edition.id, slug: edition.slug, name: edition.name, year: edition.year },
      tieBreak: [...(input.method?.tieBreak ?? ['sid', 'spd', 'innovations'])] as VerifiedIndex['tieBreak'],
      regions: Object.values(output.categories)
        .flat()
        .map((r) => ({
          id: r.region,
          name: labels.regions[r.region]?.name ?? r.region,
          kind: labels.regions[r.region]?.kind ?? '',
          province: labels.regions[r.region]?.province ?? null,
          rank: r.rank,
          verified: r.verified,
        })),
      innovations: input.innovations.map((i) => ({
        id: i.id,
        region: i.region,
        title: labels.innovations[i.id]?.title ?? i.id,
        eligible: i.eligible !== false,
      })),
    };
  }

  /** A region's published page: its IID, SPD and SID (self and verified) and per indicator self vs verified. */
  async publicRegion(slug: string, regionId: string, version?: number) {
    const ref = await this.publishedRef(slug, version);
    const edition = ref ? await this.repo.editionBySlug(slug) : null;
    if (!ref || !edition)
      throw new NotFound(E.NotPublished, version ? `version ${version} of ${slug} does not exist` : `the index ${slug} is not published`);
    const pages = await this.kept(this.regionPages, ref.snapshotId, () =>
      // The parsed input (hundreds of MB nationally) is garbage once the slices are made: collected at once.
      this.makeRegionPages(ref.snapshotId).finally(collectGarbageNow),
    );
    const region = pages.regions[regionId];
    const row = pages.rows.get(regionId);
    if (!region || !row) throw new NotFound(E.RegionNotFound, `region ${regionId} is not in this index`);
    const deflated = pages.slices.get(regionId);
    const { innovations, answers, titles }: RegionSlice & { titles: Record<string, string | null> } = deflated
      ? JSON.parse((await inflateRawAsync(deflated)).toString('utf8'))
      : { innovations: [], answers: [], titles: {} };
    const indicators = new Map<string, { indicator: FrameworkIndicator; variable: string }>(
      edition.framework.aspects.flatMap((a) =>
        a.variables.flatMap((v) => v.indicators.map((indicator) => [indicator.key, { indicator, variable: v.key }] as const)),
      ),
    );
    const breakdown = regionBreakdown(edition.framework, { innovations, answers }, regionId);
    const maturity = new Map(breakdown.innovations.map((m) => [m.id, m]));
    const option = (indicator: string, key: string | undefined) => {
      const found = key === undefined ? undefined : indicators.get(indicator)?.indicator.options?.find((o) => o.key === key);
      return found ? { key: found.key, score: found.score, label: found.guidance } : null;
    };
    return {
      edition: { slug: edition.slug, name: edition.name, year: edition.year },
      snapshot: pages.snapshot,
      region: { id: regionId, ...region },
      rank: row.rank,
      category: region.kind,
      max: pages.max,
      bands: edition.framework.bands,
      self: row.self,
      verified: row.verified,
      variables: breakdown.variables,
      innovations: innovations.map((i) => ({
        id: i.id,
        title: titles[i.id] ?? null,
        eligible: i.eligible !== false,
        maturity: { self: maturity.get(i.id)!.self, verified: maturity.get(i.id)!.verified, max: maturity.get(i.id)!.max },
      })),
      answers: answers.map((a) => ({
        indicator: a.indicator,
        label: indicators.get(a.indicator)?.indicator.label ?? null,
        variable: indicators.get(a.indicator)?.variable ?? null,
        innovation: a.innovation ?? null,
        self: option(a.indicator, a.self),
        verified: option(a.indicator, a.verified),
        note: a.note ?? null,
      })),
    };
  }

  /**
   * What a snapshot's region pages are made of, once per process: its ranking rows and region labels, and each
   * region's slice of the input (its innovations with their titles, the answers about it and them) as deflated JSON.
   * A national input is ~100 MB of JSON: parsed once here (the first page asked for, in one flight for a burst),
   * not on every page as before; ~10 MB kept per snapshot, at most 4 snapshots.
   */
  private async makeRegionPages(snapshotId: string): Promise<RegionPages> {
    const snapshot = await this.repo.snapshot(snapshotId);
    if (!snapshot) throw new NotFound('SNAPSHOT_NOT_FOUND', `index snapshot ${snapshotId} not found`);
    const output = snapshot.output as IndexOutput;
    const labels = snapshot.labels as IndexLabels;
    const slices = new Map<string, Buffer>();
    for (const [region, slice] of regionSlices(await this.snapshotInput(snapshotId))) {
      const titles = Object.fromEntries(slice.innovations.map((i) => [i.id, labels.innovations[i.id]?.title ?? null]));
      slices.set(region, await deflateRawAsync(JSON.stringify({ ...slice, titles })));
    }
    return {
      snapshot: { id: snapshot.id, version: snapshot.version, hash: snapshot.hash },
      max: output.max,
      regions: labels.regions,
      rows: new Map(Object.values(output.categories).flatMap((rows) => rows.map((r) => [r.region, r] as const))),
      slices,
    };
  }

  /** The value kept under `key`, else made by `make` and kept (one flight for concurrent callers; a failure is not kept). */
  private kept<T>(map: LruMap<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
    let value = map.get(key);
    if (!value) {
      value = make();
      map.set(key, value);
      value.catch(() => map.get(key) === value && map.delete(key));
    }
    return value;
  }

  // ── helpers ───────────────────────────────────────────────────────────────
  /**
   * Who writes an answer (or its evidence) and when: a region indicator its coordinator, an innovation
   * indicator the OPD that reported it (or the coordinator), while the self-assessment is open.
   */
  private async assertAnswers(actor: Actor, id: string, regionId: string, innovationId: string | null, tx: EntityManager, now: Date) {
    const edition = await this.visible(actor, id, tx, true);
    await this.regionOf(edition, regionId, tx);
    let innovation: IndexInnovationEntity | null = null;
    if (innovationId) {
      innovation = await this.repo.innovation(innovationId, tx);
      if (!innovation || innovation.editionId !== id || innovation.regionId !== regionId)
        throw new NotFound(E.InnovationNotFound, `innovation ${innovationId} is not reported for this region`);
      const mayWrite =
        (actor.role === 'opd' && actor.organizationId === innovation.organizationId) ||
        (actor.role === 'coordinator' && actor.regionId === regionId);
      if (!mayWrite) throw new NotFound(E.InnovationNotFound, `innovation ${innovationId} is not reported for this region`);
    } else if (!(actor.role === 'coordinator' && actor.regionId === regionId)) {
      throw new Forbidden('AUTH_ROLE_FORBIDDEN', "only the region's coordinator answers region indicators");
    }
    assertSelfAssessmentOpen(edition.status, edition.selfAssessmentClosesAt, now);
    return { edition, innovation };
  }

  /**
   * A region's answers with their evidence, as the completeness check reads them. An answer that follows from a
   * linked survey period (the SKM data, issue 22) has that survey as its document of kind `survey`.
   */
  private async assessment(
    regionId: string,
    innovations: IndexInnovationEntity[],
    answers: IndexAnswerEntity[],
    documents: IndexDocumentEntity[],
    tx?: EntityManager,
  ): Promise<SelfAssessment> {
    const surveyBacked = await this.repo.surveyBacked(
      answers.map((a) => a.id),
      tx,
    );
    return {
      region: regionId,
      innovations: innovations.map((i) => i.id),
      answers: answers.map((a) => ({
        indicator: a.indicator,
        ...(a.indexInnovationId ? { innovation: a.indexInnovationId } : { region: regionId }),
        self: a.selfOption,
        link: a.link,
        documents: [
          ...documents.filter((d) => d.answerId === a.id).map((d) => ({ kind: d.kind })),
          ...(surveyBacked.has(a.id) ? [{ kind: 'survey' as const }] : []),
        ],
      })),
    };
  }

  /** An OPD's own evidence: attached to an answer of an innovation it reported. */
  private async ownsDocument(actor: Actor, doc: IndexDocumentEntity): Promise<boolean> {
    if (actor.role !== 'opd' || !actor.organizationId) return false;
    const answer = await this.repo.answerRead(doc.answerId);
    const innovation = answer?.indexInnovationId ? await this.repo.innovation(answer.indexInnovationId) : null;
    return innovation?.organizationId === actor.organizationId;
  }

  private documentView(d: IndexDocumentEntity) {
    return { id: d.id, kind: d.kind, fileName: d.fileName, mediaType: d.mediaType, size: d.size, sha256: d.sha256, createdAt: d.createdAt };
  }
  private async published(
    slug: string,
    version?: number,
  ): Promise<{
    edition: IndexEditionEntity;
    snapshot: IndexSnapshotEntity;
    versions: Awaited<ReturnType<IndexEditionsRepository['versions']>>;
  }> {
    const edition = await this.repo.editionBySlug(slug);
    const snapshot = edition
      ? version
        ? await this.repo.snapshotByVersion(edition.id, version)
        : await this.repo.latestSnapshot(edition.id)
      : null;
    if (!edition || !snapshot)
      throw new NotFound(E.NotPublished, version ? `version ${version} of ${slug} does not exist` : `the index ${slug} is not published`);
    return { edition, snapshot, versions: await this.repo.versions(edition.id) };
  }

  /** Rows with region names; groups keyed by province id or region tag, with its name. */
  private named(output: IndexOutput, labels: IndexLabels) {
    const row = (r: IndexRow) => ({
      ...r,
      name: labels.regions[r.region]?.name ?? null,
      province: labels.regions[r.region]?.province ?? null,
    });
    return {
      inputsDigest: output.inputsDigest,
      max: output.max,
      categories: Object.fromEntries(Object.entries(output.categories).map(([k, rows]) => [k, rows.map(row)])),
      groups: Object.fromEntries(
        Object.entries(output.groups).map(([k, rows]) => [k, { name: labels.groups[k] ?? null, rows: rows.map(row) }]),
      ),
    };
  }

  private isManager(actor: Actor, edition: IndexEditionEntity): boolean {
    return actor.role === 'admin' || (actor.role === 'organizer' && edition.createdBy === actor.id);
  }

  /** The edition as the actor may see it: its organizers always; others once past draft; 404 otherwise. */
  private async visible(actor: Actor, id: string, tx?: EntityManager, hold = false): Promise<IndexEditionEntity> {
    const edition = hold && tx ? await this.repo.holdEdition(tx, id) : await this.repo.edition(id, tx);
    const managed = edition && this.isManager(actor, edition);
    if (!edition || (!managed && (actor.role === 'organizer' || edition.status === 'draft')))
      throw new NotFound(E.NotFound, `index edition ${id} not found`);
    return edition;
  }

  private async managed(actor: Actor, id: string): Promise<IndexEditionEntity> {
    const edition = await this.repo.edition(id);
    if (!edition || !this.isManager(actor, edition)) throw new NotFound(E.NotFound, `index edition ${id} not found`);
    return edition;
  }

  private async lockManaged(actor: Actor, tx: EntityManager, id: string): Promise<IndexEditionEntity> {
    await this.managed(actor, id);
    return (await this.repo.lockEdition(tx, id))!;
  }

  private async validates(actor: Actor, id: string, regionId: string, tx?: EntityManager): Promise<boolean> {
    return actor.role === 'juror' && this.repo.isValidator(id, regionId, actor.id, tx);
  }

  /** Who sees a region's self-assessment; returns whether they also see the verified options. 404 otherwise. */
  private async assertSeesRegion(actor: Actor, edition: IndexEditionEntity, regionId: string): Promise<boolean> {
    if (this.isManager(actor, edition)) return true;
    if (actor.role === 'coordinator' && actor.regionId === regionId) return false;
    if (await this.validates(actor, edition.id, regionId)) return true;
    throw new NotFound(E.RegionNotFound, `region ${regionId} not found in this edition`);
  }

  /** The region, when it is of a kind the edition ranks. */
  private async regionOf(edition: IndexEditionEntity, regionId: string, tx?: EntityManager): Promise<RegionRow> {
    const region = await this.repo.region(regionId, tx);
    if (!region || !(edition.categories as string[]).includes(region.kind))
      throw new NotFound(E.RegionNotFound, `region ${regionId} not found in this edition`);
    return region;
  }

  private indicatorFor(framework: IndexFramework, key: string, scope: 'region' | 'innovation'): FrameworkIndicator {
    const indicator = frameworkIndicators(framework).find((i) => i.key === key);
    if (!indicator || indicator.scope !== scope)
      throw new ValidationFailed([{ field: 'indicator', message: `"${key}" is not a ${scope} indicator of this framework` }], E.Invalid);
    return indicator;
  }

  private assertNotSubmitted(submittedAt: Date | null): void {
    if (submittedAt)
      throw editionConflict(
        E.AlreadySubmitted,
        { id: 'Penilaian mandiri daerah ini sudah dikirim.', en: "This region's self-assessment is already submitted." },
        { submittedAt },
      );
  }

  private view(e: IndexEditionEntity) {
    return {
      id: e.id,
      slug: e.slug,
      name: e.name,
      year: e.year,
      status: e.status,
      categories: e.categories,
      framework: e.framework,
      selfAssessmentOpensAt: e.selfAssessmentOpensAt,
      selfAssessmentClosesAt: e.selfAssessmentClosesAt,
      verificationOpensAt: e.verificationOpensAt,
      verificationClosesAt: e.verificationClosesAt,
    };
  }

  /** An answer; with the verified option and the note to the region for `seesVerification`, the internal note for `staff`. */
  private answerView(a: IndexAnswerEntity, seesVerification: boolean, staff = false) {
    const base = {
      id: a.id,
      indicator: a.indicator,
      innovationId: a.indexInnovationId,
      option: a.selfOption,
      link: a.link,
      version: a.version,
      updatedAt: a.updatedAt,
    };
    if (!seesVerification) return base;
    const verification = { ...base, verifiedOption: a.verifiedOption, verifiedNote: a.verifiedNote };
    return staff ? { ...verification, verifiedInternalNote: a.verifiedInternalNote } : verification;
  }

  private innovationView(i: IndexInnovationEntity, seesVerification: boolean) {
    const base = { id: i.id, title: i.title, regionId: i.regionId, organizationId: i.organizationId, innovationId: i.innovationId };
    return seesVerification ? { ...base, eligible: i.eligible, eligibilityReason: i.eligibilityReason } : base;
  }
}
