import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEventEntity } from './audit-event.entity';

export interface AuditRecord {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  competitionId?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/** Writes audit events, inside the caller's transaction when given one. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(tx: EntityManager | null, ...events: AuditRecord[]): Promise<void> {
    if (events.length === 0) return;
    const manager = tx ?? this.db.manager;
    // In chunks: a statement binds at most 65,535 parameters (an import can audit thousands of rows).
    for (let i = 0; i < events.length; i += 1000) await this.insertChunk(manager, events.slice(i, i + 1000));
  }

  private async insertChunk(manager: EntityManager, events: AuditRecord[]): Promise<void> {
    await manager.insert(
      AuditEventEntity,
      events.map((e) => ({
        actorId: e.actorId,
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId,
        competitionId: e.competitionId ?? null,
        before: (e.before ?? null) as object,
        after: (e.after ?? null) as object,
        reason: e.reason ?? null,
      })),
    );
  }

  async list(filter: { entityType?: string; entityId?: string; competitionId?: string }, limit = 200): Promise<AuditEventEntity[]> {
    const qb = this.db.getRepository(AuditEventEntity).createQueryBuilder('a').orderBy('a.id', 'DESC').limit(limit);
    if (filter.entityType) qb.andWhere('a.entity_type = :t', { t: filter.entityType });
    if (filter.entityId) qb.andWhere('a.entity_id = :i', { i: filter.entityId });
    if (filter.competitionId) qb.andWhere('a.competition_id = :c', { c: filter.competitionId });
    return qb.getMany();
  }
}
