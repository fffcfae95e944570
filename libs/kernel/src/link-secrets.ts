/**
 * One-time links (a favourite vote's confirmation `/v/{token}`, the account links `…?token=…`) work for whoever
 * holds them, so only their recipient may ever see one: these keep them out of log lines and operator views.
 */
const LINK_PATH = /(\/v\/)[^/?#\s]+/g;
const TOKEN_QUERY = /([?&]token=)[^&#\s]*/gi;
export const REDACTED = '[redacted]';

/** A URL (or any text holding URLs) with the secret part of each one-time link replaced. */
export function redactLinkSecrets(text: string): string {
  return text.replace(LINK_PATH, `$1${REDACTED}`).replace(TOKEN_QUERY, `$1${REDACTED}`);
}

/** A stored message payload as an operator may see it: a `token` field (the one-time link's secret) is hidden. */
export function redactPayload(payload: Record<string, unknown>): Record<string, unknown> {
  return Object.hasOwn(payload, 'token') ? { ...payload, token: REDACTED } : payload;
}
