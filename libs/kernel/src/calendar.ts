/**
 * Dates and times as the platform shows them: Western Indonesian Time (WIB, Asia/Jakarta, UTC+7, no DST).
 * Pure functions over values passed in; nothing here reads the clock.
 */

const JAKARTA_OFFSET_MS = 7 * 60 * 60 * 1000;
const MONTHS = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  id: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
} as const;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** The calendar date (YYYY-MM-DD) in Jakarta at `instant`. */
export function jakartaDate(instant: Date): string {
  return new Date(instant.getTime() + JAKARTA_OFFSET_MS).toISOString().slice(0, 10);
}

/** A readable Jakarta time, e.g. `30 Jun 2025, 23:59 WIB` (`en`) or `17 Agu 2025, 09:00 WIB` (`id`). */
export function formatJakartaTime(instant: Date, locale: 'id' | 'en' = 'en'): string {
  const t = new Date(instant.getTime() + JAKARTA_OFFSET_MS);
  const hh = String(t.getUTCHours()).padStart(2, '0');
  const mm = String(t.getUTCMinutes()).padStart(2, '0');
  return `${t.getUTCDate()} ${MONTHS[locale][t.getUTCMonth()]} ${t.getUTCFullYear()}, ${hh}:${mm} WIB`;
}

/** True for a real calendar date written YYYY-MM-DD (2024-02-30 is not). */
export function isIsoDate(value: unknown): value is string {
  const m = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** True for an RFC 3339 timestamp with an explicit offset (`Z` or `+07:00`), so it names one instant. */
export function isIsoInstant(value: unknown): value is string {
  const m = typeof value === 'string' ? ISO_INSTANT.exec(value) : null;
  return m !== null && isIsoDate(m[1]) && !Number.isNaN(Date.parse(m[0]));
}

/** `date` (YYYY-MM-DD) plus `months` calendar months, clamped to the month's end (2024-01-31 + 1 → 2024-02-29). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
