import { api, call } from './client';
import type { components, paths } from './schema';
import type { SnapshotJson } from './schemas';

/** The public results, the catalogue and the OPD's "why this score" (DESIGN §7), typed by the OpenAPI document. */
export type {
  CatalogueItem,
  PublicCompetition,
  PublicInnovation,
  RankedRow,
  RankingView,
  ScoreBreakdown,
  SheetExplanation,
  SnapshotJson,
  SnapshotVersion,
  StageExplanation,
  UnrankedRow,
} from './schemas';

export type Label = components['schemas']['LocalizedTextView'];
export type CatalogueQuery = NonNullable<paths['/api/public/innovations']['get']['parameters']['query']>;

export const publicCompetitions = () => call(api.GET('/api/public/competitions'));

/** GET /api/public/competitions/:slug/rankings/unranked: a page of a category's unranked innovations. */
export const unrankedPage = (slug: string, query: { category: string; version?: number; page: number; pageSize: number }) =>
  call(api.GET('/api/public/competitions/{slug}/rankings/unranked', { params: { path: { slug }, query } }));
export const rankings = (slug: string, version?: number) =>
  call(api.GET('/api/public/competitions/{slug}/rankings', { params: { path: { slug }, query: version ? { version } : {} } }));

/** A snapshot never changes (the API sends it `immutable`): each is fetched once per page load. */
const snapshots = new Map<string, Promise<SnapshotJson>>();
export function snapshot(id: string): Promise<SnapshotJson> {
  let pending = snapshots.get(id);
  if (!pending) {
    pending = call(api.GET('/api/public/rankings/{snapshotId}', { params: { path: { snapshotId: id } } }));
    snapshots.set(id, pending);
    pending.catch(() => snapshots.delete(id));
  }
  return pending;
}

export const catalogue = (query: CatalogueQuery) => call(api.GET('/api/public/innovations', { params: { query } }));
export const publicInnovation = (id: string) => call(api.GET('/api/public/innovations/{id}', { params: { path: { id } } }));
export const scoreOf = (innovationId: string) => call(api.GET('/api/innovations/{id}/score', { params: { path: { id: innovationId } } }));

/** Links the browser follows itself (downloads), so they are plain URLs. */
export const downloads = {
  table: (slug: string, format: 'csv' | 'xlsx', version?: number) =>
    `/api/public/competitions/${encodeURIComponent(slug)}/rankings.${format}${version ? `?version=${version}` : ''}`,
  snapshot: (snapshotId: string) => `/api/public/rankings/${snapshotId}`,
  certificate: (snapshotId: string, innovationId: string) => `/api/public/rankings/${snapshotId}/certificates/${innovationId}`,
};
