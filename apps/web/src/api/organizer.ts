import { api, call, postCsv } from './client';
import { operationHeader } from './operations';
import type { Plan } from './types';
import type { components, paths } from './schema';
import type { ImportedOrganizations, ImportedUsers, ScreeningDecision } from './schemas';
export type { ImportedOrganizations } from './schemas';

type Schemas = components['schemas'];

/** The organizer's API: editions, the stage pipeline, jury, schedules, results, directory imports and dead letters. */
export type {
  AssignResult,
  ImportedUsers,
  Calibration,
  CloseSummary,
  FieldVisit,
  Objection,
  ObjectionWithCorrections,
  OutboxMessage,
  Preview,
  PreviewRow,
  ProgressCounts,
  ScreeningDecision,
  Slot,
  StageDecision,
} from './schemas';

const path = (id: string) => ({ params: { path: { id } } });
const stagePath = (id: string, key: string) => ({ params: { path: { id, key } } });

// ── editions ────────────────────────────────────────────────────────────────
export const myCompetitions = () => call(api.GET('/api/competitions'));
export const templatePlan = (year: number) => call(api.GET('/api/competitions/template', { params: { query: { year: String(year) } } }));
export const createCompetition = (
  body: { name: string; slug: string; year: number; template: 'iga-kipp' } | { name: string; slug: string; year: number; plan: Plan },
) => call(api.POST('/api/competitions', { body: body as Schemas['CreateCompetitionDto'] }));
export const updatePlan = (id: string, plan: Plan, reason: string) =>
  call(api.PATCH('/api/competitions/{id}', { ...path(id), body: { plan, ...(reason.trim() ? { reason } : {}) } }));
export const openCompetition = (id: string) => call(api.POST('/api/competitions/{id}/open', path(id)));

export type InnovationFilter = NonNullable<paths['/api/competitions/{id}/innovations']['get']['parameters']['query']>;
export const innovationsPage = (competitionId: string, filter: InnovationFilter) =>
  call(api.GET('/api/competitions/{id}/innovations', { params: { path: { id: competitionId }, query: filter } }));

// ── pipeline ────────────────────────────────────────────────────────────────
export const openStage = (id: string, key: string) => call(api.POST('/api/competitions/{id}/stages/{key}/open', stagePath(id, key)));
export const closeStage = (id: string, key: string, force?: { reason: string }) =>
  call(
    api.POST('/api/competitions/{id}/stages/{key}/close', {
      ...stagePath(id, key),
      body: force ? { force: true, reason: force.reason } : {},
    }),
  );
export const screen = (competitionId: string, decisions: ScreeningDecision[]) =>
  call(api.POST('/api/competitions/{id}/screening', { ...path(competitionId), body: { decisions } }));
// `operationId`: the X-Operation-Id to follow an operation's progress (GET /api/operations/{id}).
export const autoAssign = (id: string, key: string, k?: number, operationId?: string) =>
  call(
    api.POST('/api/competitions/{id}/stages/{key}/assignments', {
      params: { path: { id, key }, header: operationHeader(operationId) },
      body: k ? { k } : {},
    }),
  );
export const stageProgress = (id: string, key: string) => call(api.GET('/api/competitions/{id}/stages/{key}/progress', stagePath(id, key)));
export const calibration = (id: string, key: string) =>
  call(api.GET('/api/competitions/{id}/stages/{key}/calibration', stagePath(id, key)));

// ── schedules ───────────────────────────────────────────────────────────────
export const presentations = (competitionId: string) => call(api.GET('/api/competitions/{id}/presentations', path(competitionId)));
export const schedulePresentation = (innovationId: string, body: Schemas['PresentationDto']) =>
  call(api.POST('/api/innovations/{id}/presentation', { ...path(innovationId), body }));
export const scheduleFieldVisit = (innovationId: string, body: { visitAt: string; address: string; verifiers: string[] }) =>
  call(api.POST('/api/innovations/{id}/field-visit', { ...path(innovationId), body }));
export const jurors = async () => (await call(api.GET('/api/users', { params: { query: { role: 'juror', pageSize: 200 } } }))).items;

// ── results ─────────────────────────────────────────────────────────────────
export const AGGREGATIONS = ['mean', 'median', 'trimmed_mean', 'zscore'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];
export const rankingPreview = (id: string, aggregation?: Aggregation) =>
  call(api.GET('/api/competitions/{id}/rankings/preview', { params: { path: { id }, query: aggregation ? { aggregation } : {} } }));
export const announce = (id: string, days: number | undefined) =>
  call(api.POST('/api/competitions/{id}/rankings/announce', { ...path(id), body: days === undefined ? {} : { days } }));
export const objections = (id: string) => call(api.GET('/api/competitions/{id}/objections', path(id)));
export const answerObjection = (id: string, answer: string, decision: 'upheld' | 'rejected') =>
  call(api.POST('/api/objections/{id}/answer', { ...path(id), body: { answer, decision } }));
/** An upheld objection's correction: reopen a stage's sheets or a failed screening decision, with a reason. */
export const reopenForObjection = (id: string, stage: string, reason: string) =>
  call(api.POST('/api/objections/{id}/reopen', { ...path(id), body: { stage, reason } }));
/** An innovation reinstated after a stage closed, judged there late: decide that stage for it. */
export const settleForObjection = (id: string, stage: string) =>
  call(api.POST('/api/objections/{id}/settle', { ...path(id), body: { stage } }));
/** A juror assigned by hand to one innovation in a stage (in a closed stage: only a correction entrant). */
export const assignJuror = (competitionId: string, stage: string, innovationId: string, jurorId: string) =>
  call(
    api.POST('/api/competitions/{id}/stages/{key}/assignments/manual', {
      ...stagePath(competitionId, stage),
      body: { innovationId, jurorId },
    }),
  );
export const publish = (id: string, reason: string, operationId?: string) =>
  call(
    api.POST('/api/competitions/{id}/rankings/publish', {
      params: { path: { id }, header: operationHeader(operationId) },
      body: reason.trim() ? { reason } : {},
    }),
  );

/** POST …/rankings/exports: a published ranking as CSV or XLSX, made as an operation; the file is then at `href`. */
export const exportRanking = (id: string, format: 'csv' | 'xlsx', operationId?: string) =>
  call(
    api.POST('/api/competitions/{id}/rankings/exports', {
      params: { path: { id }, header: operationHeader(operationId) },
      body: { format },
    }),
  );

// ── directory imports ───────────────────────────────────────────────────────
export type ImportKind = 'organizations' | 'users' | 'region-tags';
export type ImportResult = ImportedOrganizations | ImportedUsers | RegionTagsImport;
export type RegionTagsImport = components['schemas']['RegionTagsImportView'];
export type NationalAreasImport = components['schemas']['NationalAreasImportView'];
/** POST /api/imports/national-areas: the official provinces, kabupaten and kota (admins). */
export const importNationalAreas = () => call(api.POST('/api/imports/national-areas'));

/** POST /api/imports/{kind} with the CSV as a text/csv body; `operationId` follows its progress. */
export const importCsv = (kind: ImportKind, csv: string, operationId?: string) =>
  postCsv<ImportResult>(`/api/imports/${kind}`, csv, operationHeader(operationId));

// ── dead letters ────────────────────────────────────────────────────────────
export const deadLetters = async () =>
  (await call(api.GET('/api/admin/outbox', { params: { query: { status: 'dead', pageSize: 200 } } }))).items;
export const replay = (id: string) => call(api.POST('/api/admin/outbox/{id}/replay', path(id)));
