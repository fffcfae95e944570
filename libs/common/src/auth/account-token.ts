import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** What a one-time account link is for: the invitation of a new account, or a password reset. */
export type AccountTokenPurpose = 'invitation' | 'password_reset';
/** Every one-time link signed this way: the account links, and a favourite vote's confirmation link. */
export type LinkTokenPurpose = AccountTokenPurpose | 'favourite_vote';

/** How long each kind of link works. */
export const ACCOUNT_TOKEN_TTL_MS: Record<AccountTokenPurpose, number> = { invitation: 7 * 24 * 3600_000, password_reset: 60 * 60_000 };

/**
 * The token of an account link: `<row id>.<HMAC of purpose and id>`, keyed by a key derived from the refresh-token
 * secret. The database keeps only its SHA-256 ({@link accountTokenHash}); the outbox row keeps only the id, and the
 * mail is rendered with the token worked out again at delivery (API and worker share the secret). So neither the
 * database nor the outbox admin pages hold a usable link, and a repeated delivery sends the same link.
 */
export function accountToken(secret: string, purpose: LinkTokenPurpose, id: string): string {
  const key = createHmac('sha256', secret).update('account-token-key').digest();
  return `${id}.${createHmac('sha256', key).update(`${purpose}:${id}`).digest('base64url')}`;
}

export function accountTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The row id of a well-formed token whose signature checks out for `purpose`; null otherwise. */
export function accountTokenId(secret: string, purpose: LinkTokenPurpose, token: string): string | null {
  const id = /^([0-9a-f-]{36})\.[\w-]{43}$/.exec(token)?.[1];
  if (!id) return null;
  const expected = Buffer.from(accountToken(secret, purpose, id));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}
