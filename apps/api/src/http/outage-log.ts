/** How often an ongoing outage is logged again, with the number of requests it refused meanwhile. */
export const OUTAGE_LOG_INTERVAL_MS = 60_000;

/**
 * Logs an outage (PostgreSQL unavailable, statements cancelled by the timeout) once per interval instead of a stack
 * per request: the first refused request logs one line with its cause; later ones are counted, and the first one
 * after the interval logs that count. A fault not seen for a whole interval counts as over. Per kind of fault;
 * `now` passed in. Returns the line to log, or null.
 */
export class OutageLog {
  private readonly open = new Map<string, { since: number; lastLogged: number; lastSeen: number; refused: number }>();

  constructor(readonly intervalMs = OUTAGE_LOG_INTERVAL_MS) {}

  line(kind: string, cause: string, now: number): string | null {
    const state = this.open.get(kind);
    if (!state || now - state.lastSeen > this.intervalMs) {
      this.open.set(kind, { since: now, lastLogged: now, lastSeen: now, refused: 0 });
      return `${kind}: ${cause} (while it lasts, logged once a minute with a count)`;
    }
    state.lastSeen = now;
    state.refused++;
    if (now - state.lastLogged < this.intervalMs) return null;
    const line = `${kind} continues since ${new Date(state.since).toISOString()}: ${state.refused} more requests refused in the last ${Math.round((now - state.lastLogged) / 1000)} s; latest cause: ${cause}`;
    state.lastLogged = now;
    state.refused = 0;
    return line;
  }
}
