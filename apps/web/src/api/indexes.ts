import { api, call } from './client';
import { saveFile } from './download';
import type { components } from './schema';
import { operationHeader } from './operations';
import { uploadFile } from './upload';

/** The regional innovation index (libs/index-editions): every shape comes from the OpenAPI document. */
type Schemas = components['schemas'];

export type IndexEdition = Schemas['IndexEditionView'];
export type IndexEditionSummary = Schemas['IndexEditionSummaryView'];
export type IndexFramework = Schemas['IndexFrameworkView'];
export type IndexIndicator = Schemas['IndexIndicatorView'];
export type IndexOption = Schemas['IndexOptionView'];
export type IndexBand = Schemas['IndexBandView'];
export type RegionAssessment = Schemas['IndexRegionAssessmentView'];
export type RegionAnswer = Schemas['IndexRegionAnswerView'];
export type IndexGap = Schemas['IndexGapView'];
export type IndexInnovation = Schemas['IndexInnovationView'];
export type IndexDocument = Schemas['IndexDocumentView'];
export type IndexValidation = Schemas['IndexValidationView'];
export type IndexPreview = Schemas['IndexPreviewView'];
export type IndexRow = Schemas['IndexRowView'];
export type IndexRankings = Schemas['IndexRankingsView'];
export type IndexPublicRegion = Schemas['IndexPublicRegionView'];
export type IndexPublicEdition = Schemas['IndexPublicEditionView'];
export type IndexPublished = Schemas['IndexPublishedView'];
export type EditionStatus = IndexEdition['status'];
export type CreateIndexEdition = Schemas['CreateIndexEditionDto'];
export type DocumentKind = IndexDocument['kind'];

const edition = (id: string) => ({ params: { path: { id } } });

// ── editions ────────────────────────────────────────────────────────────────
export const indexEditions = () => call(api.GET('/api/index-editions'));
export const indexEdition = (id: string) => call(api.GET('/api/index-editions/{id}', edition(id)));
export const createIndexEdition = (body: CreateIndexEdition) => call(api.POST('/api/index-editions', { body }));
export const saveFramework = (id: string, framework: IndexFramework) =>
  call(
    api.PUT('/api/index-editions/{id}/framework', { ...edition(id), body: { framework: framework as unknown as Record<string, never> } }),
  );
export const moveIndexWindows = (id: string, body: Schemas['MoveWindowsDto']) =>
  call(api.PUT('/api/index-editions/{id}/windows', { ...edition(id), body }));
export const moveEdition = (id: string, to: 'self_assessment' | 'verification' | 'closed') =>
  call(api.POST('/api/index-editions/{id}/status', { ...edition(id), body: { to } }));

// ── self-assessment ─────────────────────────────────────────────────────────
export const regionAssessment = (id: string, regionId: string) =>
  call(api.GET('/api/index-editions/{id}/regions/{regionId}', { params: { path: { id, regionId } } }));
export const answerIndicator = (id: string, regionId: string, body: Schemas['IndexAnswerDto']) =>
  call(api.PUT('/api/index-editions/{id}/regions/{regionId}/answers', { params: { path: { id, regionId } }, body }));
export const submitRegion = (id: string, regionId: string) =>
  call(api.POST('/api/index-editions/{id}/regions/{regionId}/submit', { params: { path: { id, regionId } } }));
export const reportInnovation = (id: string, body: Schemas['ReportInnovationDto']) =>
  call(api.POST('/api/index-editions/{id}/innovations', { ...edition(id), body }));
export const indexInnovations = (id: string) => call(api.GET('/api/index-editions/{id}/innovations', edition(id)));
export const uploadAnswerDocument = (
  id: string,
  answerId: string,
  kind: DocumentKind,
  file: File,
  onProgress: (fraction: number) => void,
) =>
  uploadFile<IndexDocument>(
    `/api/index-editions/${encodeURIComponent(id)}/answers/${encodeURIComponent(answerId)}/documents/${encodeURIComponent(kind)}`,
    file,
    onProgress,
  );
export const saveAnswerDocument = (id: string, doc: IndexDocument) =>
  saveFile(`/api/index-editions/${encodeURIComponent(id)}/documents/${encodeURIComponent(doc.id)}`, doc.fileName);

// ── verification ────────────────────────────────────────────────────────────
export const assignValidators = (id: string, perRegion: number) =>
  call(api.POST('/api/index-editions/{id}/validators', { ...edition(id), body: { perRegion } }));
export const validations = (id: string) => call(api.GET('/api/index-editions/{id}/validations', edition(id)));
export const verifyAnswer = (id: string, answerId: string, body: Schemas['VerifyDto']) =>
  call(api.PUT('/api/index-editions/{id}/answers/{answerId}/verification', { params: { path: { id, answerId } }, body }));
export const setEligibility = (id: string, innovationId: string, body: Schemas['IndexEligibilityDto']) =>
  call(api.PUT('/api/index-editions/{id}/innovations/{innovationId}/eligibility', { params: { path: { id, innovationId } }, body }));

// ── publication ─────────────────────────────────────────────────────────────
export const indexPreview = (id: string) => call(api.GET('/api/index-editions/{id}/preview', edition(id)));
export const publishIndex = (id: string, reason?: string, operationId?: string) =>
  call(
    api.POST('/api/index-editions/{id}/publish', {
      params: { path: { id }, header: operationHeader(operationId) },
      body: reason?.trim() ? { reason: reason.trim() } : {},
    }),
  );
/** POST …/rankings/exports: a published index ranking as CSV or XLSX, made as an operation; the file is then at `href`. */
export const exportIndexRanking = (id: string, format: 'csv' | 'xlsx', operationId?: string) =>
  call(
    api.POST('/api/index-editions/{id}/rankings/exports', {
      params: { path: { id }, header: operationHeader(operationId) },
      body: { format },
    }),
  );

// ── public ──────────────────────────────────────────────────────────────────
export const publicIndexEditions = () => call(api.GET('/api/public/index-editions'));
export const publicIndexRankings = (slug: string, version?: number) =>
  call(api.GET('/api/public/index-editions/{slug}/rankings', { params: { path: { slug }, query: version ? { version } : {} } }));
export const publicIndexRegion = (slug: string, regionId: string, version?: number) =>
  call(
    api.GET('/api/public/index-editions/{slug}/regions/{regionId}', {
      params: { path: { slug, regionId }, query: version ? { version } : {} },
    }),
  );

/** Links the browser follows itself (downloads), so they are plain URLs. */
export const indexDownloads = {
  table: (slug: string, format: 'csv' | 'xlsx', version?: number) =>
    `/api/public/index-editions/${encodeURIComponent(slug)}/rankings.${format}${version ? `?version=${version}` : ''}`,
  snapshot: (snapshotId: string) => `/api/public/index-rankings/${encodeURIComponent(snapshotId)}`,
};
