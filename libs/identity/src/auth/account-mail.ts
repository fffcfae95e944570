import type { EntityManager } from 'typeorm';
import type { AccountTokenPurpose } from '@app/common';

/**
 * The port through which identity has an account e-mail (invitation, password reset) written to the outbox in
 * the caller's transaction. Notifications implements it (identity cannot import notifications, which reads
 * users through identity); the mail holds the link's row id, never the token.
 */
export const ACCOUNT_MAIL = Symbol('ACCOUNT_MAIL');

export interface AccountMailItem {
  purpose: AccountTokenPurpose;
  tokenId: string;
  expiresAt: Date;
  user: { id: string; email: string; name: string; locale: 'id' | 'en' };
}

export interface AccountMail {
  queue(tx: EntityManager, items: readonly AccountMailItem[]): Promise<void>;
}
