const JAKARTA_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 24 * 3600_000;

/** The next daily digest after `now`: `hour`:00 Western Indonesian Time (UTC+7). */
export function nextDigestAt(now: Date, hour: number): Date {
  const local = now.getTime() + JAKARTA_OFFSET_MS;
  const todayAt = Math.floor(local / DAY_MS) * DAY_MS + hour * 3600_000;
  const next = todayAt > local ? todayAt : todayAt + DAY_MS;
  return new Date(next - JAKARTA_OFFSET_MS);
}
