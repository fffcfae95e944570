import { api, call, callAs, postCsv } from './client';
import { OPERATION_HEADER } from './operations';
import type { Competition, Innovation, InnovationStatus, Page, Plan, User } from './types';
import type { components } from './schema';

type Schemas = components['schemas'];

/**
 * The organizer's API: editions, the stage pipeline, jury, schedules, results, directory imports and dead
 * letters. Answers the OpenAPI document leaves untyped are typed here.
 */

const path = (id: string) => ({ params: { path: { id } } });
/** The X-Operation-Id header of a long route, when the page follows its progress. */
const operationHeader = (operationId: string | undefined): Record<string, string> => (operationId ? { [OPERATION_HEADER]: operationId } : {});
const stagePath = (id: string, key: string) => ({ params: { path: { id, key } } });

// ── editions ────────────────────────────────────────────────────────────────
export const myCompetitions = () => callAs<Competition[]>(api.GET('/api/competitions'));
export const templatePlan = (year: number) => callAs<Plan>(api.GET('/api/competitions/template', { params: { query: { year: String(year) } } }));
export const createCompetition = (body: { name: string; slug: string; year: number; template: 'iga-kipp' } | { name: string; slug: string; year: number; plan: Plan }) =>
  callAs<Competition>(api.POST('/api/competitions', { body: body as Schemas['CreateCompetitionDto'] }));
export const updatePlan = (id: string, plan: Plan, reason: string) =>
  callAs<Competition>(api.PATCH('/api/competitions/{id}', { ...path(id), body: { plan: plan as Schemas['PlanDto'], ...(reason.trim() ? { reason } : {}) } }));
export const openCompetition = (id: string) => callAs<Competition>(api.POST('/api/competitions/{id}/open', path(id)));

export interface InnovationFilter {
  q?: string;
  category?: string;
  status?: InnovationStatus;
  stage?: string;
  page?: number;
  pageSize?: number;
}
export const innovationsPage = (competitionId: string, filter: InnovationFilter) =>
  callAs<Page<Innovation>>(api.GET('/api/competitions/{id}/innovations', { params: { path: { id: competitionId }, query: filter } }));

// ── pipeline ────────────────────────────────────────────────────────────────
export interface StageDecision {
  innovationId: string;
  title: string;
  category: string;
  outcome: 'passed' | 'eliminated';
  score: number | null;
  rank: number | null;
  reason: string;
  reasonCode: string | null;
  reasonParams: Record<string, string | number | boolean> | null;
}
export interface CloseSummary {
  stage: string;
  passed: number;
  eliminated: number;
  forced: boolean;
  decisions: StageDecision[];
}
export const openStage = (id: string, key: string) => callAs<{ stage: string; status: 'open'; pending: number }>(api.POST('/api/competitions/{id}/stages/{key}/open', stagePath(id, key)));
export const closeStage = (id: string, key: string, force?: { reason: string }) =>
  callAs<CloseSummary>(api.POST('/api/competitions/{id}/stages/{key}/close', { ...stagePath(id, key), body: force ? { force: true, reason: force.reason } : {} }));

export interface ScreeningDecision {
  innovationId: string;
  decision: 'pass' | 'fail';
  reason?: string;
}
export const screen = (competitionId: string, decisions: ScreeningDecision[]) =>
  callAs<{ passed: number; failed: number }>(api.POST('/api/competitions/{id}/screening', { ...path(competitionId), body: { decisions } }));

export interface AssignResult {
  stage: string;
  k: number;
  created: number;
  total: number;
  avoidedConflicts: number;
  loads: { jurorId: string; name: string; load: number }[];
  shortfalls: { innovationId: string; title: string; assigned: number; needed: number; reasons: string[] }[];
}
/** `operationId`: the X-Operation-Id to follow its progress (GET /api/operations/{id}). */
export const autoAssign = (id: string, key: string, k?: number, operationId?: string) =>
  callAs<AssignResult>(api.POST('/api/competitions/{id}/stages/{key}/assignments', { params: { path: { id, key }, header: operationHeader(operationId) }, body: k ? { k } : {} }));

export interface ProgressCounts {
  total: number;
  submitted: number;
  draft: number;
  notStarted: number;
  complete: boolean;
}
export const stageProgress = (id: string, key: string) =>
  callAs<{ stage: string; overall: ProgressCounts; jurors: ({ jurorId: string; name: string } & ProgressCounts)[] }>(api.GET('/api/competitions/{id}/stages/{key}/progress', stagePath(id, key)));

export interface Calibration {
  stage: string;
  sheets: number;
  mean: number | null;
  sd: number | null;
  jurors: { juror: string; name: string; sheets: number; mean: number; sd: number; leniency: number; sdRatio: number | null; agreement: { sharedInnovations: number; meanAbsoluteDeviation: number | null; spearman: number | null } }[];
  disagreements: { innovationId: string; title: string; count: number; min: number; max: number; mean: number; range: number; standardDeviation: number }[];
}
export const calibration = (id: string, key: string) => callAs<Calibration>(api.GET('/api/competitions/{id}/stages/{key}/calibration', stagePath(id, key)));

// ── schedules ───────────────────────────────────────────────────────────────
export interface Slot {
  id: string;
  innovationId: string;
  startsAt: string;
  endsAt: string;
  location: string | null;
  link: string | null;
  note: string | null;
  panel?: string[];
}
export const presentations = (competitionId: string) => callAs<Slot[]>(api.GET('/api/competitions/{id}/presentations', path(competitionId)));
export const schedulePresentation = (innovationId: string, body: Schemas['PresentationDto']) => callAs<Slot>(api.POST('/api/innovations/{id}/presentation', { ...path(innovationId), body }));
export interface FieldVisit {
  id: string;
  innovationId: string;
  visitAt: string;
  address: string;
  verifiers: string[];
}
export const scheduleFieldVisit = (innovationId: string, body: { visitAt: string; address: string; verifiers: string[] }) =>
  callAs<FieldVisit>(api.POST('/api/innovations/{id}/field-visit', { ...path(innovationId), body }));
export const jurors = async () => (await callAs<Page<User>>(api.GET('/api/users', { params: { query: { role: 'juror', pageSize: 200 } } }))).items;

// ── results ─────────────────────────────────────────────────────────────────
export const AGGREGATIONS = ['mean', 'median', 'trimmed_mean', 'zscore'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];
export interface PreviewRow {
  rank: number;
  rawRank: number | null;
  submission: string;
  title?: string;
  organization?: string;
  region?: string;
  final: number;
  band: string | null;
  stages: Record<string, number>;
}
export interface Preview {
  aggregation: string;
  inputsDigest: string;
  stagesOpen: string[];
  categories: Record<string, PreviewRow[]>;
  unranked: { submission: string; category: string; reachedStage: string | null; title?: string; organization?: string }[];
}
export const rankingPreview = (id: string, aggregation?: Aggregation) =>
  callAs<Preview>(api.GET('/api/competitions/{id}/rankings/preview', { params: { path: { id }, query: aggregation ? { aggregation } : {} } }));
export const announce = (id: string, days: number | undefined) =>
  callAs<{ id: string; opensAt: string; closesAt: string; days: number }>(api.POST('/api/competitions/{id}/rankings/announce', { ...path(id), body: days === undefined ? {} : { days } }));
export interface Objection {
  id: string;
  innovationId: string;
  reason: string;
  answer: string | null;
  decision: 'upheld' | 'rejected' | null;
  answeredAt: string | null;
  createdAt: string;
}
export const objections = (id: string) => callAs<{ announcement: { id: string; opensAt: string; closesAt: string } | null; objections: Objection[] }>(api.GET('/api/competitions/{id}/objections', path(id)));
export const answerObjection = (id: string, answer: string, decision: 'upheld' | 'rejected') => callAs<Objection>(api.POST('/api/objections/{id}/answer', { ...path(id), body: { answer, decision } }));
export const publish = (id: string, reason: string, operationId?: string) =>
  callAs<{ id: string; version: number; hash: string; publishedAt: string; url: string }>(
    api.POST('/api/competitions/{id}/rankings/publish', { params: { path: { id }, header: operationHeader(operationId) }, body: reason.trim() ? { reason } : {} }),
  );

// ── directory imports ───────────────────────────────────────────────────────
export type ImportKind = 'organizations' | 'users' | 'region-tags';
/** Organizations and users answer `created`; region tags `updated` and `unchanged`. */
export interface ImportResult {
  created?: number;
  updated?: number;
  unchanged?: number;
  items: { id: string; name: string; email?: string | null; role?: string; code?: string | null; tags?: string[] }[];
}
export type NationalAreasImport = Schemas['NationalAreasImportView'];
/** POST /api/imports/national-areas: the official provinces, kabupaten and kota (admins). */
export const importNationalAreas = () => call(api.POST('/api/imports/national-areas'));

/** POST /api/imports/{kind} with the CSV as a text/csv body. */
export const importCsv = (kind: ImportKind, csv: string, operationId?: string) => postCsv<ImportResult>(`/api/imports/${kind}`, csv, operationHeader(operationId));

// ── dead letters ────────────────────────────────────────────────────────────
export type OutboxMessage = Schemas['OutboxMessageView'];
export const deadLetters = async () => (await call(api.GET('/api/admin/outbox', { params: { query: { status: 'dead', pageSize: 200 } } }))).items;
export const replay = (id: string) => call(api.POST('/api/admin/outbox/{id}/replay', path(id)));
