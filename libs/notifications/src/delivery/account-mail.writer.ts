import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { EntityManager } from 'typeorm';
import type { AppEnv } from '@app/config';
import { accountToken, type AccountTokenPurpose, type LinkTokenPurpose } from '@app/common';
import { type AccountMail, type AccountMailItem } from '@app/identity';
import { eventKey, rowKey, type OutboxDraft } from '../domain';
import { OutboxRepository } from '../persistence/outbox.repository';

export const ACCOUNT_MAIL_TYPES = { invitation: 'account_invitation', password_reset: 'password_reset' } as const satisfies Record<
  AccountTokenPurpose,
  string
>;
/** The mails whose link carries a signed one-time token: the account mails and a favourite vote's confirmation. */
const PURPOSE_OF = new Map<string, LinkTokenPurpose>([
  ...Object.entries(ACCOUNT_MAIL_TYPES).map(([purpose, type]) => [type, purpose as AccountTokenPurpose] as const),
  ['favourite_vote_verify', 'favourite_vote'],
]);

/**
 * A one-time link mail's payload with its link's token worked out again from the row id `tokenId` (never stored:
 * neither the outbox row, nor the dead-letter view, nor a log line holds a usable link).
 */
export function withAccountToken(type: string, payload: Record<string, unknown>, secret: string): Record<string, unknown> {
  const purpose = PURPOSE_OF.get(type);
  return purpose && typeof payload.tokenId === 'string' ? { ...payload, token: accountToken(secret, purpose, payload.tokenId) } : payload;
}

/**
 * Identity's account e-mails as outbox rows: e-mail channel only (the person cannot sign in yet, or has lost
 * access), never held for a digest, the payload carrying the link's row id and not its token.
 */
@Injectable()
export class AccountMailWriter implements AccountMail {
  private readonly maxAttempts: number;

  constructor(
    private readonly outbox: OutboxRepository,
    config: ConfigService<AppEnv, true>,
  ) {
    this.maxAttempts = config.get('notify', { infer: true }).maxAttempts;
  }

  async queue(tx: EntityManager, items: readonly AccountMailItem[]): Promise<void> {
    const now = new Date();
    const drafts: (OutboxDraft & { maxAttempts: number })[] = items.map((item) => {
      const type = ACCOUNT_MAIL_TYPES[item.purpose];
      return {
        type,
        recipientId: item.user.id,
        channel: 'email',
        address: item.user.email,
        locale: item.user.locale,
        payload: { name: item.user.name, tokenId: item.tokenId, expiresAt: item.expiresAt.toISOString() },
        dedupeKey: rowKey(eventKey(type, item.tokenId), item.user.id, 'email'),
        competitionId: null,
        availableAt: now,
        guard: null,
        held: false,
        maxAttempts: this.maxAttempts,
      };
    });
    await this.outbox.insert(tx, drafts);
  }
}
