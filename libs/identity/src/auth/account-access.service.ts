import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, MoreThan } from 'typeorm';
import type { AppEnv } from '@app/config';
import {
  ACCOUNT_TOKEN_TTL_MS,
  accountToken,
  accountTokenHash,
  accountTokenId,
  ValidationFailed,
  type AccountTokenPurpose,
} from '@app/common';
import { AuditService } from '@app/audit';
import { AccountTokenEntity } from '../persistence/account-token.entity';
import { RefreshTokensRepository } from '../persistence/refresh-tokens.repository';
import { UsersRepository } from '../persistence/users.repository';
import { UserEntity } from '../persistence/user.entity';
import { ACCOUNT_MAIL, type AccountMail } from './account-mail';
import { PasswordHasher } from './password-hasher';
import { checkPassword } from './password-policy';

/** A password reset is not mailed again to one account within this time (the request still answers 202). */
export const PASSWORD_RESET_COOLDOWN_MS = 2 * 60_000;

/**
 * Nobody sets another person's password: a new account gets an invitation e-mail with a one-time link to set
 * its password, and a forgotten password is reset through a one-time link sent to the account's address.
 * Links expire, work once, and only their SHA-256 is stored (see accountToken).
 */
@Injectable()
export class AccountAccessService {
  private readonly secret: string;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersRepository,
    private readonly sessions: RefreshTokensRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    @Optional() @Inject(ACCOUNT_MAIL) private readonly mail: AccountMail | null,
    config: ConfigService<AppEnv, true>,
  ) {
    this.secret = config.get('jwt', { infer: true }).refreshSecret;
  }

  /** Issues one link per user and has its e-mail written to the outbox, in the caller's transaction. */
  async issue(tx: EntityManager, purpose: AccountTokenPurpose, users: readonly UserEntity[], now = new Date()): Promise<void> {
    if (!users.length) return;
    if (!this.mail) throw new Error('account e-mails need the notifications module (ACCOUNT_MAIL)');
    const expiresAt = new Date(now.getTime() + ACCOUNT_TOKEN_TTL_MS[purpose]);
    const rows = users.map((u) => {
      const id = randomUUID();
      return { id, userId: u.id, purpose, tokenHash: accountTokenHash(accountToken(this.secret, purpose, id)), expiresAt };
    });
    await tx.getRepository(AccountTokenEntity).insert(rows);
    await this.mail.queue(
      tx,
      users.map((u, i) => ({
        purpose,
        tokenId: rows[i].id,
        expiresAt,
        user: { id: u.id, email: u.email, name: u.name, locale: u.locale },
      })),
    );
  }

  /**
   * Always the same answer whether or not the address has an account. An active account gets a reset link,
   * unless one was sent to it in the last {@link PASSWORD_RESET_COOLDOWN_MS} (no mail flood to a victim).
   */
  async requestPasswordReset(email: string, now = new Date()): Promise<void> {
    await this.db.transaction(async (tx) => {
      const user = await tx
        .getRepository(UserEntity)
        .findOne({ where: { email: email.trim().toLowerCase() }, lock: { mode: 'pessimistic_write' } });
      if (!user || !user.active) return;
      const recent = await tx.getRepository(AccountTokenEntity).exists({
        where: { userId: user.id, purpose: 'password_reset', createdAt: MoreThan(new Date(now.getTime() - PASSWORD_RESET_COOLDOWN_MS)) },
      });
      if (recent) return;
      await this.issue(tx, 'password_reset', [user], now);
      await this.audit.record(tx, { actorId: null, action: 'auth.password_reset_requested', entityType: 'user', entityId: user.id });
    });
  }

  /** Accepting an invitation and confirming a reset: the link's password is set, every link of that kind spent, every session ended. */
  async setPassword(purpose: AccountTokenPurpose, token: string, password: string, now = new Date()): Promise<void> {
    await this.db.transaction(async (tx) => {
      const id = accountTokenId(this.secret, purpose, token);
      const row = id
        ? await tx
            .getRepository(AccountTokenEntity)
            .findOne({ where: { id, purpose, tokenHash: accountTokenHash(token) }, lock: { mode: 'pessimistic_write' } })
        : null;
      const user = row && !row.usedAt && row.expiresAt > now ? await this.users.findById(row.userId, tx) : null;
      if (!row || !user || !user.active) {
        throw new ValidationFailed(
          [{ field: 'token', message: 'the link is not valid, has expired or was already used' }],
          'AUTH_TOKEN_INVALID',
          'This link is not valid any more; ask for a new one',
        );
      }
      checkPassword(password, user.email, user.name);
      await tx.getRepository(UserEntity).update({ id: user.id }, { passwordHash: await this.hasher.hash(password) });
      await tx.getRepository(AccountTokenEntity).update({ userId: user.id, purpose, usedAt: IsNull() }, { usedAt: now });
      await this.sessions.revokeAllOfUser(user.id, now, tx);
      await this.audit.record(tx, {
        actorId: user.id,
        action: purpose === 'invitation' ? 'auth.invitation_accepted' : 'auth.password_reset',
        entityType: 'user',
        entityId: user.id,
      });
    });
  }
}
