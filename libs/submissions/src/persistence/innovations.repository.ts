import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder, In } from 'typeorm';
import type { OrganizationScope } from '@app/common';
import { COMPETITION_VIEW_JSON_SQL, COMPETITION_VIEW_STAMP_SQL } from '@app/competitions';
import { isoTimestampSql, PreparedStatements } from '@app/database';
import { DocumentEntity, InnovationEntity, InnovationStatusHistoryEntity, SEARCH_EXPRESSION } from './innovation.entity';
import { duplicateTitles, ENTRY_STATUSES, type InnovationStatus } from '../domain';

export interface InnovationFilter {
  category?: string;
  status?: InnovationStatus;
  stage?: string;
  regionId?: string;
  organizationId?: string;
  q?: string;
}

/** Prefix search over title and summary: "sita antar" → 'sita:* & antar:*'. */
export function prefixQuery(q: string): string | null {
  const words = q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length
    ? words
        .slice(0, 8)
        .map((w) => `${w}:*`)
        .join(' & ')
    : null;
}

/**
 * The columns of `InnovationSummaryView` of the innovation `i`, named as the view names them (timestamps as
 * JSON.stringify writes them), for `row_to_json`; `named`: with the organization's and region's names (`o`, `r`),
 * as list rows have them.
 */
function summaryColumnsSql(named: boolean): string {
  return `i.id, i.competition_id AS "competitionId", i.organization_id AS "organizationId", ${named ? 'o.name AS "organizationName", ' : ''}
          i.region_id AS "regionId", ${named ? 'r.name AS "regionName", ' : ''}i.category, i.status, i.current_stage AS "currentStage", i.title,
          i.phase, i.digital, ${isoTimestampSql('i.submitted_at')} AS "submittedAt", ${isoTimestampSql('i.created_at')} AS "createdAt",
          ${isoTimestampSql('i.updated_at')} AS "updatedAt", i.version`;
}

@Injectable()
export class InnovationsRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly prepared: PreparedStatements,
  ) {}

  private m(tx?: EntityManager): EntityManager {
    return tx ?? this.db.manager;
  }

  findById(id: string, tx?: EntityManager): Promise<InnovationEntity | null> {
    return this.m(tx).findOne(InnovationEntity, { where: { id } });
  }

  lock(tx: EntityManager, id: string): Promise<InnovationEntity | null> {
    return tx.findOne(InnovationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  insert(tx: EntityManager, row: Partial<InnovationEntity>): Promise<InnovationEntity> {
    return tx.save(tx.create(InnovationEntity, row));
  }

  save(tx: EntityManager, row: InnovationEntity): Promise<InnovationEntity> {
    return tx.save(row);
  }

  private scoped(qb: SelectQueryBuilder<InnovationEntity>, scope: OrganizationScope): SelectQueryBuilder<InnovationEntity> {
    if (scope.kind === 'none') qb.andWhere('false');
    if (scope.kind === 'organization') qb.andWhere('i.organization_id = :scopeOrg', { scopeOrg: scope.organizationId });
    if (scope.kind === 'region')
      qb.andWhere('(i.region_id = :scopeRegion OR i.province_id = :scopeRegion)', { scopeRegion: scope.regionId });
    return qb;
  }

  /**
   * One page of a competition's innovations, newest first, as list rows (no proposal texts) with the
   * organization's and region's names, and the exact total. The page is one indexed query
   * (innovations_list_idx); the total of a filter on category, status and stage alone comes from
   * innovation_counts (kept by triggers), anything narrower is counted. The rows come as one JSON array made by
   * PostgreSQL, in the shape of `InnovationSummaryView` (timestamps as JSON.stringify writes them): the API
   * sends it as it is, without parsing rows into objects and serializing them again (bench/RESULTS.md).
   *
   * With a bucket total the page comes with the `stamp` of what it is made of (null otherwise), read by the same
   * statement; `itemsJson` is null when that stamp is `keptStamp` (the caller keeps the page of a stamp). Any
   * committed change of a listed row, of the rows that make the page (one entering or leaving it), of a listed
   * organization's or region's name or of the total gives another stamp, whoever made it.
   */
  async listSummaries(
    competitionId: string,
    scope: OrganizationScope,
    f: InnovationFilter,
    page: number,
    pageSize: number,
    keptStamp: string | null = null,
  ): Promise<{ itemsJson: string | null; total: number; stamp: string | null }> {
    const params: unknown[] = [competitionId];
    const p = (value: unknown) => `$${params.push(value)}`;
    const where = ['i.competition_id = $1'];
    if (scope.kind === 'none') where.push('false');
    if (scope.kind === 'organization') where.push(`i.organization_id = ${p(scope.organizationId)}`);
    if (scope.kind === 'region') where.push(`(i.region_id = ${p(scope.regionId)} OR i.province_id = $${params.length})`);
    const bucketOnly = where.length === 1 && !f.regionId && !f.organizationId && !f.q;
    const bucket: string[] = [];
    for (const [column, value] of [
      ['category', f.category],
      ['status', f.status],
      ['current_stage', f.stage],
    ] as const) {
      if (value === undefined) continue;
      where.push(`i.${column} = ${p(value)}`);
      bucket.push(`${column} = $${params.length}`);
    }
    if (f.regionId) where.push(`i.region_id = ${p(f.regionId)}`);
    if (f.organizationId) where.push(`i.organization_id = ${p(f.organizationId)}`);
    const tsq = f.q ? prefixQuery(f.q) : null;
    if (f.q && !tsq) where.push('false');
    if (tsq) where.push(`${SEARCH_EXPRESSION.replace(/\b(title|summary)\b/g, 'i.$1')} @@ to_tsquery('simple', ${p(tsq)})`);
    const filterParams = [...params];
    const bucketTotal = `SELECT coalesce(sum(n), 0)::int FROM innovation_counts WHERE competition_id = $1${bucket.map((b) => ` AND ${b}`).join('')}`;
    // One round trip: with a bucket filter the total rides along as an uncorrelated sub-select (one lookup).
    // The page size is written into the statement and page 1 has no OFFSET: with LIMIT or OFFSET as parameters
    // PostgreSQL never settles on the statement's generic plan and plans it again on every execution (≈ 0.3 ms,
    // more than the execution itself on the national edition).
    if (!Number.isInteger(pageSize) || pageSize < 1) throw new Error(`pageSize must be a positive integer (got ${pageSize})`);
    const limit = String(pageSize);
    const offset = page > 1 ? ` OFFSET ${p((page - 1) * pageSize)}` : '';
    // The page's stamp: each row's id and version (`xmin`), its organization's and region's versions (the names),
    // and the bucket total. The same stamp means the same page; the JSON is made only when the stamp is not
    // `keptStamp` (on a miss the names are joined twice, once for the stamp and once for the JSON).
    const kept = p(bucketOnly ? keptStamp : null);
    const names = 'LEFT JOIN organizations o ON o.id = i.organization_id LEFT JOIN regions r ON r.id = o.region_id';
    const [row] = await this.prepared.query<{ stamp: string; items: string | null; n: number; total: number | null }>(
      this.db.manager,
      `WITH page AS MATERIALIZED (
              SELECT i.id, i.competition_id, i.organization_id, i.region_id, i.category, i.status, i.current_stage, i.title, i.phase, i.digital,
                     i.submitted_at, i.created_at, i.updated_at, i.version, i.xmin AS row_version
                FROM innovations i WHERE ${where.join(' AND ')} ORDER BY i.created_at DESC, i.id DESC LIMIT ${limit}${offset})
       SELECT k.stamp, k.n, k.total, CASE WHEN k.stamp IS DISTINCT FROM ${kept} THEN (
                SELECT '[' || coalesce(string_agg(row_to_json(v)::text, ',' ORDER BY i.created_at DESC, i.id DESC), '') || ']'
                  FROM page i ${names} CROSS JOIN LATERAL (SELECT ${summaryColumnsSql(true)}) v) END AS items
         FROM (SELECT md5(s.versions || '|' || coalesce(s.total::text, '')) AS stamp, s.n, s.total
                 FROM (SELECT coalesce(string_agg(i.id::text || ':' || i.row_version::text || ':' || coalesce(o.xmin::text, '') || ':' || coalesce(r.xmin::text, ''),
                                                  ',' ORDER BY i.created_at DESC, i.id DESC), '') AS versions,
                              count(*)::int AS n, ${bucketOnly ? `(${bucketTotal})` : 'NULL::int'} AS total
                         FROM page i ${names}) s
               OFFSET 0) k`,
      params,
    );
    const stamp = bucketOnly ? row.stamp : null;
    let total: number | undefined;
    if (bucketOnly) total = row.total!;
    else if (row.n > 0 && row.n < pageSize) total = (page - 1) * pageSize + row.n;
    if (total !== undefined) return { itemsJson: row.items, total, stamp };
    const [counted] = await this.db.query(`SELECT count(*)::int AS total FROM innovations i WHERE ${where.join(' AND ')}`, filterParams);
    return { itemsJson: row.items, total: counted.total, stamp };
  }

  /** Titles and entry counts the eligibility rules need (withdrawn entries do not count). */
  /** How many other innovations of the organization count as entries of the edition (`ENTRY_STATUSES`). */
  async entriesOfOrganization(tx: EntityManager, competitionId: string, organizationId: string, excludeId: string): Promise<number> {
    const rows: { n: number }[] = await tx.query(
      `SELECT count(*)::int AS n FROM innovations WHERE competition_id = $1 AND organization_id = $2 AND id <> $3 AND status = ANY($4::text[])`,
      [competitionId, organizationId, excludeId, [...ENTRY_STATUSES]],
    );
    return rows[0].n;
  }

  /** The edition's other entries (`ENTRY_STATUSES`) whose title equals `title` once normalized, with their organization. */
  async sameTitleEntries(
    competitionId: string,
    excludeId: string,
    title: string,
    tx?: EntityManager,
  ): Promise<
    { id: string; title: string; organizationId: string; organizationName: string; status: InnovationStatus; submittedAt: Date | null }[]
  > {
    const rows: {
      id: string;
      title: string;
      organizationId: string;
      organizationName: string;
      status: InnovationStatus;
      submittedAt: Date | null;
    }[] = await this.m(tx).query(
      `SELECT i.id, i.title, i.organization_id AS "organizationId", o.name AS "organizationName", i.status, i.submitted_at AS "submittedAt"
         FROM innovations i JOIN organizations o ON o.id = i.organization_id
        WHERE i.competition_id = $1 AND i.id <> $2 AND i.status = ANY($3::text[]) AND lower(regexp_replace(btrim(normalize(i.title, NFKC)), '\\s+', ' ', 'g')) = lower(regexp_replace(btrim(normalize($4, NFKC)), '\\s+', ' ', 'g'))
        ORDER BY i.submitted_at NULLS LAST, i.id`,
      [competitionId, excludeId, [...ENTRY_STATUSES], title],
    );
    // PostgreSQL narrows the candidates; the domain's normalization (Unicode, Indonesian case) decides.
    return duplicateTitles(title, rows);
  }

  async countByStatus(scope: OrganizationScope, statuses: InnovationStatus[]): Promise<Record<string, number>> {
    const qb = this.m()
      .createQueryBuilder(InnovationEntity, 'i')
      .select('i.status', 'status')
      .addSelect('count(*)::int', 'n')
      .where('i.status IN (:...statuses)', { statuses })
      .groupBy('i.status');
    this.scoped(qb, scope);
    const rows = await qb.getRawMany<{ status: string; n: number }>();
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  }

  /** Every innovation of one organization, in any competition and state, newest first. */
  /**
   * The OPD's innovations page (`MyInnovationsView`) of one organization as JSON text made by PostgreSQL: the
   * editions an OPD sees (past draft) where the organization has an innovation, and the open ones even without,
   * newest first (year, then creation), each as GET /api/competitions/:id reads it with the organization's
   * innovations as list rows, newest first. One prepared statement, with the stamp of what the page is made of —
   * md5 of every visible competition's and its stages' row versions (`COMPETITION_VIEW_STAMP_SQL`) and of the
   * organization's innovations' ids and row versions (`xmin`) — read in the same snapshot; the JSON only when
   * that stamp is not `keptStamp` (the caller keeps the page of a stamp). Any committed change of those rows,
   * through any instance, the worker, the CLI or by hand in SQL, gives another stamp.
   */
  async editionsOfOrganizationJson(organizationId: string, keptStamp: string | null): Promise<{ stamp: string; json: string | null }> {
    const [row] = await this.prepared.query<{ stamp: string; json: string | null }>(
      this.db.manager,
      `SELECT k.stamp, CASE WHEN k.stamp IS DISTINCT FROM $2 THEN (
                SELECT '{"editions":[' || coalesce(string_agg('{"competition":' || ${COMPETITION_VIEW_JSON_SQL} || ',"innovations":' || coalesce(m.items, '[]') || '}', ','
                                                              ORDER BY c.year DESC, date_trunc('milliseconds', c.created_at) DESC, c.name), '') || ']}'
                  FROM competitions c
                  LEFT JOIN (SELECT i.competition_id, '[' || string_agg(row_to_json(v)::text, ',' ORDER BY i.created_at DESC, i.id DESC) || ']' AS items
                               FROM innovations i CROSS JOIN LATERAL (SELECT ${summaryColumnsSql(false)}) v
                              WHERE i.organization_id = $1 GROUP BY i.competition_id) m ON m.competition_id = c.id
                 WHERE c.status <> 'draft' AND (m.items IS NOT NULL OR c.status = 'open')) END AS json
         FROM (SELECT md5((SELECT coalesce(string_agg(c.id::text || ':' || ${COMPETITION_VIEW_STAMP_SQL}, ',' ORDER BY c.id), '')
                             FROM competitions c WHERE c.status <> 'draft')
                          || '|' || (SELECT coalesce(string_agg(i.id::text || ':' || i.xmin::text, ',' ORDER BY i.id), '')
                                       FROM innovations i WHERE i.organization_id = $1)) AS stamp
               OFFSET 0) k`,
      [organizationId, keptStamp],
    );
    return row;
  }

  async waiting(scope: OrganizationScope, statuses: InnovationStatus[], limit = 50): Promise<InnovationEntity[]> {
    const qb = this.m()
      .createQueryBuilder(InnovationEntity, 'i')
      .where('i.status IN (:...statuses)', { statuses })
      .orderBy('i.updated_at', 'ASC')
      .take(limit);
    this.scoped(qb, scope);
    return qb.getMany();
  }

  /** Innovations still in the running that have reached `stageKey` (status submitted), locked for the command. */
  inStage(tx: EntityManager, competitionId: string, stageKey: string): Promise<InnovationEntity[]> {
    return tx.find(InnovationEntity, {
      where: { competitionId, currentStage: stageKey, status: 'submitted' },
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** `{id, title, organizationId}` of these innovations (for other contexts' notifications). */
  identities(ids: string[], tx?: EntityManager): Promise<{ id: string; title: string; organizationId: string }[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.m(tx).find(InnovationEntity, { select: { id: true, title: true, organizationId: true }, where: { id: In(ids) } });
  }

  async setStatus(tx: EntityManager, ids: string[], status: InnovationStatus): Promise<void> {
    if (ids.length)
      await tx.query(`UPDATE innovations SET status = $1, version = version + 1, updated_at = now() WHERE id = ANY($2::uuid[])`, [
        status,
        ids,
      ]);
  }

  async setCurrentStage(tx: EntityManager, ids: string[], stageKey: string): Promise<void> {
    if (ids.length)
      await tx
        .createQueryBuilder()
        .update(InnovationEntity)
        .set({ currentStage: stageKey })
        .where('id = ANY(:ids::uuid[])', { ids })
        .execute();
  }

  async addHistory(tx: EntityManager, rows: Partial<InnovationStatusHistoryEntity>[]): Promise<void> {
    // In chunks: a statement binds at most 65,535 parameters (closing a stage of a national edition writes tens of thousands).
    for (let i = 0; i < rows.length; i += 2000) await tx.insert(InnovationStatusHistoryEntity, rows.slice(i, i + 2000));
  }

  async history(innovationId: string): Promise<(InnovationStatusHistoryEntity & { actorName: string | null })[]> {
    const rows: (InnovationStatusHistoryEntity & { actorName: string | null })[] = await this.db.query(
      `SELECT h.id, h.from_status AS "fromStatus", h.to_status AS "toStatus", h.stage, h.actor_id AS "actorId", h.actor_role AS "actorRole", h.reason, h.reason_code AS "reasonCode", h.reason_params AS "reasonParams", h.at, u.name AS "actorName"
         FROM innovation_status_history h LEFT JOIN users u ON u.id = h.actor_id
        WHERE h.innovation_id = $1 ORDER BY h.at ASC, h.id ASC`,
      [innovationId],
    );
    return rows;
  }

  countDocuments(innovationId: string, tx?: EntityManager, kind: DocumentEntity['kind'] = 'evidence'): Promise<number> {
    return this.m(tx).count(DocumentEntity, { where: { innovationId, kind } });
  }

  documents(innovationId: string, kind?: DocumentEntity['kind']): Promise<DocumentEntity[]> {
    return this.m().find(DocumentEntity, { where: kind ? { innovationId, kind } : { innovationId }, order: { createdAt: 'ASC' } });
  }

  findDocument(id: string, tx?: EntityManager): Promise<DocumentEntity | null> {
    return this.m(tx).findOne(DocumentEntity, { where: { id } });
  }

  insertDocument(tx: EntityManager, row: Partial<DocumentEntity>): Promise<DocumentEntity> {
    return tx.save(tx.create(DocumentEntity, row));
  }

  async deleteDocument(tx: EntityManager, id: string): Promise<void> {
    await tx.delete(DocumentEntity, { id });
  }
}
