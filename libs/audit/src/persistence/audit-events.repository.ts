import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEventEntity } from './audit-event.entity';

/** Which of a competition's audit events to read; every field optional. */
export interface AuditFilter {
  /** `entity_type` (e.g. `innovation`), or `type:id` for one entity. */
  entity?: string;
  actorId?: string;
  /** An action, or a prefix ending in `.` (e.g. `innovation.`). */
  action?: string;
  from?: Date;
  to?: Date;
}

export interface AuditEventRow {
  id: string;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: object | null;
  after: object | null;
  reason: string | null;
}

/** The `audit_events` table: appends and the filtered reads of the audit trail. */
@Injectable()
export class AuditEventsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** One page of a competition's audit trail, newest first, with who acted (users joined read-only). */
  async page(competitionId: string, f: AuditFilter, page: number, pageSize: number): Promise<{ items: AuditEventRow[]; total: number }> {
    const where = ['a.competition_id = $1'];
    const params: unknown[] = [competitionId];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (f.entity) {
      const [type, id] = f.entity.split(':', 2);
      add('a.entity_type = ?', type);
      if (id) add('a.entity_id = ?', id);
    }
    if (f.actorId) add('a.actor_id = ?', f.actorId);
    if (f.action?.endsWith('.')) add(`a.action LIKE ? || '%'`, f.action.replace(/[%_\\]/g, '\\$&'));
    else if (f.action) add('a.action = ?', f.action);
    if (f.from) add('a.at >= ?', f.from);
    if (f.to) add('a.at < ?', f.to);
    const clause = where.join(' AND ');
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM audit_events a WHERE ${clause}`, params);
    const items: AuditEventRow[] = await this.db.query(
      `SELECT a.id, a.at, a.actor_id AS "actorId", u.name AS "actorName", u.role AS "actorRole", a.action, a.entity_type AS "entityType", a.entity_id AS "entityId", a.before, a.after, a.reason
         FROM audit_events a LEFT JOIN users u ON u.id = a.actor_id WHERE ${clause} ORDER BY a.at DESC, a.id DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      params,
    );
    return { items, total };
  }

  /** Appends rows, in the caller's transaction when given one. */
  async insert(tx: EntityManager | null, rows: Partial<AuditEventEntity>[]): Promise<void> {
    await (tx ?? this.db.manager).insert(AuditEventEntity, rows);
  }

  /** The newest events (up to `limit`) matching every given field. */
  list(filter: { entityType?: string; entityId?: string; competitionId?: string }, limit: number): Promise<AuditEventEntity[]> {
    const qb = this.db.getRepository(AuditEventEntity).createQueryBuilder('a').orderBy('a.id', 'DESC').limit(limit);
    if (filter.entityType) qb.andWhere('a.entity_type = :t', { t: filter.entityType });
    if (filter.entityId) qb.andWhere('a.entity_id = :i', { i: filter.entityId });
    if (filter.competitionId) qb.andWhere('a.competition_id = :c', { c: filter.competitionId });
    return qb.getMany();
  }
}
