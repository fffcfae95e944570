/** How long a failed sign-in counts against its client address. */
export const LOGIN_ADDRESS_WINDOW_MS = 15 * 60_000;

/**
 * Failed sign-ins per client address over a sliding window, whatever the e-mail: a password spray over many
 * accounts from one address. Only failures count, so many people signing in from behind one NAT (a whole
 * regional office) are not held up. At most `limit` times are kept per address, and addresses whose window
 * has passed are dropped as the map grows. In memory, like the per-e-mail throttler: per API process.
 */
export class FailedLogins {
  private readonly failures = new Map<string, number[]>();
  private recordsSincePrune = 0;

  constructor(
    readonly limit: number,
    readonly windowMs = LOGIN_ADDRESS_WINDOW_MS,
  ) {}

  /** 0 when the address may try again; otherwise how long until its oldest counted failure leaves the window. */
  retryAfterMs(address: string, now = Date.now()): number {
    const times = this.recent(addressKey(address), now);
    return times.length >= this.limit ? times[0] + this.windowMs - now : 0;
  }

  record(address: string, now = Date.now()): void {
    const key = addressKey(address);
    const times = this.recent(key, now);
    times.push(now);
    if (times.length > this.limit) times.splice(0, times.length - this.limit);
    this.failures.set(key, times);
    if (++this.recordsSincePrune >= 1000) this.prune(now);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => t > now - this.windowMs);
  }

  private prune(now: number): void {
    this.recordsSincePrune = 0;
    for (const [key, times] of this.failures) if (!times.some((t) => t > now - this.windowMs)) this.failures.delete(key);
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
  return `${groups.slice(0, 4).map((g) => (parseInt(g, 16) || 0).toString(16)).join(':')}::/64`;
}
