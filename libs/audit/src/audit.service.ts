import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuditEventEntity } from './persistence/audit-event.entity';
import { AuditEventsRepository, type AuditEventRow, type AuditFilter } from './persistence/audit-events.repository';

export type { AuditEventRow, AuditFilter } from './persistence/audit-events.repository';

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
  constructor(private readonly repo: AuditEventsRepository) {}

  /** One page of a competition's audit trail, newest first, with who acted. */
  page(competitionId: string, f: AuditFilter, page: number, pageSize: number): Promise<{ items: AuditEventRow[]; total: number }> {
    return this.repo.page(competitionId, f, page, pageSize);
  }

  async record(tx: EntityManager | null, ...events: AuditRecord[]): Promise<void> {
    // In chunks: a statement binds at most 65,535 parameters (an import can audit thousands of rows).
    for (let i = 0; i < events.length; i += 1000)
      await this.repo.insert(
        tx,
        events.slice(i, i + 1000).map((e) => ({
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

  list(filter: { entityType?: string; entityId?: string; competitionId?: string }, limit = 200): Promise<AuditEventEntity[]> {
    return this.repo.list(filter, limit);
  }
}
