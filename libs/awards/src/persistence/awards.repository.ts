import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AwardEntryEntity } from './award-entry.entity';

/** An entry with the names and the state of the innovations row that stands for it. */
export interface EntryRow extends AwardEntryEntity {
  regionName: string;
  regionKind: string;
  status: string;
  currentStage: string | null;
}

@Injectable()
export class AwardsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private m(tx?: EntityManager): EntityManager {
    return tx ?? this.db.manager;
  }

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  async countOf(competitionId: string, tx?: EntityManager): Promise<number> {
    return this.m(tx).count(AwardEntryEntity, { where: { competitionId } });
  }

  insert(tx: EntityManager, row: Partial<AwardEntryEntity>): Promise<AwardEntryEntity> {
    return tx.save(tx.create(AwardEntryEntity, row));
  }

  save(tx: EntityManager, row: AwardEntryEntity): Promise<AwardEntryEntity> {
    return tx.save(row);
  }

  lock(tx: EntityManager, innovationId: string): Promise<AwardEntryEntity | null> {
    return tx.findOne(AwardEntryEntity, { where: { innovationId }, lock: { mode: 'pessimistic_write' } });
  }

  private select(where: string): string {
    return `SELECT e.innovation_id AS "innovationId", e.competition_id AS "competitionId", e.region_id AS "regionId", e.category, e.groups,
                   e.index_ranks AS "indexRanks", e.index_snapshot_id AS "indexSnapshotId", e.iid, e.presenter_name AS "presenterName",
                   e.presenter_position AS "presenterPosition", e.materials_url AS "materialsUrl", e.showcase, e.prepared_by AS "preparedBy",
                   e.version, e.updated_at AS "updatedAt", r.name AS "regionName", r.kind AS "regionKind", i.status, i.current_stage AS "currentStage"
              FROM award_entries e JOIN regions r ON r.id = e.region_id JOIN innovations i ON i.id = e.innovation_id
             WHERE ${where}`;
  }

  /** A competition's entries (of one region when given), by category then region name. */
  entries(competitionId: string, regionId?: string, tx?: EntityManager): Promise<EntryRow[]> {
    return this.m(tx).query(
      `${this.select(`e.competition_id = $1 AND ($2::uuid IS NULL OR e.region_id = $2)`)} ORDER BY e.category, r.name`,
      [competitionId, regionId ?? null],
    );
  }

  entry(innovationId: string, tx?: EntityManager): Promise<EntryRow | undefined> {
    return this.m(tx)
      .query(this.select(`e.innovation_id = $1`), [innovationId])
      .then((rows: EntryRow[]) => rows[0]);
  }

  /** The given stage scores: every entry's verified IID. */
  async iids(competitionId: string, tx?: EntityManager): Promise<{ innovationId: string; iid: number }[]> {
    return this.m(tx).find(AwardEntryEntity, {
      where: { competitionId },
      select: { innovationId: true, iid: true },
      order: { innovationId: 'ASC' },
    });
  }
}
