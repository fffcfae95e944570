/**
 * Anti-abuse rules for public responses and votes, as pure functions over what the database returns.
 * Rate limits count hits per address in fixed windows (the counters live in PostgreSQL, so every API
 * instance sees them); a burst is a run of submissions to one period closer together than people queueing
 * at a counter can manage. A burst is only flagged: excluding it is a person's visible, audited decision.
 */
export interface RateLimit {
  /** Hits allowed per address in one window. */
  max: number;
  windowSeconds: number;
}

export interface BurstRule {
  /** At least this many submissions … */
  count: number;
  /** … within this many seconds make a burst. */
  windowSeconds: number;
}

export interface AbuseSettings {
  responses: RateLimit;
  burst: BurstRule;
}

/** A counter kiosk sends every response from one address: the per-address limit leaves room for it. */
export const DEFAULT_ABUSE_SETTINGS: AbuseSettings = {
  responses: { max: 30, windowSeconds: 3600 },
  burst: { count: 10, windowSeconds: 120 },
};

/** The start of the fixed window `at` falls in. */
export function windowStart(at: Date, limit: RateLimit): Date {
  const ms = limit.windowSeconds * 1000;
  return new Date(Math.floor(at.getTime() / ms) * ms);
}

/** Seconds until the window of `at` ends (what Retry-After says), when `hits` exceeds the limit; else 0. */
export function retryAfterSeconds(hits: number, at: Date, limit: RateLimit): number {
  if (hits <= limit.max) return 0;
  const end = windowStart(at, limit).getTime() + limit.windowSeconds * 1000;
  return Math.max(1, Math.ceil((end - at.getTime()) / 1000));
}

export interface Stamped {
  id: string;
  at: Date;
}

export interface Burst {
  from: Date;
  to: Date;
  ids: string[];
}

/**
 * Maximal runs of submissions in which every `count` consecutive ones span at most `windowSeconds`;
 * overlapping windows merge into one burst. Input in any order; output ordered by time.
 */
export function findBursts(items: readonly Stamped[], rule: BurstRule): Burst[] {
  const sorted = [...items].sort((a, b) => a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const inBurst = new Array<boolean>(sorted.length).fill(false);
  const span = rule.windowSeconds * 1000;
  for (let i = 0; i + rule.count - 1 < sorted.length; i++) {
    const j = i + rule.count - 1;
    if (sorted[j].at.getTime() - sorted[i].at.getTime() <= span) for (let k = i; k <= j; k++) inBurst[k] = true;
  }
  const bursts: Burst[] = [];
  let current: Stamped[] = [];
  const close = () => {
    if (current.length) bursts.push({ from: current[0].at, to: current[current.length - 1].at, ids: current.map((s) => s.id) });
    current = [];
  };
  for (let i = 0; i < sorted.length; i++) {
    if (!inBurst[i]) close();
    else {
      // Two bursts apart by more than the window are two bursts, even with no calm item between them.
      if (current.length && sorted[i].at.getTime() - current[current.length - 1].at.getTime() > span) close();
      current.push(sorted[i]);
    }
  }
  close();
  return bursts;
}
