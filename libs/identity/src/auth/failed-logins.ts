import type { HitLog } from './hit-log';

/** How long a failed sign-in counts against its client address. */
export const LOGIN_ADDRESS_WINDOW_MS = 15 * 60_000;

/** 0 when fewer than `limit` hits are in the window; otherwise how long until the oldest counted one leaves it. */
export function retryAfterMs(hits: readonly number[], limit: number, windowMs: number, now: number): number {
  const recent = hits.filter((t) => t > now - windowMs);
  return recent.length >= limit ? recent[recent.length - limit] + windowMs - now : 0;
}

/**
 * Failed sign-ins per client address over a sliding window, whatever the e-mail: a password spray over many
 * accounts from one address. Only failures count, so many people signing in from behind one NAT (a whole
 * regional office) are not held up. At most `limit` times are kept per address, in the shared {@link HitLog}
 * (Redis or PostgreSQL): every API instance counts the same failures, and a restart forgets none.
 */
export class FailedLogins {
  constructor(
    private readonly log: HitLog,
    readonly limit: number,
    readonly windowMs = LOGIN_ADDRESS_WINDOW_MS,
  ) {}

  async retryAfterMs(address: string, now = Date.now()): Promise<number> {
    return retryAfterMs(await this.log.list(this.key(address), now, this.windowMs), this.limit, this.windowMs, now);
  }

  async record(address: string, now = Date.now()): Promise<void> {
    await this.log.add(this.key(address), now, this.windowMs, this.limit);
  }

  private key(address: string): string {
    return `failed:${addressKey(address)}`;
  }
}

/**
 * The address a limit applies to: IPv4 as is (also when written as IPv4-mapped IPv6), IPv6 by its /64 — one
 * subscriber usually holds a whole /64, so counting single IPv6 addresses would let a client rotate through them.
 */
export function addressKey(address: string): string {
  const ip = address.replace(/%.*$/, '').toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(ip);
  if (mapped) return mapped[1];
  if (!ip.includes(':')) return ip;
  const [head, tail] = ip.split('::');
  const groups = head ? head.split(':') : [];
  if (tail !== undefined) {
    const after = tail ? tail.split(':') : [];
    groups.push(...Array<string>(Math.max(0, 8 - groups.length - after.length)).fill('0'), ...after);
  }
  return `${groups
    .slice(0, 4)
    .map((g) => (parseInt(g, 16) || 0).toString(16))
    .join(':')}::/64`;
}
