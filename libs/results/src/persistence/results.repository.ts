import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { copyStreamedSnapshot } from '@app/database';
import type { JsonBytes } from '@app/scoring';
import { ObjectionEntity, RankingAnnouncementEntity, RankingSnapshotEntity } from './results.entities';

export interface RankableInnovation {
  id: string;
  title: string;
  category: string;
  submittedAt: Date | null;
  organizationId: string;
  organization: string;
  region: string;
  regionId: string;
  status: string;
}

export interface CatalogueFilter {
  q?: string;
  regionId?: string;
  category?: string;
  digital?: boolean;
  competition?: string;
}

/** What a publication stores (ranking_snapshots). */
export interface SnapshotRow {
  competitionId: string;
  version: number;
  /** The input's JCS canonical JSON (UTF-8, in pieces), the bytes its hash was taken over: stored as they are. */
  inputJson: JsonBytes;
  output: unknown;
  hash: string;
  reason: string | null;
  labels: Record<string, unknown>;
  publishedBy: string;
}

@Injectable()
export class ResultsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  m(tx?: EntityManager): EntityManager {
    return tx ?? this.db.manager;
  }

  /** Submitted innovations with one of `statuses` (those whose sheets count in the statistics), by id. */
  rankable(competitionId: string, statuses: readonly string[], tx?: EntityManager): Promise<RankableInnovation[]> {
    return this.m(tx).query(
      `SELECT i.id, i.title, i.category, i.submitted_at AS "submittedAt", o.id AS "organizationId", o.name AS organization, r.name AS region, r.id AS "regionId", i.status
         FROM innovations i JOIN organizations o ON o.id = i.organization_id JOIN regions r ON r.id = i.region_id
        WHERE i.competition_id = $1 AND i.status = ANY($2::varchar[]) AND i.submitted_at IS NOT NULL
        ORDER BY i.id`,
      [competitionId, statuses],
    );
  }

  /**
   * The organization's innovations in other editions published before (their latest snapshot), with the rank
   * and category they got there (null when not ranked). Few rows: one organization's history.
   */
  earlierEntriesOf(
    organizationId: string,
    competitionId: string,
    year: number,
  ): Promise<
    {
      innovationId: string;
      title: string;
      competitionId: string;
      competition: string;
      year: number;
      snapshotId: string;
      category: string | null;
      rank: number | null;
    }[]
  > {
    return this.m().query(
      `SELECT i.id AS "innovationId", i.title, c.id AS "competitionId", c.name AS competition, c.year, s.id AS "snapshotId", hit.category, hit.rank
         FROM innovations i
         JOIN competitions c ON c.id = i.competition_id
         JOIN LATERAL (SELECT id, output FROM ranking_snapshots WHERE competition_id = c.id ORDER BY version DESC LIMIT 1) s ON true
         LEFT JOIN LATERAL (
           SELECT cat.key AS category, (row->>'rank')::int AS rank
             FROM jsonb_each(s.output->'categories') cat, jsonb_array_elements(cat.value) row
            WHERE row->>'submission' = i.id::text LIMIT 1) hit ON true
        WHERE i.organization_id = $1 AND i.competition_id <> $2 AND c.year <= $3
        ORDER BY c.year DESC, c.name, i.title`,
      [organizationId, competitionId, year],
    );
  }

  latestSnapshot(competitionId: string, tx?: EntityManager): Promise<RankingSnapshotEntity | null> {
    return this.m(tx).findOne(RankingSnapshotEntity, { where: { competitionId }, order: { version: 'DESC' } });
  }

  /** The latest snapshot's id and version, without its input and output (tens of MB for a national edition). */
  async latestVersion(competitionId: string, tx?: EntityManager): Promise<{ id: string; version: number } | null> {
    const rows: { id: string; version: number }[] = await this.m(tx).query(
      `SELECT id, version FROM ranking_snapshots WHERE competition_id = $1 ORDER BY version DESC LIMIT 1`,
      [competitionId],
    );
    return rows[0] ?? null;
  }

  /** A snapshot by id; without `withInput` its input is left out (undefined). */
  snapshot(id: string, withInput = true): Promise<RankingSnapshotEntity | null> {
    if (withInput) return this.m().findOne(RankingSnapshotEntity, { where: { id } });
    return this.m().findOne(RankingSnapshotEntity, {
      where: { id },
      select: {
        id: true,
        competitionId: true,
        version: true,
        output: true,
        hash: true,
        reason: true,
        labels: true,
        publishedBy: true,
        publishedAt: true,
      },
    });
  }

  versions(competitionId: string): Promise<Pick<RankingSnapshotEntity, 'id' | 'version' | 'hash' | 'reason' | 'publishedAt'>[]> {
    return this.m().find(RankingSnapshotEntity, {
      where: { competitionId },
      select: { id: true, version: true, hash: true, reason: true, publishedAt: true },
      order: { version: 'DESC' },
    });
  }

  /**
   * Stores a snapshot in one binary COPY row, the input as the canonical JSON its hash was taken over (as the index's
   * snapshots are): no second serialization of a national input, no escaping, no query parameter holding its copy.
   */
  async insertSnapshot(tx: EntityManager, row: SnapshotRow): Promise<{ id: string; version: number; hash: string; publishedAt: Date }> {
    const { competitionId, inputJson, output, hash, ...rest } = row;
    return copyStreamedSnapshot(tx, 'ranking_snapshots', { ...rest, ownerId: competitionId }, inputJson, () => ({ output, hash }));
  }

  latestAnnouncement(competitionId: string, tx?: EntityManager): Promise<RankingAnnouncementEntity | null> {
    return this.m(tx).findOne(RankingAnnouncementEntity, { where: { competitionId }, order: { createdAt: 'DESC' } });
  }

  insertAnnouncement(tx: EntityManager, row: Partial<RankingAnnouncementEntity>): Promise<RankingAnnouncementEntity> {
    return tx.save(tx.create(RankingAnnouncementEntity, row));
  }

  objections(announcementId: string, tx?: EntityManager): Promise<ObjectionEntity[]> {
    return this.m(tx).find(ObjectionEntity, { where: { announcementId }, order: { filedAt: 'ASC' } });
  }

  objectionsOfInnovation(innovationId: string): Promise<ObjectionEntity[]> {
    return this.m().find(ObjectionEntity, { where: { innovationId }, order: { filedAt: 'ASC' } });
  }

  /** Whether any objection of the competition was upheld (only those reopen judging after a stage closed). */
  async hasUpheldObjection(competitionId: string, tx?: EntityManager): Promise<boolean> {
    return this.m(tx).exists(ObjectionEntity, { where: { competitionId, decision: 'upheld' } });
  }

  objection(id: string, tx?: EntityManager): Promise<ObjectionEntity | null> {
    return this.m(tx).findOne(ObjectionEntity, { where: { id }, lock: tx ? { mode: 'pessimistic_write' } : undefined });
  }

  saveObjection(tx: EntityManager, row: Partial<ObjectionEntity>): Promise<ObjectionEntity> {
    return tx.save(tx.create(ObjectionEntity, row));
  }

  /** Published competitions with their latest snapshot, for the public list. */
  publicCompetitions(): Promise<
    {
      id: string;
      slug: string;
      name: string;
      year: number;
      status: string;
      description: string | null;
      snapshotId: string | null;
      version: number | null;
      publishedAt: Date | null;
      innovations: number;
    }[]
  > {
    return this.m().query(
      `SELECT c.id, c.slug, c.name, c.year, c.status, c.description, s.id AS "snapshotId", s.version, s.published_at AS "publishedAt",
              (SELECT count(*)::int FROM innovations i WHERE i.competition_id = c.id AND i.submitted_at IS NOT NULL AND i.status NOT IN ('withdrawn', 'draft')) AS innovations
         FROM competitions c
         LEFT JOIN LATERAL (SELECT id, version, published_at FROM ranking_snapshots WHERE competition_id = c.id ORDER BY version DESC LIMIT 1) s ON true
        WHERE c.status <> 'draft'
        ORDER BY c.year DESC, c.name`,
    );
  }

  /** The public catalogue: submitted innovations of competitions past draft, never drafts or withdrawn ones. */
  async catalogue(
    f: CatalogueFilter,
    tsquery: string | null,
    page: number,
    pageSize: number,
  ): Promise<{ items: Record<string, unknown>[]; total: number }> {
    const where: string[] = [`c.status <> 'draft'`, `i.submitted_at IS NOT NULL`, `i.status IN ('submitted', 'eliminated')`];
    const params: unknown[] = [];
    const add = (sql: string, v: unknown) => {
      params.push(v);
      where.push(sql.replaceAll('?', `$${params.length}`));
    };
    if (tsquery) add(`to_tsvector('simple', coalesce(i.title, '') || ' ' || coalesce(i.summary, '')) @@ to_tsquery('simple', ?)`, tsquery);
    if (f.regionId) add(`(i.region_id = ? OR i.province_id = ?)`, f.regionId);
    if (f.category) add(`i.category = ?`, f.category);
    if (f.digital !== undefined) add(`i.digital = ?`, f.digital);
    if (f.competition) add(`c.slug = ?`, f.competition);
    const sqlWhere = where.join(' AND ');
    const [{ total }] = await this.m().query(
      `SELECT count(*)::int AS total FROM innovations i JOIN competitions c ON c.id = i.competition_id WHERE ${sqlWhere}`,
      params,
    );
    const items = await this.m().query(
      `SELECT i.id, i.title, i.summary, i.category, i.digital, i.phase, i.government_affair AS "governmentAffair", i.start_date AS "startDate",
              o.name AS organization, r.name AS region, r.id AS "regionId", c.slug AS competition, c.name AS "competitionName", c.year
         FROM innovations i JOIN competitions c ON c.id = i.competition_id JOIN organizations o ON o.id = i.organization_id JOIN regions r ON r.id = i.region_id
        WHERE ${sqlWhere} ORDER BY c.year DESC, i.title, i.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      params,
    );
    return { items, total };
  }

  publicInnovation(id: string): Promise<Record<string, unknown> | undefined> {
    return this.m()
      .query(
        `SELECT i.id, i.title, i.summary, i.category, i.digital, i.phase, i.government_affair AS "governmentAffair", i.start_date AS "startDate",
                i.problem, i.approach, i.results, i.replicability, i.sustainability, i.competition_id AS "competitionId",
                o.name AS organization, r.name AS region, c.slug AS competition, c.name AS "competitionName", c.year
           FROM innovations i JOIN competitions c ON c.id = i.competition_id JOIN organizations o ON o.id = i.organization_id JOIN regions r ON r.id = i.region_id
          WHERE i.id = $1 AND c.status <> 'draft' AND i.submitted_at IS NOT NULL AND i.status IN ('submitted', 'eliminated')`,
        [id],
      )
      .then((rows: Record<string, unknown>[]) => rows[0]);
  }
}
