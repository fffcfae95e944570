import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { bindingError, Conflict, NotFound, passwordProblems, ROLES, toPage, ValidationFailed, type Actor, type Affiliation, type FieldError, type Page, type Role } from '@app/common';
import { AuditService } from '@app/audit';
import { DirectoryService, ImportRefused, parseCsv, type RowError } from '@app/directory';
import { UsersRepository, type UserFilter } from './persistence/users.repository';
import { UserEntity } from './persistence/user.entity';
import { PasswordHasher } from './auth/password-hasher';
import { toUserView, type UserView } from './dto/user.view';
import type { CreateUserDto } from './dto/user.dto';

export interface CreatedUser extends UserView {
  /** Only when the password was generated: shown once, never stored in clear. */
  initialPassword?: string;
}

interface NewUser {
  email: string;
  name: string;
  role: Role;
  password?: string;
  organizationId: string | null;
  regionId: string | null;
  affiliations: Affiliation[];
  locale: 'id' | 'en';
}

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly directory: DirectoryService,
    private readonly audit: AuditService,
  ) {}

  async me(actor: Actor): Promise<UserView> {
    const user = await this.users.findById(actor.id);
    if (!user) throw new NotFound('USER_NOT_FOUND', `user ${actor.id} not found`);
    return toUserView(user);
  }

  async list(filter: UserFilter, page = 1, pageSize = 20): Promise<Page<UserView>> {
    const [rows, total] = await this.users.list(filter, page, pageSize);
    return toPage(rows.map(toUserView), total, page, pageSize);
  }

  findByIds(ids: string[], tx?: EntityManager): Promise<UserEntity[]> {
    return this.users.findByIds(ids, tx);
  }

  /** Active OPD accounts by organization, for notifications to the people behind an innovation. */
  async opdUsersOf(organizationIds: string[], tx?: EntityManager): Promise<Map<string, string[]>> {
    const rows: { id: string; organization_id: string }[] = organizationIds.length
      ? await (tx ?? this.db.manager).query(`SELECT id, organization_id FROM users WHERE role = 'opd' AND active AND organization_id = ANY($1::uuid[])`, [organizationIds])
      : [];
    const map = new Map<string, string[]>();
    for (const r of rows) map.set(r.organization_id, [...(map.get(r.organization_id) ?? []), r.id]);
    return map;
  }

  jurors(tx?: EntityManager): Promise<UserEntity[]> {
    return this.users.jurors(tx);
  }

  /** Active coordinators of a region: those of the region itself or of its province. */
  async coordinatorsOf(regionId: string, provinceId: string | null, tx?: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await (tx ?? this.db.manager).query(`SELECT id FROM users WHERE role = 'coordinator' AND active AND region_id = ANY($1::uuid[]) ORDER BY id`, [[regionId, provinceId ?? regionId]]);
    return rows.map((r) => r.id);
  }

  /** Regions with organizations but no active coordinator (of the region or of its province), by name. */
  regionsWithoutCoordinator(tx?: EntityManager): Promise<{ id: string; name: string; kind: string }[]> {
    return (tx ?? this.db.manager).query(
      `SELECT r.id, r.name, r.kind FROM regions r
        WHERE EXISTS (SELECT 1 FROM organizations o WHERE o.region_id = r.id)
          AND NOT EXISTS (SELECT 1 FROM users u WHERE u.role = 'coordinator' AND u.active AND (u.region_id = r.id OR u.region_id = r.parent_id))
        ORDER BY r.name, r.id`,
    );
  }

  /** Who may create whom: only an admin creates admins. */
  private roleError(actor: Actor | null, role: Role): FieldError | null {
    if (actor && actor.role !== 'admin' && role === 'admin') return { field: 'role', message: 'only an admin can create admin accounts' };
    return null;
  }

  async create(actor: Actor | null, dto: CreateUserDto): Promise<CreatedUser> {
    const input: NewUser = {
      email: dto.email.trim().toLowerCase(),
      name: dto.name.trim(),
      role: dto.role,
      password: dto.password,
      organizationId: dto.organizationId ?? null,
      regionId: dto.regionId ?? null,
      affiliations: (dto.affiliations ?? []).map((a) => (a.type === 'organization' ? { type: 'organization', organizationId: a.organizationId! } : { type: 'region', regionId: a.regionId! })),
      locale: dto.locale ?? 'id',
    };
    return this.db.transaction(async (tx) => {
      const errors = [this.roleError(actor, input.role), ...(await this.referenceErrors(tx, input))].filter((e): e is FieldError => !!e);
      if (errors.length) throw new ValidationFailed(errors, 'USER_INVALID');
      if ((await this.users.existingEmails([input.email], tx)).length) throw new Conflict('USER_EMAIL_TAKEN', `a user with e-mail ${input.email} already exists`, { field: 'email' });
      const [created] = await this.insert(tx, actor, [input]);
      return created;
    });
  }

  private async referenceErrors(tx: EntityManager, u: NewUser): Promise<(FieldError | null)[]> {
    const errors: (FieldError | null)[] = [bindingError(u.role, u.organizationId, u.regionId)];
    if (u.password !== undefined) errors.push(...passwordProblems(u.password, u.email).map((m) => ({ field: 'password', message: m })));
    if (u.organizationId && !(await this.directory.findOrganization(u.organizationId, tx))) errors.push({ field: 'organizationId', message: `no organization ${u.organizationId}` });
    if (u.regionId && !(await this.directory.findRegion(u.regionId, tx))) errors.push({ field: 'regionId', message: `no region ${u.regionId}` });
    if (u.role !== 'juror' && u.affiliations.length) errors.push({ field: 'affiliations', message: 'only jurors declare affiliations' });
    for (const [i, a] of u.affiliations.entries()) {
      const exists = a.type === 'organization' ? await this.directory.findOrganization(a.organizationId, tx) : await this.directory.findRegion(a.regionId, tx);
      if (!exists) errors.push({ field: `affiliations[${i}]`, message: `no ${a.type} ${a.type === 'organization' ? a.organizationId : a.regionId}` });
    }
    return errors;
  }

  private async insert(tx: EntityManager, actor: Actor | null, inputs: NewUser[]): Promise<CreatedUser[]> {
    const generated = inputs.map((u) => (u.password ? null : randomBytes(12).toString('base64url')));
    const hashes = await Promise.all(inputs.map((u, i) => this.hasher.hash(u.password ?? generated[i]!)));
    const saved = await this.users.insert(
      tx,
      inputs.map((u, i) => ({ email: u.email, name: u.name, role: u.role, organizationId: u.organizationId, regionId: u.regionId, affiliations: u.affiliations, locale: u.locale, passwordHash: hashes[i] })),
    );
    await this.audit.record(tx, ...saved.map((s) => ({ actorId: actor?.id ?? null, action: 'user.create', entityType: 'user', entityId: s.id, after: toUserView(s) })));
    return saved.map((s, i) => ({ ...toUserView(s), ...(generated[i] ? { initialPassword: generated[i]! } : {}) }));
  }

  /**
   * CSV columns: email, name, role, organization (code or name, for opd), region (code or name, for
   * coordinator), affiliations (jurors: organization or region names/codes separated by "|"), password.
   * All rows or none.
   */
  async importCsv(actor: Actor, csv: string): Promise<{ created: number; items: CreatedUser[] }> {
    const records = parseCsv(csv, ['email', 'name', 'role'], ['email', 'name', 'role', 'organization', 'region', 'affiliations', 'password', 'locale'], 'IMPORT_USERS_INVALID');
    return this.db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('import:users'))`);
      const index = await this.directory.index(tx);
      const existing = new Set(await this.users.existingEmails(records.map((r) => r.email ?? '').filter(Boolean), tx));
      const errors: RowError[] = [];
      const seen = new Map<string, number>();
      const inputs: NewUser[] = [];
      records.forEach((rec, i) => {
        const line = i + 2;
        const err = (field: string, message: string) => errors.push({ row: line, field, message });
        const email = (rec.email ?? '').toLowerCase();
        if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) err('email', 'is not an e-mail address');
        else if (existing.has(email)) err('email', `a user with e-mail ${email} already exists`);
        else if (seen.has(email)) err('email', `duplicates line ${seen.get(email)}`);
        seen.set(email, line);
        if (!rec.name) err('name', 'is required');
        const role = (rec.role ?? '').toLowerCase() as Role;
        if (!(ROLES as readonly string[]).includes(role)) err('role', `must be one of ${ROLES.join(', ')}`);
        const roleProblem = this.roleError(actor, role);
        if (roleProblem) err('role', roleProblem.message);
        let organizationId: string | null = null;
        if (rec.organization) {
          const o = index.organization(rec.organization);
          if (typeof o === 'string') err('organization', o);
          else organizationId = o.id;
        }
        let regionId: string | null = null;
        if (rec.region) {
          const r = index.region(rec.region);
          if (typeof r === 'string') err('region', r);
          else regionId = r.id;
        }
        const affiliations: Affiliation[] = [];
        for (const ref of (rec.affiliations ?? '').split('|').map((s) => s.trim()).filter(Boolean)) {
          const o = index.organization(ref);
          const r = index.region(ref);
          if (typeof o !== 'string') affiliations.push({ type: 'organization', organizationId: o.id });
          else if (typeof r !== 'string') affiliations.push({ type: 'region', regionId: r.id });
          else err('affiliations', `no organization or region "${ref}"`);
        }
        if ((ROLES as readonly string[]).includes(role)) {
          const binding = bindingError(role, rec.organization ? organizationId ?? 'unresolved' : null, rec.region ? regionId ?? 'unresolved' : null);
          if (binding) err(binding.field === 'organizationId' ? 'organization' : 'region', binding.message);
          if (role !== 'juror' && affiliations.length) err('affiliations', 'only jurors declare affiliations');
        }
        const password = rec.password || undefined;
        if (password) for (const p of passwordProblems(password, email)) err('password', p);
        const locale = (rec.locale || 'id').toLowerCase();
        if (locale !== 'id' && locale !== 'en') err('locale', 'must be id or en');
        inputs.push({ email, name: rec.name ?? '', role, password, organizationId, regionId, affiliations, locale: locale as 'id' | 'en' });
      });
      if (errors.length) throw new ImportRefused('IMPORT_USERS_INVALID', errors);
      const items = await this.insert(tx, actor, inputs);
      return { created: items.length, items };
    });
  }

  /** For the CLI and the demo seed: creates a user unless the e-mail exists; returns it either way. */
  async ensure(input: Omit<NewUser, 'affiliations' | 'locale'> & { affiliations?: Affiliation[]; locale?: 'id' | 'en' }, tx?: EntityManager): Promise<UserEntity> {
    const run = async (m: EntityManager) => {
      const [existing] = await m.getRepository(UserEntity).find({ where: { email: input.email.toLowerCase() } });
      if (existing) return existing;
      const [saved] = await this.users.insert(m, [{ ...input, affiliations: input.affiliations ?? [], locale: input.locale ?? 'id', passwordHash: await this.hasher.hash(input.password!) }]);
      return saved;
    };
    return tx ? run(tx) : this.db.transaction(run);
  }

  countAll(): Promise<number> {
    return this.users.countAll();
  }
}
