import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppEnv } from '@app/config';
import { ChangeBus } from '@app/database';
import { LruMap, NotFound } from '@app/common';
import { CompetitionsService } from '@app/competitions';
import { prefixQuery } from '@app/submissions';
import type { RankOutput } from '@app/scoring';
import { ResultsRepository, type CatalogueFilter } from './persistence/results.repository';
import { RankingSnapshotEntity } from './persistence/results.entities';
import type { InnovationLabel } from './results.service';

export interface UnrankedRow {
  innovationId: string;
  title: string;
  organization: string;
  category: string;
  reachedStage: string | null;
}

/**
 * Unranked innovations listed inline in the rankings per category. A national edition has tens of
 * thousands (all but the finalists): inline they made the results page megabytes; the rest are paged. 25 keep
 * the first load of results day small (at 100 the unranked rows were 80 % of a national ranking's JSON, which
 * most visitors never scroll to); "show more" fetches them 100 at a time.
 */
export const UNRANKED_INLINE = 25;
/** How long a slug's latest version is trusted without asking the database (a publication on any instance evicts it: ChangeBus). */
const LATEST_CACHE_MS = 5_000;
/** Published snapshots whose views (and unranked lists) one process keeps. */
const SNAPSHOTS_KEPT = 32;

/** The public read model of a snapshot: rows with names, as the results page and the exports show them. */
export interface RankingView {
  competition: { id: string; slug: string; name: string; year: number };
  snapshot: { id: string; version: number; hash: string; inputsDigest: string; publishedAt: Date; reason: string | null };
  categories: Record<
    string,
    {
      rank: number;
      innovationId: string;
      title: string;
      organization: string;
      region: string;
      final: number;
      band: string | null;
      stages: Record<string, number>;
    }[]
  >;
  /** The innovations without a rank, at most UNRANKED_INLINE per category (the rest: GET …/rankings/unranked). */
  unranked: UnrankedRow[];
  /** Per category: how many are unranked, and by the last stage they reached. */
  unrankedCounts: Record<string, { total: number; byStage: Record<string, number> }>;
  stages: { key: string; label: { id: string; en: string }; weight: number }[];
  versions: { id: string; version: number; hash: string; reason: string | null; publishedAt: Date }[];
}

/**
 * The public read model of published rankings: snapshots rendered once per process into views (names,
 * categories, unranked counts), the versions of a slug, the catalogue, an innovation's public page,
 * certificates' data. Published snapshots never change; what is kept is bounded (LruMap).
 */
@Injectable()
export class RankingsReadModel {
  /** Immutable snapshots rendered once per process. */
  // Published snapshots are immutable, so these never go stale; bounded so a long-lived process with many
  // editions and versions keeps only the recently read ones (a national snapshot's view is a few MB).
  private readonly views = new LruMap<string, RankingView>(SNAPSHOTS_KEPT);
  private readonly allUnranked = new LruMap<string, UnrankedRow[]>(SNAPSHOTS_KEPT);
  private readonly latestBySlug = new LruMap<string, { until: number; competitionId: string; versions: RankingView['versions'] }>(1_000);
  private readonly publicUrl: string;

  constructor(
    private readonly competitions: CompetitionsService,
    private readonly repo: ResultsRepository,
    config: ConfigService<AppEnv, true>,
    changes: ChangeBus,
  ) {
    this.publicUrl = config.get('publicUrl', { infer: true });
    changes.on('rankings', (slug) => (slug === null ? this.latestBySlug.clear() : this.latestBySlug.delete(slug)));
  }

  publicCompetitions() {
    return this.repo.publicCompetitions();
  }

  /** The snapshot JSON exactly as `npm run -s cli -- verify` checks it (plus `meta`, which verify ignores). */
  async snapshotJson(id: string) {
    const s = await this.snapshotOr404(id);
    return {
      input: s.input,
      output: s.output,
      hash: s.hash,
      meta: { snapshotId: s.id, competitionId: s.competitionId, version: s.version, publishedAt: s.publishedAt, reason: s.reason },
    };
  }

  /** The snapshot (`withInput`: with its scoring input, tens of MB for a national edition; the views need none). */
  private async snapshotOr404(id: string, withInput = true): Promise<RankingSnapshotEntity> {
    const s = /^[0-9a-f-]{36}$/i.test(id) ? await this.repo.snapshot(id, withInput) : null;
    if (!s) throw new NotFound('SNAPSHOT_NOT_FOUND', `ranking snapshot ${id} not found`);
    return s;
  }

  /** The latest published ranking of a competition, by slug (404 before the first publication). */
  async rankingsBySlug(slug: string, version?: number): Promise<RankingView> {
    const { versions } = await this.published(slug);
    const chosen = version ? versions.find((v) => v.version === version) : versions[0];
    if (!chosen)
      throw new NotFound(
        'RANKING_NOT_PUBLISHED',
        version ? `version ${version} of ${slug} does not exist` : `the results of ${slug} are not published yet`,
      );
    return { ...(await this.view(chosen.id)), versions };
  }

  /** A competition's published versions by slug, newest first; a slug with versions is kept LATEST_CACHE_MS. */
  private async published(slug: string): Promise<{ competitionId: string; versions: RankingView['versions'] }> {
    const cached = this.latestBySlug.get(slug);
    if (cached && cached.until > Date.now()) return cached;
    const competition = await this.competitions.bySlug(slug);
    if (!competition || competition.status === 'draft') throw new NotFound('COMPETITION_NOT_FOUND', `competition ${slug} not found`);
    const entry = {
      until: Date.now() + LATEST_CACHE_MS,
      competitionId: competition.id,
      versions: await this.repo.versions(competition.id),
    };
    if (entry.versions.length) {
      this.latestBySlug.set(slug, entry);
    }
    return entry;
  }

  /** One page of a published ranking's unranked innovations, optionally of one category. */
  async unrankedPage(slug: string, version: number | undefined, category: string | undefined, page: number, pageSize: number) {
    const view = await this.rankingsBySlug(slug, version);
    const all = this.allUnranked.get(view.snapshot.id) ?? [];
    const rows = category ? all.filter((u) => u.category === category) : all;
    return {
      snapshot: { id: view.snapshot.id, version: view.snapshot.version },
      items: rows.slice((page - 1) * pageSize, page * pageSize),
      total: rows.length,
      page,
      pageSize,
    };
  }

  /** The rendered view of an immutable snapshot (computed once per process; `versions` as of that time). */
  async view(snapshotId: string): Promise<RankingView> {
    const cached = this.views.get(snapshotId);
    if (cached) return cached;
    const s = await this.snapshotOr404(snapshotId, false);
    const competition = await this.competitions.snapshot(s.competitionId);
    const labels = s.labels as Record<string, InnovationLabel>;
    const output = s.output as RankOutput;
    const unranked: UnrankedRow[] = output.unranked.map((u) => ({
      innovationId: u.submission,
      title: labels[u.submission]?.title ?? u.submission,
      organization: labels[u.submission]?.organization ?? '',
      category: u.category,
      reachedStage: u.reachedStage,
    }));
    const unrankedCounts: RankingView['unrankedCounts'] = {};
    const inline: UnrankedRow[] = [];
    for (const u of unranked) {
      const counts = (unrankedCounts[u.category] ??= { total: 0, byStage: {} });
      if (counts.total++ < UNRANKED_INLINE) inline.push(u);
      const stage = u.reachedStage ?? 'none';
      counts.byStage[stage] = (counts.byStage[stage] ?? 0) + 1;
    }
    const view: RankingView = {
      competition: { id: competition.id, slug: competition.slug, name: competition.name, year: competition.year },
      snapshot: {
        id: s.id,
        version: s.version,
        hash: s.hash,
        inputsDigest: output.inputsDigest,
        publishedAt: s.publishedAt,
        reason: s.reason,
      },
      categories: Object.fromEntries(
        Object.entries(output.categories).map(([cat, rows]) => [
          cat,
          rows.map((r) => ({
            rank: r.rank,
            innovationId: r.submission,
            title: labels[r.submission]?.title ?? r.submission,
            organization: labels[r.submission]?.organization ?? '',
            region: labels[r.submission]?.region ?? '',
            final: r.final,
            band: r.band,
            stages: r.stages,
          })),
        ]),
      ),
      unranked: inline,
      unrankedCounts,
      stages: competition.plan.stages
        .filter((st) => st.rubric.length > 0 || st.given === true)
        .map((st) => ({ key: st.key, label: st.label, weight: st.weight })),
      versions: await this.repo.versions(s.competitionId),
    };
    this.allUnranked.set(snapshotId, unranked);
    this.views.set(snapshotId, view);
    return view;
  }

  /** Rows for CSV and XLSX: one per ranked innovation, category by category. */
  table(view: RankingView): { header: string[]; rows: (string | number | null)[][] } {
    const stageKeys = view.stages.map((s) => s.key);
    const header = [
      'category',
      'rank',
      'innovation',
      'organization',
      'region',
      'final',
      'band',
      ...stageKeys.map((k) => `stage_${k}`),
      'innovation_id',
    ];
    const rows = Object.entries(view.categories).flatMap(([cat, list]) =>
      list.map((r) => [
        cat,
        r.rank,
        r.title,
        r.organization,
        r.region,
        r.final,
        r.band,
        ...stageKeys.map((k) => r.stages[k] ?? null),
        r.innovationId,
      ]),
    );
    return { header, rows };
  }

  /** Data for a ranked innovation's certificate. */
  async certificate(snapshotId: string, innovationId: string) {
    const view = await this.view(snapshotId);
    for (const [key, rows] of Object.entries(view.categories)) {
      const row = rows.find((r) => r.innovationId === innovationId);
      if (row) {
        const label = (await this.competitions.snapshot(view.competition.id)).plan.categories.find((c) => c.key === key)?.label;
        const category = label ?? { id: key, en: key };
        return {
          competition: view.competition.name,
          innovation: row.title,
          organization: row.organization,
          region: row.region,
          rank: row.rank,
          category,
          band: row.band,
          final: row.final,
          snapshotHash: view.snapshot.hash,
          snapshotVersion: view.snapshot.version,
          publishedAt: view.snapshot.publishedAt,
          verifyUrl: `${this.publicUrl}/api/public/rankings/${view.snapshot.id}`,
        };
      }
    }
    throw new NotFound('RANKED_INNOVATION_NOT_FOUND', `innovation ${innovationId} is not ranked in snapshot ${snapshotId}`);
  }

  catalogue(f: CatalogueFilter, page = 1, pageSize = 20) {
    const tsq = f.q ? prefixQuery(f.q) : null;
    if (f.q && !tsq) return Promise.resolve({ items: [], total: 0, page, pageSize });
    return this.repo.catalogue(f, tsq, page, pageSize).then((r) => ({ ...r, page, pageSize }));
  }

  /** An innovation's public page, with its published rank when there is one. */
  async publicInnovation(id: string) {
    const row = /^[0-9a-f-]{36}$/i.test(id) ? await this.repo.publicInnovation(id) : undefined;
    if (!row) throw new NotFound('INNOVATION_NOT_FOUND', `innovation ${id} not found`);
    const latest = await this.repo.latestVersion(String(row.competitionId));
    let ranking = null;
    if (latest) {
      const view = await this.view(latest.id);
      for (const [category, rows] of Object.entries(view.categories)) {
        const r = rows.find((x) => x.innovationId === id);
        if (r) ranking = { snapshotId: latest.id, version: latest.version, category, rank: r.rank, final: r.final, band: r.band };
      }
    }
    return { ...row, ranking };
  }
}
