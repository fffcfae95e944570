import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppEnv } from '@app/config';
import { Unauthorized } from '@app/common';
import { AuditService } from '@app/audit';
import { UsersRepository } from '../persistence/users.repository';
import { RefreshTokensRepository } from '../persistence/refresh-tokens.repository';
import { UserEntity } from '../persistence/user.entity';
import { PasswordHasher } from './password-hasher';
import { accessKey, type AccessClaims } from './jwt.strategy';
import type { Actor } from '@app/common';
import { toUserView, type UserView } from '../dto/user.view';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: UserView;
}

@Injectable()
export class AuthService {
  private readonly jwt: AppEnv['jwt'];
  private readonly signingKey: string;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersRepository,
    private readonly tokens: RefreshTokensRepository,
    private readonly hasher: PasswordHasher,
    private readonly jwtService: JwtService,
    private readonly audit: AuditService,
    config: ConfigService<AppEnv, true>,
  ) {
    this.jwt = config.get('jwt', { infer: true });
    // A KeyObject (see accessKey); @nestjs/jwt passes it to jsonwebtoken untouched.
    this.signingKey = accessKey(this.jwt.accessSecret) as unknown as string;
  }

  /** Checks e-mail and password; the same refusal for an unknown e-mail, a wrong password or an inactive user. */
  async validateCredentials(email: string, password: string): Promise<UserEntity> {
    const user = await this.users.findForLogin(email);
    const ok = await this.hasher.verify(user?.passwordHash ?? null, password);
    if (!user || !ok || !user.active) throw new Unauthorized('AUTH_INVALID_CREDENTIALS', 'E-mail or password is wrong');
    return user;
  }

  async login(user: UserEntity, now = new Date()): Promise<TokenPair> {
    const pair = await this.db.transaction(async (tx) => this.issue(tx, user, randomUUID(), now));
    await this.audit.record(null, { actorId: user.id, action: 'auth.login', entityType: 'user', entityId: user.id });
    return pair;
  }

  /**
   * Rotates a refresh token: the presented token is spent and a new one of the same family returned.
   * Presenting a spent token again is treated as theft: the whole family (session) is revoked.
   */
  async refresh(refreshToken: string, now = new Date()): Promise<TokenPair> {
    const result = await this.db.transaction(async (tx) => {
      const row = await this.tokens.findByHashForUpdate(tx, this.hashToken(refreshToken));
      if (!row) return { error: 'AUTH_REFRESH_INVALID' as const };
      if (row.revokedAt) return { error: 'AUTH_REFRESH_REVOKED' as const };
      if (row.usedAt) {
        await this.tokens.revokeFamily(row.familyId, now, tx);
        return { error: 'AUTH_REFRESH_REUSED' as const, userId: row.userId };
      }
      if (row.expiresAt <= now) return { error: 'AUTH_REFRESH_EXPIRED' as const };
      const user = await this.users.findById(row.userId, tx);
      if (!user || !user.active) return { error: 'AUTH_REFRESH_INVALID' as const };
      await this.tokens.markUsed(tx, row.id, now);
      return { pair: await this.issue(tx, user, row.familyId, now) };
    });
    if ('pair' in result && result.pair) return result.pair;
    if (result.error === 'AUTH_REFRESH_REUSED') {
      await this.audit.record(null, {
        actorId: result.userId ?? null,
        action: 'auth.refresh_reuse',
        entityType: 'user',
        entityId: result.userId ?? 'unknown',
      });
    }
    const messages = {
      AUTH_REFRESH_INVALID: 'The refresh token is not valid',
      AUTH_REFRESH_REVOKED: 'The refresh token was revoked; sign in again',
      AUTH_REFRESH_REUSED: 'The refresh token was already used; the session has been ended for safety',
      AUTH_REFRESH_EXPIRED: 'The refresh token has expired; sign in again',
    } as const;
    throw new Unauthorized(result.error!, messages[result.error!]);
  }

  /** Ends the current session (all tokens of its family); with `everywhere`, all of the user's sessions. */
  async logout(actor: Actor, everywhere = false, now = new Date()): Promise<void> {
    if (everywhere) await this.tokens.revokeAllOfUser(actor.id, now);
    else await this.tokens.revokeFamily(actor.sessionId, now);
    await this.audit.record(null, {
      actorId: actor.id,
      action: everywhere ? 'auth.logout_all' : 'auth.logout',
      entityType: 'user',
      entityId: actor.id,
    });
  }

  private async issue(tx: import('typeorm').EntityManager, user: UserEntity, familyId: string, now: Date): Promise<TokenPair> {
    const refreshToken = randomBytes(32).toString('base64url');
    await this.tokens.insert(tx, {
      userId: user.id,
      familyId,
      tokenHash: this.hashToken(refreshToken),
      expiresAt: new Date(now.getTime() + this.jwt.refreshTtlSeconds * 1000),
    });
    const claims: AccessClaims = {
      sub: user.id,
      sid: familyId,
      role: user.role,
      email: user.email,
      name: user.name,
      org: user.organizationId,
      reg: user.regionId,
    };
    const accessToken = await this.jwtService.signAsync(claims, {
      secret: this.signingKey,
      expiresIn: this.jwt.accessTtlSeconds,
      algorithm: 'HS256',
    });
    return { accessToken, refreshToken, tokenType: 'Bearer', expiresIn: this.jwt.accessTtlSeconds, user: toUserView(user) };
  }

  private hashToken(token: string): string {
    return createHmac('sha256', this.jwt.refreshSecret).update(token).digest('hex');
  }
}
