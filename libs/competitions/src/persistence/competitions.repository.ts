import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { KeptPages } from '@app/common';
import { ChangeBus, isoTimestampSql, PreparedStatements } from '@app/database';
import { CompetitionEntity, CompetitionOrganizerEntity, CompetitionStageEntity } from './competition.entity';
import type { CompetitionPlan, CompetitionStatus } from '../domain';

/** The first key of the competitions' advisory locks (the second is a hash of the id). */
const COMPETITION_LOCK_SPACE = 7301;

/**
 * The JSON text of `CompetitionView` of the competition `c` (stages in plan order, timestamps as JSON.stringify
 * writes them). Also the editions of the OPD's innovation list (InnovationsRepository.editionsOfOrganizationJson).
 */
export const VIEW_JSON_SQL = `json_build_object(
                'id', c.id, 'slug', c.slug, 'name', c.name, 'year', c.year, 'description', c.description, 'status', c.status, 'plan', c.plan,
                'stages', (SELECT coalesce(json_agg(json_build_object('key', s.key, 'status', s.status, 'openedAt', ${isoTimestampSql('s.opened_at')}, 'closedAt', ${isoTimestampSql('s.closed_at')}) ORDER BY s.position), '[]')
                             FROM competition_stages s WHERE s.competition_id = c.id),
                'createdAt', ${isoTimestampSql('c.created_at')})::text`;

/**
 * What the body of `VIEW_JSON_SQL` is made of, as text: the competition row's and each stage row's version
 * (`xmin`, the transaction that wrote that version; kept as it is when the row is frozen), with the stage keys.
 * Any committed change of the competition or its stages — an update, a stage added or removed, by any instance
 * or by hand — gives another stamp; the same stamp means the same rows, so the same JSON. Transaction ids repeat
 * only after 2^32 transactions: a kept body is dropped after `KEPT_PAGE_MS` (see `KeptPages`).
 */
export const VIEW_STAMP_SQL = `c.xmin::text || (SELECT coalesce(string_agg(' ' || s.key || ':' || s.xmin::text, '' ORDER BY s.key), '')
                                           FROM competition_stages s WHERE s.competition_id = c.id)`;

/** The bodies `viewJson` keeps per process: at most this many competitions, of at most this many bytes together. */
const COMPETITION_VIEWS_KEPT = 500;
const COMPETITION_VIEWS_MAX_BYTES = 16 * 1024 * 1024;

/** Which competitions `list` returns. */
export interface CompetitionListFilter {
  status?: CompetitionStatus;
  memberId?: string;
  excludeDraft?: boolean;
}

@Injectable()
export class CompetitionsRepository {
  private readonly organizerUntil = new Map<string, number>();
  /** The last body `viewJson` read per competition, with its stamp (bounded; validated on every read). */
  private readonly views = new KeptPages(COMPETITION_VIEWS_KEPT, COMPETITION_VIEWS_MAX_BYTES);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly changes: ChangeBus,
    private readonly prepared: PreparedStatements,
  ) {
    // A membership change anywhere drops that competition's kept answers here (key: competition id).
    changes.on('organizer-membership', (competitionId) => {
      if (competitionId === null) return this.organizerUntil.clear();
      for (const key of this.organizerUntil.keys()) if (key.startsWith(`${competitionId}:`)) this.organizerUntil.delete(key);
    });
  }

  private m(tx?: EntityManager): EntityManager {
    return tx ?? this.db.manager;
  }

  findById(id: string, tx?: EntityManager): Promise<CompetitionEntity | null> {
    return this.m(tx).findOne(CompetitionEntity, { where: { id } });
  }

  /**
   * The competition as the JSON of `CompetitionView` (stages in plan order, timestamps as JSON.stringify writes
   * them), with what the read check needs: its status and whether `userId` is one of its organizers. Every
   * organizer page loads it (bench/RESULTS.md); null when there is none.
   *
   * One prepared statement, which PostgreSQL answers with the JSON only when this process does not already keep
   * the body of the state it finds: the kept body's stamp (`VIEW_STAMP_SQL`, the row versions the body is made
   * of) goes with the query, and a matching stamp comes back without the JSON. So the body is never older than
   * the database, whichever instance changed it (or a change by hand in psql), and the check is live every time.
   * (OFFSET 0 keeps the stamp's subquery from being inlined into both of its uses, i.e. run twice.)
   */
  async viewJson(id: string, userId: string): Promise<{ status: CompetitionStatus; organizer: boolean; json: Buffer } | null> {
    let access: { status: CompetitionStatus; organizer: boolean } | undefined;
    const json = await this.views.get(id, async (keptStamp) => {
      const [row] = await this.prepared.query<{ status: CompetitionStatus; organizer: boolean; stamp: string; json: string | null }>(
        this.db.manager,
        `SELECT c.status, EXISTS (SELECT 1 FROM competition_organizers o WHERE o.competition_id = c.id AND o.user_id = $2) AS organizer,
                v.stamp, CASE WHEN v.stamp IS DISTINCT FROM $3 THEN ${VIEW_JSON_SQL} END AS json
           FROM competitions c CROSS JOIN LATERAL (SELECT ${VIEW_STAMP_SQL} AS stamp OFFSET 0) v
          WHERE c.id = $1`,
        [id, userId, keptStamp],
      );
      if (!row) return null;
      access = { status: row.status, organizer: row.organizer };
      return row;
    });
    return json && access ? { ...access, json } : null;
  }

  findBySlug(slug: string, tx?: EntityManager): Promise<CompetitionEntity | null> {
    return this.m(tx).findOne(CompetitionEntity, { where: { slug } });
  }

  /** Row lock: two organizers changing one competition are serialised. */
  /**
   * Exclusive: the competition's advisory lock (waits for every `lockShared` holder, see there), then its row
   * for update. Commands that change the competition or its stages take this.
   */
  async lock(tx: EntityManager, id: string): Promise<CompetitionEntity | null> {
    await tx.query(`SELECT pg_advisory_xact_lock(${COMPETITION_LOCK_SPACE}, hashtext($1))`, [id]);
    return tx.findOne(CompetitionEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Shared: commands that depend on a stage's status (a juror's save or submit, a reopen) hold the
   * competition's advisory lock shared until commit, then read it: a stage close (which takes `lock`) waits
   * for them, or they see it closed; they never block each other. An advisory lock rather than FOR SHARE on
   * the row: 64 jurors share-locking one row made it a multixact hot spot (bench/RESULTS.md, finding 4).
   */
  async lockShared(tx: EntityManager, id: string): Promise<CompetitionEntity | null> {
    await tx.query(`SELECT pg_advisory_xact_lock_shared(${COMPETITION_LOCK_SPACE}, hashtext($1))`, [id]);
    return tx.findOne(CompetitionEntity, { where: { id } });
  }

  async list(filter: CompetitionListFilter): Promise<CompetitionEntity[]> {
    const qb = this.db.manager.createQueryBuilder(CompetitionEntity, 'c').orderBy('c.year', 'DESC').addOrderBy('c.name', 'ASC');
    if (filter.status) qb.andWhere('c.status = :status', { status: filter.status });
    if (filter.excludeDraft) qb.andWhere(`c.status <> 'draft'`);
    if (filter.memberId)
      qb.andWhere('EXISTS (SELECT 1 FROM competition_organizers o WHERE o.competition_id = c.id AND o.user_id = :uid)', {
        uid: filter.memberId,
      });
    return qb.getMany();
  }

  async insert(
    tx: EntityManager,
    row: Pick<CompetitionEntity, 'slug' | 'name' | 'year' | 'description' | 'plan' | 'createdBy'>,
  ): Promise<CompetitionEntity> {
    return tx.save(tx.create(CompetitionEntity, { ...row, status: 'draft' }));
  }

  save(tx: EntityManager, c: CompetitionEntity): Promise<CompetitionEntity> {
    return tx.save(c);
  }

  /**
   * A "yes" is kept for a minute: it is asked on every organizer request. A "no" is always asked again.
   * Every membership change is announced to all instances (ChangeBus `organizer-membership`), which drop
   * the competition's kept answers when it commits (today membership is only ever added, by addOrganizer).
   */
  async isOrganizer(competitionId: string, userId: string, tx?: EntityManager): Promise<boolean> {
    const key = `${competitionId}:${userId}`;
    if ((this.organizerUntil.get(key) ?? 0) > Date.now()) return true;
    const yes = (await this.m(tx).count(CompetitionOrganizerEntity, { where: { competitionId, userId } })) > 0;
    if (yes) {
      if (this.organizerUntil.size >= 10_000) this.organizerUntil.clear();
      this.organizerUntil.set(key, Date.now() + 60_000);
    }
    return yes;
  }

  organizerIds(competitionId: string, tx?: EntityManager): Promise<string[]> {
    return this.m(tx)
      .find(CompetitionOrganizerEntity, { where: { competitionId } })
      .then((rows) => rows.map((r) => r.userId));
  }

  async addOrganizer(tx: EntityManager, competitionId: string, userId: string): Promise<void> {
    await tx.createQueryBuilder().insert().into(CompetitionOrganizerEntity).values({ competitionId, userId }).orIgnore().execute();
    await this.changes.announce('organizer-membership', competitionId, tx);
  }

  stages(competitionId: string, tx?: EntityManager): Promise<CompetitionStageEntity[]> {
    return this.m(tx).find(CompetitionStageEntity, { where: { competitionId }, order: { position: 'ASC' } });
  }

  stagesOf(competitionIds: string[]): Promise<CompetitionStageEntity[]> {
    return competitionIds.length
      ? this.db.manager.find(CompetitionStageEntity, { where: { competitionId: In(competitionIds) }, order: { position: 'ASC' } })
      : Promise.resolve([]);
  }

  /** Makes the stage rows follow the plan: keeps the status of stages still there, adds new ones as scheduled. */
  async syncStages(tx: EntityManager, competitionId: string, plan: CompetitionPlan): Promise<void> {
    const existing = new Map((await this.stages(competitionId, tx)).map((s) => [s.key, s]));
    const keys = plan.stages.map((s) => s.key);
    await tx
      .createQueryBuilder()
      .delete()
      .from(CompetitionStageEntity)
      .where('competition_id = :competitionId AND NOT (key = ANY(:keys))', { competitionId, keys })
      .execute();
    await tx.save(
      plan.stages.map((s, position) =>
        tx.create(CompetitionStageEntity, {
          competitionId,
          key: s.key,
          position,
          status: existing.get(s.key)?.status ?? 'scheduled',
          openedAt: existing.get(s.key)?.openedAt ?? null,
          closedAt: existing.get(s.key)?.closedAt ?? null,
        }),
      ),
    );
  }

  async saveStage(tx: EntityManager, stage: CompetitionStageEntity): Promise<void> {
    await tx.save(stage);
  }
}
