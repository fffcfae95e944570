import { api, callAs } from './client';
import type { paths } from './schema';
import type { Page } from './types';

/**
 * The public results, the catalogue and the OPD's "why this score" (DESIGN §7). The OpenAPI document gives
 * none of these answers a schema, so their shapes are restated here from libs/results.
 */

export type Label = { id: string; en: string };

/** GET /api/public/competitions: editions past draft, with their latest published snapshot. */
export interface PublicCompetition {
  id: string;
  slug: string;
  name: string;
  year: number;
  status: 'open' | 'judging' | 'published' | 'archived';
  description: string | null;
  snapshotId: string | null;
  version: number | null;
  publishedAt: string | null;
  innovations: number;
}

export interface RankedRow {
  rank: number;
  innovationId: string;
  title: string;
  organization: string;
  region: string;
  final: number;
  band: string | null;
  stages: Record<string, number>;
}

export interface UnrankedRow {
  innovationId: string;
  title: string;
  organization: string;
  category: string;
  reachedStage: string | null;
}

export interface SnapshotVersion {
  id: string;
  version: number;
  hash: string;
  reason: string | null;
  publishedAt: string;
}

/** GET /api/public/competitions/:slug/rankings[?version=n]. */
export interface RankingView {
  competition: { id: string; slug: string; name: string; year: number };
  snapshot: SnapshotVersion & { inputsDigest: string };
  categories: Record<string, RankedRow[]>;
  /** Unranked innovations, at most 100 per category (the rest: unrankedPage). */
  unranked: UnrankedRow[];
  /** Per category: how many are unranked, and by the last stage they reached ("none": never scored). */
  unrankedCounts: Record<string, { total: number; byStage: Record<string, number> }>;
  /** The scored stages in plan order, with their weight in the final score. */
  stages: { key: string; label: Label; weight: number }[];
  /** Every published version, newest first. */
  versions: SnapshotVersion[];
}

/** GET /api/public/rankings/:snapshotId: what `npm run -s cli -- verify` checks (`meta` is not hashed). */
export interface SnapshotJson {
  input: unknown;
  output: { inputsDigest: string; categories: Record<string, { rank: number; submission: string; final: number; band: string | null }[]>; unranked: unknown[] };
  hash: string;
  meta: { snapshotId: string; competitionId: string; version: number; publishedAt: string; reason: string | null };
}

interface InnovationProfile {
  id: string;
  title: string;
  summary: string | null;
  category: string;
  digital: boolean | null;
  phase: 'inisiatif' | 'uji_coba' | 'penerapan' | null;
  governmentAffair: string | null;
  startDate: string | null;
  organization: string;
  region: string;
  /** The competition's slug. */
  competition: string;
  competitionName: string;
  year: number;
}

/** GET /api/public/innovations: one catalogue entry. */
export type CatalogueItem = InnovationProfile & { regionId: string };

export type CatalogueQuery = NonNullable<paths['/api/public/innovations']['get']['parameters']['query']>;

/** GET /api/public/innovations/:id: the profile, and its rank in the latest published snapshot. */
export type PublicInnovation = InnovationProfile & {
  problem: string | null;
  approach: string | null;
  results: string | null;
  replicability: string | null;
  sustainability: string | null;
  ranking: { snapshotId: string; version: number; category: string; rank: number; final: number; band: string | null } | null;
};

/** One sheet behind a stage score (libs/scoring `explain`); jurors appear as J01, J02 … */
export interface SheetExplanation {
  juror: string;
  score: number;
  /** Under `zscore`: the value that entered the mean. */
  adjusted: number | null;
  jurorScale: { sheets: number; mean: number; sd: number; keptRaw: boolean } | null;
  /** Under `trimmed_mean`: dropped as one of the k lowest or highest. */
  trimmed: boolean;
}

export interface StageExplanation {
  stage: string;
  aggregation: 'mean' | 'median' | 'trimmed_mean' | 'zscore';
  trim: number | null;
  stageScale: { mean: number; sd: number } | null;
  sheets: SheetExplanation[];
  score: number | null;
  weight: number;
  /** Ws / Σ Ws: the stage's share of the final score. */
  share: number;
}

/** GET /api/innovations/:id/score (409 RESULTS_NOT_PUBLISHED before the first publication). */
export interface ScoreBreakdown {
  snapshot: { id: string; version: number; hash: string };
  explanation: { category: string; rank: number | null; final: number | null; band: string | null; reachedStage: string | null; stages: StageExplanation[] } | null;
  criteria: { stage: string; label: Label; criteria: { key: string; label: Label; weight: number; min: number; max: number; values: { juror: string; value: number }[] }[] }[];
}

export const publicCompetitions = () => callAs<PublicCompetition[]>(api.GET('/api/public/competitions'));

/** GET /api/public/competitions/:slug/rankings/unranked: a page of a category's unranked innovations. */
export const unrankedPage = (slug: string, query: { category: string; version?: number; page: number; pageSize: number }) =>
  callAs<Page<UnrankedRow>>(api.GET('/api/public/competitions/{slug}/rankings/unranked', { params: { path: { slug }, query } }));
export const rankings = (slug: string, version?: number) =>
  callAs<RankingView>(api.GET('/api/public/competitions/{slug}/rankings', { params: { path: { slug }, query: version ? { version } : {} } }));

/** A snapshot never changes (the API sends it `immutable`): each is fetched once per page load. */
const snapshots = new Map<string, Promise<SnapshotJson>>();
export function snapshot(id: string): Promise<SnapshotJson> {
  let pending = snapshots.get(id);
  if (!pending) {
    pending = callAs<SnapshotJson>(api.GET('/api/public/rankings/{snapshotId}', { params: { path: { snapshotId: id } } }));
    snapshots.set(id, pending);
    pending.catch(() => snapshots.delete(id));
  }
  return pending;
}

export const catalogue = (query: CatalogueQuery) => callAs<Page<CatalogueItem>>(api.GET('/api/public/innovations', { params: { query } }));
export const publicInnovation = (id: string) => callAs<PublicInnovation>(api.GET('/api/public/innovations/{id}', { params: { path: { id } } }));
export const scoreOf = (innovationId: string) => callAs<ScoreBreakdown>(api.GET('/api/innovations/{id}/score', { params: { path: { id: innovationId } } }));

/** Links the browser follows itself (downloads), so they are plain URLs. */
export const downloads = {
  table: (slug: string, format: 'csv' | 'xlsx', version?: number) => `/api/public/competitions/${encodeURIComponent(slug)}/rankings.${format}${version ? `?version=${version}` : ''}`,
  snapshot: (snapshotId: string) => `/api/public/rankings/${snapshotId}`,
  certificate: (snapshotId: string, innovationId: string) => `/api/public/rankings/${snapshotId}/certificates/${innovationId}`,
};
