import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { UserEntity } from './user.entity';
import type { Role } from '@app/common';

export interface UserFilter {
  role?: Role;
  organizationId?: string;
  regionId?: string;
  q?: string;
}

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private repo(tx?: EntityManager) {
    return (tx ?? this.db.manager).getRepository(UserEntity);
  }

  findById(id: string, tx?: EntityManager): Promise<UserEntity | null> {
    return this.repo(tx).findOne({ where: { id } });
  }

  findByIds(ids: string[], tx?: EntityManager): Promise<UserEntity[]> {
    return ids.length ? this.repo(tx).find({ where: { id: In(ids) } }) : Promise.resolve([]);
  }

  /** With the password hash, for login only. */
  findForLogin(email: string): Promise<UserEntity | null> {
    return this.repo()
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: email.trim().toLowerCase() })
      .getOne();
  }

  existingEmails(emails: string[], tx?: EntityManager): Promise<string[]> {
    if (emails.length === 0) return Promise.resolve([]);
    return this.repo(tx)
      .find({ where: { email: In(emails.map((e) => e.toLowerCase())) }, select: { email: true } })
      .then((rows) => rows.map((r) => r.email));
  }

  async list(filter: UserFilter, page: number, pageSize: number): Promise<[UserEntity[], number]> {
    const qb = this.repo()
      .createQueryBuilder('u')
      .orderBy('u.email', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize);
    if (filter.role) qb.andWhere('u.role = :role', { role: filter.role });
    if (filter.organizationId) qb.andWhere('u.organization_id = :org', { org: filter.organizationId });
    if (filter.regionId) qb.andWhere('u.region_id = :region', { region: filter.regionId });
    if (filter.q) qb.andWhere('(u.email ILIKE :q OR u.name ILIKE :q)', { q: `%${filter.q.replace(/[\\%_]/g, '\\$&')}%` });
    return qb.getManyAndCount();
  }

  async insert(tx: EntityManager, rows: Partial<UserEntity>[]): Promise<UserEntity[]> {
    const entities = rows.map((r) => this.repo(tx).create({ ...r, email: r.email!.trim().toLowerCase() }));
    return this.repo(tx).save(entities, { chunk: 500 });
  }

  countAll(): Promise<number> {
    return this.repo().count();
  }

  jurors(tx?: EntityManager): Promise<UserEntity[]> {
    return this.repo(tx).find({ where: { role: 'juror', active: true }, order: { email: 'ASC' } });
  }

  /** Active OPD accounts of these organizations: `{id, organizationId}`. */
  activeOpdUsers(organizationIds: string[], tx?: EntityManager): Promise<{ id: string; organizationId: string }[]> {
    if (!organizationIds.length) return Promise.resolve([]);
    return (tx ?? this.db.manager).query(
      `SELECT id, organization_id AS "organizationId" FROM users WHERE role = 'opd' AND active AND organization_id = ANY($1::uuid[])`,
      [organizationIds],
    );
  }

  /** Active coordinators of any of these regions, by id. */
  async activeCoordinatorsOf(regionIds: string[], tx?: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await (tx ?? this.db.manager).query(
      `SELECT id FROM users WHERE role = 'coordinator' AND active AND region_id = ANY($1::uuid[]) ORDER BY id`,
      [regionIds],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Regions with organizations but no active coordinator (of the region or of its province), by name: a read
   * over the directory's regions and organizations, kept here beside the users it asks about.
   */
  regionsWithoutCoordinator(tx?: EntityManager): Promise<{ id: string; name: string; kind: string }[]> {
    return (tx ?? this.db.manager).query(
      `SELECT r.id, r.name, r.kind FROM regions r
        WHERE EXISTS (SELECT 1 FROM organizations o WHERE o.region_id = r.id)
          AND NOT EXISTS (SELECT 1 FROM users u WHERE u.role = 'coordinator' AND u.active AND (u.region_id = r.id OR u.region_id = r.parent_id))
        ORDER BY r.name, r.id`,
    );
  }
}
