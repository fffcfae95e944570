import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppEnv } from '@app/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  assertOwnership,
  Conflict,
  Forbidden,
  isIsoInstant,
  NotFound,
  organizationScope,
  ValidationFailed,
  type Actor,
  type FieldError,
} from '@app/common';
import { AuditService } from '@app/audit';
import { DirectoryService, ImportRefused, parseCsv, type RowError } from '@app/directory';
import {
  ANSWER_SCALE,
  assertAcceptsResponses,
  assertResponse,
  assertWindow,
  computeIkm,
  DEFAULT_ABUSE_SETTINGS,
  DEFAULT_IKM_SETTINGS,
  DEFAULT_SAMPLE_SETTINGS,
  EDUCATIONS,
  ELEMENTS,
  findBursts,
  IMPORT_COLUMNS,
  OCCUPATIONS,
  readResponse,
  retryAfterSeconds,
  sampleAdequacy,
  SEXES,
  SurveyErrorCode,
  windowStart,
  type AbuseSettings,
  type IkmSettings,
  type RateLimit,
  type ResponseInput,
  type SampleSettings,
} from './domain';
import { SurveysRepository, type NewResponse, type UnitRow } from './persistence/surveys.repository';
import type { SurveyPeriodEntity } from './persistence/surveys.entities';
import { CitizenHasher } from './citizen-hash';
import type {
  CreateSurveyPeriodDto,
  CreateSurveyUnitDto,
  ExclusionResultView,
  PublicIkmView,
  PublicSurveyView,
  PublicUnitHistoryView,
  SubmitSurveyResponseDto,
  SurveyPeriodDetailView,
  SurveyPeriodView,
  SurveyUnitDetailView,
  SurveyUnitView,
} from './dto/surveys.dto';

/** Thresholds of the surveys context; the defaults are the regulation's (Permenpan RB 14/2017) and Krejcie–Morgan's. */
export interface SurveySettings {
  ikm: IkmSettings;
  sample: SampleSettings;
  abuse: AbuseSettings;
}
export const DEFAULT_SURVEY_SETTINGS: SurveySettings = {
  ikm: DEFAULT_IKM_SETTINGS,
  sample: DEFAULT_SAMPLE_SETTINGS,
  abuse: DEFAULT_ABUSE_SETTINGS,
};

const CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const toUnitView = (u: UnitRow): SurveyUnitView => ({
  id: u.id,
  organizationId: u.organizationId,
  organizationName: u.organizationName,
  name: u.name,
  population: u.population,
});
const publicHead = (p: SurveyPeriodEntity, u: UnitRow) => ({
  code: p.code,
  unitId: u.id,
  unit: u.name,
  organization: u.organizationName,
  label: p.label,
  opensAt: p.opensAt,
  closesAt: p.closesAt,
});
const choices = (o: Record<string, { id: string; en: string }>) => Object.entries(o).map(([key, label]) => ({ key, label }));

@Injectable()
export class SurveysService {
  readonly settings: SurveySettings;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: SurveysRepository,
    private readonly directory: DirectoryService,
    private readonly audit: AuditService,
    private readonly hasher: CitizenHasher,
    config: ConfigService<AppEnv, true>,
  ) {
    const c = config.get('citizen', { infer: true });
    this.settings = {
      ...DEFAULT_SURVEY_SETTINGS,
      abuse: { responses: { max: c.responsesPerHour, windowSeconds: 3600 }, burst: { count: c.burstCount, windowSeconds: c.burstSeconds } },
    };
  }

  // ——— units and periods (OPD staff of the unit's organization, their coordinator, admins; organizers read) ———

  async createUnit(actor: Actor, dto: CreateSurveyUnitDto): Promise<SurveyUnitView> {
    const organizationId = dto.organizationId ?? actor.organizationId;
    if (!organizationId) throw new ValidationFailed([{ field: 'organizationId', message: 'is required' }], SurveyErrorCode.UnitNotFound);
    assertOwnership(actor, await this.directory.ownerOf(organizationId), 'organization', organizationId);
    const id = await this.db.transaction(async (tx) => {
      const unit = await this.repo.insertUnit(tx, {
        organizationId,
        name: dto.name.trim(),
        population: dto.population ?? null,
        createdBy: actor.id,
      });
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'survey_unit.create',
        entityType: 'survey_unit',
        entityId: unit.id,
        after: { organizationId, name: unit.name, population: unit.population },
      });
      return unit.id;
    });
    return toUnitView((await this.repo.findUnit(id))!);
  }

  async listUnits(actor: Actor): Promise<SurveyUnitView[]> {
    return (await this.repo.listUnits(organizationScope(actor))).map(toUnitView);
  }

  async getUnit(actor: Actor, id: string): Promise<SurveyUnitDetailView> {
    const unit = await this.readableUnit(actor, id);
    const periods = await this.repo.periodsOf(unit.id);
    return { ...toUnitView(unit), periods: await Promise.all(periods.map((p) => this.periodView(p, unit))) };
  }

  async createPeriod(actor: Actor, unitId: string, dto: CreateSurveyPeriodDto): Promise<SurveyPeriodView> {
    const unit = await this.manageableUnit(actor, unitId);
    const fields: FieldError[] = [];
    if (!isIsoInstant(dto.opensAt))
      fields.push({ field: 'opensAt', message: 'must be an RFC 3339 timestamp with an offset, e.g. 2025-01-01T00:00:00+07:00' });
    if (!isIsoInstant(dto.closesAt))
      fields.push({ field: 'closesAt', message: 'must be an RFC 3339 timestamp with an offset, e.g. 2025-07-01T00:00:00+07:00' });
    if (fields.length) throw new ValidationFailed(fields, SurveyErrorCode.PeriodInvalid);
    const window = { opensAt: new Date(dto.opensAt), closesAt: new Date(dto.closesAt) };
    assertWindow(window);
    const period = await this.db.transaction(async (tx) => {
      const p = await this.repo.insertPeriod(tx, {
        unitId: unit.id,
        code: newCode(),
        label: dto.label.trim(),
        ...window,
        population: dto.population ?? null,
        createdBy: actor.id,
      });
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'survey_period.create',
        entityType: 'survey_period',
        entityId: p.id,
        after: { unitId: unit.id, code: p.code, label: p.label, ...window, population: p.population },
      });
      return p;
    });
    return this.periodView(period, unit);
  }

  async getPeriod(actor: Actor, periodId: string): Promise<SurveyPeriodDetailView> {
    const { period, unit } = await this.readablePeriod(actor, periodId);
    const [view, counts, stamps, exclusions, suggestions] = await Promise.all([
      this.periodView(period, unit),
      this.repo.counts(period.id),
      this.repo.formStamps(period.id),
      this.repo.exclusions(period.id),
      this.repo.suggestions(period.id),
    ]);
    return {
      ...view,
      unit: toUnitView(unit),
      formResponses: counts.form,
      importedResponses: counts.import,
      excludedResponses: counts.excluded,
      bursts: findBursts(stamps, this.settings.abuse.burst).map((b) => ({ from: b.from, to: b.to, responseIds: b.ids })),
      exclusions: exclusions.map((e) => ({
        id: e.id,
        reason: e.reason,
        responses: e.responses,
        decidedBy: e.decidedBy,
        decidedAt: e.decidedAt,
      })),
      suggestions,
    };
  }

  /**
   * All-or-nothing import of paper (or other-tool) results: columns u1…u9 (1–4) and optionally saran, umur,
   * jenis_kelamin, pendidikan, pekerjaan, responden, waktu. A refused file names every bad row and field.
   */
  async importResponses(actor: Actor, periodId: string, csv: string): Promise<{ imported: number }> {
    const { period, unit } = await this.manageablePeriod(actor, periodId);
    const columns = Object.keys(IMPORT_COLUMNS);
    const records = parseCsv(
      csv,
      columns.filter((c) => /^u\d$/.test(c)),
      columns,
      SurveyErrorCode.ImportInvalid,
    );
    const errors: RowError[] = [];
    const rows: (NewResponse & { line: number })[] = [];
    records.forEach((record, i) => {
      const line = i + 2;
      const raw = Object.fromEntries(Object.entries(record).map(([column, value]) => [IMPORT_COLUMNS[column], value]));
      const read = readResponse(raw);
      const column = (field: string) => columns.find((c) => IMPORT_COLUMNS[c] === field) ?? field;
      for (const e of read.errors) errors.push({ row: line, field: column(e.field), message: e.message });
      let submittedAt: Date | undefined;
      if (raw.submittedAt) {
        if (!isIsoInstant(raw.submittedAt))
          errors.push({
            row: line,
            field: 'waktu',
            message: 'must be an RFC 3339 timestamp with an offset, e.g. 2025-03-04T09:30:00+07:00',
          });
        else submittedAt = new Date(raw.submittedAt);
      }
      if (read.value) rows.push({ ...this.toRow(period.id, read.value, 'import', null), submittedAt, line });
    });
    const seen = new Map<string, number>();
    for (const r of rows) {
      if (!r.respondentHash) continue;
      const first = seen.get(r.respondentHash);
      if (first) errors.push({ row: r.line, field: 'responden', message: `the same respondent as line ${first}` });
      else seen.set(r.respondentHash, r.line);
    }
    if (errors.length) throw new ImportRefused(SurveyErrorCode.ImportInvalid, errors);
    return this.db.transaction(async (tx) => {
      await this.repo.lockPeriod(tx, period.id);
      const answered = await this.repo.answeredRespondents(tx, period.id, [...seen.keys()]);
      const dupes = rows
        .filter((r) => r.respondentHash && answered.has(r.respondentHash))
        .map((r) => ({ row: r.line, field: 'responden', message: 'this respondent already answered in this period' }));
      if (dupes.length) throw new ImportRefused(SurveyErrorCode.ImportInvalid, dupes);
      const ids = await this.repo.insertResponses(
        tx,
        rows.map(({ line: _line, ...r }) => r),
      );
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'survey_response.import',
        entityType: 'survey_period',
        entityId: period.id,
        after: { imported: ids.length, unitId: unit.id },
      });
      return { imported: ids.length };
    });
  }

  /** A visible, audited decision to leave responses (e.g. a flagged burst) out of the period's IKM. */
  async exclude(actor: Actor, periodId: string, responseIds: string[], reason: string): Promise<ExclusionResultView> {
    const { period } = await this.manageablePeriod(actor, periodId);
    const result = await this.db.transaction(async (tx) => {
      await this.repo.lockPeriod(tx, period.id);
      const before = computeIkm(await this.repo.answers(period.id, tx), this.settings.ikm);
      const exclusion = await this.repo.insertExclusion(tx, {
        periodId: period.id,
        reason: reason.trim(),
        responses: 0,
        decidedBy: actor.id,
      });
      const marked = await this.repo.exclude(tx, period.id, [...new Set(responseIds)], exclusion.id);
      if (marked.length === 0)
        throw new ValidationFailed(
          [{ field: 'responseIds', message: 'none of these is a counted response of this period' }],
          SurveyErrorCode.ExclusionInvalid,
        );
      await this.repo.setExclusionCount(tx, exclusion.id, marked.length);
      const after = computeIkm(await this.repo.answers(period.id, tx), this.settings.ikm);
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'survey_response.exclude',
        entityType: 'survey_period',
        entityId: period.id,
        reason: reason.trim(),
        before: { responses: before.responses, ikm: before.ikm, grade: before.grade },
        after: { responses: after.responses, ikm: after.ikm, grade: after.grade, excluded: marked, exclusionId: exclusion.id },
      });
      return { exclusion: { ...exclusion, responses: marked.length }, ikm: after };
    });
    const e = result.exclusion;
    return { id: e.id, reason: e.reason, responses: e.responses, decidedBy: e.decidedBy, decidedAt: e.decidedAt, ikm: result.ikm };
  }

  // ——— the public form (no account) ———

  async publicForm(code: string, now = new Date()): Promise<PublicSurveyView> {
    const { period, unit } = await this.periodByCode(code);
    return {
      ...publicHead(period, unit),
      open: now >= period.opensAt && now < period.closesAt,
      elements: ELEMENTS.map((e) => ({ key: e.key, label: e.label })),
      scale: ANSWER_SCALE.map((s) => ({ key: String(s.value), label: s.label })),
      sexes: choices(SEXES),
      educations: choices(EDUCATIONS),
      occupations: choices(OCCUPATIONS),
    };
  }

  async publicIkm(code: string): Promise<PublicIkmView> {
    const { period, unit } = await this.periodByCode(code);
    const view = await this.periodView(period, unit);
    return { ...publicHead(period, unit), ikm: view.ikm, sample: view.sample };
  }

  /** A unit's public IKM history: every period that has opened, oldest first (no suggestions, no profiles). */
  async publicUnit(id: string, now = new Date()): Promise<PublicUnitHistoryView> {
    const unit = /^[0-9a-f-]{36}$/i.test(id) ? await this.repo.findUnit(id) : null;
    if (!unit) throw new NotFound(SurveyErrorCode.UnitNotFound, `survey unit ${id} not found`);
    const periods = (await this.repo.periodsOf(unit.id))
      .filter((p) => p.opensAt <= now)
      .sort((a, b) => a.opensAt.getTime() - b.opensAt.getTime());
    return {
      id: unit.id,
      unit: unit.name,
      organization: unit.organizationName,
      periods: await Promise.all(
        periods.map(async (p) => {
          const v = await this.periodView(p, unit);
          return { code: p.code, label: p.label, opensAt: p.opensAt, closesAt: p.closesAt, ikm: v.ikm, sample: v.sample };
        }),
      ),
    };
  }

  async respond(code: string, dto: SubmitSurveyResponseDto, address: string, now = new Date()): Promise<{ accepted: true }> {
    const { period } = await this.periodByCode(code);
    assertAcceptsResponses(period, now);
    const input = assertResponse({
      ...dto.answers,
      suggestion: dto.suggestion,
      age: dto.age,
      sex: dto.sex,
      education: dto.education,
      occupation: dto.occupation,
      respondent: dto.respondent,
    });
    const row = { ...this.toRow(period.id, input, 'form', address), submittedAt: now };
    const ids = await this.db.transaction((tx) => this.repo.insertResponses(tx, [row], true));
    if (ids.length === 0)
      throw new Conflict(SurveyErrorCode.AlreadyResponded, 'This respondent has already answered the survey in this period');
    return { accepted: true };
  }

  /** Counts a public hit of `purpose` from `address`; the seconds to wait when it is over the limit, else 0. */
  async hitAddress(purpose: string, address: string, now = new Date(), limit: RateLimit = this.settings.abuse.responses): Promise<number> {
    const key = `${purpose}:${this.hasher.hash('address', address).slice(0, 40)}`;
    const hits = await this.repo.hit(key, windowStart(now, limit));
    return retryAfterSeconds(hits, now, limit);
  }

  // ——— read models shared with evidence ———

  async periodView(period: SurveyPeriodEntity, unit: Pick<UnitRow, 'population'>): Promise<SurveyPeriodView> {
    const ikm = computeIkm(await this.repo.answers(period.id), this.settings.ikm);
    const population = period.population ?? unit.population;
    return {
      id: period.id,
      unitId: period.unitId,
      code: period.code,
      label: period.label,
      opensAt: period.opensAt,
      closesAt: period.closesAt,
      population: period.population,
      ikm,
      sample: sampleAdequacy(population, ikm.responses, this.settings.sample),
    };
  }

  async findUnit(id: string): Promise<UnitRow | null> {
    return this.repo.findUnit(id);
  }

  async findPeriod(id: string): Promise<SurveyPeriodEntity | null> {
    return this.repo.findPeriod(id);
  }

  // ——— access ———

  private async readableUnit(actor: Actor, id: string): Promise<UnitRow> {
    const unit = await this.repo.findUnit(id);
    assertOwnership(actor, unit ? await this.directory.ownerOf(unit.organizationId) : null, 'survey_unit', id);
    return unit!;
  }

  /** Organizers read every unit but manage none: a unit is its organization's (or its coordinator's, or an admin's). */
  private async manageableUnit(actor: Actor, id: string): Promise<UnitRow> {
    const unit = await this.readableUnit(actor, id);
    if (actor.role === 'organizer')
      throw new Forbidden('AUTH_ROLE_FORBIDDEN', "Organizers read survey units; the unit's OPD, its coordinator or an admin manages them");
    return unit;
  }

  private async readablePeriod(actor: Actor, periodId: string): Promise<{ period: SurveyPeriodEntity; unit: UnitRow }> {
    const period = await this.repo.findPeriod(periodId);
    if (!period) throw new NotFound(SurveyErrorCode.PeriodNotFound, `survey period ${periodId} not found`);
    const unit = await this.repo.findUnit(period.unitId);
    assertOwnership(actor, unit ? await this.directory.ownerOf(unit.organizationId) : null, 'survey_period', periodId);
    return { period, unit: unit! };
  }

  private async manageablePeriod(actor: Actor, periodId: string): Promise<{ period: SurveyPeriodEntity; unit: UnitRow }> {
    const found = await this.readablePeriod(actor, periodId);
    if (actor.role === 'organizer')
      throw new Forbidden(
        'AUTH_ROLE_FORBIDDEN',
        "Organizers read survey periods; the unit's OPD, its coordinator or an admin manages them",
      );
    return found;
  }

  private async periodByCode(code: string): Promise<{ period: SurveyPeriodEntity; unit: UnitRow }> {
    const period = /^[a-z0-9]{4,16}$/.test(code) ? await this.repo.findPeriodByCode(code) : null;
    const unit = period ? await this.repo.findUnit(period.unitId) : null;
    if (!period || !unit) throw new NotFound(SurveyErrorCode.PeriodNotFound, `survey ${code} not found`);
    return { period, unit };
  }

  private toRow(periodId: string, r: ResponseInput, source: 'form' | 'import', address: string | null): NewResponse {
    return {
      periodId,
      ...r.answers,
      suggestion: r.suggestion,
      age: r.age,
      sex: r.sex,
      education: r.education,
      occupation: r.occupation,
      source,
      respondentHash: r.respondent ? this.hasher.hash(`respondent:${periodId}`, r.respondent.trim().toLowerCase()) : null,
      addressHash: address ? this.hasher.hash('address', address) : null,
    };
  }
}

/** A short, unambiguous code for the period's link (8 characters of 31: ≈ 8.5·10^11). */
function newCode(): string {
  const bytes = randomBytes(8);
  return Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}
