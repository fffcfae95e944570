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
    return this.repo().createQueryBuilder('u').addSelect('u.passwordHash').where('u.email = :email', { email: email.trim().toLowerCase() }).getOne();
  }

  existingEmails(emails: string[], tx?: EntityManager): Promise<string[]> {
    if (emails.length === 0) return Promise.resolve([]);
    return this.repo(tx)
      .find({ where: { email: In(emails.map((e) => e.toLowerCase())) }, select: { email: true } })
      .then((rows) => rows.map((r) => r.email));
  }

  async list(filter: UserFilter, page: number, pageSize: number): Promise<[UserEntity[], number]> {
    const qb = this.repo().createQueryBuilder('u').orderBy('u.email', 'ASC').skip((page - 1) * pageSize).take(pageSize);
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
}
