import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { ByteKeys, copyOutBinary, gzipChunks, uuidBytes } from '@app/database';
import type { IndexAnswerTable } from '@app/regional-index';
import {
  IndexAnswerEntity,
  IndexDocumentEntity,
  IndexEditionEntity,
  IndexInnovationEntity,
  IndexParticipantEntity,
  IndexSnapshotEntity,
  IndexValidatorEntity,
} from './index-editions.entities';

export interface RegionRow {
  id: string;
  name: string;
  kind: string;
  parentId: string | null;
  /** Directory tags (daerah_tertinggal, perbatasan, kepulauan …): index groups beside the province. */
  tags: string[];
}

/** The SQL of index editions: editions, participants, reported innovations, answers, validators, snapshots. */
@Injectable()
export class IndexEditionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  m(tx?: EntityManager): EntityManager {
    return tx ?? this.db.manager;
  }

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  edition(id: string, tx?: EntityManager): Promise<IndexEditionEntity | null> {
    return this.m(tx).findOne(IndexEditionEntity, { where: { id } });
  }

  editionBySlug(slug: string): Promise<IndexEditionEntity | null> {
    return this.m().findOne(IndexEditionEntity, { where: { slug } });
  }

  /** The edition row locked for a command that changes it or depends on its status. */
  lockEdition(tx: EntityManager, id: string): Promise<IndexEditionEntity | null> {
    return tx.findOne(IndexEditionEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Share-locks the edition: its status cannot move under an answer being written. */
  holdEdition(tx: EntityManager, id: string): Promise<IndexEditionEntity | null> {
    return tx.findOne(IndexEditionEntity, { where: { id }, lock: { mode: 'pessimistic_read' } });
  }

  editions(filter: { createdBy?: string; pastDraft?: boolean }): Promise<IndexEditionEntity[]> {
    const qb = this.m().createQueryBuilder(IndexEditionEntity, 'e').orderBy('e.year', 'DESC').addOrderBy('e.name').addOrderBy('e.id');
    if (filter.createdBy) qb.andWhere('e.created_by = :by', { by: filter.createdBy });
    if (filter.pastDraft) qb.andWhere(`e.status <> 'draft'`);
    return qb.getMany();
  }

  saveEdition(tx: EntityManager, row: Partial<IndexEditionEntity>): Promise<IndexEditionEntity> {
    return tx.save(tx.create(IndexEditionEntity, row));
  }

  slugTaken(slug: string, tx: EntityManager): Promise<boolean> {
    return tx.exists(IndexEditionEntity, { where: { slug } });
  }

  region(id: string, tx?: EntityManager): Promise<RegionRow | undefined> {
    return this.m(tx)
      .query(`SELECT id, name, kind, parent_id AS "parentId", tags FROM regions WHERE id = $1`, [id])
      .then((rows: RegionRow[]) => rows[0]);
  }

  regions(ids: string[], tx?: EntityManager): Promise<RegionRow[]> {
    return ids.length
      ? this.m(tx).query(`SELECT id, name, kind, parent_id AS "parentId", tags FROM regions WHERE id = ANY($1::uuid[]) ORDER BY id`, [ids])
      : Promise.resolve([]);
  }

  organizationRegion(organizationId: string, tx?: EntityManager): Promise<string | undefined> {
    return this.m(tx)
      .query(`SELECT region_id FROM organizations WHERE id = $1`, [organizationId])
      .then((rows: { region_id: string }[]) => rows[0]?.region_id);
  }

  /** Organization id → region id, for the organizations validators are affiliated with. */
  async organizationRegions(organizationIds: string[], tx?: EntityManager): Promise<Map<string, string>> {
    const rows: { id: string; region_id: string }[] = organizationIds.length
      ? await this.m(tx).query(`SELECT id, region_id FROM organizations WHERE id = ANY($1::uuid[])`, [organizationIds])
      : [];
    return new Map(rows.map((r) => [r.id, r.region_id]));
  }

  /** Active coordinators of these regions. */
  async coordinatorsOf(regionIds: string[], tx?: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = regionIds.length
      ? await this.m(tx).query(`SELECT id FROM users WHERE role = 'coordinator' AND active AND region_id = ANY($1::uuid[]) ORDER BY id`, [
          regionIds,
        ])
      : [];
    return rows.map((r) => r.id);
  }

  /** Every (indicator, option) an answer of the edition names, as its self or its verified option. */
  answeredOptions(editionId: string, tx?: EntityManager): Promise<{ indicator: string; option: string }[]> {
    return this.m(tx).query(
      `SELECT indicator, self_option AS option FROM index_answers WHERE edition_id = $1
       UNION SELECT indicator, verified_option FROM index_answers WHERE edition_id = $1 AND verified_option IS NOT NULL`,
      [editionId],
    );
  }

  /** Active coordinators of every region of these kinds (those an edition ranking them invites). */
  async coordinatorsOfKinds(kinds: string[], tx?: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = kinds.length
      ? await this.m(tx).query(
          `SELECT u.id FROM users u JOIN regions r ON r.id = u.region_id
            WHERE u.role = 'coordinator' AND u.active AND r.kind = ANY($1::text[]) ORDER BY u.id`,
          [kinds],
        )
      : [];
    return rows.map((r) => r.id);
  }

  /** Per region: how many answers it gave and how many a validator verified (the verification progress). */
  async verificationProgress(editionId: string, regionIds: string[]): Promise<Map<string, { answers: number; verified: number }>> {
    const rows: { region_id: string; answers: number; verified: number }[] = regionIds.length
      ? await this.m().query(
          `SELECT region_id, count(*)::int AS answers, count(verified_option)::int AS verified FROM index_answers WHERE edition_id = $1 AND region_id = ANY($2::uuid[]) GROUP BY region_id`,
          [editionId, regionIds],
        )
      : [];
    return new Map(rows.map((r) => [r.region_id, { answers: r.answers, verified: r.verified }]));
  }

  /** Display names of user accounts (validators on the organizer's progress page). */
  async userNames(ids: string[]): Promise<Map<string, string>> {
    const rows: { id: string; name: string }[] = ids.length
      ? await this.m().query(`SELECT id, name FROM users WHERE id = ANY($1::uuid[])`, [ids])
      : [];
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  participant(editionId: string, regionId: string, tx?: EntityManager): Promise<IndexParticipantEntity | null> {
    return this.m(tx).findOne(IndexParticipantEntity, { where: { editionId, regionId } });
  }

  /** The participant row, created on first use and locked until `tx` ends. */
  async lockParticipant(tx: EntityManager, editionId: string, regionId: string): Promise<IndexParticipantEntity> {
    await tx.query(`INSERT INTO index_participants (edition_id, region_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [editionId, regionId]);
    return (await tx.findOne(IndexParticipantEntity, { where: { editionId, regionId }, lock: { mode: 'pessimistic_write' } }))!;
  }

  participants(editionId: string, tx?: EntityManager): Promise<IndexParticipantEntity[]> {
    return this.m(tx).find(IndexParticipantEntity, { where: { editionId }, order: { regionId: 'ASC' } });
  }

  saveParticipant(tx: EntityManager, row: IndexParticipantEntity): Promise<IndexParticipantEntity> {
    return tx.save(row);
  }

  innovation(id: string, tx?: EntityManager): Promise<IndexInnovationEntity | null> {
    return this.m(tx).findOne(IndexInnovationEntity, { where: { id } });
  }

  innovations(
    editionId: string,
    filter: { regionIds?: string[]; organizationId?: string } = {},
    tx?: EntityManager,
  ): Promise<IndexInnovationEntity[]> {
    return this.m(tx).find(IndexInnovationEntity, {
      where: {
        editionId,
        ...(filter.regionIds ? { regionId: In(filter.regionIds) } : {}),
        ...(filter.organizationId ? { organizationId: filter.organizationId } : {}),
      },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  reported(editionId: string, innovationId: string, tx: EntityManager): Promise<boolean> {
    return tx.exists(IndexInnovationEntity, { where: { editionId, innovationId } });
  }

  saveInnovation(tx: EntityManager, row: Partial<IndexInnovationEntity>): Promise<IndexInnovationEntity> {
    return tx.save(tx.create(IndexInnovationEntity, row));
  }

  answers(editionId: string, regionIds?: string[], tx?: EntityManager): Promise<IndexAnswerEntity[]> {
    return this.m(tx).find(IndexAnswerEntity, {
      where: { editionId, ...(regionIds ? { regionId: In(regionIds) } : {}) },
      order: { owner: 'ASC', indicator: 'ASC' },
    });
  }

  /**
   * What the index reads of the regions' innovations and answers, in the §4b shapes: the answers as one JSON
   * text PostgreSQL builds (a national edition holds ≈ 750k; no entity per row, one round trip). An answer's
   * `note` is the validator's note to the region where the verified option differs from the region's (published).
   */
  async indexRows(
    editionId: string,
    regionIds: string[],
    tx?: EntityManager,
  ): Promise<{
    innovations: { id: string; regionId: string; title: string; eligible: boolean | null }[];
    answers: {
      indicator: string;
      region: string | null;
      innovation: string | null;
      self: string;
      verified: string | null;
      note: string | null;
    }[];
  }> {
    if (!regionIds.length) return { innovations: [], answers: [] };
    const innovations = await this.indexInnovations(editionId, regionIds, tx);
    // Plain rows (null where a field is absent): a third of the time of one json_agg text parsed again in Node. The
    // validator's note to the region rides with an answer whose verified option differs from the region's (public).
    const answers = await this.m(tx).query(
      `SELECT indicator, CASE WHEN index_innovation_id IS NULL THEN region_id END AS region, index_innovation_id AS innovation,
              self_option AS self, verified_option AS verified,
              CASE WHEN verified_option <> self_option THEN nullif(btrim(verified_note), '') END AS note
         FROM index_answers WHERE edition_id = $1 AND region_id = ANY($2::uuid[])`,
      [editionId, regionIds],
    );
    return { innovations, answers };
  }

  /**
   * The answers of {@link indexRows} put into `table` by position, read as bytes (COPY, binary format): no string
   * nor object per answer; the ids, indicator and option keys are found by their bytes. False when a row is one the
   * table does not take (an unknown indicator, option or owner, a second answer …): {@link indexRows} and the
   * reference then say what is wrong.
   */
  async readAnswers(tx: EntityManager, editionId: string, regionIds: string[], table: IndexAnswerTable): Promise<boolean> {
    const { indicators, regions, innovations } = table.prepared;
    const ids = [editionId, ...regionIds].map(uuidBytes);
    const regionKeys = regions.map((r) => uuidBytes(r.id));
    const innovationKeys = innovations.map((r) => uuidBytes(r.id));
    if ([...ids, ...regionKeys, ...innovationKeys].includes(null) || !regionIds.length) return false;
    const byIndicator = new ByteKeys(indicators.map((x) => Buffer.from(x.key, 'utf8')));
    const options = indicators.map((x) => new ByteKeys(x.options.map((o) => Buffer.from(o.key, 'utf8'))));
    const byRegion = new ByteKeys(regionKeys as Buffer[]);
    const byInnovation = new ByteKeys(innovationKeys as Buffer[]);
    // uuids checked above: safe as literals (COPY takes no parameters). Columns as indexRows reads them.
    const query = `SELECT indicator, CASE WHEN index_innovation_id IS NULL THEN region_id END, index_innovation_id, self_option, verified_option,
              CASE WHEN verified_option <> self_option THEN nullif(btrim(verified_note), '') END
         FROM index_answers WHERE edition_id = '${editionId}' AND region_id = ANY('{${regionIds.join(',')}}'::uuid[])`;
    let taken = true;
    // A note is decoded once while the same bytes repeat (a validator's note often does).
    let noteBytes = Buffer.alloc(0);
    let noteText = '';
    const noteAt = (bytes: Buffer, start: number, length: number): string => {
      if (length !== noteBytes.length || bytes.compare(noteBytes, 0, length, start, start + length) !== 0) {
        noteBytes = Buffer.from(bytes.subarray(start, start + length));
        noteText = noteBytes.toString('utf8');
      }
      return noteText;
    };
    await copyOutBinary(tx, query, 6, (bytes, f) => {
      if (!taken) return;
      const indicator = byIndicator.get(bytes, f[0], f[1]);
      const region = f[3] >= 0;
      const owner = region ? byRegion.get(bytes, f[2], f[3]) : f[5] >= 0 ? byInnovation.get(bytes, f[4], f[5]) : -1;
      const keys = options[indicator];
      const self = keys && f[7] >= 0 ? keys.get(bytes, f[6], f[7]) : -1;
      const verified = !keys ? -2 : f[9] < 0 ? -1 : keys.get(bytes, f[8], f[9]);
      const note = f[11] < 0 ? null : noteAt(bytes, f[10], f[11]);
      if (indicator < 0 || owner < 0 || self < 0 || (f[9] >= 0 && verified < 0) || verified < -1) taken = false;
      else if (table.add(indicator, region, owner, self, verified, note) < 0) taken = false;
    });
    return taken;
  }

  /** The regions' reported innovations as the index reads them (indexRows without the answers). */
  indexInnovations(
    editionId: string,
    regionIds: string[],
    tx?: EntityManager,
  ): Promise<{ id: string; regionId: string; title: string; eligible: boolean | null }[]> {
    return this.m(tx).query(
      `SELECT id, region_id AS "regionId", title, eligible FROM index_innovations WHERE edition_id = $1 AND region_id = ANY($2::uuid[])`,
      [editionId, regionIds],
    );
  }

  answer(editionId: string, owner: string, indicator: string, tx: EntityManager): Promise<IndexAnswerEntity | null> {
    return tx.findOne(IndexAnswerEntity, { where: { editionId, owner, indicator }, lock: { mode: 'pessimistic_write' } });
  }

  answerById(id: string, tx: EntityManager): Promise<IndexAnswerEntity | null> {
    return tx.findOne(IndexAnswerEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** An answer, read without a lock. */
  answerRead(id: string): Promise<IndexAnswerEntity | null> {
    return this.m().findOne(IndexAnswerEntity, { where: { id } });
  }

  saveAnswer(tx: EntityManager, row: Partial<IndexAnswerEntity>): Promise<IndexAnswerEntity> {
    return tx.save(tx.create(IndexAnswerEntity, row));
  }

  documents(answerIds: string[], tx?: EntityManager): Promise<IndexDocumentEntity[]> {
    return answerIds.length
      ? this.m(tx).find(IndexDocumentEntity, { where: { answerId: In(answerIds) }, order: { createdAt: 'ASC', id: 'ASC' } })
      : Promise.resolve([]);
  }

  /** Of these answers, those that follow from a linked survey period (index_survey_answers). */
  async surveyBacked(answerIds: string[], tx?: EntityManager): Promise<Set<string>> {
    if (!answerIds.length) return new Set();
    const rows: { id: string }[] = await this.m(tx).query(
      `SELECT answer_id AS id FROM index_survey_answers WHERE answer_id = ANY($1::uuid[])`,
      [answerIds],
    );
    return new Set(rows.map((r) => r.id));
  }

  document(id: string): Promise<IndexDocumentEntity | null> {
    return this.m().findOne(IndexDocumentEntity, { where: { id } });
  }

  insertDocument(tx: EntityManager, row: Partial<IndexDocumentEntity>): Promise<IndexDocumentEntity> {
    return tx.save(tx.create(IndexDocumentEntity, row));
  }

  validators(
    editionId: string,
    filter: { validatorId?: string; regionId?: string } = {},
    tx?: EntityManager,
  ): Promise<IndexValidatorEntity[]> {
    return this.m(tx).find(IndexValidatorEntity, { where: { editionId, ...filter }, order: { regionId: 'ASC', validatorId: 'ASC' } });
  }

  async addValidators(tx: EntityManager, rows: { editionId: string; regionId: string; validatorId: string }[]): Promise<void> {
    if (rows.length) await tx.createQueryBuilder().insert().into(IndexValidatorEntity).values(rows).orIgnore().execute();
  }

  isValidator(editionId: string, regionId: string, validatorId: string, tx?: EntityManager): Promise<boolean> {
    return this.m(tx).exists(IndexValidatorEntity, { where: { editionId, regionId, validatorId } });
  }

  /** The latest snapshot (without its input: {@link snapshotInput}). */
  latestSnapshot(editionId: string, tx?: EntityManager): Promise<IndexSnapshotEntity | null> {
    return this.m(tx).findOne(IndexSnapshotEntity, { where: { editionId }, order: { version: 'DESC' } });
  }

  /** The latest published version's number (null: none), without its snapshot (a national one holds megabytes of output and labels). */
  async latestVersion(editionId: string, tx?: EntityManager): Promise<number | null> {
    const [row] = await this.m(tx).query(`SELECT max(version) AS version FROM index_snapshots WHERE edition_id = $1`, [editionId]);
    return row?.version ?? null;
  }

  snapshotByVersion(editionId: string, version: number): Promise<IndexSnapshotEntity | null> {
    return this.m().findOne(IndexSnapshotEntity, { where: { editionId, version } });
  }

  /** The published versions of an edition by slug, newest first; one small query. */
  publishedVersions(slug: string): Promise<{ id: string; version: number }[]> {
    return this.m().query(
      `SELECT s.id, s.version FROM index_snapshots s JOIN index_editions e ON e.id = s.edition_id WHERE e.slug = $1 ORDER BY s.version DESC`,
      [slug],
    );
  }

  /** A snapshot without its input ({@link snapshotInput}). */
  snapshot(id: string): Promise<IndexSnapshotEntity | null> {
    return this.m().findOne(IndexSnapshotEntity, { where: { id } });
  }

  /** A snapshot's stored input: its canonical JSON as gzip (null: no such snapshot). */
  async snapshotInput(id: string): Promise<Buffer | null> {
    const [row] = await this.m().query(`SELECT input_gzip AS "inputGzip" FROM index_snapshots WHERE id = $1`, [id]);
    return row?.inputGzip ?? null;
  }

  versions(editionId: string): Promise<Pick<IndexSnapshotEntity, 'id' | 'version' | 'hash' | 'reason' | 'publishedAt'>[]> {
    return this.m().find(IndexSnapshotEntity, {
      where: { editionId },
      select: { id: true, version: true, hash: true, reason: true, publishedAt: true },
      order: { version: 'DESC' },
    });
  }

  /**
   * Stores a published snapshot in `tx`: its input's canonical JSON, given in chunks as it is written, gzipped as they
   * come (in the thread pool, while the next are written); then `finish` gives the output and hash (taken over the
   * same chunks) and one INSERT stores the row with the gzip as a bytea parameter (~8 MB for a national edition: not
   * ~108 MB of JSON for PostgreSQL to take in, check and compress). Nothing is stored when `input` or `finish` fails.
   */
  async insertSnapshot(
    tx: EntityManager,
    row: Pick<IndexSnapshotEntity, 'editionId' | 'version' | 'reason' | 'labels' | 'publishedBy'>,
    input: Iterable<Buffer>,
    finish: () => Pick<IndexSnapshotEntity, 'output' | 'hash'>,
  ): Promise<Pick<IndexSnapshotEntity, 'id' | 'version' | 'hash' | 'reason' | 'publishedAt'>> {
    const inputGzip = await gzipChunks(input);
    const { output, hash } = finish();
    const [saved] = await tx.query(
      `INSERT INTO index_snapshots (edition_id, version, input_gzip, output, hash, reason, labels, published_by)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7::jsonb, $8) RETURNING id, version, hash, reason, published_at AS "publishedAt"`,
      [row.editionId, row.version, inputGzip, JSON.stringify(output), hash, row.reason, JSON.stringify(row.labels), row.publishedBy],
    );
    return saved;
  }

  /** Editions with a published snapshot, newest year first, with their latest version. */
  publicEditions(): Promise<
    {
      id: string;
      slug: string;
      name: string;
      year: number;
      status: string;
      snapshotId: string;
      version: number;
      hash: string;
      publishedAt: Date;
    }[]
  > {
    return this.m().query(
      `SELECT e.id, e.slug, e.name, e.year, e.status, s.id AS "snapshotId", s.version, s.hash, s.published_at AS "publishedAt"
         FROM index_editions e
         JOIN LATERAL (SELECT id, version, hash, published_at FROM index_snapshots WHERE edition_id = e.id ORDER BY version DESC LIMIT 1) s ON true
        ORDER BY e.year DESC, e.name, e.id`,
    );
  }
}
