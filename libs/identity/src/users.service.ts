import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  bindingError,
  Conflict,
  Forbidden,
  NotFound,
  ROLES,
  toPage,
  ValidationFailed,
  type Actor,
  type Affiliation,
  type FieldError,
  type OnProgress,
  type Page,
  type Role,
} from '@app/common';
import { AuditService } from '@app/audit';
import { DirectoryService, ImportRefused, parseCsv, type RowError } from '@app/directory';
import { UsersRepository, type UserFilter } from './persistence/users.repository';
import { UserEntity } from './persistence/user.entity';
import { PasswordHasher } from './auth/password-hasher';
import { AccountAccessService } from './auth/account-access.service';
import { passwordFieldErrors } from './auth/password-policy';
import { toUserView, type UserView } from './dto/user.view';
import type { CreateUserDto } from './dto/user.dto';
import { transactionLock } from '@app/database';

export interface CreatedUser extends UserView {
  /** CLI only (`admin:create` without --password): shown once, never stored in clear. */
  initialPassword?: string;
}

/** The roles an organizer may invite; every other account is created by an admin. */
const ORGANIZER_INVITES: readonly Role[] = ['juror'];

interface NewUser {
  email: string;
  name: string;
  role: Role;
  /** Set only by the CLI and the seed; over HTTP every account gets an invitation e-mail instead. */
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
    private readonly access: AccountAccessService,
  ) {}

  async me(actor: Actor): Promise<UserView> {
    const user = await this.users.findById(actor.id);
    if (!user) throw new NotFound('USER_NOT_FOUND', `user ${actor.id} not found`);
    return toUserView(user);
  }

  /** The CLI acts as an account named by its e-mail (`--as`): the actor the services check, as a token would carry it. */
  async actorByEmail(email: string): Promise<Actor> {
    const user = await this.users.findForLogin(email);
    if (!user || !user.active) throw new NotFound('USER_NOT_FOUND', `no active user with e-mail ${email}`);
    return {
      id: user.id,
      role: user.role,
      email: user.email,
      name: user.name,
      organizationId: user.organizationId,
      regionId: user.regionId,
      sessionId: 'cli',
    };
  }

  /** Admins see every account; organizers only the jurors they may invite and assign (no other e-mail is shown to them). */
  async list(actor: Actor, filter: UserFilter, page = 1, pageSize = 20): Promise<Page<UserView>> {
    if (actor.role !== 'admin') {
      if (filter.role && !ORGANIZER_INVITES.includes(filter.role)) this.refuseRole(filter.role);
      filter = { ...filter, role: 'juror' };
    }
    const [rows, total] = await this.users.list(filter, page, pageSize);
    return toPage(rows.map(toUserView), total, page, pageSize);
  }

  findByIds(ids: string[], tx?: EntityManager): Promise<UserEntity[]> {
    return this.users.findByIds(ids, tx);
  }

  /** Active OPD accounts by organization, for notifications to the people behind an innovation. */
  async opdUsersOf(organizationIds: string[], tx?: EntityManager): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>();
    for (const r of await this.users.activeOpdUsers(organizationIds, tx))
      map.set(r.organizationId, [...(map.get(r.organizationId) ?? []), r.id]);
    return map;
  }

  jurors(tx?: EntityManager): Promise<UserEntity[]> {
    return this.users.jurors(tx);
  }

  /** 403: organizers invite jurors only (an opd account of any organization would open its innovations to them). */
  private refuseRole(role: Role): never {
    throw new Forbidden('USER_ROLE_FORBIDDEN', `only an admin creates or lists ${role} accounts; organizers invite jurors`, { role });
  }

  /** Active coordinators of a region: those of the region itself or of its province. */
  coordinatorsOf(regionId: string, provinceId: string | null, tx?: EntityManager): Promise<string[]> {
    return this.users.activeCoordinatorsOf([regionId, provinceId ?? regionId], tx);
  }

  /** Regions with organizations but no active coordinator (of the region or of its province), by name. */
  regionsWithoutCoordinator(tx?: EntityManager): Promise<{ id: string; name: string; kind: string }[]> {
    return this.users.regionsWithoutCoordinator(tx);
  }

  /**
   * An account created over HTTP: admins create any role, organizers jurors only. Nobody chooses its password:
   * it gets an invitation e-mail with a one-time link to set one (POST /api/auth/invitations/accept).
   */
  async create(actor: Actor, dto: CreateUserDto): Promise<CreatedUser> {
    if (actor.role !== 'admin' && !ORGANIZER_INVITES.includes(dto.role)) this.refuseRole(dto.role);
    return this.createOne(actor, dto, undefined);
  }

  /** The CLI's `admin:create`: a platform admin with the given password, or a generated one shown once. */
  createAdmin(input: { email: string; name: string; password?: string }): Promise<CreatedUser> {
    return this.createOne(
      null,
      { email: input.email, name: input.name, role: 'admin' },
      input.password ?? randomBytes(12).toString('base64url'),
      !input.password,
    );
  }

  private async createOne(
    actor: Actor | null,
    dto: CreateUserDto,
    password: string | undefined,
    showPassword = false,
  ): Promise<CreatedUser> {
    const input: NewUser = {
      email: dto.email.trim().toLowerCase(),
      name: dto.name.trim(),
      role: dto.role,
      password,
      organizationId: dto.organizationId ?? null,
      regionId: dto.regionId ?? null,
      affiliations: (dto.affiliations ?? []).map((a) =>
        a.type === 'organization' ? { type: 'organization', organizationId: a.organizationId! } : { type: 'region', regionId: a.regionId! },
      ),
      locale: dto.locale ?? 'id',
    };
    return this.db.transaction(async (tx) => {
      const errors = (await this.referenceErrors(tx, input)).filter((e): e is FieldError => !!e);
      if (errors.length) throw new ValidationFailed(errors, 'USER_INVALID');
      if ((await this.users.existingEmails([input.email], tx)).length)
        throw new Conflict('USER_EMAIL_TAKEN', `a user with e-mail ${input.email} already exists`, { field: 'email' });
      const [created] = await this.insert(tx, actor, [input]);
      return showPassword ? { ...created, initialPassword: password } : created;
    });
  }

  private async referenceErrors(tx: EntityManager, u: NewUser): Promise<(FieldError | null)[]> {
    const errors: (FieldError | null)[] = [bindingError(u.role, u.organizationId, u.regionId)];
    if (u.password !== undefined) errors.push(...passwordFieldErrors(u.password, u.email, u.name));
    if (u.organizationId && !(await this.directory.findOrganization(u.organizationId, tx)))
      errors.push({ field: 'organizationId', message: `no organization ${u.organizationId}` });
    if (u.regionId && !(await this.directory.findRegion(u.regionId, tx)))
      errors.push({ field: 'regionId', message: `no region ${u.regionId}` });
    if (u.role !== 'juror' && u.affiliations.length) errors.push({ field: 'affiliations', message: 'only jurors declare affiliations' });
    for (const [i, a] of u.affiliations.entries()) {
      const exists =
        a.type === 'organization'
          ? await this.directory.findOrganization(a.organizationId, tx)
          : await this.directory.findRegion(a.regionId, tx);
      if (!exists)
        errors.push({ field: `affiliations[${i}]`, message: `no ${a.type} ${a.type === 'organization' ? a.organizationId : a.regionId}` });
    }
    return errors;
  }

  /** Accounts without a password get an invitation e-mail in the same transaction. */
  private async insert(tx: EntityManager, actor: Actor | null, inputs: NewUser[]): Promise<CreatedUser[]> {
    const hashes = await Promise.all(
      inputs.map((u) => (u.password === undefined ? PasswordHasher.NO_PASSWORD : this.hasher.hash(u.password))),
    );
    const saved = await this.users.insert(
      tx,
      inputs.map((u, i) => ({
        email: u.email,
        name: u.name,
        role: u.role,
        organizationId: u.organizationId,
        regionId: u.regionId,
        affiliations: u.affiliations,
        locale: u.locale,
        passwordHash: hashes[i],
      })),
    );
    await this.access.issue(
      tx,
      'invitation',
      saved.filter((_s, i) => inputs[i].password === undefined),
    );
    await this.audit.record(
      tx,
      ...saved.map((s) => ({
        actorId: actor?.id ?? null,
        action: 'user.create',
        entityType: 'user',
        entityId: s.id,
        after: toUserView(s),
      })),
    );
    return saved.map(toUserView);
  }

  /**
   * CSV columns: email, name, role, organization (code or name, for opd), region (code or name, for
   * coordinator), affiliations (jurors: organization or region names/codes separated by "|"), locale; a
   * `password` column must stay empty (every imported account gets an invitation e-mail). All rows or none.
   */
  async importCsv(actor: Actor, csv: string, onProgress?: OnProgress): Promise<{ created: number; items: CreatedUser[] }> {
    const records = parseCsv(
      csv,
      ['email', 'name', 'role'],
      ['email', 'name', 'role', 'organization', 'region', 'affiliations', 'password', 'locale'],
      'IMPORT_USERS_INVALID',
    );
    const total = records.length;
    onProgress?.({ phase: 'waiting', done: 0, total });
    return this.db.transaction(async (tx) => {
      await transactionLock(tx, 'import:users');
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
        for (const ref of (rec.affiliations ?? '')
          .split('|')
          .map((s) => s.trim())
          .filter(Boolean)) {
          const o = index.organization(ref);
          const r = index.region(ref);
          if (typeof o !== 'string') affiliations.push({ type: 'organization', organizationId: o.id });
          else if (typeof r !== 'string') affiliations.push({ type: 'region', regionId: r.id });
          else err('affiliations', `no organization or region "${ref}"`);
        }
        if ((ROLES as readonly string[]).includes(role)) {
          const binding = bindingError(
            role,
            rec.organization ? (organizationId ?? 'unresolved') : null,
            rec.region ? (regionId ?? 'unresolved') : null,
          );
          if (binding) err(binding.field === 'organizationId' ? 'organization' : 'region', binding.message);
          if (role !== 'juror' && affiliations.length) err('affiliations', 'only jurors declare affiliations');
        }
        if (rec.password) err('password', 'passwords are not imported: each account gets an invitation e-mail to set its own');
        const locale = (rec.locale || 'id').toLowerCase();
        if (locale !== 'id' && locale !== 'en') err('locale', 'must be id or en');
        inputs.push({ email, name: rec.name ?? '', role, organizationId, regionId, affiliations, locale: locale as 'id' | 'en' });
        onProgress?.({ phase: 'checking', done: i + 1, total });
      });
      if (errors.length) throw new ImportRefused('IMPORT_USERS_INVALID', errors);
      onProgress?.({ phase: 'saving', done: 0, total });
      const items = await this.insert(tx, actor, inputs);
      return { created: items.length, items };
    });
  }

  /** For the CLI and the demo seed: creates a user unless the e-mail exists; returns it either way. */
  async ensure(
    input: Omit<NewUser, 'affiliations' | 'locale'> & { affiliations?: Affiliation[]; locale?: 'id' | 'en' },
    tx?: EntityManager,
  ): Promise<UserEntity> {
    const run = async (m: EntityManager) => {
      const [existing] = await m.getRepository(UserEntity).find({ where: { email: input.email.toLowerCase() } });
      if (existing) return existing;
      const [saved] = await this.users.insert(m, [
        {
          ...input,
          affiliations: input.affiliations ?? [],
          locale: input.locale ?? 'id',
          passwordHash: await this.hasher.hash(input.password!),
        },
      ]);
      return saved;
    };
    return tx ? run(tx) : this.db.transaction(run);
  }

  countAll(): Promise<number> {
    return this.users.countAll();
  }
}
